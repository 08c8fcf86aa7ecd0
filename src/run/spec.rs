//! What one run of a scenario specifies, validated: optimizer, schedule, regularisation,
//! batching, early stopping and warm start.

use crate::objective::Problem;
use crate::optim::OptimizerSpec;
use crate::regression::RegressionSpec;
use crate::schedule::{Schedule, Warmup};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Early stopping: stop when the monitored loss has not improved by more than `min_delta`
/// for `patience` consecutive steps. The monitored loss is the validation loss when the
/// problem has a validation split, otherwise the training loss.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlyStopping {
    /// Steps without improvement tolerated.
    pub patience: u64,
    /// Smallest decrease that counts as an improvement.
    #[serde(default)]
    pub min_delta: f64,
    /// When stopped early, report the best step's parameters as the result.
    #[serde(default)]
    pub restore_best: bool,
}

/// A warm start (transfer learning): before the run, the same optimizer settings train for
/// `steps` steps on a source dataset from the scenario's start; the run then starts from
/// the parameters reached there, with fresh optimizer state.
#[derive(Clone, Debug, PartialEq)]
pub struct WarmStart {
    /// The source data as written (kept for writing the scenario back).
    pub source: RegressionSpec,
    /// Steps of pre-training on the source.
    pub steps: u64,
    /// The source problem, materialised.
    pub problem: Arc<Problem>,
}

/// Everything one run of a scenario specifies (validated).
#[derive(Clone, Debug, PartialEq)]
pub struct RunSpec {
    /// Display name.
    pub name: String,
    /// Family and hyper-parameters.
    pub optimizer: OptimizerSpec,
    /// L1 strength added to the objective.
    pub l1: f64,
    /// Learning-rate schedule.
    pub schedule: Schedule,
    /// Optional linear warm-up.
    pub warmup: Option<Warmup>,
    /// Mini-batch size (regression only; `None` is full batch).
    pub batch_size: Option<usize>,
    /// Seed of the per-epoch shuffles.
    pub seed: u64,
    /// Optional early stopping.
    pub early_stopping: Option<EarlyStopping>,
    /// Display colour chosen on the page (CSS colour), kept so links round-trip.
    pub color: Option<String>,
    /// Optional warm start from a source dataset.
    pub warm_start: Option<WarmStart>,
    /// Optional Gaussian noise added to every step's gradient (`noise.rs`).
    pub noise: Option<super::GradientNoise>,
}
