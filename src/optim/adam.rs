//! Adam and AdamW, exactly as `torch.optim.Adam` / `torch.optim.AdamW`:
//!
//! ```text
//! Adam:   g ← g + weight_decay·p          AdamW:  p ← p·(1 − lr·weight_decay)
//! m, v as in `moments`;  amsgrad: v_max ← max(v_max, v), used in place of v
//! p ← p − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + eps)
//! ```
//!
//! Tutorials often drop the bias corrections `1 − βᵗ`; without them the first steps are
//! tiny. AdamW decouples the decay from the adaptive scaling (Loshchilov & Hutter, 2019).

use super::coupled_decay;
use super::moments::Moments;
use super::params::{eps, flag, lr, weight_decay, ParamInfo, ParamValues, BETAS};
use crate::vec2::Vec2;
use serde::Serialize;

const AMSGRAD: ParamInfo = flag(
    "amsgrad",
    "AMSGrad",
    "Divide by the largest second moment seen so far.",
);

/// Adam's hyper-parameters with PyTorch's defaults.
pub const ADAM_PARAMS: &[ParamInfo] = &[lr(1e-3), BETAS, eps(1e-8), weight_decay(0.0), AMSGRAD];

/// AdamW's hyper-parameters: as Adam's, but weight decay defaults to 1e-2.
pub const ADAMW_PARAMS: &[ParamInfo] = &[lr(1e-3), BETAS, eps(1e-8), weight_decay(1e-2), AMSGRAD];

/// Typed hyper-parameters of Adam and AdamW.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamHyper {
    /// Base learning rate.
    pub lr: f64,
    /// Decay rates of the two moments.
    pub betas: [f64; 2],
    /// Denominator term.
    pub eps: f64,
    /// Weight decay: coupled for Adam, decoupled for AdamW.
    pub weight_decay: f64,
    /// AMSGrad variant.
    pub amsgrad: bool,
}

impl AdamHyper {
    /// Reads the values (defaults filled in by the table).
    pub fn from_values(v: &ParamValues) -> Self {
        AdamHyper {
            lr: v.number("lr"),
            betas: v.pair("betas"),
            eps: v.number("eps"),
            weight_decay: v.number("weight_decay"),
            amsgrad: v.flag("amsgrad"),
        }
    }
}

/// Adam's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AdamState {
    /// Step count and moments.
    pub moments: Moments,
    /// Largest second moment so far (AMSGrad only).
    pub max_exp_avg_sq: Vec2,
}

/// Adam or AdamW with its state.
#[derive(Clone, Debug, PartialEq)]
pub struct Adam {
    /// Hyper-parameters.
    pub hyper: AdamHyper,
    /// `true` for AdamW's decoupled weight decay.
    pub decoupled: bool,
    /// State.
    pub state: AdamState,
}

impl Adam {
    /// One update of `p` with gradient `g` at learning rate `lr`.
    pub fn step(&mut self, p: Vec2, g: Vec2, lr: f64) -> Vec2 {
        let h = self.hyper;
        let (p, g) = if self.decoupled {
            (p * (1.0 - lr * h.weight_decay), g)
        } else {
            (p, coupled_decay(g, p, h.weight_decay))
        };
        let s = &mut self.state;
        let t = s.moments.update(g, h.betas) as i32;
        let bias_correction1 = 1.0 - h.betas[0].powi(t);
        let bias_correction2_sqrt = (1.0 - h.betas[1].powi(t)).sqrt();
        let second = if h.amsgrad {
            s.max_exp_avg_sq = s.max_exp_avg_sq.zip(s.moments.exp_avg_sq, f64::max);
            s.max_exp_avg_sq
        } else {
            s.moments.exp_avg_sq
        };
        let denom = second.sqrt() / bias_correction2_sqrt + Vec2::splat(h.eps);
        p - (s.moments.exp_avg / denom) * (lr / bias_correction1)
    }
}
