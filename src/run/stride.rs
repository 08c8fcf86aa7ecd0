//! The recording run's step loop: [`Runner::advance`] takes its steps here, in strides that
//! end at the next checkpoint, each in blocks of up to [`BLOCK`] steps. A tight loop takes
//! a block's steps with the point, loss and gradient in locals, evaluating the objective
//! once per step for its value and gradient together (the gradient is the next step's)
//! and writing rate, point and loss into a block on the stack; then the block is appended
//! to the record in one copy per series, and `Runner::push`'s bookkeeping (validation loss,
//! steps to tolerance, best loss, early stopping) runs over it. Settings are read once per
//! stride (a constant schedule skips `ScheduleState::lr` and `observe`, the known minima
//! are listed once).
//!
//! The surface is matched once per stride (the objective is then one dynamic call per
//! step) and the optimizer per step (`Optimizer::step`): measured in V8, a loop generic
//! over the optimizer family was no faster (100,000 Adam steps on Rosenbrock 4.5 ms
//! against 4.0-4.3 ms, the batch kernel 4.3 ms), and one generic over the surface too added
//! 30 KB to the gzipped module, whose size is budgeted.
//!
//! Each step is [`Runner::step`]'s, in its order and arithmetic, so every recorded point,
//! loss, rate, validation loss and status is the same bit for bit: the gradient at the
//! point (L1 and noise included), the scheduled rate, the update, the plateau's
//! observation of the point's loss, the new point's loss, the divergence test, then what
//! `Runner::push` records and checks. Mini-batch runs step one by one through
//! [`Runner::step`] (their gradient draws from the batch order).

use super::batch::Objective;
use super::{with_noise, DivergenceCause, RunSpec, Runner, Status};
use crate::objective::{l1_gradient, l1_value, within, Problem};
use crate::optim::Optimizer;
use crate::schedule::{Schedule, ScheduleState};
use crate::surfaces::{Surface, SurfaceVisitor};
use crate::vec2::Vec2;
use std::sync::Arc;

/// Steps per block.
const BLOCK: usize = 128;

impl Runner {
    /// Takes up to `n` steps exactly as `n` calls of [`Runner::step`] would, stopping where
    /// `step` would return `false`; returns how many were taken (a step that early-stops
    /// the run counts, as `step` returns `true` for it).
    pub(super) fn stride(&mut self, n: u64) -> u64 {
        if self.status != Status::Running || n == 0 {
            return 0;
        }
        if self.batches.is_some() {
            let mut taken = 0;
            while taken < n && self.step() {
                taken += 1;
            }
            return taken;
        }
        let problem = Arc::clone(&self.problem);
        match &*problem {
            Problem::Surface(kind) => kind.visit(OnSurface { runner: self, n }),
            Problem::Regression(r) => self.stride_on(&**r, n),
            Problem::Expr(e) => self.stride_on(e, n),
        }
    }

    /// The stride on objective `f`, block by block. Early stopping can end a run only at
    /// a block's last step (a block is no longer than the steps left before the patience
    /// runs out), so no block steps past where `Runner::step` would have stopped.
    fn stride_on(&mut self, f: &dyn Objective, n: u64) -> u64 {
        let p = self.point();
        let mut core = Core {
            k: self.steps_taken(),
            p,
            loss: self.record.loss.last().copied().unwrap_or(f64::NAN),
            gradient: f.value_and_gradient(p).1,
            last_gradient: self.last_gradient,
            diverged: None,
        };
        let early = self.spec.early_stopping;
        // Computed once: the same list `Problem::within_tolerance` reads at every step.
        let minima = self.problem.minima();
        let validates = self
            .problem
            .regression()
            .is_some_and(|r| !r.validation.is_empty());
        let mut block = Block::default();
        let mut taken = 0;
        while taken < n && self.status == Status::Running {
            let mut len = (n - taken).min(BLOCK as u64);
            if let Some(e) = early {
                len = len.min(e.patience.saturating_sub(self.bad_steps).max(1));
            }
            let steps = &mut block.steps[..len as usize];
            let done = core.take(
                &mut self.optimizer,
                &mut self.schedule,
                &self.spec,
                f,
                steps,
            );
            let steps = &block.steps[..done];
            self.record.lr.extend(steps.iter().map(|s| s.lr));
            self.record.trajectory.extend(steps.iter().map(|s| s.point));
            self.record.loss.extend(steps.iter().map(|s| s.loss));
            // `Runner::push` for each point; the first is step `core.k - done + 1`.
            for (step, s) in (core.k - done as u64 + 1..).zip(steps) {
                let validation = if validates {
                    f.validation_loss(s.point)
                } else {
                    None
                };
                if let Some(v) = validation {
                    self.record.validation_loss.push(v);
                }
                let reached = self.reached_at.is_none() && within(&minima, s.point, self.tolerance);
                self.judge(step, reached, validation.unwrap_or(s.loss));
            }
            taken += done as u64;
            if let Some(cause) = core.diverged {
                let step = core.k + 1;
                self.status = Status::Diverged { step, cause };
            }
        }
        self.last_gradient = core.last_gradient;
        taken
    }
}

