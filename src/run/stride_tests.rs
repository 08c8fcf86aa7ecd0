//! The monomorphised recording loop (`stride.rs`) against [`Runner::step`] taken one step
//! at a time: the same record bit for bit (points, losses, rates, validation losses), the
//! same status, bookkeeping, last gradient, optimizer and schedule state, for every family
//! on several surfaces, a regression (with and without a validation split), a formula,
//! schedules, warm-up, L1, noise, early stopping, divergence and live changes.

use super::{Runner, Status, Trajectory};
use crate::scenario::{decode, Scenario};

/// Every family with settings that move (and for some, diverge or stop early).
const RUNS: &str = r#"[
    {"optimizer": "sgd", "lr": 0.001},
    {"optimizer": "sgd", "lr": 0.001, "momentum": 0.9, "nesterov": true, "weight_decay": 0.01},
    {"optimizer": "adagrad", "lr": 0.1, "l1": 0.02},
    {"optimizer": "rmsprop", "lr": 0.01, "centered": true, "momentum": 0.5},
    {"optimizer": "adadelta", "lr": 1.0},
    {"optimizer": "adam", "lr": 0.01},
    {"optimizer": "adam", "lr": 0.01, "amsgrad": true, "l1": 0.05},
    {"optimizer": "adamw", "lr": 0.02, "schedule": {"kind": "cosine", "t_max": 50}},
    {"optimizer": "nadam", "lr": 0.01, "schedule": {"kind": "exponential", "gamma": 0.999}},
    {"optimizer": "radam", "lr": 0.01, "warmup": {"steps": 10}},
    {"optimizer": "adam", "lr": 0.05, "schedule": {"kind": "plateau", "patience": 3}},
    {"optimizer": "sgd", "lr": 0.5},
    {"optimizer": "sgd", "lr": 0.06, "schedule": {"kind": "step", "step_size": 7, "gamma": 0.5}},
    {"optimizer": "adam", "lr": 0.02, "noise": {"sigma": 0.5, "scale": "relative", "seed": 3}},
    {"optimizer": "adam", "lr": 0.02, "early_stopping": {"patience": 40, "min_delta": 1e-9}},
    {"optimizer": "rmsprop", "lr": 0.05, "early_stopping": {"patience": 1}},
    {"optimizer": "adagrad", "lr": 0.5, "early_stopping": {"patience": 300, "min_delta": 1e-4}}
]"#;

/// Steps per run: past two checkpoints.
const STEPS: u64 = 2_500;

fn scenario(problem: &str, start: [f64; 2], runs: &str) -> Scenario {
    let text = format!(
        r#"{{"problem": {problem}, "start": {start:?}, "steps": {STEPS}, "tolerance": 0.05,
            "runs": {runs}}}"#
    );
    decode(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// A record as bits (so that -0.0 and 0.0, or two NaNs, are told apart or not as stored).
fn bits(t: &Trajectory) -> [Vec<u64>; 5] {
    let b = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    [
        b(&t.trajectory.iter().map(|p| p.x).collect::<Vec<_>>()),
        b(&t.trajectory.iter().map(|p| p.y).collect::<Vec<_>>()),
        b(&t.loss),
        b(&t.lr),
        b(&t.validation_loss),
    ]
}

/// Everything but the record that a step changes, as comparable values.
fn state(r: &Runner) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        r.status,
        r.reached_at,
        r.best.0.to_bits(),
        (r.best.1, r.bad_steps),
        r.last_gradient.map(|g| (g.x.to_bits(), g.y.to_bits())),
        r.optimizer,
        r.schedule,
        r.steps_taken(),
    )
}

