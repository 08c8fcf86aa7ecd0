//! The bounded record (issue 18): a live run keeps its points, losses and rates only from
//! the step before its last checkpoint but one, at most two intervals of
//! [`CHECKPOINT_EVERY`] steps (so a reader that read within the last interval never
//! replays); everything before is replayed from the nearest checkpoint when asked, exactly
//! as it was computed (the same code, the same order of operations). So a run's memory is
//! its checkpoints (under 0.7 B per step) plus two intervals of record (about 80 KB),
//! whatever its length, and any past value costs at most one interval of replay plus the
//! steps read.

use super::{Runner, Trajectory, CHECKPOINT_EVERY};

impl Runner {
    /// Points `from .. to` of the record (clamped to what was recorded), with their losses,
    /// validation losses and the rates of steps `from .. to`; exact. Reading only the part
    /// the run still holds is a copy; reading earlier costs a replay from the last
    /// checkpoint at or before `from` to the first point it still holds (at most one
    /// interval more than the points read).
    pub fn history(&self, from: u64, to: u64) -> Trajectory {
        let to = to.min(self.points());
        let from = from.min(to);
        if from >= self.base {
            return slice(&self.record, self.base, from, to);
        }
        // Replayed only as far as the part this run forgot; the rest is a copy.
        let held = to.min(self.base);
        let replay = self.replay_from(from, held);
        let mut part = slice(&replay.record, replay.base, from, held);
        if to > held {
            let rest = slice(&self.record, self.base, held, to);
            part.trajectory.extend(rest.trajectory);
            part.loss.extend(rest.loss);
            part.lr.extend(rest.lr);
            part.validation_loss.extend(rest.validation_loss);
        }
        part
    }

    /// Whether reading points `from ..` is a copy (no replay): `from` is in the part the
    /// run still holds.
    pub fn holds(&self, from: u64) -> bool {
        from >= self.base
    }

    /// Forgets the record before step `step` (a compact run, after a checkpoint).
    pub(super) fn forget_before(&mut self, step: u64) {
        let Some(cut) = step.checked_sub(self.base).map(|c| c as usize) else {
            return;
        };
        let rec = &mut self.record;
        let drain = |v: &mut Vec<f64>| {
            v.drain(..cut.min(v.len()));
        };
        rec.trajectory.drain(..cut.min(rec.trajectory.len()));
        drain(&mut rec.loss);
        drain(&mut rec.lr);
        drain(&mut rec.validation_loss);
        self.base = step;
    }

    /// Whether the run forgets its record before each checkpoint (live runs do; replays
    /// keep all they replay). Turning it on forgets at once as a live run would have.
    pub fn set_compact(&mut self, on: bool) {
        self.compact = on;
        if let Some(last) = self.checkpoints.last().map(|c| c.step) {
            if on {
                self.forget_before(last.saturating_sub(CHECKPOINT_EVERY + 1));
            }
        }
    }
}

/// Points `from .. to` of `rec`, whose first point is step `base` (`base ≤ from`).
fn slice(rec: &Trajectory, base: u64, from: u64, to: u64) -> Trajectory {
    let (a, b) = ((from - base) as usize, (to - base) as usize);
    let part = |v: &Vec<f64>| v[a.min(v.len())..b.min(v.len())].to_vec();
    Trajectory {
        trajectory: rec.trajectory[a.min(rec.trajectory.len())..b.min(rec.trajectory.len())]
            .to_vec(),
        loss: part(&rec.loss),
        lr: part(&rec.lr),
        validation_loss: part(&rec.validation_loss),
    }
}
