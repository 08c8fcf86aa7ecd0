//! Run snapshots: a run advanced, snapshotted and adopted by another race of the same
//! scenario continues bit for bit; wrong versions, other problems and damaged bytes are
//! refused with a typed error, never a panic.

use crate::run::{Race, RaceError, Runner, SnapshotError, CHECKPOINT_EVERY};
use crate::scenario::decode;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Every optimizer family with its stateful options, a plateau schedule and a warm-up.
const EVERY_FAMILY: &str = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2],
    "steps": 5000, "runs": [
    {"optimizer": "sgd", "lr": 0.0005, "momentum": 0.9, "nesterov": true},
    {"optimizer": "adagrad", "lr": 0.1},
    {"optimizer": "rmsprop", "lr": 0.001, "centered": true, "momentum": 0.5},
    {"optimizer": "adadelta", "lr": 1.0},
    {"optimizer": "adam", "lr": 0.01, "amsgrad": true,
     "schedule": {"kind": "plateau", "patience": 5}},
    {"optimizer": "adamw", "lr": 0.01, "weight_decay": 0.1,
     "warmup": {"steps": 30}},
    {"optimizer": "nadam", "lr": 0.01},
    {"optimizer": "radam", "lr": 0.01}]}"#;

/// Mini-batches with a validation split, early stopping that does not trigger, a live change.
const MINI_BATCH: &str = r#"{"problem": {"regression": {"generate": {"n": 50, "seed": 4},
    "validation_split": 0.2}}, "steps": 5000, "runs": [
    {"optimizer": "adam", "lr": 0.01, "batch_size": 7, "seed": 3,
     "early_stopping": {"patience": 100000}},
    {"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "batch_size": 40, "seed": 1}]}"#;

/// The whole observable state of two runs agrees bit for bit.
pub(super) fn assert_same(a: &Runner, b: &Runner) {
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    let ra = a.record();
    let rb = b.record();
    let points = |r: &crate::run::Trajectory| {
        r.trajectory
            .iter()
            .flat_map(|p| [p.x.to_bits(), p.y.to_bits()])
            .collect::<Vec<_>>()
    };
    assert_eq!(points(&ra), points(&rb), "trajectory");
    assert_eq!(bits(&ra.loss), bits(&rb.loss), "loss");
    assert_eq!(bits(&ra.lr), bits(&rb.lr), "lr");
    assert_eq!(bits(&ra.validation_loss), bits(&rb.validation_loss));
    assert_eq!(a.optimizer(), b.optimizer());
    assert_eq!(a.status(), b.status());
    assert_eq!(a.spec(), b.spec());
    assert_eq!(a.last_batch(), b.last_batch());
    assert_eq!(a.next_lr().to_bits(), b.next_lr().to_bits());
    assert_eq!(a.reached_at(), b.reached_at());
    assert_eq!(a.best_step(), b.best_step());
    assert_eq!(a.last_gradient(), b.last_gradient());
}

fn race(text: &str) -> Race {
    decode(text).unwrap().race()
}

/// Advances `k` steps, moves every run to another race of the same scenario by snapshot,
/// then checks both continue identically.
fn adopted_runs_continue_exactly(text: &str, k: u64, change_at: Option<u64>) {
    let mut a = race(text);
    if let Some(at) = change_at {
        a.advance(at);
        let mut spec = a.runner(0).unwrap().spec().clone();
        spec.seed += 1;
        a.change_run(0, spec).unwrap();
    }
    a.advance(k - a.step());
    let mut b = race(text);
    for i in 0..a.runners().len() {
        b.adopt(i, &a.snapshot(i).unwrap()).unwrap();
        assert_same(a.runner(i).unwrap(), b.runner(i).unwrap());
    }
    assert_eq!(b.step(), k);
    a.advance(CHECKPOINT_EVERY + 300);
    b.advance(CHECKPOINT_EVERY + 300);
    for i in 0..a.runners().len() {
        let (ra, rb) = (a.runner(i).unwrap(), b.runner(i).unwrap());
        assert_same(ra, rb);
        assert_eq!(ra.checkpoint_steps(), rb.checkpoint_steps());
        // The adopted checkpoints and live changes replay the past as the original does.
        for step in [0, 1, k / 2, k, k + 10] {
            assert_same(&ra.replay_to(step), &rb.replay_to(step));
        }
    }
}

#[test]
fn every_optimizer_family_continues_bit_for_bit_after_adoption() {
    adopted_runs_continue_exactly(EVERY_FAMILY, 2 * CHECKPOINT_EVERY + 77, None);
}

#[test]
fn mini_batch_runs_with_live_changes_continue_bit_for_bit_after_adoption() {
    adopted_runs_continue_exactly(MINI_BATCH, CHECKPOINT_EVERY + 5, Some(40));
}

#[test]
fn the_worker_flow_replans_one_run_and_the_page_adopts_it() {
    // The page's race at step k; the worker replans run 1 at step 0 and brings it to k.
    let text = EVERY_FAMILY;
    let k = 1500;
    let mut page = race(text);
    page.advance(k);
    let mut worker = race(text);
    let mut spec = worker.runner(1).unwrap().spec().clone();
    spec.optimizer = decode(
        r#"{"problem": {"surface": "rosenbrock"},
        "runs": [{"optimizer": "adam", "lr": 0.02}]}"#,
    )
    .unwrap()
    .runs[0]
        .optimizer
        .clone();
    worker.replan_run(1, spec.clone()).unwrap();
    while worker.runner(1).unwrap().steps_taken() < k {
        worker.advance_run(1, 250);
    }
    page.adopt(1, &worker.snapshot(1).unwrap()).unwrap();
    // The same as re-planning on the page itself.
    let mut replanned = race(text);
    replanned.advance(k);
    replanned.replan_run(1, spec).unwrap();
    assert_same(page.runner(1).unwrap(), replanned.runner(1).unwrap());
    page.advance(100);
    replanned.advance(100);
    assert_same(page.runner(1).unwrap(), replanned.runner(1).unwrap());
}

#[test]
fn adopting_at_the_end_appends_and_past_it_is_refused() {
    let mut a = race(EVERY_FAMILY);
    a.advance(10);
    let bytes = a.snapshot(3).unwrap();
    let mut b = race(EVERY_FAMILY);
    b.adopt(8, &bytes).unwrap();
    assert_eq!(b.runners().len(), 9);
    assert_same(b.runner(8).unwrap(), a.runner(3).unwrap());
    assert_eq!(b.adopt(10, &bytes), Err(RaceError::NoRun(10)));
}

#[test]
fn snapshots_of_another_version_or_problem_are_refused() {
    let mut a = race(EVERY_FAMILY);
    a.advance(5);
    let bytes = a.snapshot(0).unwrap();
    let mut wrong_version = bytes.clone();
    wrong_version[4] = 9;
    let mut b = race(EVERY_FAMILY);
    assert_eq!(
        b.adopt(0, &wrong_version),
        Err(RaceError::Snapshot(SnapshotError::Version {
            found: 9,
            expected: 2
        }))
    );
    let mut beale = race(&EVERY_FAMILY.replace("rosenbrock", "beale"));
    assert_eq!(
        beale.adopt(0, &bytes),
        Err(RaceError::Snapshot(SnapshotError::OtherProblem))
    );
    // Other data, same size: another problem too.
    let mut m = race(MINI_BATCH);
    m.advance(3);
    let mut other = race(&MINI_BATCH.replace("\"seed\": 4", "\"seed\": 5"));
    let refused = other.adopt(0, &m.snapshot(0).unwrap());
    assert_eq!(
        refused,
        Err(RaceError::Snapshot(SnapshotError::OtherProblem))
    );
    assert_eq!(
        b.adopt(0, b"not a snapshot"),
        Err(SnapshotError::NotASnapshot.into())
    );
    // The same problem, but the race has moved its start since, or has a lower cap.
    let mut moved = race(EVERY_FAMILY);
    moved.set_start(crate::vec2::Vec2::new(0.0, 1.0));
    let refused = moved.adopt(0, &bytes).unwrap_err().to_string();
    assert_eq!(
        refused,
        "the run snapshot was made for another race (start [-1.5, 2])"
    );
    let mut short = race(&EVERY_FAMILY.replace("\"steps\": 5000", "\"steps\": 4"));
    let refused = short.adopt(0, &bytes).unwrap_err().to_string();
    assert!(
        refused.contains("5 steps, the race's cap is 4"),
        "{refused}"
    );
    let message = SnapshotError::OtherProblem.to_string();
    assert!(message.contains("different problem"), "{message}");
}

#[test]
fn truncated_and_damaged_snapshots_give_typed_errors_never_panics() {
    let mut a = race(MINI_BATCH);
    a.advance(CHECKPOINT_EVERY + 3);
    let bytes = a.snapshot(0).unwrap();
    let mut b = race(MINI_BATCH);
    // Every cut short of the whole is refused.
    for len in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        assert!(b.adopt(0, &bytes[..len]).is_err(), "cut at {len}");
    }
    assert!(
        b.adopt(0, &[bytes.as_slice(), &[0]].concat()).is_err(),
        "trailing byte"
    );
    // Random damage: Ok (a harmless change) or a typed error, and the race still works.
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for _ in 0..3000 {
        let mut damaged = bytes.clone();
        for _ in 0..rng.random_range(1..4) {
            let i = rng.random_range(0..damaged.len());
            damaged[i] = rng.random();
        }
        let _ = b.adopt(0, &damaged);
        b.advance(1);
    }
    for _ in 0..500 {
        let len = rng.random_range(0..200);
        let garbage: Vec<u8> = (0..len).map(|_| rng.random()).collect();
        assert!(b.adopt(0, &garbage).is_err());
    }
}