/// Run `i` of `s` advanced in uneven chunks against the same run stepped one by one.
fn check_run(s: &Scenario, i: usize, what: &str) -> Status {
    let what = format!("{what} run {i} ({})", s.runs[i].name);
    let mut strided = s.runner(i).unwrap();
    strided.set_compact(false);
    let mut stepped = s.runner(i).unwrap();
    stepped.set_compact(false);
    let mut taken = 0;
    for chunk in [1, 7, 1_100, 3, 1_389] {
        taken += strided.advance(chunk);
    }
    let mut steps = 0;
    while steps < STEPS && stepped.step() {
        steps += 1;
    }
    assert_eq!(taken, steps, "{what}: steps taken");
    assert_eq!(state(&strided), state(&stepped), "{what}");
    assert!(
        bits(&strided.record) == bits(&stepped.record),
        "{what}: records differ"
    );
    // The strided run kept a checkpoint at each interval it crossed.
    let expected: Vec<u64> = (1..=taken / super::CHECKPOINT_EVERY)
        .map(|c| c * super::CHECKPOINT_EVERY)
        .collect();
    assert_eq!(strided.checkpoint_steps(), expected, "{what}: checkpoints");
    strided.status()
}

fn check(s: &Scenario, what: &str) -> Vec<Status> {
    (0..s.runs.len()).map(|i| check_run(s, i, what)).collect()
}

#[test]
fn every_family_on_several_surfaces_records_what_single_steps_record() {
    let mut ended = Vec::new();
    for (surface, start) in [
        ("rosenbrock", [-1.5, 2.0]),
        ("beale", [1.0, 1.5]),
        ("himmelblau", [0.5, -0.5]),
        ("ackley", [-3.7, 3.1]),
        ("saddle", [0.5, 0.01]),
        ("rastrigin", [2.2, -1.3]),
    ] {
        let s = scenario(&format!(r#"{{"surface": "{surface}"}}"#), start, RUNS);
        ended.extend(check(&s, surface));
    }
    // The cases cover every ending.
    let count = |f: fn(&Status) -> bool| ended.iter().filter(|s| f(s)).count();
    assert!(count(|s| matches!(s, Status::Diverged { .. })) >= 3);
    assert!(count(|s| matches!(s, Status::EarlyStopped { .. })) >= 6);
    assert!(count(|s| matches!(s, Status::Running)) >= 20);
}

#[test]
fn regressions_and_formulas_record_what_single_steps_record() {
    let plain = r#"{"regression": {"generate": {"n": 40, "noise": 0.3, "seed": 3}}}"#;
    check(&scenario(plain, [0.0, 0.0], RUNS), "regression");
    let split = r#"{"regression": {"generate": {"n": 60, "noise": 2.0, "seed": 1},
        "validation_split": 0.5, "split_seed": 2}}"#;
    let runs = r#"[
        {"optimizer": "sgd", "lr": 0.05, "early_stopping": {"patience": 20}},
        {"optimizer": "adam", "lr": 0.05, "batch_size": 8, "seed": 4},
        {"optimizer": "rmsprop", "lr": 0.01}
    ]"#;
    let ended = check(&scenario(split, [0.0, 0.0], runs), "validation split");
    assert!(matches!(ended[0], Status::EarlyStopped { .. }));
    let formula = r#"{"expr": "(1 - x)^2 + 100*(y - x^2)^2 + sin(3*x)"}"#;
    check(&scenario(formula, [-1.5, 2.0], RUNS), "formula");
}

#[test]
fn live_changes_between_strides_record_what_single_steps_record() {
    let s = scenario(r#"{"surface": "rosenbrock"}"#, [-1.5, 2.0], RUNS);
    let changed = scenario(
        r#"{"surface": "rosenbrock"}"#,
        [-1.5, 2.0],
        r#"[{"optimizer": "adam", "lr": 0.003, "schedule": {"kind": "plateau", "patience": 2}}]"#,
    );
    let mut strided = s.runner(5).unwrap();
    let mut stepped = s.runner(5).unwrap();
    strided.set_compact(false);
    stepped.set_compact(false);
    for (n, change) in [(300, true), (900, false), (50, true)] {
        strided.advance(n);
        for _ in 0..n {
            stepped.step();
        }
        if change {
            strided.set_spec(changed.runs[0].clone());
            stepped.set_spec(changed.runs[0].clone());
        }
    }
    assert_eq!(state(&strided), state(&stepped));
    assert!(bits(&strided.record) == bits(&stepped.record));
}
