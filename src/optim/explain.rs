//! The derived quantities of one update, for the page's equation panel: bias corrections,
//! corrected moments, denominators and the effective per-coordinate learning rate, computed
//! here so that the page only substitutes numbers into formulas and never does arithmetic.
//!
//! Every value is computed from the optimizer's state before and after the step, exactly as
//! the step itself computes it (see each optimizer's module header for the formulas).

use super::Optimizer;
use crate::vec2::Vec2;
use serde_json::{json, Map, Value};

/// Named derived quantities of the step that took `before` to `after` at learning rate `lr`.
/// `effective_lr` is always present: the factor the gradient (or its running average) is
/// multiplied by, per coordinate, in this step.
pub fn explain(before: &Optimizer, after: &Optimizer, lr: f64) -> Map<String, Value> {
    let mut out = Map::new();
    let mut put = |name: &str, value: Value| {
        out.insert(name.to_string(), value);
    };
    match after {
        Optimizer::Sgd(o) => {
            put("effective_lr", json!(Vec2::splat(lr)));
            put("momentum", json!(o.hyper.momentum));
        }
        Optimizer::Adagrad(o) => {
            let t = o.state.step as f64;
            let clr = lr / (1.0 + (t - 1.0) * o.hyper.lr_decay);
            let sum = o.state.sum.unwrap_or_default();
            let denom = sum.sqrt() + Vec2::splat(o.hyper.eps);
            put("step", json!(o.state.step));
            put("clr", json!(clr));
            put("denominator", json!(denom));
            put("effective_lr", json!(Vec2::splat(clr) / denom));
        }
        Optimizer::Rmsprop(o) => {
            let s = o.state;
            let variance = if o.hyper.centered {
                s.square_avg - s.grad_avg.hadamard(s.grad_avg)
            } else {
                s.square_avg
            };
            let denom = variance.sqrt() + Vec2::splat(o.hyper.eps);
            put("denominator", json!(denom));
            put("effective_lr", json!(Vec2::splat(lr) / denom));
        }
        Optimizer::Adadelta(o) => {
            let e = Vec2::splat(o.hyper.eps);
            let previous_acc = match before {
                Optimizer::Adadelta(b) => b.state.acc_delta,
                _ => Vec2::ZERO,
            };
            let rms_update = (previous_acc + e).sqrt();
            let rms_gradient = (o.state.square_avg + e).sqrt();
            put("rms_update", json!(rms_update));
            put("rms_gradient", json!(rms_gradient));
            put("effective_lr", json!((rms_update / rms_gradient) * lr));
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
            put("step", json!(m.step));
            put("bias_correction1", json!(bc1));
            put("bias_correction2", json!(bc2));
            put("m_hat", json!(m.exp_avg / bc1));
            put("v_hat", json!(second / bc2));
            put("denominator", json!(denom));
            put("effective_lr", json!(Vec2::splat(lr / bc1) / denom));
            // What tutorials without bias correction would step: lr·m/(√v + eps).
            let textbook = (m.exp_avg / (second.sqrt() + Vec2::splat(o.hyper.eps))) * lr;
            put("textbook_update", json!(textbook));
            if o.decoupled {
                put("decay_factor", json!(1.0 - lr * o.hyper.weight_decay));
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
            let gradient_coefficient = lr * (1.0 - mu) / (1.0 - o.state.mu_product);
            let momentum_coefficient = lr * mu_next / (1.0 - o.state.mu_product * mu_next);
            put("step", json!(m.step));
            put("mu", json!(mu));
            put("mu_next", json!(mu_next));
            put("mu_product", json!(o.state.mu_product));
            put("bias_correction2", json!(bc2));
            put("denominator", json!(denom));
            put("gradient_coefficient", json!(gradient_coefficient));
            put("momentum_coefficient", json!(momentum_coefficient));
            put(
                "effective_lr",
                json!(Vec2::splat(gradient_coefficient + momentum_coefficient) / denom),
            );
        }
        Optimizer::Radam(o) => {
            let m = o.state;
            let t = m.step as f64;
            let [beta1, beta2] = o.hyper.betas;
            let bc1 = 1.0 - beta1.powf(t);
            let bc2 = 1.0 - beta2.powf(t);
            let rho_inf = 2.0 / (1.0 - beta2) - 1.0;
            let rho_t = rho_inf - 2.0 * t * beta2.powf(t) / bc2;
            put("step", json!(m.step));
            put("bias_correction1", json!(bc1));
            put("m_hat", json!(m.exp_avg / bc1));
            put("rho_inf", json!(rho_inf));
            put("rho_t", json!(rho_t));
            put("rectified", json!(rho_t > 5.0));
            if rho_t > 5.0 {
                let r = ((rho_t - 4.0) * (rho_t - 2.0) * rho_inf
                    / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t))
                    .sqrt();
                let adaptive =
                    Vec2::splat(bc2.sqrt()) / (m.exp_avg_sq.sqrt() + Vec2::splat(o.hyper.eps));
                put("rectification", json!(r));
                put("effective_lr", json!(adaptive * (lr * r)));
            } else {
                put("effective_lr", json!(Vec2::splat(lr)));
            }
        }
    }
    out
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
            let eff: Vec2 = serde_json::from_value(derived["effective_lr"].clone()).unwrap();
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
        let denom: Vec2 = serde_json::from_value(d["denominator"].clone()).unwrap();
        let cg = d["gradient_coefficient"].as_f64().unwrap();
        let cm = d["momentum_coefficient"].as_f64().unwrap();
        let predicted = p1 - (g / denom) * cg - (n.state.moments.exp_avg / denom) * cm;
        assert!((predicted - p2).norm() < 1e-15);
    }
}
