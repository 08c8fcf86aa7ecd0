//! Many runs of one optimizer family on one objective, stepped side by side.
//!
//! One run is a serial chain: each step's square roots and divisions wait for the previous
//! step's point. Runs of a batch are independent, so this loop keeps [`LANES`] of them in
//! flight and steps each in turn: the processor overlaps their chains (instruction-level
//! parallelism, no SIMD). Every lane runs the very code of a single run ([`Lane::step`]),
//! so each outcome is the recording runner's bit for bit. A lane whose run ends (all its
//! steps, or diverged early) takes the next run of the queue, so uneven counts and early
//! divergences leave no lane idle while runs remain.

use super::lane::Lane;
use super::{Job, Objective};
use crate::optim::{Family, FamilyVisitor, Optimizer, Stateful};
use crate::run::Outcome;
use crate::surfaces::{Minimum, Surface, SurfaceVisitor};
use std::any::Any;
use std::marker::PhantomData;

/// Runs in flight at once: enough to hide a step's latency, few enough for their state to
/// stay in the first-level cache.
pub const LANES: usize = 4;

/// The runs of `jobs` (all of family `G`, as `first` is) on `f`: `(index, outcome)` pairs
/// in the order they end.
pub(super) fn run_lanes<F: Objective + ?Sized, G: Family>(
    f: &F,
    jobs: &[Job<'_>],
    steps: u64,
    tolerance: f64,
    minima: &[Minimum],
) -> Vec<(usize, Outcome)> {
    let mut results = Vec::with_capacity(jobs.len());
    let mut queue = jobs.iter();
    // The next run that has a step to take; runs that end before their first step are
    // written straight to the results.
    let mut next = |results: &mut Vec<(usize, Outcome)>| {
        for job in queue.by_ref() {
            let optimizer = Optimizer::new(&job.spec.optimizer).visit(Same::<G>(PhantomData));
            let Some(optimizer) = optimizer else {
                results.push((job.index, super::run_spec(f, job, steps, tolerance, minima)));
                continue;
            };
            let lane = Lane::new(f, job.spec, optimizer, job.start, steps, tolerance, minima);
            if !lane.done() {
                return Some((job.index, lane));
            }
            results.push((job.index, f.finish(lane.outcome())));
        }
        None
    };
    let mut lanes: [Option<(usize, Lane<'_, G>)>; LANES] =
        std::array::from_fn(|_| next(&mut results));
    while lanes.iter().any(Option::is_some) {
        for slot in &mut lanes {
            if let Some((index, lane)) = slot {
                lane.step(f);
                if lane.done() {
                    results.push((*index, f.finish(lane.outcome())));
                    *slot = next(&mut results);
                }
            }
        }
    }
    results
}

/// The kernel's runs of one family, carried through the surface and family dispatch.
#[derive(Clone, Copy)]
pub(super) struct Group<'a> {
    pub(super) jobs: &'a [Job<'a>],
    pub(super) steps: u64,
    pub(super) tolerance: f64,
    pub(super) minima: &'a [Minimum],
}

impl SurfaceVisitor for Group<'_> {
    type Output = Vec<(usize, Outcome)>;
    fn visit<S: Surface>(self, surface: &S) -> Self::Output {
        self.on(surface)
    }
}

impl Group<'_> {
    /// Picks the family (of the first run: the group's), then runs the lanes for it.
    pub(super) fn on<F: Objective + ?Sized>(self, f: &F) -> Vec<(usize, Outcome)> {
        match self.jobs.first() {
            Some(job) => Optimizer::new(&job.spec.optimizer).visit(GroupLoop { group: self, f }),
            None => Vec::new(),
        }
    }
}

/// The lanes of one group over one concrete objective, handed the concrete family.
struct GroupLoop<'a, 'f, F: ?Sized> {
    group: Group<'a>,
    f: &'f F,
}

impl<F: Objective + ?Sized> FamilyVisitor for GroupLoop<'_, '_, F> {
    type Output = Vec<(usize, Outcome)>;
    fn visit<G: Family>(self, _first: Stateful<G>) -> Self::Output {
        let Group {
            jobs,
            steps,
            tolerance,
            minima,
        } = self.group;
        run_lanes::<F, G>(self.f, jobs, steps, tolerance, minima)
    }
}

/// The optimizer when it is of family `G` (every run of a group is; `None` otherwise).
struct Same<G>(PhantomData<G>);

impl<G: Family> FamilyVisitor for Same<G> {
    type Output = Option<Stateful<G>>;
    fn visit<H: Family>(self, optimizer: Stateful<H>) -> Option<Stateful<G>> {
        (&optimizer as &dyn Any)
            .downcast_ref::<Stateful<G>>()
            .copied()
    }
}
