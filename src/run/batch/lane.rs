//! One run in flight in the batch kernel: what `Runner::step` keeps between steps, held in
//! a small struct so that a loop can hold one run (`Drive::run`) or several independent
//! runs side by side (`lanes`), stepping each with the same code and so the same bits.

use super::Objective;
use crate::objective::{l1_gradient, l1_value, within};
use crate::optim::{Family, Stateful};
use crate::run::{DivergenceCause, Outcome, RunSpec, Status};
use crate::schedule::{Schedule, ScheduleState};
use crate::surfaces::Minimum;
use crate::vec2::Vec2;

/// A run between two steps.
pub(super) struct Lane<'a, G: Family> {
    optimizer: Stateful<G>,
    schedule: ScheduleState,
    /// The learning rate of every step when the schedule is constant without warm-up
    /// (what `ScheduleState::lr` returns then: the base rate times 1), so the step skips
    /// the schedule's match and its (no-op) observation of the loss.
    constant_lr: Option<f64>,
    l1: f64,
    tolerance: f64,
    minima: &'a [Minimum],
    steps: u64,
    k: u64,
    p: Vec2,
    loss: f64,
    gradient: Vec2,
    reached_at: Option<u64>,
    best: f64,
    best_step: u64,
    outcome: Outcome,
    done: bool,
}

impl<'a, G: Family> Lane<'a, G> {
    /// The run at its start, as `Runner::new` leaves it; already [`Lane::done`] when it
    /// has no steps to take or its start is not finite (diverged at step 0).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new<F: Objective + ?Sized>(
        f: &F,
        spec: &RunSpec,
        optimizer: Stateful<G>,
        start: Vec2,
        steps: u64,
        tolerance: f64,
        minima: &'a [Minimum],
    ) -> Self {
        let l1 = spec.l1;
        let schedule = ScheduleState::new(spec.optimizer.lr(), spec.schedule, spec.warmup);
        let constant_lr =
            (spec.schedule == Schedule::Constant && spec.warmup.is_none()).then(|| schedule.lr(0));
        let p = start;
        let (value, gradient) = start_value(f, p);
        let mut loss = value + l1_value(l1, p);
        let mut outcome = Outcome {
            status: Status::Completed,
            steps: 0,
            reached_at: None,
            best_step: 0,
            epochs: None,
            final_point: start,
            final_loss: loss,
            final_validation_loss: None,
            start,
        };
        let finite = p.is_finite() && loss.is_finite();
        if !finite {
            outcome.status = Status::Diverged {
                step: 0,
                cause: DivergenceCause::NonFiniteLoss,
            };
            loss = f64::NAN;
        }
        Lane {
            optimizer,
            schedule,
            constant_lr,
            l1,
            tolerance,
            minima,
            steps,
            k: 0,
            p,
            loss,
            gradient,
            reached_at: (finite && within(minima, p, tolerance)).then_some(0),
            // As `Runner::push` without early stopping: the last step of a strict improvement.
            best: loss,
            best_step: 0,
            outcome,
            done: steps == 0 || !finite,
        }
    }

    /// Whether the run has ended (all its steps taken, or diverged).
    #[inline(always)]
    pub(super) fn done(&self) -> bool {
        self.done
    }

    /// One step, in `Runner::step`'s order and arithmetic; only while not [`Lane::done`].
    #[inline(always)]
    pub(super) fn step<F: Objective + ?Sized>(&mut self, f: &F) {
        let (l1, p, k) = (self.l1, self.p, self.k);
        let g = add_stored(self.gradient, l1_gradient(l1, p));
        let lr = match self.constant_lr {
            Some(lr) => lr,
            None => self.schedule.lr(k),
        };
        let next = self.optimizer.step(p, g, lr);
        if self.constant_lr.is_none() {
            self.schedule.observe(self.loss);
        }
        let (value, next_gradient) = f.value_and_gradient(next);
        let next_loss = value + l1_value(l1, next);
        if !DivergenceCause::clearly_none(next, next_loss) {
            if let Some(cause) = DivergenceCause::of_step(next, next_loss) {
                self.outcome.status = Status::Diverged { step: k + 1, cause };
                self.done = true;
                return;
            }
        }
        let k = k + 1;
        self.k = k;
        self.p = next;
        self.loss = next_loss;
        self.gradient = next_gradient;
        if self.reached_at.is_none() && within(self.minima, next, self.tolerance) {
            self.reached_at = Some(k);
        }
        if next_loss < self.best {
            (self.best, self.best_step) = (next_loss, k);
        }
        self.done = k >= self.steps;
    }

    /// The run's outcome so far (its end, once [`Lane::done`]).
    pub(super) fn outcome(&self) -> Outcome {
        Outcome {
            steps: self.k,
            reached_at: self.reached_at,
            best_step: self.best_step,
            final_point: self.p,
            final_loss: self.loss,
            ..self.outcome
        }
    }
}

/// `f`'s value and gradient at a run's start, out of line: one copy per objective rather
/// than one inlined into [`Lane::new`] per objective and family (the shipped wasm went
/// 301,957 -> 299,848 B gzipped with this and the wasm-only scalar sums below together).
#[inline(never)]
fn start_value<F: Objective + ?Sized>(f: &F, p: Vec2) -> (f64, Vec2) {
    f.value_and_gradient(p)
}

/// `stored + v`, for a `stored` the previous step wrote to memory as two `f64`s (the lane
/// lives in memory). Read back as one 16-byte load, as wasm's `f64x2` add does, those two
/// 8-byte stores defeat the processor's store forwarding and stall every step; in wasm
/// the sum is therefore taken coordinate by coordinate (the same bits): SGD's batch run
/// ~1.9 -> ~1.3 ms in Chromium. Natively `+` is already scalar in the source, yet written
/// out like this the native batch runs got slower (measured: SGD ~0.95 -> ~2.0 ms,
/// Adagrad 2.3 -> 3.3; not disassembled, presumably LLVM's SLP vectoriser pairing the two
/// loads into the same 16-byte load), so there `+` stays.
#[inline(always)]
fn add_stored(stored: Vec2, v: Vec2) -> Vec2 {
    if cfg!(target_arch = "wasm32") {
        Vec2::new(stored.x + v.x, stored.y + v.y)
    } else {
        stored + v
    }
}
