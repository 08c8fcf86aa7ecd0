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

use super::{Outcome, RunSpec, Runner};
use crate::expr::Expr;
use crate::objective::Problem;
use crate::optim::{Family, FamilyVisitor, Optimizer, OptimizerKind, Stateful};
use crate::regression::Regression;
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
    let jobs = starts
        .iter()
        .flat_map(|&start| specs.iter().map(move |spec| (spec, start)))
        .enumerate()
        .map(|(index, (spec, start))| Job { index, spec, start });
    let mut out = vec![None; specs.len() * starts.len()];
    // The kernel's runs by family, in first-seen order; each group runs side by side. A run
    // the kernel does not model, or of a family the lanes do not speed up, runs alone.
    let mut groups: Vec<(OptimizerKind, Vec<Job>)> = Vec::new();
    for job in jobs {
        let kind = job.spec.optimizer.kind();
        if !side_by_side(kind) || !drive(&job, steps, tolerance, &minima).fast(problem) {
            out[job.index] = Some(run_one(
                problem, job.spec, job.start, steps, tolerance, &minima,
            ));
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, group)) => group.push(job),
            None => groups.push((kind, vec![job])),
        }
    }
    for (_, jobs) in &groups {
        let group = Group {
            jobs,
            steps,
            tolerance,
            minima: &minima,
        };
        let results = match &**problem {
            Problem::Surface(kind) => kind.visit(group),
            // Formulas and regression share one compiled loop, behind a dyn call: their
            // evaluation (an interpreter, a pass over the data) dwarfs the call, and one
            // loop per objective costs ~40 KB of wasm.
            Problem::Regression(r) => group.on(&**r as &dyn Objective),
            Problem::Expr(e) => group.on(e as &dyn Objective),
        };
        for (index, outcome) in results {
            out[index] = Some(outcome);
        }
    }
    out.into_iter().flatten().collect()
}

/// Whether runs of `kind` gain from being stepped side by side (`lanes`). In wasm plain
/// SGD does not: its step is so short that four lanes, whose state goes through memory at
/// every step, cost more instructions than the overlap of their chains saves (measured in
/// Chromium: 8 runs side by side 14.6 ms, one after the other ~10 ms; natively 6.3 ms side
/// by side against 0.87 ms for one run alone), so there its runs go one at a time.
fn side_by_side(kind: OptimizerKind) -> bool {
    !(cfg!(target_arch = "wasm32") && kind == OptimizerKind::Sgd)
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
        Problem::Regression(r) => r.finish(drive.on(&**r as &dyn Objective)),
        Problem::Expr(e) => drive.on(e as &dyn Objective),
    }
}

/// What the step loop needs from a problem: value and gradient at a point, without L1
/// (each the same computation as [`Problem::value`] and [`Problem::gradient`]). The
/// recording loop (`stride.rs`) steps through it too.
pub(super) trait Objective {
    /// `(f(p), ∇f(p))`.
    fn value_and_gradient(&self, p: Vec2) -> (f64, Vec2);
    /// The validation loss at `p` (`None` without a validation split), as `Runner::push`
    /// records it.
    #[inline(always)]
    fn validation_loss(&self, _p: Vec2) -> Option<f64> {
        None
    }
    /// The outcome as the runner reports it on this objective.
    fn finish(&self, outcome: Outcome) -> Outcome {
        outcome
    }
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
    fn validation_loss(&self, p: Vec2) -> Option<f64> {
        Regression::validation_loss(self, p)
    }
    fn finish(&self, outcome: Outcome) -> Outcome {
        Outcome {
            // Full batch: a step is an epoch, as `Runner::epochs` counts.
            epochs: Some(outcome.steps as f64),
            ..outcome
        }
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
struct FamilyLoop<'a, 'f, F: ?Sized> {
    drive: Drive<'a>,
    objective: &'f F,
}

impl<F: Objective + ?Sized> FamilyVisitor for FamilyLoop<'_, '_, F> {
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
    /// (what the kernel models); otherwise the [`Runner`] loop runs it (gradient noise,
    /// early stopping, warm starts, mini-batches, validation).
    fn fast(&self, problem: &Problem) -> bool {
        let s = self.spec;
        let plain_regression = problem.regression().is_none_or(|r| {
            r.validation.is_empty() && s.batch_size.is_none_or(|b| b >= r.train.len())
        });
        s.early_stopping.is_none()
            && s.warm_start.is_none()
            && s.noise.is_none()
            && plain_regression
    }

    /// Picks the optimizer family, then runs the loop for it.
    fn on<F: Objective + ?Sized>(self, f: &F) -> Outcome {
        Optimizer::new(&self.spec.optimizer).visit(FamilyLoop {
            drive: self,
            objective: f,
        })
    }

    /// The step loop of one run ([`Lane::step`]).
    fn run<F: Objective + ?Sized, G: Family>(self, f: &F, optimizer: Stateful<G>) -> Outcome {
        let Drive {
            spec,
            start,
            steps,
            tolerance,
            minima,
        } = self;
        let mut lane = Lane::new(f, spec, optimizer, start, steps, tolerance, minima);
        while !lane.done() {
            lane.step(f);
        }
        lane.outcome()
    }
}

/// One run of a batch: its place in the outcomes, its spec and its start.
#[derive(Clone, Copy)]
struct Job<'a> {
    index: usize,
    spec: &'a RunSpec,
    start: Vec2,
}

/// The single-run inputs of `job`.
fn drive<'a>(job: &Job<'a>, steps: u64, tolerance: f64, minima: &'a [Minimum]) -> Drive<'a> {
    Drive {
        spec: job.spec,
        start: job.start,
        steps,
        tolerance,
        minima,
    }
}

/// `job` alone on `f`, finished as the runner reports it.
fn run_spec<F: Objective + ?Sized>(
    f: &F,
    job: &Job<'_>,
    steps: u64,
    tolerance: f64,
    minima: &[Minimum],
) -> Outcome {
    f.finish(drive(job, steps, tolerance, minima).on(f))
}

mod lane;
use lane::Lane;
use lanes::Group;
mod lanes;

#[cfg(test)]
mod tests;
