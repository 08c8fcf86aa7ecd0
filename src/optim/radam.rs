//! RAdam, exactly as `torch.optim.RAdam` (coupled weight decay):
//!
//! ```text
//! g ← g + weight_decay·p;  m, v as in `moments`;  m̂ ← m / (1 − β1ᵗ)
//! ρ∞ ← 2/(1 − β2) − 1;  ρₜ ← ρ∞ − 2t·β2ᵗ/(1 − β2ᵗ)
//! ρₜ > 5:  r ← √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ));
//!          p ← p − lr·m̂·r·√(1 − β2ᵗ)/(√v + eps)
//! else:    p ← p − lr·m̂              (plain momentum while the variance is untrustworthy)
//! ```
//!
//! Liu et al., 2020: rectifies Adam's early, high-variance adaptive rate (a built-in warm-up).
//!
//! `βᵗ` is carried from step to step by `moments` (PyTorch's `β ** t` is a `pow` each
//! step; the two agree far inside the reference tolerance).

use super::coupled_decay;
use super::moments::Moments;
use super::params::{eps, lr, weight_decay, ParamInfo, ParamValues, BETAS};
use super::{Family, FamilyInfo, Stateful, Trace};
use crate::vec2::Vec2;

/// RAdam's hyper-parameters with PyTorch's defaults.
pub const PARAMS: &[ParamInfo] = &[lr(1e-3), BETAS, eps(1e-8), weight_decay(0.0)];

/// Typed hyper-parameters of RAdam.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadamHyper {
    /// Base learning rate.
    pub lr: f64,
    /// Decay rates of the two moments.
    pub betas: [f64; 2],
    /// Denominator term.
    pub eps: f64,
    /// Coupled L2 weight decay.
    pub weight_decay: f64,
}

impl Family for RadamHyper {
    const INFO: FamilyInfo = FamilyInfo::new("radam", "RAdam", PARAMS);
    type State = Moments;

    fn from_values(v: &ParamValues) -> Self {
        let betas = v.pair("betas");
        RadamHyper {
            lr: v.number("lr"),
            betas,
            eps: v.number("eps"),
            weight_decay: v.number("weight_decay"),
        }
    }

    fn step(&self, s: &mut Moments, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        let g = coupled_decay(g, p, h.weight_decay);
        let step = s.update(g, h.betas);
        let t = step as f64;
        let beta2 = h.betas[1];
        let (beta1_t, beta2_t) = s.beta_powers();
        let bias_correction1 = 1.0 - beta1_t;
        let bias_correction2 = 1.0 - beta2_t;
        let corrected = s.exp_avg / bias_correction1;
        let rho_inf = 2.0 / (1.0 - beta2) - 1.0;
        let rho_t = rho_inf - 2.0 * t * beta2_t / bias_correction2;
        let rectified = rho_t > 5.0;
        out.record(|x| {
            x.step = Some(step);
            x.bias_correction1 = Some(bias_correction1);
            x.m_hat = Some(corrected);
            x.rho_inf = Some(rho_inf);
            x.rho_t = Some(rho_t);
            x.rectified = Some(rectified);
            x.effective_lr = Vec2::splat(lr);
        });
        if rectified {
            let rect = ((rho_t - 4.0) * (rho_t - 2.0) * rho_inf
                / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t))
                .sqrt();
            let adaptive =
                Vec2::splat(bias_correction2.sqrt()) / (s.exp_avg_sq.sqrt() + Vec2::splat(h.eps));
            out.record(|x| {
                x.rectification = Some(rect);
                x.effective_lr = adaptive * (lr * rect);
            });
            p - corrected.hadamard(adaptive) * (lr * rect)
        } else {
            p - corrected * lr
        }
    }
}

/// RAdam with its state (step count and moments).
pub type Radam = Stateful<RadamHyper>;
