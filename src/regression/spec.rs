//! A regression problem as a scenario writes it (explicit points or generated ones): the
//! data's description, kept beside the problem so that a scenario can be written back.
//! It lives here, below the scenario format, because run settings (warm starts) hold it.

use super::GenerateSpec;
use serde::{Deserialize, Serialize};

/// A regression problem as written: explicit points or generated ones.
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
