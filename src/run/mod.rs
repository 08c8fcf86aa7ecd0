//! The run loop: one optimizer stepping across one problem, recording per step the point,
//! the loss and the learning rate used, exactly in the reference's order:
//!
//! ```text
//! for k in 0 .. steps-1:
//!     loss_k, g = objective(p), gradient(p)     # L1 included; g over the mini-batch if any
//!     record p, loss_k, lr_k
//!     p = optimizer.step(p, g, lr_k)
//!     schedule advances (plateau: fed loss_k)
//! record p, objective(p)                        # steps+1 points in all
//! ```
//!
//! A run ends early only when it diverges (a non-finite loss or parameter, or a coordinate
//! beyond ±[`DIVERGENCE_BOUND`]) or is early-stopped; its [`Status`] says why and at which
//! step. Input is validated before a [`Runner`] exists, so stepping cannot fail.

use crate::objective::{l1_gradient, l1_value, Problem};
use crate::optim::Optimizer;
use crate::regression::Batches;
use crate::schedule::ScheduleState;
use crate::vec2::Vec2;
use serde::Serialize;
use std::sync::Arc;

mod batch;
pub mod bytes;
mod checkpoint;
#[cfg(test)]
mod data_loss_tests;
mod history;
#[cfg(test)]
mod history_tests;
mod noise;
mod race;
#[cfg(test)]
mod race_tests;
mod revive;
#[cfg(test)]
mod revive_tests;
mod snapshot;
mod snapshot_state;
#[cfg(test)]
mod snapshot_tests;
mod spec;
mod status;
mod stride;
#[cfg(test)]
mod stride_tests;
#[cfg(test)]
mod tests;

pub use batch::{run_batch, run_to_end};
pub use bytes::SnapshotError;
pub use checkpoint::CHECKPOINT_EVERY;
pub use noise::{normal_pair, GradientNoise, NoiseScale};
pub use race::{Race, RaceError, MAX_RUNS};
pub use snapshot::{SpecFormat, SNAPSHOT_VERSION};
pub use spec::{EarlyStopping, RunSpec, WarmStart};
pub use status::{DivergenceCause, Outcome, Status};

/// A run whose coordinate leaves `[-1e10, 1e10]` is called diverged.
pub const DIVERGENCE_BOUND: f64 = 1e10;

/// What a run recorded.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Trajectory {
    /// Points p₀, p₁, ... (one more than the steps taken).
    pub trajectory: Vec<Vec2>,
    /// Loss at each point (training loss, L1 included).
    pub loss: Vec<f64>,
    /// Learning rate used at each step.
    pub lr: Vec<f64>,
    /// Validation loss at each point (empty without a validation split).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub validation_loss: Vec<f64>,
}

/// A run in progress: optimizer, schedule and batching state plus what it recorded.
#[derive(Clone, Debug)]
pub struct Runner {
    problem: Arc<Problem>,
    spec: RunSpec,
    optimizer: Optimizer,
    schedule: ScheduleState,
    batches: Option<Batches>,
    tolerance: f64,
    record: Trajectory,
    status: Status,
    reached_at: Option<u64>,
    best: (f64, u64),
    bad_steps: u64,
    last_gradient: Option<Vec2>,
    /// How the run began (spec and the start given), and every live change with the step
    /// it took effect at: enough to replay the run to any step.
    origin: (RunSpec, Vec2),
    changes: Vec<(u64, RunSpec)>,
    /// The state every [`CHECKPOINT_EVERY`] steps (see `checkpoint`).
    checkpoints: Vec<checkpoint::Checkpoint>,
    /// The step of the record's first point (`record.lr[0]` is that step's rate): a compact
    /// run forgets what lies before its last checkpoint and replays it when asked (`history`).
    base: u64,
    /// Whether the record is cut at each checkpoint (live runs) or kept whole (replays).
    compact: bool,
    /// The run's first point (where its warm start ended), kept for replays from step 0.
    begun: Vec2,
    /// Which history this is (see [`Runner::generation`]).
    generation: u64,
}

