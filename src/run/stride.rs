//! The recording run's step loop, monomorphised: [`Runner::advance`] takes its steps here,
//! in strides that end at the next checkpoint. The surface (or formula, or regression) and
//! the optimizer family are matched once per stride, not per step, and the loop is generic
//! over the concrete surface type and optimizer struct, as the batch kernel's is
//! (`batch.rs`); the point, loss, gradient and bookkeeping stay in locals, and the
//! objective's value and gradient at a point come from one evaluation (the gradient is
//! the next step's).
//!
//! Each step is [`Runner::step`]'s, in its order and arithmetic, so every recorded point,
//! loss, rate, validation loss and status is the same bit for bit: the gradient at the
//! point (L1 and noise included), the scheduled rate, the update, the plateau's
//! observation of the point's loss, the new point's loss, the divergence test, then what
//! `Runner::push` records and checks (steps to tolerance, best loss, early stopping).
//! Mini-batch runs step one by one through [`Runner::step`] (their gradient draws from
//! the batch order).

use super::batch::Objective;
use super::{with_noise, DivergenceCause, Runner, Status, DIVERGENCE_BOUND};
use crate::objective::{l1_gradient, l1_value, within, Problem};
use crate::optim::{Family, FamilyVisitorMut, Stateful};
use crate::schedule::{Schedule, ScheduleState};
use crate::surfaces::{Minimum, Surface, SurfaceVisitor};
use crate::vec2::Vec2;
use std::sync::Arc;

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

    /// Picks the optimizer family, then runs the loop for it (on a copy of the optimizer,
    /// put back after: the loop does not read `self.optimizer`).
    fn stride_on(&mut self, f: &dyn Objective, n: u64) -> u64 {
        let mut optimizer = self.optimizer.clone();
        let taken = optimizer.visit_mut(OnFamily {
            runner: self,
            objective: f,
            n,
        });
        self.optimizer = optimizer;
        taken
    }

    /// The step loop (see the module's header); only on a running run without batches.
    fn stride_loop<G: Family>(
        &mut self,
        f: &dyn Objective,
        optimizer: &mut Stateful<G>,
        n: u64,
    ) -> u64 {
        let mut o = *optimizer;
        let l1 = self.spec.l1;
        let early = self.spec.early_stopping;
        let min_delta = early.map_or(0.0, |e| e.min_delta);
        // A constant schedule without warm-up: `ScheduleState::lr` is the base rate times 1
        // at every step and `observe` does nothing, so both are skipped.
        let constant = self.spec.schedule == Schedule::Constant && self.spec.warmup.is_none();
        let constant_lr = self.schedule.lr(0);
        // Computed once: the same list `Problem::within_tolerance` reads at every step.
        let minima = self.problem.minima();
        let tolerance = self.tolerance;
        let noisy = self.spec.noise.is_some();
        let validates = self
            .problem
            .regression()
            .is_some_and(|r| !r.validation.is_empty());
        let mut k = self.steps_taken();
        let mut p = self.point();
        let mut loss = self.record.loss.last().copied().unwrap_or(f64::NAN);
        let mut gradient = f.value_and_gradient(p).1;
        let (mut reached_at, mut best, mut bad_steps) =
            (self.reached_at, self.best, self.bad_steps);
        let mut last_gradient = self.last_gradient;
        let rec = &mut self.record;
        // Room for the stride up front (the same growth `push` would give, in one go).
        let room = usize::try_from(n)
            .unwrap_or(usize::MAX)
            .min(super::CHECKPOINT_EVERY as usize);
        rec.trajectory.reserve(room);
        rec.loss.reserve(room);
        rec.lr.reserve(room);
        let mut taken = 0;
        while taken < n {
            let mut g = gradient + l1_gradient(l1, p);
            if noisy {
                g = noisy_gradient(&self.spec, g, k);
            }
            last_gradient = Some(g);
            let lr = if constant {
                constant_lr
            } else {
                scheduled_lr(&self.schedule, k)
            };
            let next = o.step(p, g, lr);
            if !constant {
                observe(&mut self.schedule, loss);
            }
            let (value, next_gradient) = f.value_and_gradient(next);
            let next_loss = value + l1_value(l1, next);
            if !clearly_fine(next, next_loss) {
                if let Some(cause) = divergence(next, next_loss) {
                    self.status = Status::Diverged { step: k + 1, cause };
                    break;
                }
            }
            // `Runner::push`, with the point's step `k + 1`.
            k += 1;
            taken += 1;
            rec.lr.push(lr);
            rec.trajectory.push(next);
            rec.loss.push(next_loss);
            let validation = if validates {
                f.validation_loss(next)
            } else {
                None
            };
            if let Some(v) = validation {
                rec.validation_loss.push(v);
            }
            if reached_at.is_none() && reached(&minima, next, tolerance) {
                reached_at = Some(k);
            }
            (p, loss, gradient) = (next, next_loss, next_gradient);
            let monitored = validation.unwrap_or(next_loss);
            if monitored < best.0 - min_delta {
                best = (monitored, k);
                bad_steps = 0;
                continue;
            }
            bad_steps += 1;
            // As Keras' EarlyStopping: stop once `patience` steps in a row brought no
            // improvement.
            if let Some(early) = early {
                if bad_steps >= early.patience {
                    self.status = Status::EarlyStopped {
                        step: k,
                        best_step: best.1,
                    };
                    break;
                }
            }
        }
        (self.reached_at, self.best, self.bad_steps) = (reached_at, best, bad_steps);
        self.last_gradient = last_gradient;
        *optimizer = o;
        taken
    }
}

