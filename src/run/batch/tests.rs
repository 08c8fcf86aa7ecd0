//! The batch kernel against the recording runner: the same outcome, bit for bit, for every
//! optimizer family on several surfaces, a regression and a typed formula, with schedules,
//! L1, divergence, fallbacks and several starts.

use super::{run_batch, run_to_end};
use crate::run::{DivergenceCause, Outcome, Status};
use crate::scenario::{decode, Scenario};
use crate::vec2::Vec2;

/// Every family with settings that move (and for some, diverge) within the steps.
const RUNS: &str = r#"[
    {"optimizer": "sgd", "lr": 0.001},
    {"optimizer": "sgd", "lr": 0.001, "momentum": 0.9, "nesterov": true, "weight_decay": 0.01},
    {"optimizer": "sgd", "lr": 0.001, "momentum": 0.8, "dampening": 0.1},
    {"optimizer": "adagrad", "lr": 0.1},
    {"optimizer": "rmsprop", "lr": 0.01, "centered": true, "momentum": 0.5},
    {"optimizer": "adadelta", "lr": 1.0},
    {"optimizer": "adam", "lr": 0.01},
    {"optimizer": "adam", "lr": 0.01, "amsgrad": true, "l1": 0.05},
    {"optimizer": "adamw", "lr": 0.02, "schedule": {"kind": "cosine", "t_max": 50}},
    {"optimizer": "nadam", "lr": 0.01, "schedule": {"kind": "exponential", "gamma": 0.99}},
    {"optimizer": "radam", "lr": 0.01, "warmup": {"steps": 10}},
    {"optimizer": "adam", "lr": 0.05, "schedule": {"kind": "plateau", "patience": 3}},
    {"optimizer": "sgd", "lr": 0.5},
    {"optimizer": "sgd", "lr": 0.06, "schedule": {"kind": "step", "step_size": 7, "gamma": 0.5}}
]"#;

