//! The optimizers: one small struct per family holding typed hyper-parameters and typed
//! state, each reproducing `torch.optim` step for step in float64.
//!
//! [`OptimizerSpec`] is the data a scenario names (family plus hyper-parameters);
//! [`Optimizer`] is a spec with its running state. Changing a spec mid-run through
//! [`Optimizer::set_spec`] keeps the state when the family is unchanged, as when a user
//! moves a slider during playback.

mod adadelta;
mod adagrad;
mod adam;
pub mod explain;
mod moments;
mod nadam;
pub mod params;
mod radam;
mod rmsprop;
mod sgd;

pub use adadelta::{Adadelta, AdadeltaHyper, AdadeltaState};
pub use adagrad::{Adagrad, AdagradHyper, AdagradState};
pub use adam::{Adam, AdamHyper, AdamState};
pub use moments::Moments;
pub use nadam::{Nadam, NadamHyper, NadamState};
pub use radam::{Radam, RadamHyper};
pub use rmsprop::{Rmsprop, RmspropHyper, RmspropState};
pub use sgd::{Sgd, SgdHyper, SgdState};

use crate::vec2::Vec2;
use params::{ParamInfo, ParamValues};
use serde::{Deserialize, Serialize};

/// The optimizer families, named as in scenarios (`"optimizer": "adamw"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptimizerKind {
    /// `torch.optim.SGD` (plain, momentum, Nesterov).
    Sgd,
    /// `torch.optim.Adagrad`.
    Adagrad,
    /// `torch.optim.RMSprop`.
    Rmsprop,
    /// `torch.optim.Adadelta`.
    Adadelta,
    /// `torch.optim.Adam`.
    Adam,
    /// `torch.optim.AdamW`.
    Adamw,
    /// `torch.optim.NAdam`.
    Nadam,
    /// `torch.optim.RAdam`.
    Radam,
}

impl OptimizerKind {
    /// Every family, in the order the page lists them.
    pub const ALL: [OptimizerKind; 8] = [
        OptimizerKind::Sgd,
        OptimizerKind::Adagrad,
        OptimizerKind::Rmsprop,
        OptimizerKind::Adadelta,
        OptimizerKind::Adam,
        OptimizerKind::Adamw,
        OptimizerKind::Nadam,
        OptimizerKind::Radam,
    ];

    /// The scenario name, for example `"rmsprop"`.
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Adagrad => "adagrad",
            OptimizerKind::Rmsprop => "rmsprop",
            OptimizerKind::Adadelta => "adadelta",
            OptimizerKind::Adam => "adam",
            OptimizerKind::Adamw => "adamw",
            OptimizerKind::Nadam => "nadam",
            OptimizerKind::Radam => "radam",
        }
    }

    /// PyTorch's class name, for example `"RMSprop"`.
    pub fn label(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "SGD",
            OptimizerKind::Adagrad => "Adagrad",
            OptimizerKind::Rmsprop => "RMSprop",
            OptimizerKind::Adadelta => "Adadelta",
            OptimizerKind::Adam => "Adam",
            OptimizerKind::Adamw => "AdamW",
            OptimizerKind::Nadam => "NAdam",
            OptimizerKind::Radam => "RAdam",
        }
    }

    /// Looks a family up by its scenario name.
    pub fn from_name(name: &str) -> Option<OptimizerKind> {
        OptimizerKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The family's hyper-parameters with their defaults, validity and slider ranges.
    pub fn params(self) -> &'static [ParamInfo] {
        match self {
            OptimizerKind::Sgd => sgd::PARAMS,
            OptimizerKind::Adagrad => adagrad::PARAMS,
            OptimizerKind::Rmsprop => rmsprop::PARAMS,
            OptimizerKind::Adadelta => adadelta::PARAMS,
            OptimizerKind::Adam => adam::ADAM_PARAMS,
            OptimizerKind::Adamw => adam::ADAMW_PARAMS,
            OptimizerKind::Nadam => nadam::PARAMS,
            OptimizerKind::Radam => radam::PARAMS,
        }
    }
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

/// An optimizer with its running state.
#[derive(Clone, Debug, PartialEq)]
pub enum Optimizer {
    /// SGD, momentum, Nesterov.
    Sgd(Sgd),
    /// Adagrad.
    Adagrad(Adagrad),
    /// RMSprop.
    Rmsprop(Rmsprop),
    /// Adadelta.
    Adadelta(Adadelta),
    /// Adam or AdamW.
    Adam(Adam),
    /// NAdam.
    Nadam(Nadam),
    /// RAdam.
    Radam(Radam),
}

