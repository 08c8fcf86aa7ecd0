//! Run snapshots: everything needed to continue a run exactly, as compact bytes, so a run
//! computed elsewhere (the page's Web Worker re-planning it) can be adopted by another race
//! over the same problem.
//!
//! Layout (little-endian, version [`SNAPSHOT_VERSION`]): magic `GSRN`, version, the
//! problem's fingerprint ([`Problem::fingerprint`]), the tolerance, the first settings and
//! start, the live changes, the optimizer, schedule and batch state, the first point (where a
//! warm start ended), the step of the record's first point (a compact run's snapshot carries
//! only the record it holds; the reader replays the rest from the checkpoints, `history.rs`),
//! whether the run is compact, the record (points, losses, rates, validation losses), status
//! and bookkeeping, then the checkpoints with their exact point and losses (a mini-batch
//! order shared with the previous checkpoint is written once). Settings travel
//! as the scenario layer's run JSON ([`SpecFormat`]), so they are validated on the way in
//! exactly as a scenario's run is. Any bytes give a run or a typed [`SnapshotError`].

use super::bytes::{damaged, Reader, SnapshotError, Writer};
use super::checkpoint::Checkpoint;
use super::snapshot_state::{read_optimizer, read_status, write_optimizer, write_status};
use super::{RunSpec, Runner, Status, Trajectory};
use crate::objective::Problem;
use crate::regression::{BatchParts, Batches};
use crate::schedule::ScheduleState;
use std::sync::Arc;

/// The snapshot format version this engine writes and reads.
pub const SNAPSHOT_VERSION: u32 = 2;
const MAGIC: &[u8; 4] = b"GSRN";

/// How run settings are written into and read from snapshots (the scenario layer's run
/// JSON; the core does not know the format).
pub trait SpecFormat {
    /// The settings as text.
    fn write(&self, spec: &RunSpec) -> String;
    /// Settings read back and validated against `problem`; the error names the field.
    fn read(&self, text: &str, problem: &Problem) -> Result<RunSpec, String>;
}

impl Runner {
    /// The run as snapshot bytes; `fingerprint` is its problem's.
    pub fn snapshot(&self, fingerprint: u64, format: &dyn SpecFormat) -> Vec<u8> {
        let mut w = Writer::default();
        w.reserve(64 + self.record.trajectory.len() * 40 + self.checkpoints.len() * 700);
        w.raw(MAGIC);
        w.u32(SNAPSHOT_VERSION);
        w.u64(fingerprint);
        w.f64(self.tolerance);
        w.vec2(self.origin.1);
        w.str(&format.write(&self.origin.0));
        w.len(self.changes.len());
        for (at, spec) in &self.changes {
            w.u64(*at);
            w.str(&format.write(spec));
        }
        let mut order = None;
        write_state(&mut w, &self.state_now(), &mut order);
        // The record as this run holds it (from step `base`): what it forgot is replayed
        // from the checkpoints by whoever reads it (`history.rs`), so a snapshot of a long
        // run stays small (its checkpoints and at most two intervals of record).
        let rec = &self.record;
        w.vec2(self.begun);
        w.u64(self.base);
        w.bool(self.compact);
        w.vec2s(&rec.trajectory);
        w.f64s(&rec.loss);
        w.f64s(&rec.lr);
        w.f64s(&rec.validation_loss);
        w.len(self.checkpoints.len());
        for c in &self.checkpoints {
            w.u64(c.step);
            w.len(c.changes);
            write_state(&mut w, c, &mut order);
        }
        w.finish()
    }

