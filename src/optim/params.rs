//! Hyper-parameter descriptions: names (PyTorch's), defaults, the values that are valid, and
//! the slider range the page offers. This table is the single source of every default: the
//! scenario decoder, the CLI's `list` and the page's controls all read it.

use serde::Serialize;

/// The value of one hyper-parameter.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A real number, such as `lr`.
    Number(f64),
    /// A switch, such as `nesterov`.
    Flag(bool),
    /// A pair of numbers, such as `betas`.
    Pair([f64; 2]),
}

/// Which numbers a hyper-parameter accepts (PyTorch's own checks, plus `lr > 0`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// `> 0`.
    Positive,
    /// `>= 0`.
    NonNegative,
    /// In `[0, 1)`.
    UnitHalfOpen,
    /// In `[0, 1]`.
    UnitClosed,
    /// `true` or `false`.
    Flag,
}

impl Validity {
    /// `None` when `v` is acceptable, else the rule it breaks, for example `must be > 0`.
    pub fn check(self, v: f64) -> Option<&'static str> {
        if !v.is_finite() {
            return Some("must be a finite number");
        }
        let ok = match self {
            Validity::Positive => v > 0.0,
            Validity::NonNegative => v >= 0.0,
            Validity::UnitHalfOpen => (0.0..1.0).contains(&v),
            Validity::UnitClosed => (0.0..=1.0).contains(&v),
            Validity::Flag => true,
        };
        (!ok).then_some(self.rule())
    }

    /// The rule in words.
    pub fn rule(self) -> &'static str {
        match self {
            Validity::Positive => "must be > 0",
            Validity::NonNegative => "must be >= 0",
            Validity::UnitHalfOpen => "must be in [0, 1)",
            Validity::UnitClosed => "must be in [0, 1]",
            Validity::Flag => "must be true or false",
        }
    }
}

/// The range a slider offers: a sensible span for demonstrations, not a validity limit.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SliderRange {
    /// Left end.
    pub min: f64,
    /// Right end.
    pub max: f64,
    /// Whether the slider moves on a logarithmic scale.
    pub log: bool,
}

/// Everything the decoder and the page need to know about one hyper-parameter.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParamInfo {
    /// PyTorch's name, used in scenarios: `"lr"`, `"betas"`, ...
    pub name: &'static str,
    /// Label for people: `"Learning rate"`.
    pub label: &'static str,
    /// PyTorch's default.
    pub default: ParamValue,
    /// Which values are accepted.
    pub valid: Validity,
    /// The slider's span (`None` for switches).
    pub slider: Option<SliderRange>,
    /// One sentence on what it does.
    pub help: &'static str,
}

const fn slider(min: f64, max: f64, log: bool) -> Option<SliderRange> {
    Some(SliderRange { min, max, log })
}

/// The learning rate with the given PyTorch default.
pub const fn lr(default: f64) -> ParamInfo {
    ParamInfo {
        name: "lr",
        label: "Learning rate",
        default: ParamValue::Number(default),
        valid: Validity::Positive,
        slider: slider(1e-5, 10.0, true),
        help: "Step size: how far each update moves.",
    }
}

/// Coupled L2 weight decay (`g += weight_decay · p`), or AdamW's decoupled decay.
pub const fn weight_decay(default: f64) -> ParamInfo {
    ParamInfo {
        name: "weight_decay",
        label: "Weight decay",
        default: ParamValue::Number(default),
        valid: Validity::NonNegative,
        slider: slider(0.0, 1.0, false),
        help: "L2 penalty: pulls the parameters towards zero.",
    }
}

/// The denominator's safety term.
pub const fn eps(default: f64) -> ParamInfo {
    ParamInfo {
        name: "eps",
        label: "Epsilon",
        default: ParamValue::Number(default),
        valid: Validity::NonNegative,
        slider: slider(1e-12, 1.0, true),
        help: "Added to the denominator for numerical stability.",
    }
}

/// Momentum factor (SGD, RMSprop).
pub const MOMENTUM: ParamInfo = ParamInfo {
    name: "momentum",
    label: "Momentum",
    default: ParamValue::Number(0.0),
    valid: Validity::NonNegative,
    slider: slider(0.0, 0.999, false),
    help: "Fraction of the previous update carried into the next.",
};

/// Adam-family moment decay rates.
pub const BETAS: ParamInfo = ParamInfo {
    name: "betas",
    label: "Betas",
    default: ParamValue::Pair([0.9, 0.999]),
    valid: Validity::UnitHalfOpen,
    slider: slider(0.0, 0.9999, false),
    help: "Decay rates of the first and second moment estimates.",
};

/// A boolean switch with default `false`.
pub const fn flag(name: &'static str, label: &'static str, help: &'static str) -> ParamInfo {
    ParamInfo {
        name,
        label,
        default: ParamValue::Flag(false),
        valid: Validity::Flag,
        slider: None,
        help,
    }
}

/// A number with a given default, validity and slider.
pub const fn number(
    name: &'static str,
    label: &'static str,
    default: f64,
    valid: Validity,
    range: (f64, f64, bool),
    help: &'static str,
) -> ParamInfo {
    ParamInfo {
        name,
        label,
        default: ParamValue::Number(default),
        valid,
        slider: slider(range.0, range.1, range.2),
        help,
    }
}

/// The values given for one run over an optimizer's table: a value not given reads as the
/// table's default, so every default lives in the table alone. Two value sets are equal
/// when they resolve to the same values, whether a default was written out or not.
#[derive(Clone, Debug)]
pub struct ParamValues {
    table: &'static [ParamInfo],
    given: Vec<(&'static str, ParamValue)>,
}

impl PartialEq for ParamValues {
    fn eq(&self, other: &Self) -> bool {
        self.all() == other.all()
    }
}

impl ParamValues {
    /// Values over `table`, none given yet (all defaults).
    pub fn defaults(table: &'static [ParamInfo]) -> Self {
        ParamValues {
            table,
            given: Vec::new(),
        }
    }

    /// Sets `name` (replacing an earlier value).
    pub fn set(&mut self, name: &'static str, value: ParamValue) {
        self.given.retain(|(n, _)| *n != name);
        self.given.push((name, value));
    }

    /// The value of `name`: as given, else the table's default.
    pub fn get(&self, name: &str) -> Option<ParamValue> {
        self.given
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .or_else(|| {
                self.table
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| p.default)
            })
    }

    /// The number `name` (NaN if the table has no such number, which tests would catch).
    pub fn number(&self, name: &str) -> f64 {
        match self.get(name) {
            Some(ParamValue::Number(v)) => v,
            _ => f64::NAN,
        }
    }

    /// The switch `name`.
    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some(ParamValue::Flag(true)))
    }

    /// The pair `name`.
    pub fn pair(&self, name: &str) -> [f64; 2] {
        match self.get(name) {
            Some(ParamValue::Pair(v)) => v,
            _ => [f64::NAN; 2],
        }
    }

    /// Every parameter of the table with its value, in the table's order.
    pub fn all(&self) -> Vec<(&'static str, ParamValue)> {
        self.table
            .iter()
            .filter_map(|p| self.get(p.name).map(|v| (p.name, v)))
            .collect()
    }
}
