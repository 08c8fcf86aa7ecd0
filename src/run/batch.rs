//! The batch kernel: many runs to their end without recording, for the race's fast-forward
//! and the Explore analyses (hyper-parameter maps, basins of attraction: thousands of runs).
//!
//! Each run gives the same [`Outcome`] as a recording [`Runner`] advanced by the same steps
//! and finished, bit for bit (final point and loss, status with the divergence step and
//! cause, steps to tolerance, best step). The speed comes from dispatching once per run,
//! not per step: the surface and the optimizer family are matched before the loop, which is
//! generic over the concrete surface type and optimizer struct (monomorphised), keeps the
//! point, loss and gradient in locals, and allocates nothing. A surface's value and
//! gradient at the same point are computed side by side, so the compiler shares their
//! common terms.
//!
//! Runs whose steps depend on more than the point fall back to the [`Runner`] loop (which
//! records): mini-batches, early stopping, a warm start, a validation split.

use super::{DivergenceCause, Outcome, RunSpec, Runner, Status, DIVERGENCE_BOUND};
use crate::expr::Expr;
use crate::objective::{l1_gradient, l1_value, within, Problem};
use crate::optim::{Family, FamilyVisitor, Optimizer, Stateful};
use crate::regression::Regression;
use crate::schedule::ScheduleState;
use crate::surfaces::{Minimum, Surface, SurfaceVisitor};
use crate::vec2::Vec2;
use std::sync::Arc;

/// Every run of `specs` from every start of `starts`, `steps` steps each (fewer when a run
/// diverges), with `tolerance` the distance to a known minimum that counts as reaching it.
/// Outcomes are start-major: the outcome of spec `i` from start `j` is at
/// `j * specs.len() + i`. A hyper-parameter map passes many specs and one start, a basin
/// map one spec and many starts.
pub fn run_batch(
    problem: &Arc<Problem>,
    specs: &[RunSpec],
    starts: &[Vec2],
    steps: u64,
    tolerance: f64,
) -> Vec<Outcome> {
    // Computed once for the whole batch (a regression solves its least squares for them).
    let minima = problem.minima();
    let mut out = Vec::with_capacity(specs.len() * starts.len());
    for &start in starts {
        for spec in specs {
            out.push(run_one(problem, spec, start, steps, tolerance, &minima));
        }
    }
    out
}

/// One run to its end: the [`Outcome`] of
/// `Runner::new(problem, spec, start, tolerance)` after `advance(steps)` and `finish()`.
pub fn run_to_end(
    problem: &Arc<Problem>,
    spec: &RunSpec,
    start: Vec2,
    steps: u64,
    tolerance: f64,
) -> Outcome {
    run_one(problem, spec, start, steps, tolerance, &problem.minima())
}

fn run_one(
    problem: &Arc<Problem>,
    spec: &RunSpec,
    start: Vec2,
    steps: u64,
    tolerance: f64,
    minima: &[Minimum],
) -> Outcome {
    let drive = Drive {
        spec,
        start,
        steps,
        tolerance,
        minima,
    };
    match &**problem {
        _ if !drive.fast(problem) => {
            let mut runner = Runner::new(Arc::clone(problem), spec.clone(), start, tolerance);
            runner.advance(steps);
            runner.finish();
            runner.outcome()
        }
        Problem::Surface(kind) => kind.visit(drive),
        Problem::Regression(r) => {
            let outcome = drive.on(&**r);
            Outcome {
                // Full batch: a step is an epoch, as `Runner::epochs` counts.
                epochs: Some(outcome.steps as f64),
                ..outcome
            }
        }
        Problem::Expr(e) => drive.on(e),
    }
}

/// What the step loop needs from a problem: value and gradient at a point, without L1
/// (each the same computation as [`Problem::value`] and [`Problem::gradient`]).
trait Objective {
    /// `(f(p), ∇f(p))`.
    fn value_and_gradient(&self, p: Vec2) -> (f64, Vec2);
}

impl<S: Surface> Objective for S {
    #[inline(always)]
    fn value_and_gradient(&self, p: Vec2) -> (f64, Vec2) {
        (self.value(p), self.gradient(p))
    }
}

impl Objective for Regression {
    fn value_and_gradient(&self, p: Vec2) -> (f64, Vec2) {
        (self.loss(p), self.gradient(p))
    }
}