fn scenario(problem: &str, start: [f64; 2], steps: u64, runs: &str) -> Scenario {
    let text = format!(
        r#"{{"problem": {problem}, "start": {start:?}, "steps": {steps}, "tolerance": 0.05,
            "runs": {runs}}}"#
    );
    decode(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Outcomes compared bit for bit (NaN included), with the case named on failure.
fn assert_same(batch: &Outcome, runner: &Outcome, what: &str) {
    let bits = |o: &Outcome| {
        (
            (o.status, o.steps, o.reached_at, o.best_step),
            [
                o.final_point.x,
                o.final_point.y,
                o.final_loss,
                o.start.x,
                o.start.y,
            ]
            .map(f64::to_bits),
            o.epochs.map(f64::to_bits),
            o.final_validation_loss.map(f64::to_bits),
        )
    };
    assert_eq!(bits(batch), bits(runner), "{what}: {batch:?} vs {runner:?}");
}

/// Each run of the scenario through the kernel and through `Scenario::run`.
fn check(s: &Scenario, what: &str) -> Vec<Outcome> {
    let runners = s.run();
    let batch = run_batch(&s.problem, &s.runs, &[s.start], s.steps, s.tolerance);
    assert_eq!(batch.len(), runners.len());
    for (i, (b, r)) in batch.iter().zip(&runners).enumerate() {
        assert_same(
            b,
            &r.outcome(),
            &format!("{what} run {i} ({})", s.runs[i].name),
        );
        let one = run_to_end(&s.problem, &s.runs[i], s.start, s.steps, s.tolerance);
        assert_same(&one, b, &format!("{what} run {i}: run_to_end"));
    }
    batch
}

#[test]
fn every_family_on_several_surfaces_equals_the_runner() {
    let mut diverged = 0;
    let mut reached = 0;
    for (surface, start) in [
        ("rosenbrock", [-1.5, 2.0]),
        ("beale", [1.0, 1.5]),
        ("himmelblau", [0.5, -0.5]),
        ("ackley", [-3.7, 3.1]),
        ("saddle", [0.5, 0.01]),
        ("bowl", [1.0, -0.5]),
    ] {
        let s = scenario(&format!(r#"{{"surface": "{surface}"}}"#), start, 400, RUNS);
        for o in check(&s, surface) {
            diverged += usize::from(matches!(o.status, Status::Diverged { .. }));
            reached += usize::from(o.reached_at.is_some());
        }
    }
    // The cases cover both endings and runs that reach a minimum.
    assert!(diverged >= 3, "{diverged} diverged");
    assert!(reached >= 10, "{reached} reached");
}

#[test]
fn regression_and_formulas_equal_the_runner() {
    let regression = r#"{"regression": {"generate": {"n": 40, "noise": 0.3, "seed": 3}}}"#;
    check(&scenario(regression, [0.0, 0.0], 300, RUNS), "regression");
    // A batch as large as the data is full batch: the kernel runs it.
    let full = r#"[{"optimizer": "sgd", "lr": 0.1, "batch_size": 40, "seed": 9}]"#;
    check(
        &scenario(regression, [0.0, 0.0], 300, full),
        "regression, batch = data",
    );
    let formula = r#"{"expr": "(1 - x)^2 + 100*(y - x^2)^2 + sin(3*x)"}"#;
    check(&scenario(formula, [-1.5, 2.0], 300, RUNS), "formula");
}

#[test]
fn runs_outside_the_kernel_fall_back_to_the_same_outcome() {
    let regression = r#"{"regression": {"generate": {"n": 40, "noise": 2.0, "seed": 3},
        "validation_split": 0.25, "split_seed": 1}}"#;
    let runs = r#"[
        {"optimizer": "sgd", "lr": 0.05, "batch_size": 8, "seed": 4},
        {"optimizer": "adam", "lr": 0.05, "early_stopping": {"patience": 5, "restore_best": true}},
        {"optimizer": "sgd", "lr": 0.05, "batch_size": 30}
    ]"#;
    let out = check(&scenario(regression, [0.0, 0.0], 500, runs), "fallback");
    assert!(matches!(out[1].status, Status::EarlyStopped { .. }));
    assert!(out.iter().all(|o| o.final_validation_loss.is_some()));
}

