//! The run loop: divergence, early stopping, steps to tolerance, mini-batches, live changes.

use crate::run::{DivergenceCause, Status};
use crate::scenario::decode;
use crate::vec2::Vec2;

fn run_one(text: &str) -> crate::run::Runner {
    decode(text).unwrap().run().remove(0)
}

#[test]
fn a_huge_learning_rate_diverges_at_a_step_and_keeps_only_finite_points() {
    let r = run_one(
        r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 500,
            "runs": [{"optimizer": "sgd", "lr": 0.5}]}"#,
    );
    let Status::Diverged { step, cause } = r.status() else {
        panic!("{:?}", r.status())
    };
    assert!((1..20).contains(&step), "diverged at {step}");
    assert!(matches!(
        cause,
        DivergenceCause::OutOfBounds
            | DivergenceCause::NonFiniteParameter
            | DivergenceCause::NonFiniteLoss
    ));
    let rec = r.record();
    assert_eq!(rec.trajectory.len() as u64, step);
    assert_eq!(rec.lr.len() + 1, rec.trajectory.len());
    assert!(rec.trajectory.iter().all(|p| p.is_finite()));
    assert!(rec.loss.iter().all(|l| l.is_finite()));
    // The stopped run refuses further steps.
    let mut r = r;
    assert!(!r.step());
}

#[test]
fn completed_runs_report_the_first_step_within_tolerance() {
    let r = run_one(
        r#"{"problem": {"surface": "bowl"}, "start": [1, 0], "steps": 50, "tolerance": 0.01,
            "runs": [{"optimizer": "sgd", "lr": 0.25}]}"#,
    );
    // x_k = (1 − 2·0.25)^k = 0.5^k: first below 0.01 at k = 7 (0.0078).
    assert_eq!(r.status(), Status::Completed);
    assert_eq!(r.reached_at(), Some(7));
    assert_eq!(r.record().trajectory.len(), 51);
    assert!((r.record().trajectory[7].x - 0.5f64.powi(7)).abs() < 1e-15);
}

#[test]
fn early_stopping_watches_the_validation_loss() {
    // A tiny learning rate with a noisy validation set: validation loss stops improving
    // while training goes on, and the run stops `patience` steps after its best step.
    let text = r#"{"problem": {"regression": {"generate": {"n": 60, "noise": 2.0, "seed": 1},
                    "validation_split": 0.5, "split_seed": 2}},
        "start": [0, 0], "steps": 5000,
        "runs": [{"optimizer": "sgd", "lr": 0.05, "early_stopping": {"patience": 20}}]}"#;
    let r = run_one(text);
    let Status::EarlyStopped { step, best_step } = r.status() else {
        panic!("{:?}", r.status())
    };
    assert_eq!(step, best_step + 20);
    let v = &r.record().validation_loss;
    assert_eq!(v.len(), r.record().trajectory.len());
    let best = v[best_step as usize];
    assert!(v.iter().all(|&x| x >= best));
}

