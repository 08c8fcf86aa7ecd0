//! The derived quantities of one update, for the page's equation panel: bias corrections,
//! corrected moments, denominators and the effective per-coordinate learning rate, computed
//! here so that the page only substitutes numbers into formulas and never does arithmetic.
//!
//! Every value is computed from the optimizer's state before and after the step, exactly as
//! the step itself computes it (see each optimizer's module header for the formulas).

use super::Optimizer;
use crate::vec2::Vec2;
use serde::Serialize;

/// The derived quantities of one step; only those of the step's optimizer are present.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// Per coordinate, the factor the gradient (or, for the momentum methods, m̂ or the
    /// momentum term) is multiplied by in this step.
    pub effective_lr: Vec2,
    /// Step count t after the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<u64>,
    /// Adagrad's decayed rate lr / (1 + (t − 1)·lr_decay).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clr: Option<f64>,
    /// The adaptive denominator (√sum + eps, √v + eps, √v̂ + eps, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Vec2>,
    /// 1 − β1ᵗ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bias_correction1: Option<f64>,
    /// 1 − β2ᵗ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bias_correction2: Option<f64>,
    /// m / (1 − β1ᵗ).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub m_hat: Option<Vec2>,
    /// v / (1 − β2ᵗ) (AMSGrad: of the running maximum).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub v_hat: Option<Vec2>,
    /// The step tutorials without bias correction would take: lr·m/(√v + eps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub textbook_update: Option<Vec2>,
    /// AdamW's weight factor 1 − lr·weight_decay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decay_factor: Option<f64>,
    /// Adadelta's √(u + eps) before the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rms_update: Option<Vec2>,
    /// Adadelta's √(v + eps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rms_gradient: Option<Vec2>,
    /// NAdam's μₜ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mu: Option<f64>,
    /// NAdam's μₜ₊₁.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mu_next: Option<f64>,
    /// NAdam's Π μ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mu_product: Option<f64>,
    /// NAdam's factor of g/den.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gradient_coefficient: Option<f64>,
    /// NAdam's factor of m/den.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub momentum_coefficient: Option<f64>,
    /// RAdam's ρ∞.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rho_inf: Option<f64>,
    /// RAdam's ρₜ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rho_t: Option<f64>,
    /// RAdam: whether ρₜ > 5 (the adaptive, rectified step).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rectified: Option<bool>,
    /// RAdam's rectification factor r.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rectification: Option<f64>,
}

