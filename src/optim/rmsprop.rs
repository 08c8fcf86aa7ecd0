//! RMSprop, exactly as `torch.optim.RMSprop`:
//!
//! ```text
//! g ← g + weight_decay·p
//! v ← α·v + (1 − α)·g²
//! centered:  ga ← α·ga + (1 − α)·g;  avg ← √(v − ga²) + eps   else  avg ← √v + eps
//! momentum μ > 0:  buf ← μ·buf + g / avg;  p ← p − lr·buf     else  p ← p − lr·g / avg
//! ```

use super::params::MOMENTUM;
use super::params::{eps, flag, lr, number, weight_decay, ParamInfo, ParamValues, Validity};
use super::{Family, FamilyInfo, Stateful, Trace};
use crate::vec2::Vec2;
use serde::Serialize;

/// RMSprop's hyper-parameters with PyTorch's defaults.
pub const PARAMS: &[ParamInfo] = &[
    lr(1e-2),
    number(
        "alpha",
        "Alpha",
        0.99,
        Validity::NonNegative,
        (0.0, 0.9999, false),
        "Decay rate of the running mean of squared gradients.",
    ),
    eps(1e-8),
    weight_decay(0.0),
    MOMENTUM,
    flag(
        "centered",
        "Centered",
        "Divide by the gradient's estimated variance instead of its raw second moment.",
    ),
];

/// Typed hyper-parameters of RMSprop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RmspropHyper {
    /// Base learning rate.
    pub lr: f64,
    /// Smoothing constant of the squared-gradient average.
    pub alpha: f64,
    /// Denominator term.
    pub eps: f64,
    /// Coupled L2 weight decay.
    pub weight_decay: f64,
    /// Momentum factor; 0 disables the buffer.
    pub momentum: f64,
    /// Centered variant.
    pub centered: bool,
}

impl Family for RmspropHyper {
    const INFO: FamilyInfo = FamilyInfo::new("rmsprop", "RMSprop", PARAMS);
    type State = RmspropState;

    fn from_values(v: &ParamValues) -> Self {
        RmspropHyper {
            lr: v.number("lr"),
            alpha: v.number("alpha"),
            eps: v.number("eps"),
            weight_decay: v.number("weight_decay"),
            momentum: v.number("momentum"),
            centered: v.flag("centered"),
        }
    }

    fn step(&self, s: &mut RmspropState, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        let g = super::coupled_decay(g, p, h.weight_decay);
        s.square_avg = s.square_avg * h.alpha + g.hadamard(g) * (1.0 - h.alpha);
        let avg = if h.centered {
            // PyTorch's lerp: ga + (1 − α)(g − ga).
            s.grad_avg = s.grad_avg + (g - s.grad_avg) * (1.0 - h.alpha);
            (s.square_avg - s.grad_avg.hadamard(s.grad_avg)).sqrt() + Vec2::splat(h.eps)
        } else {
            s.square_avg.sqrt() + Vec2::splat(h.eps)
        };
        out.record(|x| {
            x.denominator = Some(avg);
            x.effective_lr = Vec2::splat(lr) / avg;
        });
        if h.momentum > 0.0 {
            s.momentum_buffer = s.momentum_buffer * h.momentum + g / avg;
            p - s.momentum_buffer * lr
        } else {
            p - (g / avg) * lr
        }
    }
}

/// RMSprop's state: all zero before the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct RmspropState {
    /// Running mean of squared gradients.
    pub square_avg: Vec2,
    /// Running mean of gradients (centered only).
    pub grad_avg: Vec2,
    /// Momentum buffer.
    pub momentum_buffer: Vec2,
}

crate::state_words!(RmspropState {
    square_avg,
    grad_avg,
    momentum_buffer
});

/// RMSprop with its state.
pub type Rmsprop = Stateful<RmspropHyper>;