    /// The run a snapshot describes, on `problem` (whose fingerprint is `fingerprint`).
    pub fn from_snapshot(
        bytes: &[u8],
        problem: Arc<Problem>,
        fingerprint: u64,
        format: &dyn SpecFormat,
    ) -> Result<Runner, SnapshotError> {
        let mut r = Reader::new(bytes);
        if r.take(4).ok() != Some(MAGIC.as_slice()) {
            return Err(SnapshotError::NotASnapshot);
        }
        let version = r.u32()?;
        if version != SNAPSHOT_VERSION {
            return Err(SnapshotError::Version {
                found: version,
                expected: SNAPSHOT_VERSION,
            });
        }
        if r.u64()? != fingerprint {
            return Err(SnapshotError::OtherProblem);
        }
        let tolerance = r.f64()?;
        if tolerance.is_nan() || tolerance <= 0.0 {
            return Err(damaged(format!("the tolerance is {tolerance}")));
        }
        let start = r.vec2()?;
        let read_spec = |text: &str| format.read(text, &problem).map_err(SnapshotError::Settings);
        let first = read_spec(r.str()?)?;
        let count = r.count(16)?;
        let mut changes = Vec::with_capacity(count);
        for _ in 0..count {
            let at = r.u64()?;
            if changes.last().is_some_and(|(prev, _)| at < *prev) {
                return Err(damaged("the live changes are out of order"));
            }
            changes.push((at, read_spec(r.str()?)?));
        }
        let spec_after = |n: usize| match n.checked_sub(1) {
            Some(i) => &changes[i].1,
            None => &first,
        };
        let mut order = None;
        let now = read_state(&mut r, spec_after(count), &problem, 0, count, &mut order)?;
        let begun = r.vec2()?;
        let base = r.u64()?;
        let compact = r.bool()?;
        let record = Trajectory {
            trajectory: r.vec2s()?,
            loss: r.f64s()?,
            lr: r.f64s()?,
            validation_loss: r.f64s()?,
        };
        let steps = base.saturating_add(check_record(&record, &now.status, &problem)?);
        if changes.last().is_some_and(|(at, _)| *at > steps) {
            return Err(damaged("a live change is after the last step"));
        }
        let count = r.count(17)?;
        let mut checkpoints: Vec<Checkpoint> = Vec::with_capacity(count);
        for _ in 0..count {
            let step = r.u64()?;
            let applied = usize::try_from(r.u64()?).unwrap_or(usize::MAX);
            let ordered = checkpoints.last().is_none_or(|c| c.step < step);
            if !ordered || step == 0 || step > steps || applied > changes.len() {
                return Err(damaged("a checkpoint is out of place"));
            }
            let before = changes[..applied].iter().all(|(at, _)| *at <= step);
            let after = changes[applied..].iter().all(|(at, _)| *at >= step);
            if !(before && after) {
                return Err(damaged("a checkpoint does not match the live changes"));
            }
            let spec = spec_after(applied);
            checkpoints.push(read_state(
                &mut r, spec, &problem, step, applied, &mut order,
            )?);
        }
        if !r.is_done() {
            return Err(damaged("there are bytes after the end"));
        }
        let spec = spec_after(changes.len()).clone();
        Ok(Runner {
            problem,
            spec,
            optimizer: now.optimizer,
            schedule: now.schedule,
            batches: now.batches.map(|b| *b),
            tolerance,
            record,
            status: now.status,
            reached_at: now.reached_at,
            best: now.best,
            bad_steps: now.bad_steps,
            last_gradient: now.last_gradient,
            origin: (first, start),
            changes,
            checkpoints,
            base,
            compact,
            begun,
            generation: super::next_generation(),
        })
    }
}

/// The record's lengths agree with each other, the status and the problem; returns the
/// steps taken.
fn check_record(
    rec: &Trajectory,
    status: &Status,
    problem: &Problem,
) -> Result<u64, SnapshotError> {
    let points = rec.trajectory.len();
    let diverged_at_start = matches!(status, Status::Diverged { step: 0, .. });
    let losses_ok = rec.loss.len() == points || (diverged_at_start && rec.loss.is_empty());
    let validated = problem
        .regression()
        .is_some_and(|r| !r.validation.is_empty());
    let validation_ok = rec.validation_loss.len() == if validated { rec.loss.len() } else { 0 };
    if points == 0 || rec.lr.len() + 1 != points || !losses_ok || !validation_ok {
        return Err(damaged("the recorded path's lengths disagree"));
    }
    Ok(rec.lr.len() as u64)
}