/// A block of steps: what each recorded.
struct Block {
    steps: [Stepped; BLOCK],
}

impl Default for Block {
    fn default() -> Self {
        let none = Stepped {
            lr: 0.0,
            point: Vec2::ZERO,
            loss: 0.0,
        };
        Block {
            steps: [none; BLOCK],
        }
    }
}

/// One step's record: the rate it used, the point it reached and that point's loss.
#[derive(Clone, Copy)]
struct Stepped {
    lr: f64,
    point: Vec2,
    loss: f64,
}

/// What a run's steps carry from one to the next, between blocks.
struct Core {
    /// Steps taken, the point, its loss and its gradient (without L1).
    k: u64,
    p: Vec2,
    loss: f64,
    gradient: Vec2,
    last_gradient: Option<Vec2>,
    /// Why step `k + 1` diverged, once it has.
    diverged: Option<DivergenceCause>,
}

impl Core {
    /// Takes up to `out.len()` steps (fewer when one diverges) in `Runner::step`'s order
    /// and arithmetic, writing each into `out`; returns how many were taken.
    fn take(
        &mut self,
        optimizer: &mut Optimizer,
        schedule: &mut ScheduleState,
        spec: &RunSpec,
        f: &dyn Objective,
        out: &mut [Stepped],
    ) -> usize {
        let l1 = spec.l1;
        let noisy = spec.noise.is_some();
        // A constant schedule without warm-up: `ScheduleState::lr` is the base rate times 1
        // at every step and `observe` does nothing, so both are skipped.
        let constant =
            (spec.schedule == Schedule::Constant && spec.warmup.is_none()).then(|| schedule.lr(0));
        let (mut k, mut p, mut loss, mut gradient) = (self.k, self.p, self.loss, self.gradient);
        let mut taken = 0;
        for slot in out.iter_mut() {
            let mut g = gradient + l1_gradient(l1, p);
            if noisy {
                g = with_noise(spec, g, k);
            }
            self.last_gradient = Some(g);
            let lr = constant.unwrap_or_else(|| schedule.lr(k));
            let next = optimizer.step(p, g, lr);
            if constant.is_none() {
                schedule.observe(loss);
            }
            let (value, next_gradient) = f.value_and_gradient(next);
            let next_loss = value + l1_value(l1, next);
            if !DivergenceCause::clearly_none(next, next_loss) {
                if let Some(cause) = DivergenceCause::of_step(next, next_loss) {
                    self.diverged = Some(cause);
                    break;
                }
            }
            *slot = Stepped {
                lr,
                point: next,
                loss: next_loss,
            };
            taken += 1;
            k += 1;
            (p, loss, gradient) = (next, next_loss, next_gradient);
        }
        (self.k, self.p, self.loss, self.gradient) = (k, p, loss, gradient);
        taken
    }
}

/// A stride on the concrete surface.
struct OnSurface<'r> {
    runner: &'r mut Runner,
    n: u64,
}

impl SurfaceVisitor for OnSurface<'_> {
    type Output = u64;
    fn visit<S: Surface>(self, surface: &S) -> u64 {
        self.runner.stride_on(surface, self.n)
    }
}