/// A new history's number: unique in this process (see [`Runner::generation`]).
fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Runner {
    /// A run of `spec` on `problem` from `start`; `tolerance` is the distance to a known
    /// minimum that counts as reaching it.
    /// With a warm start, `start` is where the pre-training starts.
    pub fn new(problem: Arc<Problem>, spec: RunSpec, start: Vec2, tolerance: f64) -> Self {
        let begun = match &spec.warm_start {
            Some(warm) => pretrain(warm, &spec, start, tolerance),
            None => start,
        };
        Runner::begin(problem, spec, start, begun, tolerance)
    }

    /// A run given `start`, whose first point is `begun` (where its warm start, already
    /// trained, ended; `start` itself without a warm start).
    fn begin(problem: Arc<Problem>, spec: RunSpec, start: Vec2, begun: Vec2, tol: f64) -> Self {
        let (tolerance, origin, start) = (tol, (spec.clone(), start), begun);
        let schedule = ScheduleState::new(spec.optimizer.lr(), spec.schedule, spec.warmup);
        let mut runner = Runner {
            optimizer: Optimizer::new(&spec.optimizer),
            batches: None,
            schedule,
            tolerance,
            record: Trajectory::default(),
            status: Status::Running,
            reached_at: None,
            best: (f64::INFINITY, 0),
            bad_steps: 0,
            last_gradient: None,
            origin,
            changes: Vec::new(),
            checkpoints: Vec::new(),
            base: 0,
            compact: true,
            begun: start,
            generation: next_generation(),
            problem,
            spec,
        };
        runner.batches = runner.make_batches();
        let loss = runner.objective(start);
        if start.is_finite() && loss.is_finite() {
            runner.push(start, loss);
        } else {
            runner.record.trajectory.push(start);
            runner.status = Status::Diverged {
                step: 0,
                cause: DivergenceCause::NonFiniteLoss,
            };
        }
        runner
    }

    fn make_batches(&self) -> Option<Batches> {
        let n = self.problem.regression()?.train.len();
        let size = self.spec.batch_size?;
        (size < n).then(|| Batches::new(n, size, self.spec.seed))
    }

    fn objective(&self, p: Vec2) -> f64 {
        self.problem.value(p) + l1_value(self.spec.l1, p)
    }

    fn gradient(&mut self, p: Vec2) -> Vec2 {
        step_gradient(&self.problem, self.spec.l1, self.batches.as_mut(), p)
    }

    /// What the next step would do, without taking it or touching the record: the gradient,
    /// the learning rate, the next point and the optimizer's state after it. `None` when the
    /// run has stopped or the step would diverge. Costs one step (plus a copy of the batch
    /// order for mini-batches), whatever the length of the run.
    pub fn preview(&self) -> Option<Preview> {
        if self.status != Status::Running {
            return None;
        }
        let mut optimizer = self.optimizer.clone();
        let mut batches = self.batches.clone();
        let p = self.point();
        let gradient = step_gradient(&self.problem, self.spec.l1, batches.as_mut(), p);
        let gradient = with_noise(&self.spec, gradient, self.steps_taken());
        let lr = self.schedule.lr(self.steps_taken());
        let next = optimizer.step(p, gradient, lr);
        let finite = next.is_finite()
            && next.max_abs() <= DIVERGENCE_BOUND
            && self.objective(next).is_finite();
        finite.then_some(Preview {
            gradient,
            lr,
            next,
            optimizer,
        })
    }

    /// Records point `p` with loss `loss` and updates reach and early-stopping bookkeeping.
    fn push(&mut self, p: Vec2, loss: f64) {
        let step = self.base + self.record.trajectory.len() as u64;
        self.record.trajectory.push(p);
        self.record.loss.push(loss);
        let validation = self.problem.regression().and_then(|r| r.validation_loss(p));
        if let Some(v) = validation {
            self.record.validation_loss.push(v);
        }
        let reached = self.reached_at.is_none() && self.problem.within_tolerance(p, self.tolerance);
        self.judge(step, reached, validation.unwrap_or(loss));
    }

    /// What each recorded point updates besides the record (for `push` and the stride's
    /// blocks): the step that first reached tolerance, the best monitored loss (validation
    /// when there is a split) and early stopping.
    fn judge(&mut self, step: u64, reached: bool, monitored: f64) {
        if reached {
            self.reached_at = Some(step);
        }
        let min_delta = self.spec.early_stopping.map_or(0.0, |e| e.min_delta);
        if monitored < self.best.0 - min_delta {
            self.best = (monitored, step);
            self.bad_steps = 0;
            return;
        }
        self.bad_steps += 1;
        // As Keras' EarlyStopping: stop once `patience` steps in a row brought no improvement.
        if let Some(early) = self.spec.early_stopping {
            if self.bad_steps >= early.patience {
                self.status = Status::EarlyStopped {
                    step,
                    best_step: self.best.1,
                };
            }
        }
    }

    /// Takes one step; `false` (and nothing changes) once the run has stopped.
    pub fn step(&mut self) -> bool {
        if self.status != Status::Running {
            return false;
        }
        let k = self.steps_taken();
        let p = self.point();
        let loss = self.record.loss.last().copied().unwrap_or(f64::NAN);
        let g = self.gradient(p);
        let g = with_noise(&self.spec, g, k);
        self.last_gradient = Some(g);
        let lr = self.schedule.lr(k);
        let next = self.optimizer.step(p, g, lr);
        self.schedule.observe(loss);
        let next_loss = self.objective(next);
        let cause = DivergenceCause::of_step(next, next_loss);
        match cause {
            Some(cause) => {
                self.status = Status::Diverged { step: k + 1, cause };
                false
            }
            None => {
                self.record.lr.push(lr);
                self.push(next, next_loss);
                true
            }
        }
    }

    /// Takes up to `n` steps; returns how many were taken. Keeps a checkpoint every
    /// [`CHECKPOINT_EVERY`] steps.
    /// The steps are [`Runner::step`]'s, taken in strides up to the next checkpoint by a
    /// loop compiled per surface and optimizer family (`stride.rs`).
    pub fn advance(&mut self, n: u64) -> u64 {
        let mut taken = 0;
        while taken < n {
            let to_checkpoint = CHECKPOINT_EVERY - self.steps_taken() % CHECKPOINT_EVERY;
            let stride = self.stride(to_checkpoint.min(n - taken));
            taken += stride;
            if stride > 0 && self.steps_taken() % CHECKPOINT_EVERY == 0 {
                self.take_checkpoint();
                if self.compact {
                    self.forget_before(self.steps_taken().saturating_sub(CHECKPOINT_EVERY + 1));
                }
            }
            if stride == 0 || self.status != Status::Running {
                break;
            }
        }
        taken
    }

    /// Marks a run that took every step asked of it as completed.
    pub fn finish(&mut self) {
        if self.status == Status::Running {
            self.status = Status::Completed;
        }
    }

    /// Changes the run's settings from the next step on: same-family optimizer state,
    /// plateau memory and the recorded path are kept.
    pub fn set_spec(&mut self, spec: RunSpec) {
        self.changes.push((self.steps_taken(), spec.clone()));
        self.optimizer.set_spec(&spec.optimizer);
        self.schedule
            .reconfigure(spec.optimizer.lr(), spec.schedule, spec.warmup);
        let batching_changed =
            spec.batch_size != self.spec.batch_size || spec.seed != self.spec.seed;
        self.spec = spec;
        if batching_changed {
            self.batches = self.make_batches();
        }
    }

    /// The indices (into the training data) of the last mini-batch; empty for full batch.
    pub fn last_batch(&self) -> &[usize] {
        self.batches.as_ref().map_or(&[], Batches::last_batch)
    }

    /// The learning rate the next step will use.
    pub fn next_lr(&self) -> f64 {
        self.schedule.lr(self.steps_taken())
    }

    /// Steps taken so far.
    pub fn steps_taken(&self) -> u64 {
        self.base + self.record.lr.len() as u64
    }

    /// Points recorded (one more than the steps taken, or one for a run diverged at its
    /// start).
    pub fn points(&self) -> u64 {
        self.base + self.record.trajectory.len() as u64
    }

    /// Which history this run holds: a number that changes whenever its past could differ
    /// from what a reader saw before (a new or restarted run, a replay, a revived or
    /// adopted run, a copy), and only then; between changes the history only grows. A
    /// reader that keeps a summary of the record (the charts' blocks) reads only the new
    /// points while the number is the same, and starts again when it is not.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Gives the run a new [`Runner::generation`] (a copy that will go its own way).
    pub fn renew_generation(&mut self) {
        self.generation = next_generation();
    }

    /// The learning rate the last step used (`None` before the first step).
    pub fn last_lr(&self) -> Option<f64> {
        self.record.lr.last().copied()
    }

    /// The validation loss at the current point (`None` without a validation split).
    pub fn last_validation_loss(&self) -> Option<f64> {
        self.record.validation_loss.last().copied()
    }

    /// The current point.
    pub fn point(&self) -> Vec2 {
        self.record.trajectory.last().copied().unwrap_or_default()
    }

    /// The current loss.
    pub fn loss(&self) -> Option<f64> {
        self.record.loss.last().copied()
    }

    /// The current data loss: the problem's value (for regression the training mean
    /// squared error) without the L1 penalty the recorded loss includes.
    pub fn data_loss(&self) -> Option<f64> {
        self.record
            .trajectory
            .last()
            .map(|&p| self.problem.value(p))
    }

    /// The current L1 penalty `l1·(|w| + |b|)`, the part of the recorded loss that is not
    /// data loss (weight decay acts on the update, not on the loss).
    pub fn penalty(&self) -> Option<f64> {
        self.record
            .trajectory
            .last()
            .map(|&p| l1_value(self.spec.l1, p))
    }

    /// The run's settings.
    pub fn spec(&self) -> &RunSpec {
        &self.spec
    }

    /// Everything recorded so far, exactly (what the run forgot is replayed: it costs the
    /// run's length in steps; `history` reads a part).
    pub fn record(&self) -> Trajectory {
        self.history(0, u64::MAX)
    }

    /// The running optimizer (for its state).
    pub fn optimizer(&self) -> &Optimizer {
        &self.optimizer
    }

    /// Where the run stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// First step at which the run was within the tolerance of a known minimum.
    pub fn reached_at(&self) -> Option<u64> {
        self.reached_at
    }

    /// The step with the best monitored loss so far (validation loss when there is a split).
    pub fn best_step(&self) -> u64 {
        self.best.1
    }

    /// The gradient the last step used (the mini-batch's, L1 included); `None` before the
    /// first step.
    pub fn last_gradient(&self) -> Option<Vec2> {
        self.last_gradient
    }

    /// The full-batch gradient at the current point (L1 included).
    pub fn full_gradient(&self) -> Vec2 {
        let p = self.point();
        self.problem.gradient(p) + l1_gradient(self.spec.l1, p)
    }

    /// Epochs of regression training so far (a full-batch step is one epoch); `None` for
    /// surfaces.
    pub fn epochs(&self) -> Option<f64> {
        self.epochs_at(self.steps_taken())
    }

    /// Epochs of regression training after `k` steps (`None` for surfaces).
    pub fn epochs_at(&self, k: u64) -> Option<f64> {
        let n = self.problem.regression()?.train.len() as u64;
        let Some(batches) = &self.batches else {
            return Some(k as f64);
        };
        let b = batches.batch_size() as u64;
        // An epoch is ⌈n/b⌉ batches, the last one possibly smaller.
        let per_epoch = n.div_ceil(b);
        let partial = ((k % per_epoch) * b).min(n);
        Some((k / per_epoch) as f64 + partial as f64 / n as f64)
    }

    /// The summary of how the run ended, for output.
    pub fn outcome(&self) -> Outcome {
        let restore = matches!(self.status, Status::EarlyStopped { .. })
            && self.spec.early_stopping.is_some_and(|e| e.restore_best);
        let index = if restore {
            self.best.1
        } else {
            self.points().saturating_sub(1)
        };
        let at = self.history(index, index + 1);
        Outcome {
            status: self.status,
            steps: self.steps_taken(),
            reached_at: self.reached_at,
            best_step: self.best.1,
            epochs: self.epochs(),
            final_point: at.trajectory.first().copied().unwrap_or_default(),
            final_loss: at.loss.first().copied().unwrap_or(f64::NAN),
            final_validation_loss: at.validation_loss.first().copied(),
            start: self.begun,
        }
    }
}