impl Optimizer {
    /// A fresh optimizer (zero state) for `spec`.
    pub fn new(spec: &OptimizerSpec) -> Self {
        let v = spec.values();
        match spec.kind() {
            OptimizerKind::Sgd => Optimizer::Sgd(Sgd {
                hyper: SgdHyper::from_values(v),
                state: SgdState::default(),
            }),
            OptimizerKind::Adagrad => Optimizer::Adagrad(Adagrad {
                hyper: AdagradHyper::from_values(v),
                state: AdagradState::default(),
            }),
            OptimizerKind::Rmsprop => Optimizer::Rmsprop(Rmsprop {
                hyper: RmspropHyper::from_values(v),
                state: RmspropState::default(),
            }),
            OptimizerKind::Adadelta => Optimizer::Adadelta(Adadelta {
                hyper: AdadeltaHyper::from_values(v),
                state: AdadeltaState::default(),
            }),
            kind @ (OptimizerKind::Adam | OptimizerKind::Adamw) => Optimizer::Adam(Adam {
                hyper: AdamHyper::from_values(v),
                decoupled: kind == OptimizerKind::Adamw,
                state: AdamState::default(),
            }),
            OptimizerKind::Nadam => Optimizer::Nadam(Nadam {
                hyper: NadamHyper::from_values(v),
                state: NadamState::default(),
            }),
            OptimizerKind::Radam => Optimizer::Radam(Radam {
                hyper: RadamHyper::from_values(v),
                state: Moments::default(),
            }),
        }
    }

    /// One update of `p` with gradient `g` at the scheduled learning rate `lr`.
    pub fn step(&mut self, p: Vec2, g: Vec2, lr: f64) -> Vec2 {
        match self {
            Optimizer::Sgd(o) => o.step(p, g, lr),
            Optimizer::Adagrad(o) => o.step(p, g, lr),
            Optimizer::Rmsprop(o) => o.step(p, g, lr),
            Optimizer::Adadelta(o) => o.step(p, g, lr),
            Optimizer::Adam(o) => o.step(p, g, lr),
            Optimizer::Nadam(o) => o.step(p, g, lr),
            Optimizer::Radam(o) => o.step(p, g, lr),
        }
    }

    /// Replaces the hyper-parameters. Within the same family the state (moments, buffers,
    /// step count) carries over, so the change takes effect from the next step; a different
    /// family starts from zero state.
    pub fn set_spec(&mut self, spec: &OptimizerSpec) {
        let fresh = Optimizer::new(spec);
        *self = match (std::mem::replace(self, fresh.clone()), fresh) {
            (Optimizer::Sgd(old), Optimizer::Sgd(new)) => Optimizer::Sgd(Sgd {
                state: old.state,
                ..new
            }),
            (Optimizer::Adagrad(old), Optimizer::Adagrad(new)) => Optimizer::Adagrad(Adagrad {
                state: old.state,
                ..new
            }),
            (Optimizer::Rmsprop(old), Optimizer::Rmsprop(new)) => Optimizer::Rmsprop(Rmsprop {
                state: old.state,
                ..new
            }),
            (Optimizer::Adadelta(old), Optimizer::Adadelta(new)) => Optimizer::Adadelta(Adadelta {
                state: old.state,
                ..new
            }),
            (Optimizer::Adam(old), Optimizer::Adam(new)) => Optimizer::Adam(Adam {
                state: old.state,
                ..new
            }),
            (Optimizer::Nadam(old), Optimizer::Nadam(new)) => Optimizer::Nadam(Nadam {
                state: old.state,
                ..new
            }),
            (Optimizer::Radam(old), Optimizer::Radam(new)) => Optimizer::Radam(Radam {
                state: old.state,
                ..new
            }),
            (_, new) => new,
        };
    }

    /// The running state as JSON-ready data (for the page's equation panel and readouts).
    pub fn state_json(&self) -> serde_json::Value {
        let value = match self {
            Optimizer::Sgd(o) => serde_json::to_value(o.state),
            Optimizer::Adagrad(o) => serde_json::to_value(o.state),
            Optimizer::Rmsprop(o) => serde_json::to_value(o.state),
            Optimizer::Adadelta(o) => serde_json::to_value(o.state),
            Optimizer::Adam(o) => serde_json::to_value(o.state),
            Optimizer::Nadam(o) => serde_json::to_value(o.state),
            Optimizer::Radam(o) => serde_json::to_value(o.state),
        };
        value.unwrap_or(serde_json::Value::Null)
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
