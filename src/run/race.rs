//! A race: every run of a scenario over one shared problem, stepped together under the
//! scenario's step cap, with the page's edits (live change, re-plan from start, add, copy,
//! remove, reset, a new start) and run snapshots for adopting a run computed elsewhere.
//! The wasm `Session` is a thin wrapper of this, so all of it is tested natively.

use super::{RunSpec, Runner, SnapshotError, SpecFormat};
use crate::objective::Problem;
use crate::vec2::Vec2;
use std::sync::Arc;

/// Most runs in one race.
pub const MAX_RUNS: usize = 32;

/// Why a race refused an edit.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RaceError {
    /// No run has that index.
    #[error("no run {0}")]
    NoRun(usize),
    /// The race already has [`MAX_RUNS`] runs.
    #[error("at most {MAX_RUNS} runs")]
    Full,
    /// Snapshot bytes were refused.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
}

/// Runs over one problem from one start, all at the same step, never past `max_steps`.
pub struct Race {
    problem: Arc<Problem>,
    fingerprint: u64,
    start: Vec2,
    max_steps: u64,
    tolerance: f64,
    runners: Vec<Runner>,
    format: Arc<dyn SpecFormat>,
}

impl Race {
    /// A race of `specs` at step 0 (warm starts trained); `format` writes and reads run
    /// settings in snapshots. Takes O(data size) once, for the problem's fingerprint.
    pub fn new(
        problem: Arc<Problem>,
        start: Vec2,
        max_steps: u64,
        tolerance: f64,
        specs: Vec<RunSpec>,
        format: Arc<dyn SpecFormat>,
    ) -> Race {
        let fingerprint = problem.fingerprint();
        let mut race = Race {
            problem,
            fingerprint,
            start,
            max_steps,
            tolerance,
            runners: Vec::new(),
            format,
        };
        race.runners = specs.into_iter().map(|s| race.fresh(s)).collect();
        race
    }

    fn fresh(&self, spec: RunSpec) -> Runner {
        Runner::new(Arc::clone(&self.problem), spec, self.start, self.tolerance)
    }

    /// Advances `runner` by up to `n` steps within the cap; marks it completed at the cap.
    fn capped(runner: &mut Runner, n: u64, cap: u64) {
        runner.advance(n.min(cap.saturating_sub(runner.steps_taken())));
        if runner.steps_taken() >= cap {
            runner.finish();
        }
    }

    /// A fresh run of `spec` brought up to the race's step.
    fn caught_up(&self, spec: RunSpec) -> Runner {
        let mut runner = self.fresh(spec);
        Race::capped(&mut runner, self.step(), self.max_steps);
        runner
    }

    fn runner_mut(&mut self, index: usize) -> Result<&mut Runner, RaceError> {
        self.runners.get_mut(index).ok_or(RaceError::NoRun(index))
    }

    /// The shared problem.
    pub fn problem(&self) -> &Arc<Problem> {
        &self.problem
    }

    /// The start point of every run.
    pub fn start(&self) -> Vec2 {
        self.start
    }

    /// The step cap.
    pub fn max_steps(&self) -> u64 {
        self.max_steps
    }

    /// The runs.
    pub fn runners(&self) -> &[Runner] {
        &self.runners
    }

    /// Run `index`.
    pub fn runner(&self, index: usize) -> Option<&Runner> {
        self.runners.get(index)
    }

    /// Every run's current settings (live changes included).
    pub fn specs(&self) -> Vec<RunSpec> {
        self.runners.iter().map(|r| r.spec().clone()).collect()
    }

    /// The race's step: the most steps any run has taken.
    pub fn step(&self) -> u64 {
        self.runners
            .iter()
            .map(Runner::steps_taken)
            .max()
            .unwrap_or(0)
    }

    /// Advances every running run by up to `n` steps within the cap; returns the step.
    pub fn advance(&mut self, n: u64) -> u64 {
        for r in &mut self.runners {
            Race::capped(r, n, self.max_steps);
        }
        self.step()
    }

    /// Advances run `index` alone by up to `n` steps within the cap; returns its step.
    pub fn advance_run(&mut self, index: usize, n: u64) -> Option<u64> {
        let cap = self.max_steps;
        let r = self.runners.get_mut(index)?;
        Race::capped(r, n, cap);
        Some(r.steps_taken())
    }

