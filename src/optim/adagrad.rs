//! Adagrad, exactly as `torch.optim.Adagrad`:
//!
//! ```text
//! g ← g + weight_decay·p
//! clr ← lr / (1 + (t − 1)·lr_decay)
//! sum ← sum + g²                 (sum starts at initial_accumulator_value)
//! p ← p − clr · g / (√sum + eps)
//! ```
//!
//! The accumulated squares only grow, so every coordinate's steps shrink over time.

use super::params::{eps, lr, number, weight_decay, ParamInfo, ParamValues, Validity};
use super::{Family, FamilyInfo, Stateful, Trace};
use crate::vec2::Vec2;
use serde::Serialize;

/// Adagrad's hyper-parameters with PyTorch's defaults.
pub const PARAMS: &[ParamInfo] = &[
    lr(1e-2),
    number(
        "lr_decay",
        "Learning-rate decay",
        0.0,
        Validity::NonNegative,
        (0.0, 0.1, false),
        "Divides the rate by 1 + (t − 1)·lr_decay.",
    ),
    weight_decay(0.0),
    number(
        "initial_accumulator_value",
        "Initial accumulator",
        0.0,
        Validity::NonNegative,
        (0.0, 1.0, false),
        "Starting value of the sum of squared gradients.",
    ),
    eps(1e-10),
];

/// Typed hyper-parameters of Adagrad.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdagradHyper {
    /// Base learning rate.
    pub lr: f64,
    /// Per-step decay of the learning rate.
    pub lr_decay: f64,
    /// Coupled L2 weight decay.
    pub weight_decay: f64,
    /// Starting value of the accumulator.
    pub initial_accumulator_value: f64,
    /// Denominator term.
    pub eps: f64,
}

impl Family for AdagradHyper {
    const INFO: FamilyInfo = FamilyInfo::new("adagrad", "Adagrad", PARAMS);
    type State = AdagradState;

    fn from_values(v: &ParamValues) -> Self {
        AdagradHyper {
            lr: v.number("lr"),
            lr_decay: v.number("lr_decay"),
            weight_decay: v.number("weight_decay"),
            initial_accumulator_value: v.number("initial_accumulator_value"),
            eps: v.number("eps"),
        }
    }

    fn step(&self, s: &mut AdagradState, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        s.step += 1;
        let t = s.step as f64;
        let g = super::coupled_decay(g, p, h.weight_decay);
        let clr = lr / (1.0 + (t - 1.0) * h.lr_decay);
        let sum = s.sum.unwrap_or(Vec2::splat(h.initial_accumulator_value)) + g.hadamard(g);
        s.sum = Some(sum);
        let std = sum.sqrt() + Vec2::splat(h.eps);
        out.record(|x| {
            x.step = Some(s.step);
            x.clr = Some(clr);
            x.denominator = Some(std);
            x.effective_lr = Vec2::splat(clr) / std;
        });
        p - (g / std) * clr
    }
}

/// Adagrad's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AdagradState {
    /// Steps taken (t).
    pub step: u64,
    /// Sum of squared gradients; `None` until the first step.
    pub sum: Option<Vec2>,
}

crate::state_words!(AdagradState { step, sum });

/// Adagrad with its state.
pub type Adagrad = Stateful<AdagradHyper>;
