//! Learning-rate schedules as pure functions of the step (after optax), plus the one
//! schedule that needs memory, reduce-on-plateau, as a small state machine.
//!
//! The rate used at step k (k = 0, 1, ...) for base rate `lr`, as PyTorch's schedulers:
//!
//! | kind | lr_k |
//! |---|---|
//! | constant | lr |
//! | step | lr · gamma^⌊k / step_size⌋ (`StepLR`) |
//! | exponential | lr · gamma^k (`ExponentialLR`) |
//! | cosine | eta_min + (lr − eta_min)(1 + cos(πk / t_max)) / 2, periodic past t_max (`CosineAnnealingLR`) |
//! | inverse_time | lr / (1 + decay · k) |
//! | plateau | `ReduceLROnPlateau` (mode min, relative threshold, cooldown 0, min_lr 0, eps 1e-8) |
//!
//! **Warm-up** (optional, with any kind) multiplies lr_k by PyTorch's `LinearLR` factor:
//! `start_factor + (1 − start_factor) · k / steps` for k < steps, then 1. With the default
//! start factor 1/3 the first step uses a third of the rate and step `steps` the full rate.

use serde::{Deserialize, Serialize};

/// A schedule's kind and parameters, as written in scenarios (`{"kind": "step", ...}`).
/// Read by the scenario decoder through [`SCHEDULE_FIELDS`] (one table of names and
/// defaults for the decoder and the page).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Schedule {
    /// The base rate throughout.
    Constant,
    /// Multiply by `gamma` every `step_size` steps.
    Step {
        /// Steps between decays (≥ 1).
        step_size: u64,
        /// Decay factor (> 0).
        gamma: f64,
    },
    /// Multiply by `gamma` every step.
    Exponential {
        /// Decay factor per step (> 0).
        gamma: f64,
    },
    /// Cosine annealing from the base rate down to `eta_min` over `t_max` steps and back.
    Cosine {
        /// Half period in steps (≥ 1).
        t_max: u64,
        /// Lowest rate (≥ 0).
        eta_min: f64,
    },
    /// `lr / (1 + decay·k)`.
    InverseTime {
        /// Decay per step (≥ 0).
        decay: f64,
    },
    /// Cut the rate by `factor` when the loss stops improving for `patience` steps.
    Plateau {
        /// Multiplier applied on a plateau, in (0, 1).
        factor: f64,
        /// Steps without improvement tolerated.
        patience: u64,
        /// Relative improvement that counts (≥ 0).
        threshold: f64,
    },
}

/// One parameter of a schedule kind.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ScheduleField {
    /// Name in scenarios.
    pub name: &'static str,
    /// PyTorch's default; `None` when the field is required.
    pub default: Option<f64>,
    /// A value the page offers when the user picks this kind.
    pub suggested: f64,
    /// Whether the field counts steps (a whole number).
    pub integer: bool,
}

const fn field(
    name: &'static str,
    default: Option<f64>,
    suggested: f64,
    integer: bool,
) -> ScheduleField {
    ScheduleField {
        name,
        default,
        suggested,
        integer,
    }
}

/// Every schedule kind with its fields, in the order the page lists them.
pub const SCHEDULE_FIELDS: [(&str, &[ScheduleField]); 6] = [
    ("constant", &[]),
    (
        "step",
        &[
            field("step_size", None, 50.0, true),
            field("gamma", Some(0.1), 0.5, false),
        ],
    ),
    ("exponential", &[field("gamma", None, 0.99, false)]),
    (
        "cosine",
        &[
            field("t_max", None, 100.0, true),
            field("eta_min", Some(0.0), 0.0, false),
        ],
    ),
    ("inverse_time", &[field("decay", None, 0.01, false)]),
    (
        "plateau",
        &[
            field("factor", Some(0.1), 0.1, false),
            field("patience", Some(10.0), 10.0, true),
            field("threshold", Some(1e-4), 1e-4, false),
        ],
    ),
];

impl Schedule {
    /// The schedule of kind `kind` with field values from `value` (every field of the kind
    /// resolved by the caller; integers already checked). `None` for an unknown kind.
    pub fn from_fields(kind: &str, value: impl Fn(&str) -> f64) -> Option<Schedule> {
        let int = |name| value(name) as u64;
        Some(match kind {
            "constant" => Schedule::Constant,
            "step" => Schedule::Step {
                step_size: int("step_size"),
                gamma: value("gamma"),
            },
            "exponential" => Schedule::Exponential {
                gamma: value("gamma"),
            },
            "cosine" => Schedule::Cosine {
                t_max: int("t_max"),
                eta_min: value("eta_min"),
            },
            "inverse_time" => Schedule::InverseTime {
                decay: value("decay"),
            },
            "plateau" => Schedule::Plateau {
                factor: value("factor"),
                patience: int("patience"),
                threshold: value("threshold"),
            },
            _ => return None,
        })
    }
}

