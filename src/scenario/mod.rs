//! The scenario format: one JSON document shared by the CLI, share links and the page.
//!
//! A superset of the reference format (`shared/golden/README.md`); hyper-parameters use
//! PyTorch's names and an omitted one takes PyTorch's default. The full field list is in
//! `docs/scenario.md`. Decoding validates everything ([`decode`]); a decoded [`Scenario`]
//! always runs, and [`Scenario::to_json`] writes it back in a form that decodes to the same.

mod decode;
mod encode;
mod page;
#[cfg(test)]
mod tests;

pub use decode::decode;
pub use page::PageSettings;

use crate::objective::Problem;
use crate::regression::GenerateSpec;
use crate::run::{RunSpec, Runner};
use crate::surfaces::SurfaceKind;
use crate::vec2::Vec2;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Most steps a scenario may ask for.
pub const MAX_STEPS: u64 = 1_000_000;
/// Most runs in one scenario.
pub const MAX_RUNS: usize = 32;
/// Most regression points (explicit or generated).
pub const MAX_POINTS: usize = 1_000_000;
/// Steps when a scenario does not say.
pub const DEFAULT_STEPS: u64 = 200;
/// Distance to a known minimum that counts as reaching it, when a scenario does not say.
pub const DEFAULT_TOLERANCE: f64 = 1e-2;

/// The problem as a scenario writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ProblemSpec {
    /// A built-in surface by name.
    Surface(SurfaceKind),
    /// Linear regression.
    Regression(RegressionSpec),
    /// A formula in x and y (`"(1 - x)^2 + 100*(y - x^2)^2"`), see [`crate::expr`].
    Expr(String),
}

/// A regression problem as a scenario writes it: explicit points or generated ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegressionSpec {
    /// Inputs (with `y`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<Vec<f64>>,
    /// Targets (with `x`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<Vec<f64>>,
    /// Synthetic data instead of `x` and `y`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate: Option<GenerateSpec>,
    /// Fraction of points held out for validation, in [0, 1).
    #[serde(default)]
    pub validation_split: f64,
    /// Seed of the shuffle that chooses the validation points.
    #[serde(default)]
    pub split_seed: u64,
}

/// A validated scenario: it always runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The problem as written (kept for writing the scenario back).
    pub problem_spec: ProblemSpec,
    /// The problem, with its data materialised.
    pub problem: Arc<Problem>,
    /// Start point of every run.
    pub start: Vec2,
    /// Steps per run.
    pub steps: u64,
    /// Distance to a known minimum that counts as reaching it.
    pub tolerance: f64,
    /// The runs.
    pub runs: Vec<RunSpec>,
    /// What the page shows (view, scale, step, lesson caption); ignored by the engine.
    pub page: PageSettings,
}

impl Scenario {
    /// A runner for run `index` at step 0 (`None` if there is no such run).
    pub fn runner(&self, index: usize) -> Option<Runner> {
        let spec = self.runs.get(index)?.clone();
        Some(Runner::new(
            Arc::clone(&self.problem),
            spec,
            self.start,
            self.tolerance,
        ))
    }

    /// Runs every run to the end (or until it diverges or is early-stopped).
    pub fn run(&self) -> Vec<Runner> {
        (0..self.runs.len())
            .filter_map(|i| self.runner(i))
            .map(|mut r| {
                r.advance(self.steps);
                r.finish();
                r
            })
            .collect()
    }
}
