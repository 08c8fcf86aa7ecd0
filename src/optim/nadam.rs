//! NAdam, exactly as `torch.optim.NAdam` (coupled weight decay):
//!
//! ```text
//! g ← g + weight_decay·p
//! μₜ ← β1·(1 − 0.5·0.96^(t·momentum_decay)),  μₜ₊₁ likewise;  Π ← Π·μₜ   (Π starts at 1)
//! m, v as in `moments`;  den ← √(v / (1 − β2ᵗ)) + eps
//! p ← p − lr·(1 − μₜ)/(1 − Π) · g/den − lr·μₜ₊₁/(1 − Π·μₜ₊₁) · m/den
//! ```
//!
//! Nesterov momentum folded into Adam (Dozat, 2016), with its momentum warm-up schedule.
//!
//! PyTorch raises to real powers each step (`β2 ** t`, `0.96 ** (t·ψ)`); here both are
//! carried from step to step by one multiplication ([`Power`]): `β2ᵗ` by `moments`, and
//! `0.96^(t·ψ)` as `(0.96^ψ)ᵗ`, with `0.96^ψ` computed once. Each is within about t·2⁻⁵³
//! relative of the exact power (1e-10 at a million steps), far inside the reference
//! tolerance, and the same bits natively and in wasm.

use super::coupled_decay;
use super::moments::{below_normal_to_zero, Moments, Power};
use super::params::{eps, lr, number, weight_decay, ParamInfo, ParamValues, Validity, BETAS};
use super::{Family, FamilyInfo, Stateful, Trace};
use crate::vec2::Vec2;
use serde::Serialize;

/// NAdam's hyper-parameters with PyTorch's defaults.
pub const PARAMS: &[ParamInfo] = &[
    lr(2e-3),
    BETAS,
    eps(1e-8),
    weight_decay(0.0),
    number(
        "momentum_decay",
        "Momentum decay",
        4e-3,
        Validity::NonNegative,
        (0.0, 0.1, false),
        "How fast the momentum factor warms up to β1.",
    ),
];

/// Typed hyper-parameters of NAdam.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NadamHyper {
    /// Base learning rate.
    pub lr: f64,
    /// Decay rates of the two moments.
    pub betas: [f64; 2],
    /// Denominator term.
    pub eps: f64,
    /// Coupled L2 weight decay.
    pub weight_decay: f64,
    /// Momentum warm-up rate (ψ).
    pub momentum_decay: f64,
    /// `0.96^ψ`, whose powers are the warm-up's `0.96^(t·ψ)`.
    pub decay_base: f64,
}

impl Family for NadamHyper {
    const INFO: FamilyInfo = FamilyInfo::new("nadam", "NAdam", PARAMS);
    type State = NadamState;

    fn from_values(v: &ParamValues) -> Self {
        let betas = v.pair("betas");
        let momentum_decay = v.number("momentum_decay");
        NadamHyper {
            lr: v.number("lr"),
            betas,
            eps: v.number("eps"),
            weight_decay: v.number("weight_decay"),
            momentum_decay,
            decay_base: libm::pow(0.96, momentum_decay),
        }
    }

    fn step(&self, s: &mut NadamState, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        let g = coupled_decay(g, p, h.weight_decay);
        let step = s.moments.update(g, h.betas);
        let beta1 = h.betas[0];
        let bias_correction2 = 1.0 - s.moments.beta_powers().1;
        s.decay_power.advance(h.decay_base, step);
        let decay_t = s.decay_power.value;
        let mu = beta1 * (1.0 - 0.5 * decay_t);
        let mu_next = beta1 * (1.0 - 0.5 * (decay_t * h.decay_base));
        // Π tends to 0 with factors near β1: zero below the normal range (see the function).
        s.mu_product = below_normal_to_zero(s.mu_product * mu);
        let mu_product_next = s.mu_product * mu_next;
        let denom = (s.moments.exp_avg_sq / bias_correction2).sqrt() + Vec2::splat(h.eps);
        let gradient_coefficient = lr * (1.0 - mu) / (1.0 - s.mu_product);
        let momentum_coefficient = lr * mu_next / (1.0 - mu_product_next);
        out.record(|x| {
            x.step = Some(step);
            x.mu = Some(mu);
            x.mu_next = Some(mu_next);
            x.mu_product = Some(s.mu_product);
            x.bias_correction2 = Some(bias_correction2);
            x.denominator = Some(denom);
            x.gradient_coefficient = Some(gradient_coefficient);
            x.momentum_coefficient = Some(momentum_coefficient);
            x.effective_lr = Vec2::splat(gradient_coefficient + momentum_coefficient) / denom;
        });
        let p = p - (g / denom) * gradient_coefficient;
        p - (s.moments.exp_avg / denom) * momentum_coefficient
    }
}

/// NAdam's state.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct NadamState {
    /// Step count and moments.
    pub moments: Moments,
    /// Product of the momentum factors so far (Π).
    pub mu_product: f64,
    /// `(0.96^ψ)ᵗ` at the current step (in the state words, not in the state JSON: the
    /// equation panel shows μₜ made from it).
    #[serde(skip)]
    pub decay_power: Power,
}

crate::state_words!(NadamState {
    moments,
    mu_product,
    decay_power
});

impl Default for NadamState {
    fn default() -> Self {
        NadamState {
            moments: Moments::default(),
            mu_product: 1.0,
            decay_power: Power::default(),
        }
    }
}

/// NAdam with its state.
pub type Nadam = Stateful<NadamHyper>;
