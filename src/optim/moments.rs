//! The first and second moment estimates shared by Adam, AdamW, NAdam and RAdam:
//!
//! ```text
//! m ← β1·m + (1 − β1)·g      (computed as PyTorch's lerp: m + (1 − β1)(g − m))
//! v ← β2·v + (1 − β2)·g²
//! ```

use crate::vec2::Vec2;
use serde::Serialize;

/// Step count and the two running moments; all zero before the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Moments {
    /// Steps taken (t).
    pub step: u64,
    /// First moment (m, `exp_avg`).
    pub exp_avg: Vec2,
    /// Second moment (v, `exp_avg_sq`).
    pub exp_avg_sq: Vec2,
}

crate::state_words!(Moments {
    step,
    exp_avg,
    exp_avg_sq
});

impl Moments {
    /// Counts a step and folds `g` into both moments; returns the new step number t.
    pub fn update(&mut self, g: Vec2, [beta1, beta2]: [f64; 2]) -> u64 {
        self.step += 1;
        self.exp_avg = self.exp_avg + (g - self.exp_avg) * (1.0 - beta1);
        self.exp_avg_sq = self.exp_avg_sq * beta2 + g.hadamard(g) * (1.0 - beta2);
        self.step
    }
}
