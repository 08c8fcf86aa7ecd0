//! How a run stands or ended: running, completed, diverged (and why) or early-stopped.

use crate::vec2::Vec2;
use serde::Serialize;

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Status {
    /// Still stepping (the page's runs between frames).
    Running,
    /// Took every step it was asked for.
    Completed,
    /// Blew up at `step`; the trajectory ends at the last finite point.
    Diverged {
        /// The step whose update was non-finite or out of bounds.
        step: u64,
        /// What went wrong.
        cause: DivergenceCause,
    },
    /// Early stopping ended the run at `step`; the best monitored loss was at `best_step`.
    EarlyStopped {
        /// The step at which the run stopped.
        step: u64,
        /// The step with the best monitored loss.
        best_step: u64,
    },
}

/// Why a run was declared diverged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceCause {
    /// A coordinate became NaN or infinite.
    NonFiniteParameter,
    /// The loss became NaN or infinite.
    NonFiniteLoss,
    /// A coordinate left ±[`DIVERGENCE_BOUND`](super::DIVERGENCE_BOUND).
    OutOfBounds,
}

impl DivergenceCause {
    /// Why the step to `next` (with loss `next_loss`) diverged, or `None` when it did not:
    /// the one test the recording run and the batch kernel both apply after every step.
    #[inline]
    pub fn of_step(next: Vec2, next_loss: f64) -> Option<DivergenceCause> {
        if !next.is_finite() {
            Some(DivergenceCause::NonFiniteParameter)
        } else if !next_loss.is_finite() {
            Some(DivergenceCause::NonFiniteLoss)
        } else if next.max_abs() > super::DIVERGENCE_BOUND {
            Some(DivergenceCause::OutOfBounds)
        } else {
            None
        }
    }

    /// True when [`DivergenceCause::of_step`] is certainly `None`: both coordinates within
    /// the bound (so finite) and a finite loss. Any NaN fails a comparison, so every
    /// doubtful step goes to `of_step`, which decides. One branch per step, without
    /// `max_abs`'s NaN handling, for the hot loops (this test was ~8% of Adam's time per
    /// run of many, natively).
    #[inline(always)]
    pub(crate) fn clearly_none(p: Vec2, loss: f64) -> bool {
        (p.x.abs() <= super::DIVERGENCE_BOUND)
            & (p.y.abs() <= super::DIVERGENCE_BOUND)
            & (loss.abs() < f64::INFINITY)
    }
}

/// How a run ended: the status plus steps taken, steps to tolerance and the best step.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// Why it stopped.
    #[serde(flatten)]
    pub status: Status,
    /// Steps taken.
    pub steps: u64,
    /// First step within the tolerance of a known minimum (`null` if never).
    pub reached_at: Option<u64>,
    /// Step with the lowest monitored loss.
    pub best_step: u64,
    /// Epochs (regression only; a full-batch step is one epoch).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epochs: Option<f64>,
    /// The result: the last point, or the best step's when early stopping restores it.
    pub final_point: Vec2,
    /// Training loss at `final_point`.
    pub final_loss: f64,
    /// Validation loss at `final_point` (with a validation split).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_validation_loss: Option<f64>,
    /// Where the run started (differs from the scenario's start after a warm start).
    pub start: Vec2,
}