/// A linear warm-up (PyTorch's `LinearLR` up to factor 1).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warmup {
    /// Steps until the full rate (≥ 1).
    pub steps: u64,
    /// Factor at step 0, in (0, 1].
    #[serde(default = "default_start_factor")]
    pub start_factor: f64,
}

fn default_start_factor() -> f64 {
    1.0 / 3.0
}

impl Schedule {
    /// Checks the parameters; `Err((field, rule))` names the first one that is out of range.
    pub fn validate(&self) -> Result<(), (&'static str, &'static str)> {
        let bad = |ok: bool, field, rule| if ok { Ok(()) } else { Err((field, rule)) };
        match *self {
            Schedule::Constant => Ok(()),
            Schedule::Step { step_size, gamma } => {
                bad(step_size >= 1, "step_size", "must be >= 1")?;
                bad(gamma > 0.0 && gamma.is_finite(), "gamma", "must be > 0")
            }
            Schedule::Exponential { gamma } => {
                bad(gamma > 0.0 && gamma.is_finite(), "gamma", "must be > 0")
            }
            Schedule::Cosine { t_max, eta_min } => {
                bad(t_max >= 1, "t_max", "must be >= 1")?;
                bad(
                    eta_min >= 0.0 && eta_min.is_finite(),
                    "eta_min",
                    "must be >= 0",
                )
            }
            Schedule::InverseTime { decay } => {
                bad(decay >= 0.0 && decay.is_finite(), "decay", "must be >= 0")
            }
            Schedule::Plateau {
                factor, threshold, ..
            } => {
                bad(factor > 0.0 && factor < 1.0, "factor", "must be in (0, 1)")?;
                bad(
                    threshold >= 0.0 && threshold.is_finite(),
                    "threshold",
                    "must be >= 0",
                )
            }
        }
    }

    /// The rate at step `k` for base rate `lr`; for `plateau`, the base rate (its cuts
    /// depend on the losses and live in [`ScheduleState`]).
    pub fn lr_at(&self, lr: f64, k: u64) -> f64 {
        match *self {
            Schedule::Constant | Schedule::Plateau { .. } => lr,
            Schedule::Step { step_size, gamma } => lr * libm::pow(gamma, (k / step_size) as f64),
            Schedule::Exponential { gamma } => lr * libm::pow(gamma, k as f64),
            Schedule::Cosine { t_max, eta_min } => {
                let phase = std::f64::consts::PI * k as f64 / t_max as f64;
                eta_min + (lr - eta_min) * (1.0 + libm::cos(phase)) / 2.0
            }
            Schedule::InverseTime { decay } => lr / (1.0 + decay * k as f64),
        }
    }
}

impl Warmup {
    /// Checks the parameters, as [`Schedule::validate`].
    pub fn validate(&self) -> Result<(), (&'static str, &'static str)> {
        if self.steps < 1 {
            return Err(("steps", "must be >= 1"));
        }
        if !(self.start_factor > 0.0 && self.start_factor <= 1.0) {
            return Err(("start_factor", "must be in (0, 1]"));
        }
        Ok(())
    }

    /// The factor applied at step `k`.
    pub fn factor(&self, k: u64) -> f64 {
        if k >= self.steps {
            1.0
        } else {
            self.start_factor + (1.0 - self.start_factor) * k as f64 / self.steps as f64
        }
    }
}

/// A schedule in use: the base rate, the kind, the warm-up and the plateau memory.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduleState {
    base_lr: f64,
    schedule: Schedule,
    warmup: Option<Warmup>,
    /// Plateau only: the current (possibly cut) rate, the best loss and the bad-step count.
    plateau_lr: f64,
    best: f64,
    bad_steps: u64,
}

impl ScheduleState {
    /// A schedule starting at step 0 with base rate `base_lr`.
    pub fn new(base_lr: f64, schedule: Schedule, warmup: Option<Warmup>) -> Self {
        ScheduleState {
            base_lr,
            schedule,
            warmup,
            plateau_lr: base_lr,
            best: f64::INFINITY,
            bad_steps: 0,
        }
    }

    /// Changes the base rate, kind or warm-up mid-run. The plateau's memory (best loss,
    /// bad steps) carries over; its current rate restarts from the new base rate.
    pub fn reconfigure(&mut self, base_lr: f64, schedule: Schedule, warmup: Option<Warmup>) {
        let changed = base_lr != self.base_lr || schedule != self.schedule;
        self.base_lr = base_lr;
        self.schedule = schedule;
        self.warmup = warmup;
        if changed {
            self.plateau_lr = base_lr;
        }
    }

    /// The plateau memory `(current rate, best loss, bad steps)`: with the run's settings,
    /// all the state there is (for run snapshots).
    pub fn memory(&self) -> (f64, f64, u64) {
        (self.plateau_lr, self.best, self.bad_steps)
    }

    /// Restores what [`ScheduleState::memory`] returned.
    pub fn set_memory(&mut self, (plateau_lr, best, bad_steps): (f64, f64, u64)) {
        self.plateau_lr = plateau_lr;
        self.best = best;
        self.bad_steps = bad_steps;
    }

