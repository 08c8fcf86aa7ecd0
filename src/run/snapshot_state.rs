//! The optimizer's state and a run's status as snapshot bytes ([`super::snapshot`]): one
//! tag per family, then its state fields; the hyper-parameters come from the run's
//! settings, so a state is only read into the family those settings name.

use super::bytes::{damaged, Reader, SnapshotError, Writer};
use super::{DivergenceCause, RunSpec, Status};
use crate::optim::Optimizer;

pub(super) fn write_optimizer(w: &mut Writer, o: &Optimizer) {
    let moments = |w: &mut Writer, m: &crate::optim::Moments| {
        w.u64(m.step);
        w.vec2(m.exp_avg);
        w.vec2(m.exp_avg_sq);
    };
    match o {
        Optimizer::Sgd(o) => {
            w.u8(0);
            w.opt_vec2(o.state.momentum_buffer);
        }
        Optimizer::Adagrad(o) => {
            w.u8(1);
            w.u64(o.state.step);
            w.opt_vec2(o.state.sum);
        }
        Optimizer::Rmsprop(o) => {
            w.u8(2);
            w.vec2(o.state.square_avg);
            w.vec2(o.state.grad_avg);
            w.vec2(o.state.momentum_buffer);
        }
        Optimizer::Adadelta(o) => {
            w.u8(3);
            w.vec2(o.state.square_avg);
            w.vec2(o.state.acc_delta);
        }
        Optimizer::Adam(o) => {
            w.u8(4);
            moments(w, &o.state.moments);
            w.vec2(o.state.max_exp_avg_sq);
        }
        Optimizer::Nadam(o) => {
            w.u8(5);
            moments(w, &o.state.moments);
            w.f64(o.state.mu_product);
        }
        Optimizer::Radam(o) => {
            w.u8(6);
            moments(w, &o.state);
        }
    }
}

/// The optimizer of `spec` with its state read from `r` (the family must match).
pub(super) fn read_optimizer(r: &mut Reader, spec: &RunSpec) -> Result<Optimizer, SnapshotError> {
    let moments = |r: &mut Reader| -> Result<crate::optim::Moments, SnapshotError> {
        Ok(crate::optim::Moments {
            step: r.u64()?,
            exp_avg: r.vec2()?,
            exp_avg_sq: r.vec2()?,
        })
    };
    let mut o = Optimizer::new(&spec.optimizer);
    match (&mut o, r.u8()?) {
        (Optimizer::Sgd(o), 0) => o.state.momentum_buffer = r.opt_vec2()?,
        (Optimizer::Adagrad(o), 1) => {
            o.state.step = r.u64()?;
            o.state.sum = r.opt_vec2()?;
        }
        (Optimizer::Rmsprop(o), 2) => {
            o.state.square_avg = r.vec2()?;
            o.state.grad_avg = r.vec2()?;
            o.state.momentum_buffer = r.vec2()?;
        }
        (Optimizer::Adadelta(o), 3) => {
            o.state.square_avg = r.vec2()?;
            o.state.acc_delta = r.vec2()?;
        }
        (Optimizer::Adam(o), 4) => {
            o.state.moments = moments(r)?;
            o.state.max_exp_avg_sq = r.vec2()?;
        }
        (Optimizer::Nadam(o), 5) => {
            o.state.moments = moments(r)?;
            o.state.mu_product = r.f64()?;
        }
        (Optimizer::Radam(o), 6) => o.state = moments(r)?,
        _ => return Err(damaged("the optimizer state is not the run's optimizer's")),
    }
    Ok(o)
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
