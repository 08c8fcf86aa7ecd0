//! The Explore lessons show what their captions say, checked with native sweeps of the
//! lessons' own runs (the numbers the page's worker computes too).

use super::LESSONS;
use crate::run::Status;
use crate::scenario::decode;
use crate::sweep::{sweep, Cell, ExploreView};
use serde_json::{json, Value};

fn lesson(id: &str) -> Value {
    let l = LESSONS.iter().find(|l| l.id == id).expect("lesson exists");
    serde_json::from_str(l.scenario).expect("lesson is JSON")
}

fn diverged(c: &Cell) -> bool {
    matches!(c.outcome.status, Status::Diverged { .. })
}

#[test]
fn momentum_moves_the_stable_border_out_to_2_1_plus_beta_over_l() {
    let l = lesson("momentum_stable_region");
    let s = decode(&l.to_string()).expect("decodes");
    let explore = s.page.explore.clone().expect("a map");
    assert_eq!(explore.view, ExploreView::Map);
    let map = sweep(&explore.sweep.to_string()).expect("the map runs");
    let (mut stable_far, mut diverged_near) = (0, 0);
    for c in &map.cells {
        let beta = c.y.expect("two axes");
        // The valley's curvature across is 20: heavy ball is stable for lr < 2(1 + β)/20.
        let border = 2.0 * (1.0 + beta) / 20.0;
        if c.x < 0.97 * border {
            assert!(
                !diverged(c),
                "lr {} β {beta} is inside the border but diverged",
                c.x
            );
            stable_far += 1;
        }
        if c.x > 1.3 * border {
            assert!(
                diverged(c),
                "lr {} β {beta} is well past the border but did not diverge",
                c.x
            );
            diverged_near += 1;
        }
    }
    assert!(stable_far > 100 && diverged_near > 100);
    // The lesson's two runs sit just inside: both converge.
    for r in s.run() {
        assert!(r.outcome().reached_at.is_some(), "{:?}", r.status());
    }
}

/// Which of Himmelblau's minima each start's run ends in (None: diverged or not reached).
fn basins(spec: &Value, minima: &[[f64; 2]]) -> Vec<Option<usize>> {
    let map = sweep(&spec.to_string()).expect("the basin map runs");
    map.cells
        .iter()
        .map(|c| {
            if diverged(c) || c.outcome.reached_at.is_none() {
                return None;
            }
            let p = c.outcome.final_point;
            (0..minima.len()).min_by(|&a, &b| {
                let d = |k: usize| (p.x - minima[k][0]).hypot(p.y - minima[k][1]);
                d(a).total_cmp(&d(b))
            })
        })
        .collect()
}

#[test]
fn momentum_sends_more_than_one_start_in_ten_to_another_himmelblau_minimum() {
    let l = lesson("himmelblau_basins");
    let s = decode(&l.to_string()).expect("decodes");
    let minima: Vec<[f64; 2]> = s
        .problem
        .minima()
        .iter()
        .map(|m| [m.point.x, m.point.y])
        .collect();
    assert_eq!(minima.len(), 4);
    let spec = s.page.explore.clone().expect("basins").sweep;
    let with_momentum = basins(&spec, &minima);
    let mut plain = spec.clone();
    plain["run"] = l["runs"][0].clone();
    let plain = basins(&plain, &minima);
    assert!(
        with_momentum.iter().chain(&plain).all(Option::is_some),
        "every start reaches a minimum"
    );
    let moved = plain
        .iter()
        .zip(&with_momentum)
        .filter(|(a, b)| a != b)
        .count();
    let share = moved as f64 / plain.len() as f64;
    assert!(share > 0.1 && share < 0.5, "{share}");
}

/// The Fair race's stated search: 16 log-spaced lr values over [1e-5, 10], then 9 between
/// the best one's neighbours; best = fewest steps to tolerance, else lowest final loss.
fn tuned(scenario: &Value, run: &Value) -> Cell {
    let better = |a: &Cell, b: &Cell| match (diverged(a), diverged(b)) {
        (true, _) => false,
        (false, true) => true,
        _ => match (a.outcome.reached_at, b.outcome.reached_at) {
            (Some(x), Some(y)) => x < y,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => a.outcome.final_loss < b.outcome.final_loss,
        },
    };
    let grid = |from: f64, to: f64, n: usize| {
        let spec = json!({"problem": scenario["problem"], "start": scenario["start"],
            "steps": scenario["steps"], "run": run,
            "x": {"param": "lr", "from": from, "to": to, "n": n, "scale": "log"}});
        sweep(&spec.to_string()).expect("the search runs")
    };
    let best_of = |cells: &[Cell]| {
        let mut k = 0;
        for (i, c) in cells.iter().enumerate() {
            if better(c, &cells[k]) {
                k = i;
            }
        }
        k
    };
    let first = grid(1e-5, 10.0, 16);
    let k = best_of(&first.cells);
    let fine = grid(first.x[k.saturating_sub(1)], first.x[(k + 1).min(15)], 9);
    let mut best = first.cells[k];
    for c in fine.cells {
        if better(&c, &best) {
            best = c;
        }
    }
    best
}

#[test]
fn once_tuned_momentum_sgd_beats_adam_and_plain_sgd_on_rosenbrock() {
    let l = lesson("fair_race");
    let s = decode(&l.to_string()).expect("decodes");
    for r in s.run() {
        assert_eq!(
            r.outcome().reached_at,
            None,
            "untuned, nobody reaches the minimum"
        );
    }
    let [sgd, momentum, adam] = [0, 1, 2].map(|i| tuned(&l, &l["runs"][i]));
    assert_eq!(sgd.outcome.reached_at, None);
    assert!(momentum.outcome.reached_at.is_some_and(|k| k < 100));
    assert!(adam.outcome.reached_at.is_some_and(|k| k > 400));
}
