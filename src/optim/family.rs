//! What an optimizer family is to the engine, and the one generic wrapper that gives every
//! family its constructor, plain and explained steps, state carry-over and state JSON.
//!
//! A family is its typed hyper-parameters: the type implementing [`Family`] holds them,
//! names the family's catalog data ([`FamilyInfo`]) and state type, reads itself from
//! validated [`ParamValues`] (the only place names are looked up, at construction) and
//! steps. Its `step` is the single statement of its maths: the plain step traces
//! into [`NoTrace`] and the equation panel's [`Explanation`] is recorded by the same code.
//! [`Registry`] is what a list of families (see `optimizer_registry!`) offers the catalog.

use super::params::{ParamInfo, ParamValues};
use super::trace::{Explanation, NoTrace, Trace};
use super::words::{from_words, to_words, StateWords};
use crate::vec2::Vec2;
use serde::Serialize;
use std::any::Any;
use std::fmt::Debug;

/// A family's catalog entry: scenario name, PyTorch's class name and hyper-parameter table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FamilyInfo {
    /// Scenario name, for example `"rmsprop"`.
    pub name: &'static str,
    /// PyTorch's class name, for example `"RMSprop"`.
    pub label: &'static str,
    /// Hyper-parameters with defaults, validity and slider ranges (`lr` first).
    pub params: &'static [ParamInfo],
}

impl FamilyInfo {
    /// The entry of family `name` (scenario name), `label` (PyTorch's class) and `params`.
    pub const fn new(
        name: &'static str,
        label: &'static str,
        params: &'static [ParamInfo],
    ) -> Self {
        FamilyInfo {
            name,
            label,
            params,
        }
    }
}

/// One optimizer family, implemented by its typed hyper-parameters.
pub trait Family: Copy + Debug + PartialEq + 'static {
    /// Name, label and hyper-parameter table.
    const INFO: FamilyInfo;
    /// The running state; `Default` is the state before the first step.
    type State: Copy + Debug + Default + PartialEq + Serialize + StateWords + 'static;
    /// Reads the hyper-parameters (already validated, defaults filled in by the table).
    fn from_values(values: &ParamValues) -> Self;
    /// One update of `p` with gradient `g` at the scheduled rate `lr`, reporting its named
    /// quantities to `out` from the same arithmetic ([`NoTrace`] on the hot path).
    fn step(&self, s: &mut Self::State, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2;
}

/// A family's hyper-parameters with its running state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stateful<F: Family> {
    /// Hyper-parameters.
    pub hyper: F,
    /// State.
    pub state: F::State,
}

impl<F: Family> Stateful<F> {
    /// Fresh state for the given values.
    pub fn new(values: &ParamValues) -> Self {
        Stateful {
            hyper: F::from_values(values),
            state: F::State::default(),
        }
    }

    /// One update (the hot path: nothing is traced).
    #[inline]
    pub fn step(&mut self, p: Vec2, g: Vec2, lr: f64) -> Vec2 {
        self.hyper.step(&mut self.state, p, g, lr, &mut NoTrace)
    }

    /// One update and the quantities the equation panel shows for it.
    pub fn step_explained(&mut self, p: Vec2, g: Vec2, lr: f64) -> (Vec2, Explanation) {
        let mut explanation = Explanation::default();
        let next = self.hyper.step(&mut self.state, p, g, lr, &mut explanation);
        (next, explanation)
    }

    /// The state, for carrying over to another family ([`Stateful::adopt_state`]).
    pub fn state_any(&self) -> &dyn Any {
        &self.state
    }

    /// Takes over `old` state when it is of this family's state type (the same family, or
    /// a sibling such as Adam ↔ AdamW); otherwise keeps the fresh state.
    pub fn adopt_state(&mut self, old: &dyn Any) {
        if let Some(state) = old.downcast_ref::<F::State>() {
            self.state = *state;
        }
    }

    /// The state as JSON-ready data (for the page's equation panel and readouts).
    pub fn state_json(&self) -> serde_json::Value {
        serde_json::to_value(self.state).unwrap_or(serde_json::Value::Null)
    }

    /// The state as 64-bit words, exact to the bit (for run snapshots).
    pub fn state_words(&self) -> Vec<u64> {
        to_words(&self.state)
    }

    /// Replaces the state with one read from `words`; `false` (state unchanged) when they
    /// are not a state of this family.
    pub fn restore_state_words(&mut self, words: &[u64]) -> bool {
        match from_words(words) {
            Some(state) => {
                self.state = state;
                true
            }
            None => false,
        }
    }
}

/// Code generic over the family, run on an optimizer's concrete [`Stateful`]
/// (see the generated `Optimizer::visit`).
pub trait FamilyVisitor {
    /// What the visit returns.
    type Output;
    /// Runs on the optimizer of family `F`.
    fn visit<F: Family>(self, optimizer: Stateful<F>) -> Self::Output;
}

/// A list of families: what the catalog and the scenario names are built from.
pub trait Registry: Copy + Eq + 'static {
    /// Every family, in the order the page lists them.
    fn all() -> &'static [Self];
    /// The family's catalog entry.
    fn info(self) -> &'static FamilyInfo;
    /// Looks a family up by its scenario name.
    fn from_name(name: &str) -> Option<Self> {
        Self::all().iter().copied().find(|k| k.info().name == name)
    }
}