#[test]
fn mini_batches_are_deterministic_in_the_seed_and_noisier_than_full_batch() {
    let scenario = |batch: &str, seed: u64| {
        format!(
            r#"{{"problem": {{"regression": {{"generate": {{"n": 64, "seed": 5}}}}}},
                "start": [0, 0], "steps": 40,
                "runs": [{{"optimizer": "sgd", "lr": 0.1 {batch}, "seed": {seed}}}]}}"#
        )
    };
    let a = run_one(&scenario(r#", "batch_size": 4"#, 1));
    let b = run_one(&scenario(r#", "batch_size": 4"#, 1));
    let c = run_one(&scenario(r#", "batch_size": 4"#, 2));
    let full = run_one(&scenario("", 1));
    assert_eq!(a.record(), b.record());
    assert_ne!(a.record().trajectory, c.record().trajectory);
    assert_ne!(a.record().trajectory, full.record().trajectory);
    assert_eq!(a.epochs(), Some(40.0 * 4.0 / 64.0));
    assert_eq!(a.epochs_at(40), a.epochs());
    // 64 points in batches of 5: 13 batches an epoch, the last of 4 points.
    let odd = run_one(&scenario(r#", "batch_size": 5"#, 1));
    assert_eq!(odd.epochs_at(13), Some(1.0));
    assert_eq!(odd.epochs_at(14), Some(1.0 + 5.0 / 64.0));
    assert_eq!(odd.epochs_at(40), odd.epochs());
    // Full-batch loss never increases at this small rate; mini-batch loss does at times.
    let rises = |l: &[f64]| l.windows(2).filter(|w| w[1] > w[0]).count();
    assert_eq!(rises(&full.record().loss), 0);
    assert!(rises(&a.record().loss) > 0);
}

#[test]
fn a_live_change_alters_later_steps_only() {
    let s = decode(
        r#"{"problem": {"surface": "rosenbrock"}, "steps": 100,
            "runs": [{"optimizer": "adam", "lr": 0.01}]}"#,
    )
    .unwrap();
    let mut live = s.runner(0).unwrap();
    let mut same = s.runner(0).unwrap();
    live.advance(10);
    same.advance(10);
    let before = live.record().trajectory.clone();
    let mut faster = s.runs[0].clone();
    faster.optimizer = decode(
        r#"{"problem": {"surface": "rosenbrock"}, "runs": [{"optimizer": "adam", "lr": 0.1}]}"#,
    )
    .unwrap()
    .runs[0]
        .optimizer
        .clone();
    live.set_spec(faster);
    live.advance(5);
    same.advance(5);
    assert_eq!(&live.record().trajectory[..11], &before[..]);
    assert_eq!(live.record().lr[10], 0.1);
    assert_ne!(live.record().trajectory[11], same.record().trajectory[11]);
}

#[test]
fn l1_pulls_a_coordinate_to_zero_and_is_in_the_recorded_loss() {
    let r = run_one(
        r#"{"problem": {"surface": "bowl"}, "start": [0.0, 1.0], "steps": 1,
            "runs": [{"optimizer": "sgd", "lr": 0.1, "l1": 0.5}]}"#,
    );
    // Loss 1 + 0.5·1; gradient (0 + 0, 2 + 0.5): sign(0) = 0 leaves x at 0.
    assert_eq!(r.record().loss[0], 1.5);
    assert_eq!(r.record().trajectory[1], Vec2::new(0.0, 1.0 - 0.25));
}

#[test]
fn a_warm_start_begins_where_pretraining_on_the_source_ended() {
    let text = r#"{"problem": {"regression": {"generate": {"n": 50, "slope": 2.2, "intercept": -0.8, "seed": 1}}},
        "start": [0, 0], "steps": 300, "tolerance": 0.01,
        "runs": [{"name": "scratch", "optimizer": "sgd", "lr": 0.1},
                 {"name": "warm", "optimizer": "sgd", "lr": 0.1,
                  "warm_start": {"source": {"generate": {"n": 50, "slope": 2.0, "intercept": -1.0, "seed": 2}}, "steps": 300}}]}"#;
    let s = decode(text).unwrap();
    let runs = s.run();
    let (scratch, warm) = (&runs[0], &runs[1]);
    // The warm run starts at the source task's solution, not at the scenario's start...
    let source = decode(
        r#"{"problem": {"regression": {"generate": {"n": 50, "slope": 2.0, "intercept": -1.0, "seed": 2}}},
            "start": [0, 0], "steps": 300, "runs": [{"optimizer": "sgd", "lr": 0.1}]}"#,
    )
    .unwrap()
    .run()
    .remove(0);
    assert_eq!(warm.record().trajectory[0], source.point());
    assert_eq!(warm.outcome().start, source.point());
    assert_eq!(scratch.record().trajectory[0], Vec2::ZERO);
    // ...and, the tasks being alike, reaches the target's minimum in fewer steps.
    let (a, b) = (scratch.reached_at().unwrap(), warm.reached_at().unwrap());
    assert!(b < a, "warm {b} vs scratch {a}");
    // Written back, the warm start round-trips.
    assert_eq!(decode(&s.to_json().to_string()).unwrap(), s);
}

#[test]
fn restore_best_reports_the_best_step_as_the_result() {
    let text = |restore: bool| {
        format!(
            r#"{{"problem": {{"regression": {{"generate": {{"n": 60, "noise": 2.0, "seed": 6}},
                  "validation_split": 0.5, "split_seed": 7}}}},
                "start": [0, 0], "steps": 5000,
                "runs": [{{"optimizer": "sgd", "lr": 0.05,
                          "early_stopping": {{"patience": 20, "restore_best": {restore}}}}}]}}"#
        )
    };
    let kept = run_one(&text(false)).outcome();
    let restored = run_one(&text(true)).outcome();
    let best = restored.best_step as usize;
    let r = run_one(&text(true));
    assert_eq!(restored.final_point, r.record().trajectory[best]);
    assert_eq!(
        restored.final_validation_loss,
        Some(r.record().validation_loss[best])
    );
    assert_eq!(kept.final_point, *r.record().trajectory.last().unwrap());
    assert!(restored.final_validation_loss < kept.final_validation_loss);
}