/// The gradient a step at `p` uses: the mini-batch's when there are batches (drawing the
/// next batch), else the full one; L1 included.
fn step_gradient(problem: &Problem, l1: f64, batches: Option<&mut Batches>, p: Vec2) -> Vec2 {
    let g = match (batches, problem.regression()) {
        (Some(batches), Some(r)) => r.train.gradient(p, Some(batches.next_batch())),
        _ => problem.gradient(p),
    };
    g + l1_gradient(l1, p)
}

/// The next step of a run, computed without taking it ([`Runner::preview`]).
#[derive(Clone, Debug)]
pub struct Preview {
    /// The gradient the step uses.
    pub gradient: Vec2,
    /// Its learning rate.
    pub lr: f64,
    /// Where it lands.
    pub next: Vec2,
    /// The optimizer's state after it.
    pub optimizer: Optimizer,
}

/// Step `k`'s gradient `g` with the run's gradient noise, if it has any (`noise.rs`).
fn with_noise(spec: &RunSpec, g: Vec2, k: u64) -> Vec2 {
    spec.noise.map_or(g, |n| n.apply(g, k))
}

/// Trains `spec`'s optimizer settings (without the warm start) on the warm start's source
/// data from `start`; returns the last finite point reached.
fn pretrain(warm: &WarmStart, spec: &RunSpec, start: Vec2, tolerance: f64) -> Vec2 {
    let source_spec = RunSpec {
        warm_start: None,
        early_stopping: None,
        batch_size: spec.batch_size.map(|b| {
            let n = warm.problem.regression().map_or(b, |r| r.train.len());
            b.min(n)
        }),
        ..spec.clone()
    };
    let mut source = Runner::new(Arc::clone(&warm.problem), source_spec, start, tolerance);
    source.advance(warm.steps);
    source.point()
}
