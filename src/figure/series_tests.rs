//! The charts' series fed in ranged reads of only the new points (from compact runs that
//! replay what they forgot) draw exactly what blocks fed each whole series at once draw.

use super::{RunSeries, Series};
use crate::figure::envelope::Blocks;
use crate::run::{Race, Runner};
use crate::scenario::decode;

const TEXT: &str = r#"{"problem": {"regression": {"generate": {"n": 40, "seed": 2},
    "validation_split": 0.25}}, "steps": 60000, "runs": [
    {"optimizer": "adam", "lr": 0.02, "batch_size": 9, "seed": 5},
    {"optimizer": "sgd", "lr": 0.01, "momentum": 0.9}]}"#;

/// Run `i` of a race that keeps everything, at `steps`.
fn whole(i: usize, steps: u64) -> Runner {
    let mut r = decode(TEXT).unwrap().runner(i).unwrap();
    r.set_compact(false);
    r.advance(steps);
    r
}

/// No replay budget (a test reads everything at once).
fn unlimited() -> u64 {
    u64::MAX
}

fn key(p: &[(f64, f64)]) -> Vec<(u64, u64)> {
    p.iter().map(|(x, y)| (x.to_bits(), y.to_bits())).collect()
}

/// `fed`'s blocks draw what blocks fed `reference`'s whole series at once draw.
fn assert_same_drawing(fed: &RunSeries, compact: &Runner, reference: &Runner) {
    let rec = reference.record();
    let n = rec.loss.len();
    for (blocks, values, series) in [
        (&fed.loss, &rec.loss, Series::Loss),
        (&fed.lr, &rec.lr, Series::Rate),
        (&fed.validation, &rec.validation_loss, Series::Validation),
    ] {
        let mut at_once = Blocks::default();
        at_once.extend(values);
        assert_eq!(blocks.len(), values.len(), "{series:?}");
        for upto in [1, 2, 500, 1201, n / 3, n - 2, n] {
            for columns in [120, 600] {
                let a = blocks.points(upto, 0.0, n as f64, columns, |a, z| {
                    series.read(compact, a, z)
                });
                let b = at_once.points(upto, 0.0, n as f64, columns, |a, z| values[a..z].to_vec());
                assert_eq!(
                    key(&a),
                    key(&b),
                    "{series:?} upto {upto}, {columns} columns"
                );
            }
        }
    }
}

#[test]
fn series_fed_in_new_parts_draw_what_whole_series_draw() {
    let mut race: Race = decode(TEXT).unwrap().race();
    let mut fed: Vec<RunSeries> = (0..2).map(|_| RunSeries::default()).collect();
    let mut steps = 0;
    for n in [0, 1, 1, 3, 700, 1500, 1, 2047, 4000, 9] {
        race.advance(n);
        steps += n;
        for (s, r) in fed.iter_mut().zip(race.runners()) {
            assert!(s.sync(r, &mut unlimited()));
        }
    }
    for (i, s) in fed.iter().enumerate() {
        let r = race.runner(i).unwrap();
        assert!(r.steps_taken() == steps && !r.holds(0));
        assert_same_drawing(s, r, &whole(i, steps));
    }
    // A long jump (the runs forget most of it at once): read back within a budget per
    // draw, over several draws.
    race.advance(40_000);
    steps += 40_000;
    for (i, s) in fed.iter_mut().enumerate() {
        let r = race.runner(i).unwrap();
        let mut draws = 0;
        loop {
            let mut budget = super::REPLAY_BUDGET;
            if s.sync(r, &mut budget) {
                break;
            }
            draws += 1;
            assert!(draws < 100);
        }
        assert!(draws >= 1, "40,000 replayed points take more than one draw");
        assert_same_drawing(s, r, &whole(i, steps));
    }
    // A re-plan is a new history: the blocks start again and draw the new one.
    let spec = race.runner(1).unwrap().spec().clone();
    let mut changed = spec.clone();
    changed.optimizer = decode(&TEXT.replace("\"lr\": 0.01", "\"lr\": 0.003"))
        .unwrap()
        .runner(1)
        .unwrap()
        .spec()
        .optimizer
        .clone();
    race.replan_run(1, changed).unwrap();
    let r = race.runner(1).unwrap();
    assert!(fed[1].sync(r, &mut unlimited()));
    let mut reference = decode(&TEXT.replace("\"lr\": 0.01", "\"lr\": 0.003"))
        .unwrap()
        .runner(1)
        .unwrap();
    reference.set_compact(false);
    reference.advance(steps);
    assert_same_drawing(&fed[1], r, &reference);
}