#[test]
fn mini_batch_gradient_differs_from_the_full_gradient() {
    let s = decode(
        r#"{"problem": {"regression": {"generate": {"n": 64, "noise": 1.0, "seed": 5}}},
            "start": [0, 0], "steps": 10,
            "runs": [{"optimizer": "sgd", "lr": 0.1, "batch_size": 2}, {"optimizer": "sgd", "lr": 0.1}]}"#,
    )
    .unwrap();
    let (mut mini, mut full) = (s.runner(0).unwrap(), s.runner(1).unwrap());
    assert_eq!(mini.last_gradient(), None);
    let at_start = mini.full_gradient();
    mini.step();
    full.step();
    assert_ne!(mini.last_gradient(), Some(at_start));
    assert_eq!(full.last_gradient(), Some(at_start));
}

#[test]
fn a_replay_reproduces_a_run_with_live_changes_at_any_step() {
    let s = decode(
        r#"{"problem": {"regression": {"generate": {"n": 40, "seed": 2}}}, "steps": 100,
            "runs": [{"optimizer": "adam", "lr": 0.01, "batch_size": 4, "seed": 3},
                     {"optimizer": "adam", "lr": 0.1, "batch_size": 8, "seed": 3}]}"#,
    )
    .unwrap();
    let mut r = s.runner(0).unwrap();
    r.advance(20);
    r.set_spec(s.runs[1].clone());
    r.advance(30);
    for k in [0, 7, 20, 21, 50] {
        let replay = r.replay_to(k);
        assert_eq!(replay.steps_taken(), k);
        assert_eq!(
            replay.record().trajectory[..],
            r.record().trajectory[..=k as usize],
            "step {k}"
        );
        assert_eq!(replay.optimizer(), &r.replay_to(k).optimizer().clone());
    }
    // Replaying all the way gives the same optimizer state as the live run.
    assert_eq!(r.replay_to(50).optimizer(), r.optimizer());
    assert_eq!(r.replay_to(50).last_batch(), r.last_batch());
    assert_eq!(r.last_batch().len(), 8);
}

#[test]
fn a_preview_is_the_next_step_without_taking_it() {
    let s = decode(
        r#"{"problem": {"regression": {"generate": {"n": 30, "seed": 1}}}, "steps": 20,
            "runs": [{"optimizer": "adam", "lr": 0.1, "batch_size": 4, "seed": 2}]}"#,
    )
    .unwrap();
    let mut r = s.runner(0).unwrap();
    r.advance(5);
    let preview = r.preview().unwrap();
    let recorded = r.record().clone();
    assert_eq!(r.record(), recorded, "previewing changes nothing");
    r.step();
    assert_eq!(preview.next, r.point());
    assert_eq!(Some(preview.gradient), r.last_gradient());
    assert_eq!(preview.lr, r.record().lr[5]);
    assert_eq!(&preview.optimizer, r.optimizer());
    r.finish();
    assert!(r.preview().is_none(), "a completed run has no next step");
}