#[test]
fn starts_that_are_not_finite_and_zero_steps() {
    let s = scenario(r#"{"surface": "rosenbrock"}"#, [-1.5, 2.0], 0, RUNS);
    let out = check(&s, "zero steps");
    assert!(out
        .iter()
        .all(|o| o.status == Status::Completed && o.steps == 0));
    let starts = [
        Vec2::new(f64::NAN, 0.0),
        Vec2::new(1e300, 1e300),
        Vec2::new(1.0, 1.0),
    ];
    let s = scenario(r#"{"surface": "rosenbrock"}"#, [0.0, 0.0], 20, RUNS);
    let batch = run_batch(&s.problem, &s.runs, &starts, s.steps, s.tolerance);
    assert_eq!(batch.len(), starts.len() * s.runs.len());
    for (j, &start) in starts.iter().enumerate() {
        for (i, spec) in s.runs.iter().enumerate() {
            let mut r =
                crate::run::Runner::new(s.problem.clone(), spec.clone(), start, s.tolerance);
            r.advance(s.steps);
            r.finish();
            assert_same(
                &batch[j * s.runs.len() + i],
                &r.outcome(),
                &format!("start {j} run {i}"),
            );
        }
    }
    let cause = DivergenceCause::NonFiniteLoss;
    assert_eq!(batch[0].status, Status::Diverged { step: 0, cause });
    // Starting on the minimum counts as reached at step 0.
    assert_eq!(batch[2 * s.runs.len() + 6].reached_at, Some(0));
}

/// Many runs of one family, each with its own hyper-parameters (so each lane differs), in
/// counts that do not fill the lanes evenly, some diverging after a few steps while their
/// neighbours run on: every run equals its own recording runner.
#[test]
fn lanes_of_one_family_equal_the_runner_run_by_run() {
    let families: [(&str, &[&str]); 5] = [
        (
            "adam",
            &[
                r#""betas": [0.8, 0.99]"#,
                r#""amsgrad": true"#,
                r#""betas": [0.95, 0.9]"#,
            ],
        ),
        ("adamw", &[r#""weight_decay": 0.1"#, r#""eps": 1e-3"#]),
        (
            "nadam",
            &[r#""momentum_decay": 0.01"#, r#""betas": [0.7, 0.95]"#],
        ),
        ("radam", &[r#""betas": [0.85, 0.98]"#]),
        (
            "sgd",
            &[r#""momentum": 0.9"#, r#""momentum": 0.5, "nesterov": true"#],
        ),
    ];
    let mut diverged = 0;
    for (family, extras) in families {
        for count in [1, 3, 5, 7, 10] {
            // Learning rates from tame to diverging, interleaved so a lane's neighbours
            // outlive it; hyper-parameters cycle through the family's extras.
            let runs: Vec<String> = (0..count)
                .map(|i| {
                    let lr = if i % 3 == 2 {
                        40.0
                    } else {
                        1e-3 * f64::from(i + 1)
                    };
                    let extra = extras[i as usize % extras.len()];
                    format!(r#"{{"optimizer": "{family}", "lr": {lr}, {extra}}}"#)
                })
                .collect();
            let runs = format!("[{}]", runs.join(","));
            let s = scenario(r#"{"surface": "rosenbrock"}"#, [-1.5, 2.0], 300, &runs);
            let out = check(&s, &format!("{family} × {count}"));
            diverged += out
                .iter()
                .filter(|o| matches!(o.status, Status::Diverged { step, .. } if step < 300))
                .count();
            // Several starts of the same runs (a basin map): start-major outcomes.
            let starts = [
                Vec2::new(-1.5, 2.0),
                Vec2::new(0.3, -0.4),
                Vec2::new(2.0, 2.0),
            ];
            let batch = run_batch(&s.problem, &s.runs, &starts, s.steps, s.tolerance);
            for (j, &start) in starts.iter().enumerate() {
                for (i, spec) in s.runs.iter().enumerate() {
                    let one = run_to_end(&s.problem, spec, start, s.steps, s.tolerance);
                    let what = format!("{family} × {count}, start {j}, run {i}");
                    assert_same(&batch[j * s.runs.len() + i], &one, &what);
                }
            }
        }
    }
    assert!(diverged >= 10, "{diverged} diverged early");
}

/// Different families in one batch form their own groups; the outcomes keep their order.
#[test]
fn mixed_families_keep_their_places() {
    let runs = r#"[
        {"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.001},
        {"optimizer": "adam", "lr": 0.02}, {"optimizer": "rmsprop", "lr": 0.01},
        {"optimizer": "sgd", "lr": 0.002}, {"optimizer": "adam", "lr": 0.03},
        {"optimizer": "adam", "lr": 0.05, "early_stopping": {"patience": 5}},
        {"optimizer": "adam", "lr": 0.04}, {"optimizer": "adam", "lr": 0.06}
    ]"#;
    let s = scenario(r#"{"surface": "himmelblau"}"#, [0.5, -0.5], 500, runs);
    check(&s, "mixed");
}

#[test]
fn noisy_runs_fall_back_to_the_runner_and_keep_their_noise() {
    let runs = r#"[
        {"optimizer": "sgd", "lr": 0.001, "noise": {"sigma": 0.5, "scale": "relative", "seed": 3}},
        {"optimizer": "adam", "lr": 0.02, "noise": {"sigma": 2.0, "scale": "absolute", "seed": 5}},
        {"optimizer": "adam", "lr": 0.02}
    ]"#;
    let s = scenario(r#"{"surface": "rosenbrock"}"#, [-1.5, 2.0], 300, runs);
    let out = check(&s, "noise");
    // The noise moved the run: the noisy Adam ends elsewhere than the same Adam without it.
    assert_ne!(out[1].final_point, out[2].final_point);
}
