//! A sweep's axis: which field it varies (a hyper-parameter of the base run's optimizer or a
//! start coordinate), over which values (linear or log spacing), and how a value is set on
//! a run spec or a start point without decoding JSON per cell.

use crate::optim::params::ParamValue;
use crate::optim::OptimizerKind;
use crate::run::RunSpec;
use crate::vec2::Vec2;
use serde::Serialize;

/// How an axis spaces its values between `from` and `to`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Evenly spaced values.
    #[default]
    Linear,
    /// Evenly spaced exponents (both ends must be > 0).
    Log,
}

/// The field an axis varies, by its scenario path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A number of the optimizer's parameter table (`lr`, `momentum`, `eps`, ...).
    Number(&'static str),
    /// One component of a pair (`betas[0]`, `betas[1]`).
    PairItem(&'static str, usize),
    /// A start coordinate (`start[0]` is x, `start[1]` is y).
    Start(usize),
}

impl Field {
    /// The field named `path` for an optimizer of `kind`, or the list of the names it may
    /// have (for the error message).
    pub fn resolve(path: &str, kind: OptimizerKind) -> Result<Field, Vec<String>> {
        let mut names = Vec::new();
        for info in kind.params() {
            match info.default {
                ParamValue::Number(_) => {
                    if path == info.name {
                        return Ok(Field::Number(info.name));
                    }
                    names.push(info.name.to_string());
                }
                ParamValue::Pair(_) => {
                    for i in 0..2 {
                        let name = format!("{}[{i}]", info.name);
                        if path == name {
                            return Ok(Field::PairItem(info.name, i));
                        }
                        names.push(name);
                    }
                }
                ParamValue::Flag(_) => {}
            }
        }
        for i in 0..2 {
            let name = format!("start[{i}]");
            if path == name {
                return Ok(Field::Start(i));
            }
            names.push(name);
        }
        Err(names)
    }

    /// The field's scenario path, as `betas[0]`.
    pub fn path(self) -> String {
        match self {
            Field::Number(name) => name.to_string(),
            Field::PairItem(name, i) => format!("{name}[{i}]"),
            Field::Start(i) => format!("start[{i}]"),
        }
    }

    /// Whether the field is a start coordinate (else a hyper-parameter).
    pub fn is_start(self) -> bool {
        matches!(self, Field::Start(_))
    }

    /// Sets the field to `v` in `spec`. The result is the spec the scenario decoder gives
    /// for the same run JSON with that field written out (the decoder sets given values on
    /// the table's defaults the same way); a start field leaves `spec` alone.
    pub fn set_param(self, spec: &mut RunSpec, v: f64) {
        let (name, value) = match self {
            Field::Number(name) => (name, ParamValue::Number(v)),
            Field::PairItem(name, i) => {
                let mut pair = spec.optimizer.values().pair(name);
                pair[i] = v;
                (name, ParamValue::Pair(pair))
            }
            Field::Start(_) => return,
        };
        let mut values = spec.optimizer.values().clone();
        values.set(name, value);
        spec.optimizer = crate::optim::OptimizerSpec::with_values(spec.optimizer.kind(), values);
    }

    /// `start` with the field set to `v` (unchanged for a hyper-parameter).
    pub fn set_start(self, start: Vec2, v: f64) -> Vec2 {
        match self {
            Field::Start(0) => Vec2::new(v, start.y),
            Field::Start(_) => Vec2::new(start.x, v),
            _ => start,
        }
    }
}

/// One validated axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// What it varies.
    pub field: Field,
    /// First value.
    pub from: f64,
    /// Last value.
    pub to: f64,
    /// How many values (1..=[`super::MAX_AXIS_POINTS`]).
    pub n: usize,
    /// Their spacing.
    pub scale: Scale,
}

impl Axis {
    /// The axis's values, `from` first and `to` last exactly (one value: `from`). Linear:
    /// `from + i·(to − from)/(n − 1)`; log: `exp(ln from + i·(ln to − ln from)/(n − 1))`,
    /// with the `libm` crate's `log` and `exp` (the same bits natively and in wasm).
    /// Inner values are kept within `[from, to]`, so a value valid at both ends is valid
    /// everywhere (every validity rule is an interval).
    pub fn values(&self) -> Vec<f64> {
        let n = self.n;
        if n <= 1 {
            return vec![self.from];
        }
        let (lo, hi) = (self.from.min(self.to), self.from.max(self.to));
        let div = (n - 1) as f64;
        (0..n)
            .map(|i| {
                if i == 0 {
                    return self.from;
                }
                if i == n - 1 {
                    return self.to;
                }
                let t = i as f64;
                let v = match self.scale {
                    Scale::Linear => self.from + t * ((self.to - self.from) / div),
                    Scale::Log => {
                        let (a, b) = (libm::log(self.from), libm::log(self.to));
                        libm::exp(a + t * ((b - a) / div))
                    }
                };
                v.clamp(lo, hi)
            })
            .collect()
    }
}
