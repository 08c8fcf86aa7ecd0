//! Tracing a step: the named quantities the page's equation panel shows (bias corrections,
//! corrected moments, denominators, the effective per-coordinate learning rate, ...).
//!
//! Each family's `Family::step` hands them to a [`Trace`] from the very arithmetic of its
//! update, so the panel's numbers cannot drift from the step and no second derivation
//! exists. The hot path traces into [`NoTrace`], whose `record` is empty and inlined: the
//! closure is never called, so whatever only the panel needs is never computed.

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

/// Where a step reports its named quantities.
pub trait Trace {
    /// Lets `fill` write the step's quantities, or drops it unrun (see [`NoTrace`]).
    fn record(&mut self, fill: impl FnOnce(&mut Explanation));
}

/// The sink of the plain step: records nothing, at no cost.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoTrace;

impl Trace for NoTrace {
    #[inline(always)]
    fn record(&mut self, _fill: impl FnOnce(&mut Explanation)) {}
}

impl Trace for Explanation {
    #[inline]
    fn record(&mut self, fill: impl FnOnce(&mut Explanation)) {
        fill(self);
    }
}
