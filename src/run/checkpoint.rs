//! Checkpoints: a copy of a run's state every [`CHECKPOINT_EVERY`] steps, so that any past
//! step (the equation panel at step k, scrubbing the timeline) is at most one interval of
//! replay away instead of a replay from the start.
//!
//! Memory: a checkpoint is 408 bytes on 64-bit targets (optimizer 160, schedule 88,
//! bookkeeping, the exact point and losses; a mini-batch run's batch state, 368 bytes with
//! its generator's buffer, is boxed beside it), under 0.4 bytes per step; a live run keeps
//! its record (40 bytes per step) only for its last two intervals (`history.rs`): a run of
//! the 1,000,000-step maximum keeps 976 checkpoints, about 400 KB, and at most 2,050
//! recorded points, about 80 KB. A mini-batch run's checkpoints also hold the epoch's
//! shuffled order, 8 bytes per training point, shared by every checkpoint of the same
//! epoch: at most one order per checkpoint, so at most `8·n / 1024` bytes per step for `n`
//! training points.

use super::{Runner, Status, Trajectory};
use crate::optim::Optimizer;
use crate::regression::Batches;
use crate::schedule::ScheduleState;
use crate::vec2::Vec2;
use std::sync::Arc;

/// Steps between checkpoints: replaying to any step costs at most this many steps.
pub const CHECKPOINT_EVERY: u64 = 1024;

/// A run's state after `step` steps with its first `changes` live changes applied.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Checkpoint {
    pub(super) step: u64,
    pub(super) changes: usize,
    pub(super) optimizer: Optimizer,
    pub(super) schedule: ScheduleState,
    /// Boxed: most runs have no batches, and an unboxed batch state would take its
    /// generator's buffer's size in every checkpoint of every run.
    pub(super) batches: Option<Box<Batches>>,
    pub(super) status: Status,
    pub(super) reached_at: Option<u64>,
    pub(super) best: (f64, u64),
    pub(super) bad_steps: u64,
    pub(super) last_gradient: Option<Vec2>,
    /// The point, loss and validation loss at `step`, exact: where a replay from here
    /// starts its record once the live run has forgotten that part.
    pub(super) point: Vec2,
    pub(super) loss: Option<f64>,
    pub(super) validation: Option<f64>,
}

impl Runner {
    /// Keeps the current state as a checkpoint (once per step).
    pub(super) fn take_checkpoint(&mut self) {
        let step = self.steps_taken();
        if self.checkpoints.last().is_some_and(|c| c.step >= step) {
            return;
        }
        let checkpoint = self.state_now();
        self.checkpoints.push(checkpoint);
    }

    /// The live state as a checkpoint at the current step.
    pub(super) fn state_now(&self) -> Checkpoint {
        Checkpoint {
            step: self.steps_taken(),
            changes: self.changes.len(),
            optimizer: self.optimizer.clone(),
            schedule: self.schedule.clone(),
            batches: self.batches.clone().map(Box::new),
            status: self.status,
            reached_at: self.reached_at,
            best: self.best,
            bad_steps: self.bad_steps,
            last_gradient: self.last_gradient,
            point: self.point(),
            loss: self.loss(),
            validation: self.last_validation_loss(),
        }
    }

    /// The settings in force after the first `n` live changes.
    pub(super) fn spec_after(&self, n: usize) -> &super::RunSpec {
        match n.checked_sub(1).and_then(|i| self.changes.get(i)) {
            Some((_, spec)) => spec,
            None => &self.origin.0,
        }
    }

    /// The run as it was at checkpoint `index`, as a replay that keeps everything: its
    /// record is this run's from its first kept point to the checkpoint, or, where this run
    /// forgot that part, the checkpoint's own point.
    fn restore(&self, index: usize) -> Runner {
        let c = &self.checkpoints[index];
        let rec = &self.record;
        let (base, record) = if c.step >= self.base {
            let points = (c.step - self.base) as usize + 1;
            let cut = |v: &Vec<f64>, n: usize| v[..n.min(v.len())].to_vec();
            let record = Trajectory {
                trajectory: rec.trajectory[..points.min(rec.trajectory.len())].to_vec(),
                loss: cut(&rec.loss, points),
                lr: cut(&rec.lr, points.saturating_sub(1)),
                validation_loss: cut(&rec.validation_loss, points),
            };
            (self.base, record)
        } else {
            let record = Trajectory {
                trajectory: vec![c.point],
                loss: c.loss.into_iter().collect(),
                lr: Vec::new(),
                validation_loss: c.validation.into_iter().collect(),
            };
            (c.step, record)
        };
        Runner {
            problem: Arc::clone(&self.problem),
            spec: self.spec_after(c.changes).clone(),
            optimizer: c.optimizer.clone(),
            schedule: c.schedule.clone(),
            batches: c.batches.as_deref().cloned(),
            tolerance: self.tolerance,
            record,
            status: c.status,
            reached_at: c.reached_at,
            best: c.best,
            bad_steps: c.bad_steps,
            last_gradient: c.last_gradient,
            origin: self.origin.clone(),
            changes: self.changes[..c.changes.min(self.changes.len())].to_vec(),
            checkpoints: self.checkpoints[..=index].to_vec(),
            base,
            compact: false,
            begun: self.begun,
            generation: super::next_generation(),
        }
    }

    /// The run at step 0 with its first settings, from the point its warm start reached
    /// (the pre-training is not repeated).
    pub(super) fn restart(&self) -> Runner {
        let (spec, start) = self.origin.clone();
        let mut run = Runner::begin(
            Arc::clone(&self.problem),
            spec,
            start,
            self.begun,
            self.tolerance,
        );
        run.compact = false;
        run
    }

    /// [`Runner::replay_to`] from the last checkpoint at or before `from` (so that the
    /// replay's record holds every point from `from` to `k`).
    pub(super) fn replay_from(&self, from: u64, k: u64) -> Runner {
        let k = k.min(self.steps_taken());
        let from = from.min(k);
        let mut replay = match self.checkpoints.iter().rposition(|c| c.step <= from) {
            Some(i) => self.restore(i),
            None => self.restart(),
        };
        let applied = replay.changes.len();
        for (at, change) in self.changes[applied..].iter().filter(|(at, _)| *at <= k) {
            replay.advance(at.saturating_sub(replay.steps_taken()));
            replay.set_spec(change.clone());
        }
        replay.advance(k.saturating_sub(replay.steps_taken()));
        replay
    }

    /// The same run replayed to step `k` (at most the steps taken), with every live change
    /// applied where it was made: the optimizer state, gradient and learning rate of a past
    /// step, for the timeline and the equation panel. Starts from the last checkpoint at or
    /// before `k`, so it costs at most [`CHECKPOINT_EVERY`] steps (plus a copy of the
    /// record up to `k`), however long the run.
    pub fn replay_to(&self, k: u64) -> Runner {
        self.replay_from(k, k)
    }

    /// The steps at which checkpoints were kept.
    pub fn checkpoint_steps(&self) -> Vec<u64> {
        self.checkpoints.iter().map(|c| c.step).collect()
    }
}
