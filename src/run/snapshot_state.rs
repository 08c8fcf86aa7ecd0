//! The optimizer's state and a run's status as snapshot bytes ([`super::snapshot`]): one
//! tag per family, then its state as words (`optim::StateWords`, listed in each family's
//! own file); the hyper-parameters come from the run's settings, so a state is only read
//! into the family those settings name. No family is named here.

use super::bytes::{damaged, Reader, SnapshotError, Writer};
use super::{DivergenceCause, RunSpec, Status};
use crate::optim::{Optimizer, OptimizerKind};

/// Most state words any family has; a longer count in the bytes is damage.
const MAX_STATE_WORDS: usize = 64;

pub(super) fn write_optimizer(w: &mut Writer, o: &Optimizer) {
    w.u8(family_tag(o.kind()));
    let words = o.state_words();
    w.len(words.len());
    for word in words {
        w.u64(word);
    }
}

/// The optimizer of `spec` with its state read from `r` (the family must match).
pub(super) fn read_optimizer(r: &mut Reader, spec: &RunSpec) -> Result<Optimizer, SnapshotError> {
    let mut o = Optimizer::new(&spec.optimizer);
    if r.u8()? != family_tag(o.kind()) {
        return Err(damaged("the optimizer state is not the run's optimizer's"));
    }
    let n = r.count(8)?;
    if n > MAX_STATE_WORDS {
        return Err(damaged("the optimizer state"));
    }
    let words = (0..n).map(|_| r.u64()).collect::<Result<Vec<_>, _>>()?;
    if !o.restore_state_words(&words) {
        return Err(damaged("the optimizer state"));
    }
    Ok(o)
}

/// The family's position in the registry, as one byte.
fn family_tag(kind: OptimizerKind) -> u8 {
    let index = OptimizerKind::ALL.iter().position(|k| *k == kind);
    index.and_then(|i| u8::try_from(i).ok()).unwrap_or(u8::MAX)
}

pub(super) fn write_status(w: &mut Writer, s: Status) {
    match s {
        Status::Running => w.u8(0),
        Status::Completed => w.u8(1),
        Status::Diverged { step, cause } => {
            w.u8(2);
            w.u64(step);
            w.u8(match cause {
                DivergenceCause::NonFiniteParameter => 0,
                DivergenceCause::NonFiniteLoss => 1,
                DivergenceCause::OutOfBounds => 2,
            });
        }
        Status::EarlyStopped { step, best_step } => {
            w.u8(3);
            w.u64(step);
            w.u64(best_step);
        }
    }
}

pub(super) fn read_status(r: &mut Reader) -> Result<Status, SnapshotError> {
    Ok(match r.u8()? {
        0 => Status::Running,
        1 => Status::Completed,
        2 => Status::Diverged {
            step: r.u64()?,
            cause: match r.u8()? {
                0 => DivergenceCause::NonFiniteParameter,
                1 => DivergenceCause::NonFiniteLoss,
                2 => DivergenceCause::OutOfBounds,
                _ => return Err(damaged("the divergence cause")),
            },
        },
        3 => Status::EarlyStopped {
            step: r.u64()?,
            best_step: r.u64()?,
        },
        _ => return Err(damaged("the status")),
    })
}
