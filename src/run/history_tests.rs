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
        // Across the first point the compact run still holds (part replayed, part copied).
        (a.base.saturating_sub(1), a.base + 1),
        (a.base.saturating_sub(k + 3), n),
        (a.base.saturating_sub(1), a.base),
        (a.base, a.base + 2),
    ] {
        assert_eq!(
            bits(&a.history(from, to)),
            bits(&b.history(from, to)),
            "{from}..{to}"
        );
    }
    assert_eq!(a.outcome(), b.outcome());
    // Reading the history in consecutive parts (as the charts and the sliced path redraw
    // do) gives the whole record, bit for bit.
    let mut parts = Trajectory::default();
    let mut from = 0;
    while from < n {
        let to = (from + 777).min(n);
        // The rates lag the points by one: each part's rates are steps from .. to.
        let part = a.history(from, to);
        parts.trajectory.extend(part.trajectory);
        parts.loss.extend(part.loss);
        parts.lr.extend(part.lr);
        parts.validation_loss.extend(part.validation_loss);
        from = to;
    }
    assert_eq!(bits(&parts), bits(&b.record()), "in parts");
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
fn a_snapshot_carries_only_the_held_record_and_the_adopter_replays_the_rest_exactly() {
    let text = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 6000,
        "runs": [{"optimizer": "nadam", "lr": 0.01}]}"#;
    let mut a = decode(text).unwrap().race();
    a.advance(3000);
    let base = a.runner(0).unwrap().base;
    assert!(base > 0, "the live run forgot its start");
    let bytes = a.snapshot(0).unwrap();
    assert!(
        bytes.len() < 3001 * 40,
        "{} bytes: not the whole record",
        bytes.len()
    );
    let mut b = decode(text).unwrap().race();
    b.adopt(0, &bytes).unwrap();
    let (ra, rb) = (a.runner(0).unwrap(), b.runner(0).unwrap());
    assert_eq!(
        (rb.base, rb.record.trajectory.len()),
        (base, 3001 - base as usize)
    );
    assert_eq!(bits(&ra.record()), bits(&rb.record()));
    a.advance(1100);
    b.advance(1100);
    let rb = b.runner(0).unwrap();
    assert!(rb.record.trajectory.len() as u64 <= 2 * CHECKPOINT_EVERY + 2);
    assert_eq!(bits(&a.runner(0).unwrap().record()), bits(&rb.record()));
}

#[test]
fn a_reset_race_stays_compact_and_each_new_history_has_a_new_generation() {
    let text = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 9000,
        "runs": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.001}]}"#;
    let mut race = decode(text).unwrap().race();
    let generation = |race: &crate::run::Race, i: usize| race.runner(i).unwrap().generation();
    let g0 = generation(&race, 0);
    race.advance(2500);
    let spec = race.runner(0).unwrap().spec().clone();
    race.change_run(0, spec).unwrap();
    assert_eq!(
        generation(&race, 0),
        g0,
        "growing and live changes keep the history"
    );
    race.replan_all();
    let g1 = generation(&race, 0);
    assert_ne!(g1, g0, "a re-plan is a new history");
    race.advance(3000);
    let r = race.runner(0).unwrap();
    assert!(r.compact && r.record.trajectory.len() as u64 <= 2 * CHECKPOINT_EVERY + 2);
    let copy = race.copy_run(0).unwrap();
    assert_ne!(generation(&race, copy), g1, "a copy goes its own way");
    assert_eq!(generation(&race, 0), g1);
    race.reset();
    assert_ne!(generation(&race, 0), g1);
    race.advance(5000);
    for r in race.runners() {
        assert!(r.compact, "a reset run is live again");
        assert!(r.record.trajectory.len() as u64 <= 2 * CHECKPOINT_EVERY + 2);
    }
}
