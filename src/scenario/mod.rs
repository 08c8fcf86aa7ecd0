//! The scenario format: one JSON document shared by the CLI, share links and the page.
//!
//! A superset of the reference format (`shared/golden/README.md`); hyper-parameters use
//! PyTorch's names and an omitted one takes PyTorch's default. The full field list is in
//! `docs/scenario.md`. Decoding validates everything ([`decode`]); a decoded [`Scenario`]
//! always runs, and [`Scenario::to_json`] writes it back in a form that decodes to the same.

mod decode;
mod decode_run;
mod encode;
mod page;
#[cfg(test)]
mod run_tests;
#[cfg(test)]
mod tests;

pub use crate::regression::RegressionSpec;
pub use crate::run::MAX_RUNS;
pub use decode::{decode, json_object};
pub use decode_run::{decode_run, MAX_WARM_START_WORK};
pub use page::{Language, Layout, PageSettings, Theme, ViewKind, MAX_CAPTION};

use crate::objective::Problem;
use crate::run::{Race, RunSpec, Runner, SpecFormat};
use crate::surfaces::SurfaceKind;
use crate::vec2::Vec2;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Most steps a scenario may ask for.
pub const MAX_STEPS: u64 = 1_000_000;
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

    /// The scenario as a race at step 0 (run settings in snapshots as run JSON).
    pub fn race(&self) -> Race {
        Race::new(
            Arc::clone(&self.problem),
            self.start,
            self.steps,
            self.tolerance,
            self.runs.clone(),
            Arc::new(RunJson),
        )
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

/// Run settings as the scenario's run JSON ([`encode::run_to_json`], [`decode_run`]), for
/// run snapshots: settings read back are validated exactly as a scenario's run.
pub struct RunJson;

impl SpecFormat for RunJson {
    fn write(&self, spec: &RunSpec) -> String {
        encode::run_to_json(spec).to_string()
    }

    fn read(&self, text: &str, problem: &Problem) -> Result<RunSpec, String> {
        decode_run(text, problem).map_err(|e| e.to_string())
    }
}
