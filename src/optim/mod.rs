//! The optimizers: one file per family holding its typed hyper-parameters, state and
//! traced step (see [`Family`]), each reproducing `torch.optim` step for step in float64.
//!
//! The list below is the one registration of the families: the kind enum, the optimizer
//! enum and every dispatch over them come from it (see [`registry`]).
//! [`OptimizerSpec`] is the data a scenario names (family plus hyper-parameters);
//! [`Optimizer`] is a spec with its running state. Changing a spec mid-run through
//! [`Optimizer::set_spec`] keeps the state when the family is unchanged, as when a user
//! moves a slider during playback.
//!
//! Adding a family: write `optim/<name>.rs` (PARAMS, a hyper-parameter type implementing
//! [`Family`], its state), declare the module and add one line to the list below.

mod adadelta;
mod adagrad;
mod adam;
mod family;
mod moments;
mod nadam;
pub mod params;
mod radam;
pub mod registry;
mod rmsprop;
mod sgd;
mod trace;
mod words;

pub use adadelta::{Adadelta, AdadeltaHyper, AdadeltaState};
pub use adagrad::{Adagrad, AdagradHyper, AdagradState};
pub use adam::{Adam, AdamHyper, AdamState, AdamW};
pub use family::{Family, FamilyInfo, FamilyVisitor, Registry, Stateful};
pub use moments::Moments;
pub use nadam::{Nadam, NadamHyper, NadamState};
pub use radam::{Radam, RadamHyper};
pub use rmsprop::{Rmsprop, RmspropHyper, RmspropState};
pub use sgd::{Sgd, SgdHyper, SgdState};
pub use trace::{Explanation, NoTrace, Trace};
pub use words::{from_words, to_words, StateWords};

use crate::vec2::Vec2;
use params::ParamValues;

crate::optimizer_registry! {
    /// The optimizer families, named as in scenarios (`"optimizer": "adamw"`).
    pub enum OptimizerKind;
    /// An optimizer with its running state.
    pub enum Optimizer;
    /// `torch.optim.SGD` (plain, momentum, Nesterov).
    Sgd => SgdHyper,
    /// `torch.optim.Adagrad`.
    Adagrad => AdagradHyper,
    /// `torch.optim.RMSprop`.
    Rmsprop => RmspropHyper,
    /// `torch.optim.Adadelta`.
    Adadelta => AdadeltaHyper,
    /// `torch.optim.Adam`.
    Adam => AdamHyper<false>,
    /// `torch.optim.AdamW`.
    Adamw => AdamHyper<true>,
    /// `torch.optim.NAdam`.
    Nadam => NadamHyper,
    /// `torch.optim.RAdam`.
    Radam => RadamHyper,
}

/// An optimizer family with its hyper-parameters: what a scenario's run names.
#[derive(Clone, Debug, PartialEq)]
pub struct OptimizerSpec {
    kind: OptimizerKind,
    values: ParamValues,
}

impl OptimizerSpec {
    /// The family with PyTorch's defaults.
    pub fn defaults(kind: OptimizerKind) -> Self {
        OptimizerSpec {
            kind,
            values: ParamValues::defaults(kind.params()),
        }
    }

    /// The family with the given (already validated) values over its defaults.
    pub fn with_values(kind: OptimizerKind, values: ParamValues) -> Self {
        OptimizerSpec { kind, values }
    }

    /// The family.
    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// The hyper-parameter values (defaults where none was given).
    pub fn values(&self) -> &ParamValues {
        &self.values
    }

    /// The base learning rate.
    pub fn lr(&self) -> f64 {
        self.values.number("lr")
    }
}

impl Optimizer {
    /// A fresh optimizer (zero state) for `spec`.
    pub fn new(spec: &OptimizerSpec) -> Self {
        Optimizer::of(spec.kind(), spec.values())
    }

    /// Replaces the hyper-parameters. Within the same family (and between Adam and AdamW,
    /// which share their state) the state carries over, so the change takes effect from
    /// the next step; a different family starts from zero state.
    pub fn set_spec(&mut self, spec: &OptimizerSpec) {
        self.reconfigure(spec.kind(), spec.values());
    }
}

/// `g + weight_decay·p`: the coupled (L2) weight decay of every optimizer but AdamW.
pub fn coupled_decay(g: Vec2, p: Vec2, weight_decay: f64) -> Vec2 {
    if weight_decay != 0.0 {
        g + p * weight_decay
    } else {
        g
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod trace_tests;
