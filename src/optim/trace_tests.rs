//! The explained step: the equation panel's quantities are those of the step itself (same
//! result, same state), reproduce the update, and match values worked out by hand.

use super::params::ParamValue;
use super::tests::{lr, spec};
use super::*;

/// A step in several settings of every family (momentum, centering, AMSGrad, decay).
fn variants() -> Vec<OptimizerSpec> {
    let n = ParamValue::Number;
    let mut specs: Vec<_> = OptimizerKind::ALL
        .into_iter()
        .map(OptimizerSpec::defaults)
        .collect();
    let on = ParamValue::Flag(true);
    for (kind, settings) in [
        (
            OptimizerKind::Sgd,
            vec![("momentum", n(0.9)), ("nesterov", on)],
        ),
        (
            OptimizerKind::Rmsprop,
            vec![("momentum", n(0.5)), ("centered", on)],
        ),
        (
            OptimizerKind::Adam,
            vec![("amsgrad", on), ("weight_decay", n(0.1))],
        ),
        (OptimizerKind::Adagrad, vec![("lr_decay", n(0.1))]),
    ] {
        specs.push(spec(kind, &settings));
    }
    specs
}

#[test]
fn the_traced_step_is_the_plain_step() {
    let grads = [
        Vec2::new(2.0, -0.5),
        Vec2::new(1.5, 0.25),
        Vec2::new(-0.1, 3.0),
    ];
    for s in variants() {
        let (mut plain, mut traced) = (Optimizer::new(&s), Optimizer::new(&s));
        let (mut p, mut q) = (Vec2::new(0.7, -1.3), Vec2::new(0.7, -1.3));
        for g in grads {
            let explained = traced.explain(q, g, 0.05);
            let (next, x) = traced.step_explained(q, g, 0.05);
            assert_eq!(explained, x, "explain leaves the optimizer as it was");
            p = plain.step(p, g, 0.05);
            q = next;
            assert_eq!(p, q, "{}", s.kind().name());
            assert_eq!(plain, traced);
        }
    }
}

/// The effective rate times the direction it scales reproduces the step (the momentum
/// methods' rate scales m̂ or m; NAdam's two coefficients, g and m).
#[test]
fn explanations_reproduce_the_step() {
    let (p, g1, g2, lr) = (
        Vec2::new(0.7, -1.3),
        Vec2::new(2.0, -0.5),
        Vec2::new(1.5, 0.25),
        0.05,
    );
    for kind in OptimizerKind::ALL {
        let mut opt = Optimizer::new(&OptimizerSpec::defaults(kind));
        let p1 = opt.step(p, g1, lr);
        let (p2, x) = opt.step_explained(p1, g2, lr);
        let m = match &opt {
            Optimizer::Adam(o) => o.state.moments.exp_avg,
            Optimizer::Adamw(o) => o.state.moments.exp_avg,
            Optimizer::Nadam(o) => o.state.moments.exp_avg,
            Optimizer::Radam(o) => o.state.exp_avg,
            _ => Vec2::ZERO,
        };
        let predicted = match kind {
            OptimizerKind::Adam => p1 - x.effective_lr.hadamard(m),
            // Decoupled decay 1e-2 by default: p·(1 − lr·λ) first.
            OptimizerKind::Adamw => p1 * (1.0 - lr * 1e-2) - x.effective_lr.hadamard(m),
            OptimizerKind::Radam => p1 - x.effective_lr.hadamard(m / (1.0 - 0.9f64.powi(2))),
            OptimizerKind::Nadam => {
                let den = x.denominator.unwrap();
                p1 - (g2 / den) * x.gradient_coefficient.unwrap()
                    - (m / den) * x.momentum_coefficient.unwrap()
            }
            _ => p1 - x.effective_lr.hadamard(g2),
        };
        assert!(
            (predicted - p2).norm() < 1e-12,
            "{}: {predicted:?} vs {p2:?}",
            kind.name()
        );
        assert_eq!(
            x.step.is_some(),
            !matches!(
                kind,
                OptimizerKind::Sgd | OptimizerKind::Rmsprop | OptimizerKind::Adadelta
            )
        );
    }
}

#[test]
fn adam_first_step_explanation_by_hand() {
    // t = 1: 1 − β1 = 0.1, 1 − β2 = 0.001, so m̂ = g, v̂ = g², D = |g| + eps; the textbook
    // step is lr·0.1·g/(√0.001·|g| + eps) ≈ 3.16·lr per coordinate (eps shifts it by 1e-8).
    let mut adam = Optimizer::new(&spec(OptimizerKind::Adam, &[lr(0.1)]));
    let g = Vec2::new(5.0, -3.0);
    let (_, x) = adam.step_explained(Vec2::ZERO, g, 0.1);
    let close = |a: Vec2, b: Vec2| (a - b).norm() < 1e-7;
    assert_eq!(x.step, Some(1));
    assert!((x.bias_correction1.unwrap() - 0.1).abs() < 1e-15);
    assert!((x.bias_correction2.unwrap() - 0.001).abs() < 1e-15);
    assert!(close(x.m_hat.unwrap(), g));
    assert!(close(x.v_hat.unwrap(), Vec2::new(25.0, 9.0)));
    assert!(close(
        x.denominator.unwrap(),
        Vec2::new(5.0, 3.0) + Vec2::splat(1e-8)
    ));
    let textbook = 0.1 * 0.1 / 0.001f64.sqrt();
    assert!(close(
        x.textbook_update.unwrap(),
        Vec2::new(textbook, -textbook)
    ));
    assert_eq!(x.decay_factor, None);
    let mut adamw = Optimizer::new(&spec(OptimizerKind::Adamw, &[lr(0.1)]));
    let (_, w) = adamw.step_explained(Vec2::ZERO, g, 0.1);
    assert_eq!(w.decay_factor, Some(1.0 - 0.1 * 1e-2));
}

#[test]
fn radam_reports_its_branch() {
    // ρ∞ = 2/0.001 − 1 = 1999; ρ₁ = 1999 − 2·0.999/0.001 = 1: the un-rectified branch.
    let mut radam = Optimizer::new(&spec(OptimizerKind::Radam, &[lr(0.1)]));
    let (_, x) = radam.step_explained(Vec2::ZERO, Vec2::new(3.0, -1.0), 0.1);
    assert!((x.rho_inf.unwrap() - 1999.0).abs() < 1e-9);
    assert!((x.rho_t.unwrap() - 1.0).abs() < 1e-9);
    assert_eq!((x.rectified, x.rectification), (Some(false), None));
    let mut p = Vec2::ZERO;
    for _ in 0..10 {
        p = radam.step(p, Vec2::new(3.0, -1.0), 0.1);
    }
    let (_, later) = radam.step_explained(p, Vec2::new(3.0, -1.0), 0.1);
    assert_eq!(later.rectified, Some(true));
    assert!(later.rectification.unwrap() > 0.0);
}
