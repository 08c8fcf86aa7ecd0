//! The native speed of the batch kernel on the bench's Adam case: 8 runs of 100,000 steps
//! on Rosenbrock (learning rates spread as `benches/kernels.rs`' `batch_many`) through
//! `run::run_batch`, and one run through `run::run_to_end`; prints the best time per run.
//! A profiling target (`perf record target/release/examples/batch_bench`): run with
//! `cargo run --release --example batch_bench [optimizer] [repeats]`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // a measuring tool: a failure ends it

use gradscape::run::{run_batch, run_to_end};
use std::time::Instant;

const STEPS: u64 = 100_000;
const MANY: usize = 8;

fn main() {
    let mut args = std::env::args().skip(1);
    let optimizer = args.next().unwrap_or_else(|| "adam".into());
    let repeats: usize = args.next().map_or(20, |r| r.parse().expect("a count"));
    let runs: Vec<String> = (0..MANY)
        .map(|i| {
            let lr = 1e-3 * (1.0 + i as f64 / (4.0 * MANY as f64));
            format!(r#"{{"optimizer": "{optimizer}", "lr": {lr}}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [-1.5, 2.0], "steps": {STEPS},
            "runs": [{}]}}"#,
        runs.join(",")
    );
    let s = gradscape::decode(&text).expect("valid scenario");
    let (mut many, mut one) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..repeats {
        let t = Instant::now();
        let out = run_batch(&s.problem, &s.runs, &[s.start], STEPS, s.tolerance);
        many = many.min(t.elapsed().as_secs_f64() * 1e3 / MANY as f64);
        assert!(out.iter().all(|o| o.steps == STEPS));
        let t = Instant::now();
        let o = run_to_end(&s.problem, &s.runs[0], s.start, STEPS, s.tolerance);
        one = one.min(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(o.steps, STEPS);
    }
    println!("{optimizer}: {many:.3} ms per run of {MANY} side by side, {one:.3} ms alone");
}
