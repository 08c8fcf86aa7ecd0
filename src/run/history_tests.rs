//! The bounded record: a compact run holds at most two checkpoint intervals of points, and
//! every part of its history read back (by replay) is bit for bit what a run that kept
//! everything recorded, across live changes, mini-batches, validation and early stopping.

use crate::run::{Runner, Trajectory, CHECKPOINT_EVERY};
use crate::scenario::decode;

fn runners(text: &str) -> Vec<Runner> {
    let s = decode(text).unwrap();
    (0..s.runs.len()).filter_map(|i| s.runner(i)).collect()
}

fn bits(t: &Trajectory) -> Vec<Vec<u64>> {
    let f = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    let xy = t
        .trajectory
        .iter()
        .flat_map(|p| [p.x, p.y])
        .collect::<Vec<_>>();
    vec![f(&xy), f(&t.loss), f(&t.lr), f(&t.validation_loss)]
}

/// `a` (compact) and `b` (keeping everything) agree on every range tried.
fn assert_same_history(a: &Runner, b: &Runner) {
    assert!(b.base == 0 && !b.compact);
    let n = b.points();
    assert_eq!(a.points(), n);
    assert_eq!(bits(&a.record()), bits(&b.record()), "whole record");
    let k = CHECKPOINT_EVERY;
    for (from, to) in [
        (0, 1),
        (0, n),
        (1, 3),
        (k - 1, k + 2),
        (k, 2 * k + 5),
        (n - 3, n),
        (n - 1, n + 9),
        (2 * k + 7, 3 * k + 1),
        (n, n),
    ] {
        assert_eq!(
            bits(&a.history(from, to)),
            bits(&b.history(from, to)),
            "{from}..{to}"
        );
    }
    assert_eq!(a.outcome(), b.outcome());
}

#[test]
fn a_compact_run_holds_one_interval_and_replays_the_rest_exactly() {
    let text = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 5000,
        "runs": [{"optimizer": "adam", "lr": 0.01, "schedule": {"kind": "plateau", "patience": 5}},
                 {"optimizer": "sgd", "lr": 0.0005, "momentum": 0.9, "nesterov": true}]}"#;
    let (mut a, mut b) = (runners(text), runners(text));
    for (ra, rb) in a.iter_mut().zip(&mut b) {
        rb.set_compact(false);
        ra.advance(3000);
        rb.advance(3000);
        // A live change in the middle: replays apply it where it was made.
        let spec = runners(&text.replace("\"lr\": 0.01", "\"lr\": 0.002"))[0]
            .spec()
            .clone();
        ra.set_spec(spec.clone());
        rb.set_spec(spec);
        ra.advance(2000);
        rb.advance(2000);
        assert!(ra.record.trajectory.len() as u64 <= 2 * CHECKPOINT_EVERY + 2);
        assert_eq!(rb.record.trajectory.len(), 5001);
        assert_same_history(ra, rb);
    }
}

#[test]
fn mini_batches_validation_and_restored_best_read_back_exactly() {
    let text = r#"{"problem": {"regression": {"generate": {"n": 50, "seed": 4},
        "validation_split": 0.2}}, "steps": 5000, "runs": [
        {"optimizer": "adam", "lr": 0.05, "batch_size": 7, "seed": 3,
         "early_stopping": {"patience": 1500, "restore_best": true}},
        {"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "batch_size": 40, "seed": 1}]}"#;
    let (mut a, mut b) = (runners(text), runners(text));
    for (ra, rb) in a.iter_mut().zip(&mut b) {
        rb.set_compact(false);
        ra.advance(5000);
        rb.advance(5000);
        assert!(!ra.record.validation_loss.is_empty());
        assert_same_history(ra, rb);
    }
}

#[test]
fn a_snapshot_carries_the_whole_history_and_the_adopter_trims_it_at_its_next_checkpoint() {
    let text = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 6000,
        "runs": [{"optimizer": "nadam", "lr": 0.01}]}"#;
    let mut a = decode(text).unwrap().race();
    a.advance(3000);
    assert!(
        a.runner(0).unwrap().base > 0,
        "the live run forgot its start"
    );
    let bytes = a.snapshot(0).unwrap();
    let mut b = decode(text).unwrap().race();
    b.adopt(0, &bytes).unwrap();
    let (ra, rb) = (a.runner(0).unwrap(), b.runner(0).unwrap());
    assert_eq!((rb.base, rb.record.trajectory.len()), (0, 3001));
    assert_eq!(bits(&ra.record()), bits(&rb.record()));
    a.advance(1100);
    b.advance(1100);
    let rb = b.runner(0).unwrap();
    assert!(rb.record.trajectory.len() as u64 <= 2 * CHECKPOINT_EVERY + 2);
    assert_eq!(bits(&a.runner(0).unwrap().record()), bits(&rb.record()));
}
