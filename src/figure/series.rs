//! A run's chart series (training loss, learning rate, validation loss) as min/max blocks
//! ([`Blocks`]) fed from its bounded history (`run::history`) in ranged reads of only the
//! points added since the last look, for the page's live charts (`web::charts`). The
//! blocks start again only when the run's history changed ([`Runner::generation`]: a
//! re-plan, a reset, a copy, a revival, an adopted run) or shrank; rebuilding a long run
//! replays it from its checkpoints within a budget per draw.

use super::envelope::Blocks;
use crate::run::Runner;

/// One run's series as blocks, fed from its history in ranged reads of only the points
/// added since the last draw; started again when the run's history changed
/// ([`Runner::generation`]) or shrank.
#[derive(Default)]
pub struct RunSeries {
    generation: u64,
    /// Training losses, one per point.
    pub loss: Blocks,
    /// Learning rates, one per step.
    pub lr: Blocks,
    /// Validation losses, one per point (empty without a split).
    pub validation: Blocks,
    /// The best step's marker value, read once per best step: `(step, value)`.
    best: Option<(u64, Option<f64>)>,
}

/// The most points one history read asks for (a rebuild reads a long run in parts, so no
/// read holds more than a few MB).
const PART: u64 = 16_384;

/// The most points one draw reads from parts of the runs' histories they no longer hold
/// (replayed from checkpoints): a rebuild of long runs' blocks (a re-planned, copied or
/// revived run) is spread over several draws of a few ms each (the page's `Charts::draw`
/// says when there is more). What the runs hold is read at once (at most two intervals each).
pub const REPLAY_BUDGET: u64 = 32_768;

impl RunSeries {
    /// Brings the blocks up to `r`'s record now, or as far as `budget` (points that must
    /// be replayed) allows; returns whether they reached it.
    pub fn sync(&mut self, r: &Runner, budget: &mut u64) -> bool {
        let now = r.points();
        if self.generation != r.generation() || (self.loss.len() as u64) > now {
            *self = RunSeries {
                generation: r.generation(),
                ..RunSeries::default()
            };
        }
        // The rates lag the points by one (a point's rate is known once its step is), so
        // the reads start at the first rate not folded in and the other series skip what
        // they have.
        loop {
            let from = self.lr.len() as u64;
            let to = now.min(from + PART);
            if to <= self.loss.len() as u64 && to <= from + 1 {
                return true;
            }
            if !r.holds(from) {
                if *budget == 0 {
                    return false;
                }
                *budget = budget.saturating_sub(to - from);
            }
            let part = r.history(from, to);
            let feed = |b: &mut Blocks, values: &[f64]| {
                let skip = b.len().saturating_sub(from as usize);
                if let Some(new) = values.get(skip..) {
                    b.extend(new);
                }
            };
            feed(&mut self.loss, &part.loss);
            feed(&mut self.lr, &part.lr);
            if !part.validation_loss.is_empty() {
                feed(&mut self.validation, &part.validation_loss);
            }
            if part.lr.is_empty() {
                return true; // (a run that diverged at its start: one point, no rate)
            }
        }
    }

    /// The marker's value at run `r`'s best step (validation loss, else training loss).
    pub fn best(&mut self, r: &Runner, best: u64) -> Option<f64> {
        match self.best {
            Some((step, value)) if step == best => value,
            _ => {
                let at = r.history(best, best + 1);
                let value = at.validation_loss.first().or(at.loss.first()).copied();
                self.best = Some((best, value));
                value
            }
        }
    }
}

/// Which series of a run.
#[derive(Clone, Copy, Debug)]
pub enum Series {
    /// Training loss.
    Loss,
    /// Learning rate.
    Rate,
    /// Validation loss.
    Validation,
}

impl Series {
    /// Values `a .. z` of this series of `r` (a ranged history read).
    pub fn read(self, r: &Runner, a: usize, z: usize) -> Vec<f64> {
        let part = r.history(a as u64, z as u64);
        match self {
            Series::Loss => part.loss,
            Series::Rate => part.lr,
            Series::Validation => part.validation_loss,
        }
    }
}

#[cfg(test)]
#[path = "series_tests.rs"]
mod tests;