    /// Every run back to step 0 with its current settings. A run without live changes
    /// keeps its warm start's result instead of training it again.
    pub fn reset(&mut self) {
        let runners = std::mem::take(&mut self.runners);
        self.runners = runners
            .into_iter()
            .map(|r| {
                if r.changes.is_empty() && r.origin.1 == self.start {
                    // A live run again (restart gives a replay, which keeps everything).
                    let mut run = r.restart();
                    run.set_compact(r.compact);
                    run
                } else {
                    self.fresh(r.spec().clone())
                }
            })
            .collect();
    }

    /// Moves the start of every run (ignored unless finite) and resets the race.
    pub fn set_start(&mut self, start: Vec2) {
        if start.is_finite() {
            self.start = start;
        }
        self.reset();
    }

    /// Changes run `index` from its next step on; the path so far stays. A diverged run
    /// whose numbers change (not only its name or colour) is revived: it goes on from its
    /// last finite point with the new settings and is brought up to the race's step.
    /// Returns whether it was revived.
    pub fn change_run(&mut self, index: usize, spec: RunSpec) -> Result<bool, RaceError> {
        let (step, cap) = (self.step(), self.max_steps);
        let runner = self.runner_mut(index)?;
        if runner.diverged()
            && super::revive::numbers_differ(runner.spec(), &spec)
            && runner.revive(spec.clone())
        {
            Race::capped(runner, step.saturating_sub(runner.steps_taken()), cap);
            return Ok(true);
        }
        runner.set_spec(spec);
        Ok(false)
    }

    /// Recomputes run `index` with `spec` from the start up to the race's step.
    pub fn replan_run(&mut self, index: usize, spec: RunSpec) -> Result<(), RaceError> {
        self.runner_mut(index)?;
        let runner = self.caught_up(spec);
        self.runners[index] = runner;
        Ok(())
    }

    /// Recomputes every run with its current settings up to the race's step.
    pub fn replan_all(&mut self) {
        let step = self.step();
        self.reset();
        self.advance(step);
    }

    /// Adds a run of `spec`, brought up to the race's step; returns its index.
    pub fn add_run(&mut self, spec: RunSpec) -> Result<usize, RaceError> {
        if self.runners.len() >= MAX_RUNS {
            return Err(RaceError::Full);
        }
        let runner = self.caught_up(spec);
        self.runners.push(runner);
        Ok(self.runners.len() - 1)
    }

    /// Adds a copy of run `index` (its path and live changes included); returns its index.
    pub fn copy_run(&mut self, index: usize) -> Result<usize, RaceError> {
        let mut copy = self.runner(index).ok_or(RaceError::NoRun(index))?.clone();
        copy.renew_generation();
        if self.runners.len() >= MAX_RUNS {
            return Err(RaceError::Full);
        }
        self.runners.push(copy);
        Ok(self.runners.len() - 1)
    }

    /// Removes run `index`, returning it (`None` if there is no such run).
    pub fn remove_run(&mut self, index: usize) -> Option<Runner> {
        (index < self.runners.len()).then(|| self.runners.remove(index))
    }

    /// Run `index` as snapshot bytes (see `run::snapshot`).
    pub fn snapshot(&self, index: usize) -> Option<Vec<u8>> {
        let r = self.runner(index)?;
        Some(r.snapshot(self.fingerprint, self.format.as_ref()))
    }

    /// Replaces run `index` with the run a snapshot describes (`index` equal to the number
    /// of runs appends it). Refuses bytes of another version or problem, damaged ones, and
    /// runs of another race (another start, tolerance, or more steps than the cap).
    pub fn adopt(&mut self, index: usize, bytes: &[u8]) -> Result<(), RaceError> {
        if index > self.runners.len() {
            return Err(RaceError::NoRun(index));
        }
        if index == self.runners.len() && index >= MAX_RUNS {
            return Err(RaceError::Full);
        }
        let problem = Arc::clone(&self.problem);
        let runner = Runner::from_snapshot(bytes, problem, self.fingerprint, self.format.as_ref())?;
        // A run from before a new start (or from another scenario of the same problem) is
        // not this race's: refused rather than mixed in.
        let other = if runner.origin.1 != self.start {
            let Vec2 { x, y } = runner.origin.1;
            Some(format!("start [{x}, {y}]"))
        } else if runner.steps_taken() > self.max_steps {
            Some(format!(
                "{} steps, the race's cap is {}",
                runner.steps_taken(),
                self.max_steps
            ))
        } else if runner.tolerance != self.tolerance {
            Some(format!("tolerance {}", runner.tolerance))
        } else {
            None
        };
        if let Some(what) = other {
            return Err(SnapshotError::OtherRace(what).into());
        }
        if index == self.runners.len() {
            self.runners.push(runner);
        } else {
            self.runners[index] = runner;
        }
        Ok(())
    }
}
