//! The race in the core: all runs at one step under the cap, live changes, re-plans, added,
//! copied and removed runs, reset, a new start, warm starts, and replays of past steps
//! from checkpoints.

use super::snapshot_tests::assert_same;
use crate::run::{Race, RaceError, Runner, Status, CHECKPOINT_EVERY, MAX_RUNS};
use crate::scenario::{decode, Scenario};
use crate::vec2::Vec2;

const RACE: &str = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 3000,
    "runs": [{"optimizer": "adam", "lr": 0.01}, {"optimizer": "sgd", "lr": 0.0005,
    "momentum": 0.9}, {"optimizer": "rmsprop", "lr": 0.001,
    "schedule": {"kind": "plateau", "patience": 3}}]}"#;

const WARM: &str = r#"{"problem": {"regression": {"generate": {"n": 60, "seed": 1}}},
    "steps": 2000, "runs": [{"optimizer": "adam", "lr": 0.05, "batch_size": 6,
    "warm_start": {"source": {"generate": {"n": 40, "seed": 9, "slope": -1}}, "steps": 300}},
    {"optimizer": "sgd", "lr": 0.05, "batch_size": 5, "seed": 2}]}"#;

fn scenario(text: &str) -> Scenario {
    decode(text).unwrap()
}

/// A fresh run of `spec` advanced `k` steps (what a race's run at step k must equal).
fn fresh(s: &Scenario, spec: &crate::run::RunSpec, k: u64) -> Runner {
    let mut r = Runner::new(s.problem.clone(), spec.clone(), s.start, s.tolerance);
    r.advance(k);
    r
}

fn adam(lr: f64) -> crate::run::RunSpec {
    let text = format!(
        r#"{{"problem": {{"surface": "rosenbrock"}}, "runs": [{{"optimizer": "adam", "lr": {lr}}}]}}"#
    );
    scenario(&text).runs.remove(0)
}

#[test]
fn every_run_advances_together_and_stops_at_the_cap() {
    let s = scenario(RACE);
    let mut race = s.race();
    assert_eq!(race.advance(1000), 1000);
    assert_eq!(
        race.advance_run(1, 5000),
        Some(3000),
        "one run alone, capped"
    );
    assert_eq!(race.step(), 3000);
    assert_eq!(race.advance(5000), 3000);
    for (i, r) in race.runners().iter().enumerate() {
        assert_eq!(r.steps_taken(), 3000);
        assert_eq!(r.status(), Status::Completed);
        assert_same(r, &{
            let mut f = fresh(&s, &s.runs[i], 3000);
            f.finish();
            f
        });
    }
    assert_eq!(race.advance_run(7, 1), None);
}

#[test]
fn a_replan_at_step_k_equals_a_fresh_run_advanced_k_steps() {
    let s = scenario(RACE);
    let mut race = s.race();
    race.advance(1700);
    race.replan_run(1, adam(0.02)).unwrap();
    assert_same(race.runner(1).unwrap(), &fresh(&s, &adam(0.02), 1700));
    // The other runs are untouched.
    assert_same(race.runner(0).unwrap(), &fresh(&s, &s.runs[0], 1700));
    assert_eq!(race.replan_run(9, adam(0.1)), Err(RaceError::NoRun(9)));
}

#[test]
fn a_live_change_keeps_the_path_so_far_and_applies_from_the_next_step() {
    let s = scenario(RACE);
    let mut race = s.race();
    race.advance(40);
    let before = race.runner(0).unwrap().record().clone();
    race.change_run(0, adam(0.05)).unwrap();
    race.advance(10);
    let r = race.runner(0).unwrap();
    assert_eq!(r.record().trajectory[..=40], before.trajectory[..]);
    assert_eq!(r.record().lr[40], 0.05, "the new rate from the next step");
    // The same as changing a lone run's settings at step 40 (optimizer state kept).
    let mut lone = fresh(&s, &s.runs[0], 40);
    lone.set_spec(adam(0.05));
    lone.advance(10);
    assert_same(r, &lone);
    // Different from re-planning with the new settings.
    assert_ne!(
        r.record().trajectory,
        fresh(&s, &adam(0.05), 50).record().trajectory
    );
}

#[test]
fn added_runs_are_brought_up_to_the_race_and_copies_keep_their_path() {
    let s = scenario(RACE);
    let mut race = s.race();
    race.advance(1200);
    assert_eq!(race.add_run(adam(0.03)), Ok(3));
    assert_same(race.runner(3).unwrap(), &fresh(&s, &adam(0.03), 1200));
    race.change_run(3, adam(0.04)).unwrap();
    race.advance(5);
    assert_eq!(race.copy_run(3), Ok(4));
    assert_same(race.runner(4).unwrap(), race.runner(3).unwrap());
    race.advance(5);
    assert_same(race.runner(4).unwrap(), race.runner(3).unwrap());
    let removed = race.remove_run(0).unwrap();
    assert_eq!(removed.spec(), &s.runs[0]);
    assert_eq!(race.runners().len(), 4);
    assert!(race.remove_run(4).is_none());
    while race.runners().len() < MAX_RUNS {
        race.add_run(adam(0.01)).unwrap();
    }
    assert_eq!(race.add_run(adam(0.01)), Err(RaceError::Full));
    assert_eq!(race.copy_run(0), Err(RaceError::Full));
}

