//! Reviving a diverged run: a new setting with re-plan off goes on from the last finite
//! point in the state it had there (not the blown-up state), caught up to the race; a
//! rename does not revive; replays of the revived run agree with it.

use super::snapshot_tests::assert_same;
use crate::run::{Runner, Status};
use crate::scenario::{decode, Scenario};

// Bowl, SGD with momentum at lr 3 blows up within a few dozen steps; Adam runs beside it.
const BOWL: &str = r#"{"problem": {"surface": "bowl"}, "start": [2, 1.5], "steps": 3000,
    "runs": [{"optimizer": "sgd", "lr": 3, "momentum": 0.5},
             {"optimizer": "adam", "lr": 0.05}]}"#;

fn scenario() -> Scenario {
    decode(BOWL).unwrap()
}

fn sgd(lr: f64, name: &str) -> crate::run::RunSpec {
    let text = format!(
        r#"{{"problem": {{"surface": "bowl"}}, "runs": [{{"name": "{name}", "optimizer": "sgd", "lr": {lr}, "momentum": 0.5}}]}}"#
    );
    decode(&text).unwrap().runs.remove(0)
}

fn diverged_step(r: &Runner) -> u64 {
    match r.status() {
        Status::Diverged { step, .. } => step,
        other => panic!("expected a divergence, got {other:?}"),
    }
}

#[test]
fn a_new_rate_revives_a_diverged_run_from_its_last_finite_point() {
    let s = scenario();
    let mut race = s.race();
    race.advance(200);
    let r0 = race.runner(0).unwrap();
    let at = diverged_step(r0);
    let finite = r0.steps_taken();
    assert_eq!(finite, at - 1, "the record ends at the last finite point");
    let before = r0.record().clone();

    assert_eq!(race.change_run(0, sgd(0.3, "SGD")), Ok(true));
    let r = race.runner(0).unwrap();
    assert_eq!(r.status(), Status::Running, "going on");
    assert_eq!(r.steps_taken(), race.step(), "caught up with the race");
    assert_eq!(
        r.record().trajectory[..=finite as usize],
        before.trajectory[..],
        "the path so far stays"
    );
    assert_eq!(
        r.record().lr[finite as usize],
        0.3,
        "the new rate from there"
    );

    // The same as a lone run changed one step before it blew up: the momentum buffer is
    // the one at the last finite point, not the one of the diverging update.
    let mut lone = Runner::new(s.problem.clone(), s.runs[0].clone(), s.start, s.tolerance);
    lone.advance(finite);
    lone.set_spec(sgd(0.3, "SGD"));
    lone.advance(race.step() - finite);
    assert_same(r, &lone);
    // It reaches the bowl's minimum at 0.
    race.advance(500);
    let p = race.runner(0).unwrap().point();
    assert!(p.x.abs() < 1e-6 && p.y.abs() < 1e-6, "{p:?}");
    // Replays of a step after the revival agree with the live run.
    let r = race.runner(0).unwrap();
    let mut lone = Runner::new(s.problem.clone(), s.runs[0].clone(), s.start, s.tolerance);
    lone.advance(finite);
    lone.set_spec(sgd(0.3, "SGD"));
    lone.advance(150 - finite);
    assert_same(&r.replay_to(150), &lone);
}

#[test]
fn a_rename_or_a_running_run_is_not_revived() {
    let s = scenario();
    let mut race = s.race();
    race.advance(200);
    let at = diverged_step(race.runner(0).unwrap());
    assert_eq!(race.change_run(0, sgd(3.0, "renamed")), Ok(false));
    let r = race.runner(0).unwrap();
    assert_eq!(diverged_step(r), at, "still diverged");
    assert_eq!(r.spec().name, "renamed");
    // A running run's change is an ordinary live change.
    let mut adam = race.runner(1).unwrap().spec().clone();
    adam.name = "Adam 2".into();
    assert_eq!(race.change_run(1, adam), Ok(false));
}

#[test]
fn a_still_too_large_rate_diverges_again_and_can_be_revived_again() {
    let s = scenario();
    let mut race = s.race();
    race.advance(200);
    assert_eq!(race.change_run(0, sgd(2.9, "SGD")), Ok(true));
    let again = diverged_step(race.runner(0).unwrap());
    assert!(again < 200, "lr 2.9 still blows up (step {again})");
    assert_eq!(race.change_run(0, sgd(0.1, "SGD")), Ok(true));
    assert_eq!(race.runner(0).unwrap().status(), Status::Running);
    assert_eq!(race.runner(0).unwrap().steps_taken(), 200);
}