impl Objective for Expr {
    /// One dual-number evaluation for both: its value is bit for bit [`Expr::value`].
    fn value_and_gradient(&self, p: Vec2) -> (f64, Vec2) {
        let (v, g) = Expr::value_and_gradient(self, p.x, p.y);
        (v, g.into())
    }
}

/// One optimizer update through the family struct's own `step` (the same code the
/// [`Optimizer`] enum calls), so the loop can be generic over the family.
/// The loop of one run over one concrete objective, handed the concrete optimizer family.
struct FamilyLoop<'a, 'f, F> {
    drive: Drive<'a>,
    objective: &'f F,
}

impl<F: Objective> FamilyVisitor for FamilyLoop<'_, '_, F> {
    type Output = Outcome;
    fn visit<G: Family>(self, optimizer: Stateful<G>) -> Outcome {
        self.drive.run(self.objective, optimizer)
    }
}

/// One run's inputs, carried through the surface and family dispatch.
#[derive(Clone, Copy)]
struct Drive<'a> {
    spec: &'a RunSpec,
    start: Vec2,
    steps: u64,
    tolerance: f64,
    minima: &'a [Minimum],
}

impl SurfaceVisitor for Drive<'_> {
    type Output = Outcome;
    fn visit<S: Surface>(self, surface: &S) -> Outcome {
        self.on(surface)
    }
}

impl Drive<'_> {
    /// Whether the run's steps depend only on the point, the step number and the loss
    /// (what the kernel models); otherwise the [`Runner`] loop runs it.
    fn fast(&self, problem: &Problem) -> bool {
        let s = self.spec;
        let plain_regression = problem.regression().is_none_or(|r| {
            r.validation.is_empty() && s.batch_size.is_none_or(|b| b >= r.train.len())
        });
        s.early_stopping.is_none() && s.warm_start.is_none() && plain_regression
    }

    /// Picks the optimizer family, then runs the loop for it.
    fn on<F: Objective>(self, f: &F) -> Outcome {
        Optimizer::new(&self.spec.optimizer).visit(FamilyLoop {
            drive: self,
            objective: f,
        })
    }

    /// The step loop, in `Runner::step`'s order and arithmetic.
    fn run<F: Objective, G: Family>(self, f: &F, mut optimizer: Stateful<G>) -> Outcome {
        let Drive {
            spec,
            start,
            steps,
            tolerance,
            minima,
        } = self;
        let l1 = spec.l1;
        let mut schedule = ScheduleState::new(spec.optimizer.lr(), spec.schedule, spec.warmup);
        let mut p = start;
        let (value, mut gradient) = f.value_and_gradient(p);
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
        if !(p.is_finite() && loss.is_finite()) {
            outcome.status = Status::Diverged {
                step: 0,
                cause: DivergenceCause::NonFiniteLoss,
            };
            outcome.final_loss = f64::NAN;
            return outcome;
        }
        let mut reached_at = within(minima, p, tolerance).then_some(0);
        // As `Runner::push` without early stopping: the last step of a strict improvement.
        let (mut best, mut best_step) = (loss, 0);
        let mut k = 0;
        while k < steps {
            let g = gradient + l1_gradient(l1, p);
            let lr = schedule.lr(k);
            let next = optimizer.step(p, g, lr);
            schedule.observe(loss);
            let (value, next_gradient) = f.value_and_gradient(next);
            let next_loss = value + l1_value(l1, next);
            let cause = if !next.is_finite() {
                Some(DivergenceCause::NonFiniteParameter)
            } else if !next_loss.is_finite() {
                Some(DivergenceCause::NonFiniteLoss)
            } else if next.max_abs() > DIVERGENCE_BOUND {
                Some(DivergenceCause::OutOfBounds)
            } else {
                None
            };
            if let Some(cause) = cause {
                outcome.status = Status::Diverged { step: k + 1, cause };
                break;
            }
            k += 1;
            p = next;
            loss = next_loss;
            gradient = next_gradient;
            if reached_at.is_none() && within(minima, p, tolerance) {
                reached_at = Some(k);
            }
            if loss < best {
                (best, best_step) = (loss, k);
            }
        }
        Outcome {
            steps: k,
            reached_at,
            best_step,
            final_point: p,
            final_loss: loss,
            ..outcome
        }
    }
}

#[cfg(test)]
mod tests;
