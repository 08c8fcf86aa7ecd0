//! Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and
//! coupled weight decay, exactly as `torch.optim.SGD`:
//!
//! ```text
//! g ← g + weight_decay·p
//! buf ← g                                  (first step)
//! buf ← momentum·buf + (1 − dampening)·g   (later steps)
//! d ← g + momentum·buf  (nesterov)  or  buf
//! p ← p − lr·d
//! ```
//!
//! Note the textbook form `v ← γv + ηg` scales the velocity by the learning rate; PyTorch's
//! does not, which matters when the learning rate changes mid-run.

use super::params::{flag, lr, number, weight_decay, ParamInfo, ParamValues, Validity, MOMENTUM};
use super::{Family, FamilyInfo, Stateful, Trace};
use crate::vec2::Vec2;
use serde::Serialize;

/// SGD's hyper-parameters with PyTorch's defaults.
pub const PARAMS: &[ParamInfo] = &[
    lr(1e-3),
    MOMENTUM,
    number(
        "dampening",
        "Dampening",
        0.0,
        Validity::UnitClosed,
        (0.0, 1.0, false),
        "Scales down the gradient's share of the momentum buffer.",
    ),
    flag(
        "nesterov",
        "Nesterov",
        "Look ahead along the momentum before applying the gradient.",
    ),
    weight_decay(0.0),
];

/// Typed hyper-parameters of SGD.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SgdHyper {
    /// Base learning rate (the schedule scales it).
    pub lr: f64,
    /// Momentum factor; 0 disables the buffer.
    pub momentum: f64,
    /// Dampening of the gradient in the buffer.
    pub dampening: f64,
    /// Nesterov momentum.
    pub nesterov: bool,
    /// Coupled L2 weight decay.
    pub weight_decay: f64,
}

impl Family for SgdHyper {
    const INFO: FamilyInfo = FamilyInfo::new("sgd", "SGD", PARAMS);
    type State = SgdState;

    fn from_values(v: &ParamValues) -> Self {
        SgdHyper {
            lr: v.number("lr"),
            momentum: v.number("momentum"),
            dampening: v.number("dampening"),
            nesterov: v.flag("nesterov"),
            weight_decay: v.number("weight_decay"),
        }
    }

    fn step(&self, s: &mut SgdState, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        let h = self;
        let g = super::coupled_decay(g, p, h.weight_decay);
        let direction = if h.momentum != 0.0 {
            let buf = match s.momentum_buffer {
                None => g,
                Some(buf) => buf * h.momentum + g * (1.0 - h.dampening),
            };
            s.momentum_buffer = Some(buf);
            if h.nesterov {
                g + buf * h.momentum
            } else {
                buf
            }
        } else {
            g
        };
        out.record(|x| x.effective_lr = Vec2::splat(lr));
        // In wasm coordinate by coordinate (the same bits as `p - direction * lr`): the
        // vector form packs and unpacks around two `f64x2` operations, which lengthens the
        // step-to-step chain of a plain SGD run (~8% of its batch run in Chromium).
        // Natively `Vec2`'s operators are scalar already.
        if cfg!(target_arch = "wasm32") {
            Vec2::new(p.x - direction.x * lr, p.y - direction.y * lr)
        } else {
            p - direction * lr
        }
    }
}

/// SGD's state: the momentum buffer, created on the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SgdState {
    /// `None` until the first step with momentum.
    pub momentum_buffer: Option<Vec2>,
}

crate::state_words!(SgdState { momentum_buffer });

/// SGD with its state.
pub type Sgd = Stateful<SgdHyper>;
