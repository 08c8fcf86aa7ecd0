//! Adadelta, exactly as `torch.optim.Adadelta`:
//!
//! ```text
//! g ← g + weight_decay·p
//! v ← ρ·v + (1 − ρ)·g²
//! δ ← √(u + eps) / √(v + eps) · g
//! u ← ρ·u + (1 − ρ)·δ²
//! p ← p − lr·δ
//! ```
//!
//! The original paper has no learning rate (lr = 1); PyTorch's scales only the update.

use super::params::{eps, lr, number, weight_decay, ParamInfo, ParamValues, Validity};
use super::{Family, FamilyInfo, Stateful, Trace};
use crate::vec2::Vec2;
use serde::Serialize;

/// Adadelta's hyper-parameters with PyTorch's defaults.
pub const PARAMS: &[ParamInfo] = &[
    lr(1.0),
    number(
        "rho",
        "Rho",
        0.9,
        Validity::UnitClosed,
        (0.0, 0.9999, false),
        "Decay rate of the running averages.",
    ),
    eps(1e-6),
    weight_decay(0.0),
];

/// Typed hyper-parameters of Adadelta.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdadeltaHyper {
    /// Scale of the update.
    pub lr: f64,
    /// Decay of both running averages.
    pub rho: f64,
    /// Term inside both square roots.
    pub eps: f64,
    /// Coupled L2 weight decay.
    pub weight_decay: f64,
}

impl Family for AdadeltaHyper {
    const INFO: FamilyInfo = FamilyInfo::new("adadelta", "Adadelta", PARAMS);
    type State = AdadeltaState;

    fn from_values(v: &ParamValues) -> Self {
        AdadeltaHyper {
            lr: v.number("lr"),
            rho: v.number("rho"),
            eps: v.number("eps"),
            weight_decay: v.number("weight_decay"),
        }
    }

    fn step(&self, s: &mut AdadeltaState, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        let g = super::coupled_decay(g, p, h.weight_decay);
        let e = Vec2::splat(h.eps);
        s.square_avg = s.square_avg * h.rho + g.hadamard(g) * (1.0 - h.rho);
        let std = (s.square_avg + e).sqrt();
        let rms_update = (s.acc_delta + e).sqrt();
        let ratio = rms_update / std;
        let delta = ratio.hadamard(g);
        s.acc_delta = s.acc_delta * h.rho + delta.hadamard(delta) * (1.0 - h.rho);
        out.record(|x| {
            x.rms_update = Some(rms_update);
            x.rms_gradient = Some(std);
            x.effective_lr = ratio * lr;
        });
        p - delta * lr
    }
}

/// Adadelta's state: zero before the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AdadeltaState {
    /// Running mean of squared gradients (v).
    pub square_avg: Vec2,
    /// Running mean of squared updates (u).
    pub acc_delta: Vec2,
}

crate::state_words!(AdadeltaState {
    square_avg,
    acc_delta
});

/// Adadelta with its state.
pub type Adadelta = Stateful<AdadeltaHyper>;
