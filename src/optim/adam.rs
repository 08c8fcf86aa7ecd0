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
use super::{Family, FamilyInfo, Stateful, Trace};
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

/// Typed hyper-parameters of Adam (`DECOUPLED = false`) and AdamW (`true`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamHyper<const DECOUPLED: bool> {
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

impl<const DECOUPLED: bool> Family for AdamHyper<DECOUPLED> {
    const INFO: FamilyInfo = if DECOUPLED {
        FamilyInfo::new("adamw", "AdamW", ADAMW_PARAMS)
    } else {
        FamilyInfo::new("adam", "Adam", ADAM_PARAMS)
    };
    type State = AdamState;

    fn from_values(v: &ParamValues) -> Self {
        let betas = v.pair("betas");
        AdamHyper {
            lr: v.number("lr"),
            betas,
            eps: v.number("eps"),
            weight_decay: v.number("weight_decay"),
            amsgrad: v.flag("amsgrad"),
        }
    }

    fn step(&self, s: &mut AdamState, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        let (p, g, decay_factor) = if DECOUPLED {
            let factor = 1.0 - lr * h.weight_decay;
            (p * factor, g, Some(factor))
        } else {
            (p, coupled_decay(g, p, h.weight_decay), None)
        };
        let step = s.moments.update(g, h.betas);
        let (beta1_t, beta2_t) = s.moments.beta_powers();
        let bias_correction1 = 1.0 - beta1_t;
        let bias_correction2 = 1.0 - beta2_t;
        let second = if h.amsgrad {
            s.max_exp_avg_sq = s.max_exp_avg_sq.zip(s.moments.exp_avg_sq, f64::max);
            s.max_exp_avg_sq
        } else {
            s.moments.exp_avg_sq
        };
        // Once `βᵗ` is below half an ulp of 1 (β1 = 0.9: from step ~350; β2 = 0.999: ~37,000)
        // a bias correction is 1.0 exactly, and dividing by 1 or by √1 = 1 returns its
        // operand bit for bit: skipping it changes nothing but the time (a division and a
        // square root off the step's chain, and one division on it).
        let root = second.sqrt();
        let root = if bias_correction2 == 1.0 {
            root
        } else {
            root / bias_correction2.sqrt()
        };
        let denom = root + Vec2::splat(h.eps);
        let m = s.moments.exp_avg;
        let rate = if bias_correction1 == 1.0 {
            lr
        } else {
            lr / bias_correction1
        };
        out.record(|x| {
            x.step = Some(step);
            x.bias_correction1 = Some(bias_correction1);
            x.bias_correction2 = Some(bias_correction2);
            x.m_hat = Some(m / bias_correction1);
            x.v_hat = Some(second / bias_correction2);
            x.denominator = Some(denom);
            x.effective_lr = Vec2::splat(rate) / denom;
            // What tutorials without the bias corrections would subtract.
            x.textbook_update = Some((m / (second.sqrt() + Vec2::splat(h.eps))) * lr);
            x.decay_factor = decay_factor;
        });
        p - (m / denom) * rate
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

crate::state_words!(AdamState {
    moments,
    max_exp_avg_sq
});

/// Adam with its state.
pub type Adam = Stateful<AdamHyper<false>>;

/// AdamW with its state.
pub type AdamW = Stateful<AdamHyper<true>>;