/// The derived quantities of the step that took `before` to `after` at learning rate `lr`.
pub fn explain(before: &Optimizer, after: &Optimizer, lr: f64) -> Explanation {
    let mut x = Explanation::default();
    match after {
        Optimizer::Sgd(_) => x.effective_lr = Vec2::splat(lr),
        Optimizer::Adagrad(o) => {
            let t = o.state.step as f64;
            let clr = lr / (1.0 + (t - 1.0) * o.hyper.lr_decay);
            let denom = o.state.sum.unwrap_or_default().sqrt() + Vec2::splat(o.hyper.eps);
            x.step = Some(o.state.step);
            x.clr = Some(clr);
            x.denominator = Some(denom);
            x.effective_lr = Vec2::splat(clr) / denom;
        }
        Optimizer::Rmsprop(o) => {
            let s = o.state;
            let variance = if o.hyper.centered {
                s.square_avg - s.grad_avg.hadamard(s.grad_avg)
            } else {
                s.square_avg
            };
            let denom = variance.sqrt() + Vec2::splat(o.hyper.eps);
            x.denominator = Some(denom);
            x.effective_lr = Vec2::splat(lr) / denom;
        }
        Optimizer::Adadelta(o) => {
            let e = Vec2::splat(o.hyper.eps);
            let previous_acc = match before {
                Optimizer::Adadelta(b) => b.state.acc_delta,
                _ => Vec2::ZERO,
            };
            let rms_update = (previous_acc + e).sqrt();
            let rms_gradient = (o.state.square_avg + e).sqrt();
            x.rms_update = Some(rms_update);
            x.rms_gradient = Some(rms_gradient);
            x.effective_lr = (rms_update / rms_gradient) * lr;
        }
        Optimizer::Adam(o) => {
            let m = o.state.moments;
            let t = m.step as i32;
            let [beta1, beta2] = o.hyper.betas;
            let bc1 = 1.0 - beta1.powi(t);
            let bc2 = 1.0 - beta2.powi(t);
            let second = if o.hyper.amsgrad {
                o.state.max_exp_avg_sq
            } else {
                m.exp_avg_sq
            };
            let denom = second.sqrt() / bc2.sqrt() + Vec2::splat(o.hyper.eps);
            x.step = Some(m.step);
            x.bias_correction1 = Some(bc1);
            x.bias_correction2 = Some(bc2);
            x.m_hat = Some(m.exp_avg / bc1);
            x.v_hat = Some(second / bc2);
            x.denominator = Some(denom);
            x.effective_lr = Vec2::splat(lr / bc1) / denom;
            x.textbook_update = Some((m.exp_avg / (second.sqrt() + Vec2::splat(o.hyper.eps))) * lr);
            if o.decoupled {
                x.decay_factor = Some(1.0 - lr * o.hyper.weight_decay);
            }
        }
        Optimizer::Nadam(o) => {
            let m = o.state.moments;
            let t = m.step as f64;
            let [beta1, beta2] = o.hyper.betas;
            let psi = o.hyper.momentum_decay;
            let mu = beta1 * (1.0 - 0.5 * 0.96f64.powf(t * psi));
            let mu_next = beta1 * (1.0 - 0.5 * 0.96f64.powf((t + 1.0) * psi));
            let bc2 = 1.0 - beta2.powf(t);
            let denom = (m.exp_avg_sq / bc2).sqrt() + Vec2::splat(o.hyper.eps);
            let cg = lr * (1.0 - mu) / (1.0 - o.state.mu_product);
            let cm = lr * mu_next / (1.0 - o.state.mu_product * mu_next);
            x.step = Some(m.step);
            x.mu = Some(mu);
            x.mu_next = Some(mu_next);
            x.mu_product = Some(o.state.mu_product);
            x.bias_correction2 = Some(bc2);
            x.denominator = Some(denom);
            x.gradient_coefficient = Some(cg);
            x.momentum_coefficient = Some(cm);
            x.effective_lr = Vec2::splat(cg + cm) / denom;
        }
        Optimizer::Radam(o) => {
            let m = o.state;
            let t = m.step as f64;
            let [beta1, beta2] = o.hyper.betas;
            let bc1 = 1.0 - beta1.powf(t);
            let bc2 = 1.0 - beta2.powf(t);
            let rho_inf = 2.0 / (1.0 - beta2) - 1.0;
            let rho_t = rho_inf - 2.0 * t * beta2.powf(t) / bc2;
            x.step = Some(m.step);
            x.bias_correction1 = Some(bc1);
            x.m_hat = Some(m.exp_avg / bc1);
            x.rho_inf = Some(rho_inf);
            x.rho_t = Some(rho_t);
            x.rectified = Some(rho_t > 5.0);
            x.effective_lr = Vec2::splat(lr);
            if rho_t > 5.0 {
                let r = ((rho_t - 4.0) * (rho_t - 2.0) * rho_inf
                    / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t))
                    .sqrt();
                let adaptive =
                    Vec2::splat(bc2.sqrt()) / (m.exp_avg_sq.sqrt() + Vec2::splat(o.hyper.eps));
                x.rectification = Some(r);
                x.effective_lr = adaptive * (lr * r);
            }
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optim::{OptimizerKind, OptimizerSpec};

    /// The effective rate times the direction it scales must reproduce the actual step.
    #[test]
    fn effective_rates_reproduce_the_step() {
        let p = Vec2::new(0.7, -1.3);
        let g1 = Vec2::new(2.0, -0.5);
        let g2 = Vec2::new(1.5, 0.25);
        let lr = 0.05;
        for kind in OptimizerKind::ALL {
            let mut opt = Optimizer::new(&OptimizerSpec::defaults(kind));
            let p1 = opt.step(p, g1, lr);
            let before = opt.clone();
            let p2 = opt.step(p1, g2, lr);
            let derived = explain(&before, &opt, lr);
            let eff = derived.effective_lr;
            // What the effective rate multiplies: the gradient, or the first moment for the
            // momentum methods (weight decay is zero by default except AdamW's).
            let direction = match &opt {
                Optimizer::Adam(a) => a.state.moments.exp_avg,
                Optimizer::Radam(r) => r.state.exp_avg / (1.0 - 0.9f64.powi(2)),
                _ => g2,
            };
            let start = match (&opt, kind) {
                (Optimizer::Adam(_), OptimizerKind::Adamw) => p1 * (1.0 - lr * 1e-2),
                _ => p1,
            };
            if kind == OptimizerKind::Nadam {
                continue; // two terms (gradient and momentum): checked below
            }
            let predicted = start - eff.hadamard(direction);
            assert!(
                (predicted - p2).norm() < 1e-12,
                "{}: {predicted:?} vs {p2:?}",
                kind.name()
            );
        }
    }

    #[test]
    fn nadam_coefficients_reproduce_the_step() {
        let mut opt = Optimizer::new(&OptimizerSpec::defaults(OptimizerKind::Nadam));
        let p1 = opt.step(Vec2::new(1.0, 2.0), Vec2::new(0.5, -1.0), 0.01);
        let before = opt.clone();
        let g = Vec2::new(0.3, 0.2);
        let p2 = opt.step(p1, g, 0.01);
        let d = explain(&before, &opt, 0.01);
        let Optimizer::Nadam(n) = &opt else { panic!() };
        let denom = d.denominator.unwrap();
        let cg = d.gradient_coefficient.unwrap();
        let cm = d.momentum_coefficient.unwrap();
        let predicted = p1 - (g / denom) * cg - (n.state.moments.exp_avg / denom) * cm;
        assert!((predicted - p2).norm() < 1e-15);
    }
}