#[test]
fn an_added_run_at_the_cap_is_completed() {
    let mut race = scenario(RACE).race();
    race.advance(3000);
    let i = race.add_run(adam(0.01)).unwrap();
    assert_eq!(race.runner(i).unwrap().steps_taken(), 3000);
    assert_eq!(race.runner(i).unwrap().status(), Status::Completed);
}

#[test]
fn reset_and_a_new_start_restart_every_run_with_its_current_settings() {
    let s = scenario(RACE);
    let mut race = s.race();
    race.advance(50);
    race.change_run(2, adam(0.07)).unwrap();
    race.reset();
    assert_eq!(race.step(), 0);
    assert_same(race.runner(0).unwrap(), &fresh(&s, &s.runs[0], 0));
    assert_same(race.runner(2).unwrap(), &fresh(&s, &adam(0.07), 0));
    race.set_start(Vec2::new(0.5, 0.5));
    race.advance(20);
    let moved = Scenario {
        start: Vec2::new(0.5, 0.5),
        ..s.clone()
    };
    assert_same(race.runner(1).unwrap(), &fresh(&moved, &s.runs[1], 20));
    race.set_start(Vec2::new(f64::NAN, 0.0));
    assert_eq!(
        race.start(),
        Vec2::new(0.5, 0.5),
        "a non-finite start is ignored"
    );
    // Re-planning all runs: every run recomputed with its settings to the race's step.
    race.advance(30);
    race.change_run(0, adam(0.02)).unwrap();
    race.replan_all();
    assert_eq!(race.step(), 30);
    assert_same(race.runner(0).unwrap(), &fresh(&moved, &adam(0.02), 30));
}

#[test]
fn warm_started_runs_reset_and_replan_to_their_fresh_selves() {
    let s = scenario(WARM);
    let mut race = s.race();
    let begun = race.runner(0).unwrap().record().trajectory[0];
    assert_ne!(begun, s.start, "the warm start moved the first point");
    race.advance(1500);
    assert_same(race.runner(0).unwrap(), &fresh(&s, &s.runs[0], 1500));
    race.reset();
    race.advance(10);
    assert_same(race.runner(0).unwrap(), &fresh(&s, &s.runs[0], 10));
    race.replan_run(1, s.runs[0].clone()).unwrap();
    assert_same(race.runner(1).unwrap(), &fresh(&s, &s.runs[0], 10));
    // Replays of a warm-started run start from its trained point.
    race.advance(CHECKPOINT_EVERY);
    let r = race.runner(0).unwrap();
    assert_same(&r.replay_to(3), &fresh(&s, &s.runs[0], 3));
}

#[test]
fn a_replay_to_any_step_equals_the_run_as_it_was_then() {
    for text in [RACE, WARM] {
        let s = scenario(text);
        let mut r = s.runner(0).unwrap();
        r.advance(3 * CHECKPOINT_EVERY + 100);
        assert_eq!(
            r.checkpoint_steps(),
            vec![CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY, 3 * CHECKPOINT_EVERY]
        );
        for k in [0, 1, 1023, 1024, 1025, 2047, 2048, 3000, 3172] {
            assert_same(&r.replay_to(k), &fresh(&s, &s.runs[0], k));
        }
    }
}

#[test]
fn a_replay_applies_live_changes_where_they_were_made_across_checkpoints() {
    let s = scenario(WARM);
    let changed = |seed: u64| {
        let mut spec = s.runs[0].clone();
        spec.seed = seed;
        spec.batch_size = Some(4 + seed as usize);
        spec
    };
    let mut live = s.runner(0).unwrap();
    let mut at_k = Vec::new();
    for (at, seed) in [(500, 1), (CHECKPOINT_EVERY, 2), (2500, 3)] {
        live.advance(at - live.steps_taken());
        live.set_spec(changed(seed));
        at_k.push((at, seed));
    }
    live.advance(3 * CHECKPOINT_EVERY - live.steps_taken() + 7);
    // A second run making the same changes, stopped at each k, is the reference.
    for k in [10, 500, 501, 1024, 1025, 2048, 2500, 2600, 3079] {
        let mut reference = s.runner(0).unwrap();
        for &(at, seed) in at_k.iter().filter(|(at, _)| *at <= k) {
            reference.advance(at - reference.steps_taken());
            reference.set_spec(changed(seed));
        }
        reference.advance(k - reference.steps_taken());
        assert_same(&live.replay_to(k), &reference);
    }
}

#[test]
fn a_race_can_be_built_without_a_scenario() {
    let s = scenario(RACE);
    let race = Race::new(
        s.problem.clone(),
        s.start,
        10,
        s.tolerance,
        vec![adam(0.01)],
        std::sync::Arc::new(crate::scenario::RunJson),
    );
    assert_eq!(race.max_steps(), 10);
    assert_eq!(race.specs(), vec![adam(0.01)]);
}