    /// The rate to use at step `k`.
    pub fn lr(&self, k: u64) -> f64 {
        let lr = match self.schedule {
            Schedule::Plateau { .. } => self.plateau_lr,
            ref s => s.lr_at(self.base_lr, k),
        };
        lr * self.warmup.map_or(1.0, |w| w.factor(k))
    }

    /// Feeds the loss measured at the step just taken (only plateau listens).
    pub fn observe(&mut self, loss: f64) {
        if let Schedule::Plateau {
            factor,
            patience,
            threshold,
        } = self.schedule
        {
            // Literally PyTorch's `loss < best * (1 − threshold)`, negative losses included.
            if loss < self.best * (1.0 - threshold) {
                self.best = loss;
                self.bad_steps = 0;
            } else {
                self.bad_steps += 1;
            }
            if self.bad_steps > patience {
                let new = self.plateau_lr * factor;
                if self.plateau_lr - new > 1e-8 {
                    self.plateau_lr = new;
                }
                self.bad_steps = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates(state: &mut ScheduleState, losses: &[f64]) -> Vec<f64> {
        losses
            .iter()
            .enumerate()
            .map(|(k, &loss)| {
                let lr = state.lr(k as u64);
                state.observe(loss);
                lr
            })
            .collect()
    }

    #[test]
    fn closed_forms_at_chosen_steps() {
        let step = Schedule::Step {
            step_size: 3,
            gamma: 0.5,
        };
        assert_eq!(
            (0..7).map(|k| step.lr_at(1.0, k)).collect::<Vec<_>>(),
            [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25]
        );
        let cosine = Schedule::Cosine {
            t_max: 10,
            eta_min: 0.1,
        };
        assert!((cosine.lr_at(1.0, 0) - 1.0).abs() < 1e-15);
        assert!((cosine.lr_at(1.0, 5) - 0.55).abs() < 1e-15);
        assert!((cosine.lr_at(1.0, 10) - 0.1).abs() < 1e-15);
        // Periodic past t_max, as CosineAnnealingLR.
        assert!((cosine.lr_at(1.0, 20) - 1.0).abs() < 1e-15);
        let inv = Schedule::InverseTime { decay: 0.5 };
        assert_eq!(inv.lr_at(3.0, 4), 1.0);
        let exp = Schedule::Exponential { gamma: 0.5 };
        assert_eq!(exp.lr_at(8.0, 3), 1.0);
    }

    #[test]
    fn warmup_ramps_linearly_then_holds() {
        let w = Warmup {
            steps: 4,
            start_factor: 0.2,
        };
        let s = ScheduleState::new(1.0, Schedule::Constant, Some(w));
        let got: Vec<f64> = (0..6).map(|k| s.lr(k)).collect();
        let want = [0.2, 0.4, 0.6, 0.8, 1.0, 1.0];
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-15, "{got:?}");
        }
    }

    #[test]
    fn plateau_cuts_after_patience_bad_steps() {
        let plateau = Schedule::Plateau {
            factor: 0.5,
            patience: 2,
            threshold: 0.0,
        };
        let mut s = ScheduleState::new(1.0, plateau, None);
        // Improves twice, then flat: 3 bad steps (> patience 2) cut the rate at the 5th.
        let got = rates(&mut s, &[5.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0]);
        assert_eq!(got, [1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25]);
    }

    #[test]
    fn plateau_compares_negative_losses_literally() {
        // best·(1 − threshold) with negative best is *larger* than best: equal losses count
        // as improvements, exactly as PyTorch's comparison.
        let plateau = Schedule::Plateau {
            factor: 0.5,
            patience: 0,
            threshold: 0.1,
        };
        let mut s = ScheduleState::new(1.0, plateau, None);
        let got = rates(&mut s, &[-1.0, -1.0, -1.0]);
        assert_eq!(got, [1.0, 1.0, 1.0]);
    }

    #[test]
    fn plateau_stops_cutting_below_eps() {
        let plateau = Schedule::Plateau {
            factor: 0.1,
            patience: 0,
            threshold: 0.0,
        };
        let mut s = ScheduleState::new(1e-7, plateau, None);
        let got = rates(&mut s, &[1.0, 1.0, 1.0, 1.0]);
        // 1e-7 → 1e-8 (difference 9e-8 > 1e-8), then 1e-8 → 1e-9 is a change of 9e-9: refused.
        assert_eq!(got[0], 1e-7);
        assert!((got[2] - 1e-8).abs() < 1e-22);
        assert!((got[3] - 1e-8).abs() < 1e-22);
    }

    #[test]
    fn validation_names_the_field() {
        let s = Schedule::Step {
            step_size: 0,
            gamma: 0.5,
        };
        assert_eq!(s.validate(), Err(("step_size", "must be >= 1")));
        let p = Schedule::Plateau {
            factor: 1.0,
            patience: 1,
            threshold: 0.0,
        };
        assert_eq!(p.validate(), Err(("factor", "must be in (0, 1)")));
    }
}