/// True when [`DivergenceCause::of_step`] is certainly `None` (as the batch kernel's test:
/// any NaN fails a comparison, so every doubtful step goes to `of_step`).
#[inline(always)]
fn clearly_fine(p: Vec2, loss: f64) -> bool {
    (p.x.abs() <= DIVERGENCE_BOUND) & (p.y.abs() <= DIVERGENCE_BOUND) & (loss.abs() < f64::INFINITY)
}

// The parts of a step that do not depend on the family, out of line: one copy for the
// eight families' loops rather than one in each (the module's size is budgeted).

/// [`with_noise`], for a run with gradient noise.
#[inline(never)]
fn noisy_gradient(spec: &super::RunSpec, g: Vec2, k: u64) -> Vec2 {
    with_noise(spec, g, k)
}

/// [`ScheduleState::lr`], for a schedule that is not constant.
#[inline(never)]
fn scheduled_lr(schedule: &ScheduleState, k: u64) -> f64 {
    schedule.lr(k)
}

/// [`ScheduleState::observe`], for a schedule that is not constant.
#[inline(never)]
fn observe(schedule: &mut ScheduleState, loss: f64) {
    schedule.observe(loss);
}

/// [`DivergenceCause::of_step`], for a step [`clearly_fine`] doubts.
#[cold]
#[inline(never)]
fn divergence(next: Vec2, loss: f64) -> Option<DivergenceCause> {
    DivergenceCause::of_step(next, loss)
}

/// [`within`], until the run first reaches a minimum.
#[inline(never)]
fn reached(minima: &[Minimum], p: Vec2, tolerance: f64) -> bool {
    within(minima, p, tolerance)
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

/// A stride on the concrete objective, handed the concrete optimizer family.
struct OnFamily<'r, 'f> {
    runner: &'r mut Runner,
    objective: &'f dyn Objective,
    n: u64,
}

impl FamilyVisitorMut for OnFamily<'_, '_> {
    type Output = u64;
    fn visit<G: Family>(self, optimizer: &mut Stateful<G>) -> u64 {
        self.runner.stride_loop(self.objective, optimizer, self.n)
    }
}
