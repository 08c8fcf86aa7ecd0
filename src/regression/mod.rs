//! Linear regression `y ≈ w·x + b` as a 2-D optimisation problem over `(w, b)`.
//!
//! Loss (as the reference: full batch, no ½ factor): `L(w, b) = mean((w·xᵢ + b − yᵢ)²)`,
//! gradient `(2·mean(rᵢ·xᵢ), 2·mean(rᵢ))` with residuals `rᵢ = w·xᵢ + b − yᵢ`. A mini-batch
//! gradient is the same mean over the batch's indices. The unique minimum is the
//! least-squares line, known in closed form, so "steps to tolerance" is exact here too.
//! Full-batch values come from the data's [`Summary`] in O(1); mini-batches sum directly.

mod batches;
mod data;
mod spec;
mod summary;

pub use batches::{BatchParts, Batches};
pub use data::{parse_csv, CsvError, Dataset, GenerateSpec};
pub use spec::RegressionSpec;
pub use summary::Summary;

use crate::surfaces::{Bounds, Minimum};
use crate::vec2::Vec2;

/// A regression task: training points, optional validation points.
#[derive(Clone, Debug, PartialEq)]
pub struct Regression {
    /// All points in their original order (what the page edits).
    pub data: Dataset,
    /// Whether each point of `data` was held out for validation.
    pub is_validation: Vec<bool>,
    /// Points the optimizer trains on.
    pub train: Dataset,
    /// Held-out points for validation loss and early stopping (may be empty).
    pub validation: Dataset,
    /// Statistics of `train`: the full-batch loss and gradient in O(1).
    pub train_summary: Summary,
    /// Statistics of `validation`.
    pub validation_summary: Summary,
}

impl Regression {
    /// Splits `data` with a seeded shuffle: the last `⌊fraction·n⌋` points of the shuffled
    /// order become the validation set (none when `fraction` is 0).
    pub fn split(data: Dataset, fraction: f64, seed: u64) -> Self {
        let n_val = (fraction * data.len() as f64).floor() as usize;
        let mut is_validation = vec![false; data.len()];
        let (train, validation) = if n_val == 0 {
            (data.clone(), Dataset::default())
        } else {
            let order = batches::shuffled_indices(data.len(), seed);
            let (train_idx, val_idx) = order.split_at(data.len() - n_val);
            for &i in val_idx {
                is_validation[i] = true;
            }
            (data.select(train_idx), data.select(val_idx))
        };
        Regression {
            train_summary: Summary::of(&train),
            validation_summary: Summary::of(&validation),
            train,
            validation,
            is_validation,
            data,
        }
    }

    /// Full-batch training loss at `p = (w, b)`.
    pub fn loss(&self, p: Vec2) -> f64 {
        self.train_summary.loss(p)
    }

    /// Full-batch training gradient at `p`.
    pub fn gradient(&self, p: Vec2) -> Vec2 {
        self.train_summary.gradient(p)
    }

    /// Validation loss at `p`, or `None` without a validation set.
    pub fn validation_loss(&self, p: Vec2) -> Option<f64> {
        (!self.validation.is_empty()).then(|| self.validation_summary.loss(p))
    }

    /// The least-squares solution on the training data and its loss.
    pub fn minima(&self) -> Vec<Minimum> {
        self.train_summary
            .least_squares()
            .map(|point| Minimum {
                point,
                value: self.loss(point),
            })
            .into_iter()
            .collect()
    }

    /// A view of the (w, b) plane centred on the least-squares solution.
    pub fn bounds(&self) -> Bounds {
        let centre = self.train_summary.least_squares().unwrap_or(Vec2::ZERO);
        let half = 2.0 + centre.max_abs();
        Bounds::new(
            centre.x - half,
            centre.x + half,
            centre.y - half,
            centre.y + half,
        )
    }
}
