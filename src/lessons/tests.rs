//! Each lesson shows what its caption says.

use super::LESSONS;
use crate::run::{Runner, Status};
use crate::scenario::decode;
use crate::vec2::Vec2;

fn lesson(id: &str) -> Vec<Runner> {
    let lesson = LESSONS.iter().find(|l| l.id == id).expect("lesson exists");
    decode(lesson.scenario).expect("lesson decodes").run()
}

fn path(r: &Runner) -> Vec<Vec2> {
    r.record().trajectory
}

fn sign_changes(values: impl Iterator<Item = f64>) -> usize {
    let v: Vec<f64> = values.collect();
    v.windows(2).filter(|w| w[0] * w[1] < 0.0).count()
}

#[test]
fn every_lesson_decodes_with_a_title_and_a_caption_and_round_trips() {
    for l in LESSONS {
        let s = decode(l.scenario).unwrap_or_else(|e| panic!("{}: {e}", l.id));
        assert!(
            s.page.title.as_ref().is_some_and(|t| !t.is_empty()),
            "{}",
            l.id
        );
        assert!(
            s.page.caption.as_ref().is_some_and(|c| c.len() > 40),
            "{}",
            l.id
        );
        assert_eq!(decode(&s.to_json().to_string()).unwrap(), s, "{}", l.id);
    }
}

#[test]
fn too_large_a_learning_rate_oscillates_then_diverges() {
    let runs = lesson("too_large_lr");
    assert_eq!(sign_changes(path(&runs[0]).iter().map(|p| p.x)), 0);
    assert!(sign_changes(path(&runs[1]).iter().map(|p| p.x)) > 50);
    assert_eq!(runs[1].status(), Status::Completed);
    assert!(matches!(runs[2].status(), Status::Diverged { .. }));
}

#[test]
fn momentum_zig_zags_across_the_valley_where_sgd_does_not() {
    let runs = lesson("momentum_valley");
    assert_eq!(sign_changes(path(&runs[0]).iter().map(|p| p.y)), 0);
    assert!(sign_changes(path(&runs[1]).iter().map(|p| p.y)) > 10);
}

#[test]
fn adagrads_effective_rate_only_falls_while_rmsprops_recovers() {
    let runs = lesson("adagrad_shrinks");
    // On the bowl g_x = 2x, so the effective rate of step t is (x_t − x_{t+1}) / (2·x_t).
    let rates = |r: &Runner| -> Vec<f64> {
        path(r)
            .windows(2)
            .map(|w| (w[0].x - w[1].x) / (2.0 * w[0].x))
            .collect()
    };
    let adagrad = rates(&runs[0]);
    assert!(adagrad.windows(2).all(|w| w[1] < w[0]));
    let rmsprop = rates(&runs[1]);
    assert!(rmsprop.windows(2).any(|w| w[1] > w[0]));
}

#[test]
fn adam_escapes_the_saddle_long_before_sgd() {
    let runs = lesson("saddle_escape");
    let escape = |r: &Runner| path(r).iter().position(|p| p.y.abs() > 1.0);
    let (sgd, adam) = (escape(&runs[0]).unwrap(), escape(&runs[1]).unwrap());
    assert!(adam * 3 < sgd, "adam {adam}, sgd {sgd}");
}

#[test]
fn radam_starts_with_plain_momentum_steps() {
    let runs = lesson("radam_warmup");
    let start = path(&runs[0])[0];
    let g = start * 2.0;
    // Adam's first step: lr in every coordinate; RAdam's: lr·g (ρ₁ ≤ 5).
    let adam_step = path(&runs[0])[1] - start;
    let radam_step = path(&runs[1])[1] - start;
    assert!((adam_step.x.abs() - 0.1).abs() < 1e-6 && (adam_step.y.abs() - 0.1).abs() < 1e-6);
    assert!((radam_step - g * -0.1).norm() < 1e-12);
}

#[test]
fn adamw_and_adam_with_l2_settle_at_different_points() {
    let runs = lesson("adamw_vs_adam");
    let end = |i: usize| runs[i].point();
    assert!(end(0).distance(end(1)) > 0.5);
    // Plain Adam finds Booth's minimum (1, 3); both decays pull away from it.
    assert!(end(2).distance(Vec2::new(1.0, 3.0)) < 1e-3);
    assert!(end(0).distance(Vec2::new(1.0, 3.0)) > 0.05);
}

#[test]
fn smaller_batches_make_noisier_losses() {
    let runs = lesson("minibatch_noise");
    let rises = |r: &Runner| r.record().loss.windows(2).filter(|w| w[1] > w[0]).count();
    assert!(rises(&runs[0]) > rises(&runs[1]));
    assert_eq!(rises(&runs[2]), 0);
}

#[test]
fn early_stopping_stops_near_the_best_validation_loss() {
    let runs = lesson("early_stopping");
    let Status::EarlyStopped { step, best_step } = runs[0].status() else {
        panic!("{:?}", runs[0].status())
    };
    assert_eq!(step, best_step + 40);
    let stopped = runs[0].outcome().final_validation_loss.unwrap();
    let unstopped = runs[1].outcome().final_validation_loss.unwrap();
    assert!(stopped * 2.0 < unstopped, "{stopped} vs {unstopped}");
}

#[test]
fn at_the_pass_sgd_waits_momentum_swings_through_and_adam_turns_off_first() {
    let runs = lesson("saddle_3d");
    // Off the ridge: |y| > 1; in the pass: |x| < 0.1.
    let off = |r: &Runner| path(r).iter().position(|p| p.y.abs() > 1.0).unwrap();
    let pass = |r: &Runner| path(r).iter().position(|p| p.x.abs() < 0.1).unwrap();
    let (sgd, momentum, adam) = (&runs[0], &runs[1], &runs[2]);
    assert!(pass(sgd) + 100 < off(sgd), "sgd {} {}", pass(sgd), off(sgd));
    let swings = sign_changes(path(momentum)[..off(momentum)].iter().map(|p| p.x));
    assert!(swings >= 3, "momentum crossed the pass {swings} times");
    assert!(off(adam) < pass(adam), "adam {} {}", off(adam), pass(adam));
}