fn write_state(w: &mut Writer, c: &Checkpoint, order: &mut Option<Arc<Vec<usize>>>) {
    write_optimizer(w, &c.optimizer);
    let (lr, best, bad) = c.schedule.memory();
    w.f64(lr);
    w.f64(best);
    w.u64(bad);
    match c.batches.as_deref() {
        None => w.u8(0),
        Some(b) => {
            let p = b.parts();
            w.u8(1);
            w.len(p.batch_size);
            w.raw(&p.seed);
            w.u64(p.stream);
            w.u128(p.word_pos);
            w.len(p.position);
            w.len(p.last_start);
            w.u64(p.epoch);
            if order.as_ref().is_some_and(|o| Arc::ptr_eq(o, &p.order)) {
                w.u8(1);
            } else {
                w.u8(2);
                w.u32s(&p.order);
                *order = Some(p.order);
            }
        }
    }
    write_status(w, c.status);
    w.opt_u64(c.reached_at);
    w.f64(c.best.0);
    w.u64(c.best.1);
    w.u64(c.bad_steps);
    w.opt_vec2(c.last_gradient);
    w.vec2(c.point);
    w.f64s(c.loss.as_slice());
    w.f64s(c.validation.as_slice());
}

fn read_state(
    r: &mut Reader,
    spec: &RunSpec,
    problem: &Problem,
    step: u64,
    changes: usize,
    order: &mut Option<Arc<Vec<usize>>>,
) -> Result<Checkpoint, SnapshotError> {
    let optimizer = read_optimizer(r, spec)?;
    let mut schedule = ScheduleState::new(spec.optimizer.lr(), spec.schedule, spec.warmup);
    schedule.set_memory((r.f64()?, r.f64()?, r.u64()?));
    let n = problem.regression().map_or(0, |p| p.train.len());
    let wanted = spec
        .batch_size
        .filter(|&b| b < n && problem.regression().is_some());
    let batches = match (r.u8()?, wanted) {
        (0, None) => None,
        (1, Some(size)) => {
            let mut parts = BatchParts {
                batch_size: usize::try_from(r.u64()?).unwrap_or(0),
                seed: r.take(32)?.try_into().map_err(|_| damaged("seed"))?,
                stream: r.u64()?,
                word_pos: r.u128()?,
                position: usize::try_from(r.u64()?).unwrap_or(usize::MAX),
                last_start: usize::try_from(r.u64()?).unwrap_or(usize::MAX),
                epoch: r.u64()?,
                order: Arc::new(Vec::new()),
            };
            let shared = match r.u8()? {
                1 => order
                    .clone()
                    .ok_or_else(|| damaged("a shared batch order is missing"))?,
                2 => {
                    let count = r.count(4)?;
                    let raw = r.take(count * 4)?;
                    let o = raw.chunks_exact(4);
                    let o = o.map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize);
                    Arc::new(o.collect())
                }
                _ => return Err(damaged("the batch order's tag")),
            };
            parts.order = Arc::clone(&shared);
            // `order` is the last order accepted: one shared by checkpoints is checked once.
            let batches = Batches::from_parts(parts, n, order.as_ref())
                .filter(|b| b.batch_size() == size)
                .ok_or_else(|| damaged("the mini-batch state does not fit the data"))?;
            *order = Some(shared);
            Some(batches)
        }
        _ => {
            return Err(damaged(
                "the mini-batch state does not match the run's batch size",
            ))
        }
    };
    Ok(Checkpoint {
        step,
        changes,
        optimizer,
        schedule,
        batches: batches.map(Box::new),
        status: read_status(r)?,
        reached_at: r.opt_u64()?,
        best: (r.f64()?, r.u64()?),
        bad_steps: r.u64()?,
        last_gradient: r.opt_vec2()?,
        point: r.vec2()?,
        loss: one(&r.f64s()?)?,
        validation: one(&r.f64s()?)?,
    })
}

/// A value that may be absent, written as a list of at most one.
fn one(v: &[f64]) -> Result<Option<f64>, SnapshotError> {
    match v {
        [] => Ok(None),
        [x] => Ok(Some(*x)),
        _ => Err(damaged("a checkpoint's loss is a list")),
    }
}
