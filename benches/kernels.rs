//! Native benchmarks of the engine's kernels (`make bench` runs them; `cargo bench --bench
//! kernels` alone works too). The same kernels run in wasm on `www/bench.html` through
//! `src/web/bench.rs`, with the same inputs, so `scripts/bench.mjs` can put the two side by
//! side; keep the inputs here and in `www/bench/kernels.mjs` in step.
//!
//! - `optimizer_steps`: `Runner::advance(STEPS)` on Rosenbrock from a fresh run (decoded
//!   from the same scenario JSON as the page), per optimizer, recording included;
//! - `batch_steps`: the same runs through the batch kernel (`run::run_to_end`), which
//!   records nothing;
//! - `batch_many`: `MANY` such runs (learning rates spread as a map's) in one
//!   `run::run_batch`, which steps independent runs side by side; divide by `MANY` for
//!   the time per run of `STEPS` steps;
//! - `surface_sample_1024` / `surface_colorize_1024`: `Grid::sample` and `colorize` (log
//!   scale) of Rosenbrock over its default view at 1024×1024;
//! - `isolines_1024`: `Grid::isolines` at 10 levels of that grid;
//! - `regression_gradient_1m`: the full-batch gradient over 1,000,000 generated points.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

use divan::Bencher;
use gradscape::field::{Grid, Scale};
use gradscape::objective::Problem;
use gradscape::regression::{Dataset, GenerateSpec};
use gradscape::run::{run_batch, run_to_end};
use gradscape::surfaces::SurfaceKind;
use gradscape::Vec2;

fn main() {
    divan::main();
}

/// Steps per measured call.
const STEPS: u64 = 100_000;
/// Runs per call of `batch_many`.
const MANY: usize = 8;
/// Side of the sampled grid.
const SIDE: usize = 1024;
/// Contour levels.
const LEVELS: usize = 10;
/// Regression points.
const POINTS: usize = 1_000_000;

/// One run of `optimizer` on Rosenbrock, with a learning rate that does not diverge over
/// `STEPS` steps (the same as `www/bench/kernels.mjs`).
fn scenario(optimizer: &str) -> String {
    let lr = match optimizer {
        "sgd" => 1e-4,
        "adagrad" => 0.1,
        "adadelta" => 1.0,
        _ => 1e-3,
    };
    format!(
        r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [-1.5, 2.0], "steps": {STEPS},
            "runs": [{{"optimizer": "{optimizer}", "lr": {lr}}}]}}"#
    )
}

const OPTIMIZERS: [&str; 8] = [
    "sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "radam",
];

#[divan::bench(args = OPTIMIZERS, sample_count = 10, sample_size = 1)]
fn optimizer_steps(bencher: Bencher, optimizer: &str) {
    let scenario = gradscape::decode(&scenario(optimizer)).expect("valid scenario");
    bencher
        .counter(divan::counter::ItemsCount::new(STEPS))
        .with_inputs(|| scenario.runner(0).expect("one run"))
        .bench_local_values(|mut runner| {
            let taken = runner.advance(STEPS);
            assert_eq!(taken, STEPS, "{optimizer} stopped early");
            runner
        });
}

/// The batch kernel (`run::run_to_end`, no recording) on the same runs as `optimizer_steps`.
#[divan::bench(args = OPTIMIZERS, sample_count = 10, sample_size = 1)]
fn batch_steps(bencher: Bencher, optimizer: &str) {
    let s = gradscape::decode(&scenario(optimizer)).expect("valid scenario");
    bencher
        .counter(divan::counter::ItemsCount::new(STEPS))
        .bench_local(|| {
            let o = run_to_end(
                &s.problem,
                &s.runs[0],
                divan::black_box(s.start),
                STEPS,
                s.tolerance,
            );
            assert_eq!(o.steps, STEPS, "{optimizer} stopped early");
            o
        });
}

/// `MANY` runs of `optimizer` (learning rates within 25% of `optimizer_steps`' one, as a
/// hyper-parameter map has them) through `run::run_batch`, `STEPS` steps each: the batch
/// kernel's many-runs case, where independent runs are stepped side by side. Divide by
/// `MANY` for the time per run.
#[divan::bench(args = OPTIMIZERS, sample_count = 10, sample_size = 1)]
fn batch_many(bencher: Bencher, optimizer: &str) {
    let one = gradscape::decode(&scenario(optimizer)).expect("valid scenario");
    let lr = one.runs[0].optimizer.lr();
    let runs: Vec<String> = (0..MANY)
        .map(|i| {
            let lr = lr * (1.0 + i as f64 / (4.0 * MANY as f64));
            format!(r#"{{"optimizer": "{optimizer}", "lr": {lr}}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [-1.5, 2.0], "steps": {STEPS},
            "runs": [{}]}}"#,
        runs.join(",")
    );
    let s = gradscape::decode(&text).expect("valid scenario");
    bencher
        .counter(divan::counter::ItemsCount::new(STEPS * MANY as u64))
        .bench_local(|| {
            let out = run_batch(&s.problem, &s.runs, &[s.start], STEPS, s.tolerance);
            assert!(
                out.iter().all(|o| o.steps == STEPS),
                "{optimizer} stopped early"
            );
            out
        });
}

fn rosenbrock() -> (Problem, gradscape::surfaces::Bounds) {
    let problem = Problem::Surface(SurfaceKind::Rosenbrock);
    let bounds = problem.bounds();
    (problem, bounds)
}

fn grid() -> Grid {
    let (problem, bounds) = rosenbrock();
    Grid::sample(&problem, bounds, SIDE, SIDE)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn surface_sample_1024(bencher: Bencher) {
    let (problem, bounds) = rosenbrock();
    bencher.bench_local(|| Grid::sample(&problem, divan::black_box(bounds), SIDE, SIDE));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn surface_colorize_1024(bencher: Bencher) {
    let grid = grid();
    bencher.bench_local(|| divan::black_box(&grid).colorize(Scale::Log));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn isolines_1024(bencher: Bencher) {
    let grid = grid();
    let levels = grid.levels(Scale::Log, LEVELS);
    bencher.bench_local(|| divan::black_box(&grid).isolines(&levels));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn regression_gradient_1m(bencher: Bencher) {
    let data = Dataset::generate(&GenerateSpec {
        n: POINTS,
        slope: 2.0,
        intercept: -1.0,
        noise: 0.5,
        x_range: [-1.0, 1.0],
        seed: 7,
    });
    bencher.bench_local(|| data.gradient(divan::black_box(Vec2::new(0.5, 0.5)), None));
}
