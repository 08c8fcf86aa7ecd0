//! One run of a scenario, JSON → validated [`RunSpec`], field by field against its
//! optimizer's parameter table (schedules against `SCHEDULE_FIELDS`), so every message
//! names the field. Used for a whole scenario's runs and, alone against the loaded problem,
//! for the page's live edits ([`decode_run`]), which then cost the run's size, never the
//! data's. Also the warm starts' work limit, per run and per scenario.

use super::decode::{build_regression, parse_json, typed};
use super::{RegressionSpec, MAX_STEPS};
use crate::error::ScenarioError;
use crate::objective::Problem;
use crate::optim::params::{ParamInfo, ParamValue, ParamValues, Validity};
use crate::optim::{OptimizerKind, OptimizerSpec};
use crate::run::{EarlyStopping, RunSpec, WarmStart};
use crate::schedule::{Schedule, Warmup, SCHEDULE_FIELDS};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Fields every run may have, whatever its optimizer.
const RUN_FIELDS: [&str; 11] = [
    "optimizer",
    "name",
    "l1",
    "schedule",
    "warmup",
    "batch_size",
    "seed",
    "early_stopping",
    "color",
    "warm_start",
    "noise",
];

/// Reads and validates one run (a scenario's run object) against the loaded `problem`
/// alone: batch sizes against its training data, warm starts against its kind. Costs the
/// run's own size, whatever the data's (the page's live changes call it). Errors name the
/// field as for a scenario's first run, `runs[0].lr: must be > 0, got -1`.
pub fn decode_run(text: &str, problem: &Problem) -> Result<RunSpec, ScenarioError> {
    let path = "runs[0]";
    match parse_json(text)? {
        Value::Object(run) => read_run(path, &run, problem),
        other => Err(ScenarioError::invalid(
            path,
            format!("must be an object such as {{\"optimizer\": \"adam\"}}, got {other}"),
        )),
    }
}

pub(super) fn read_run(
    path: &str,
    run: &Map<String, Value>,
    problem: &Problem,
) -> Result<RunSpec, ScenarioError> {
    let kind_name = match run.get("optimizer") {
        Some(Value::String(s)) => s.as_str(),
        Some(other) => {
            return Err(ScenarioError::invalid(
                format!("{path}.optimizer"),
                format!("must be a string, got {other}"),
            ))
        }
        None => return Err(ScenarioError::invalid(path, "missing field `optimizer`")),
    };
    let kind = OptimizerKind::from_name(kind_name).ok_or_else(|| {
        let names: Vec<&str> = OptimizerKind::ALL.iter().map(|k| k.name()).collect();
        ScenarioError::invalid(
            format!("{path}.optimizer"),
            format!(
                "unknown optimizer \"{kind_name}\" (one of {})",
                names.join(", ")
            ),
        )
    })?;
    let mut values = ParamValues::defaults(kind.params());
    for (key, value) in run {
        if RUN_FIELDS.contains(&key.as_str()) {
            continue;
        }
        let at = format!("{path}.{key}");
        let info = kind.params().iter().find(|p| p.name == key).ok_or_else(|| {
            let names: Vec<&str> = kind.params().iter().map(|p| p.name).collect();
            ScenarioError::invalid(
                &at,
                format!(
                    "unknown field for {kind_name} (its hyper-parameters: {}; and for every run: {})",
                    names.join(", "),
                    RUN_FIELDS.join(", ")
                ),
            )
        })?;
        values.set(info.name, param_value(&at, info, value)?);
    }
    let optimizer = OptimizerSpec::with_values(kind, values);
    check_cross_constraints(path, &optimizer)?;

    let name = match run.get("name") {
        None => kind.label().to_string(),
        Some(Value::String(s)) if s.chars().count() <= 60 => s.clone(),
        Some(Value::String(_)) => {
            return Err(ScenarioError::invalid(
                format!("{path}.name"),
                "at most 60 characters",
            ))
        }
        Some(other) => {
            return Err(ScenarioError::invalid(
                format!("{path}.name"),
                format!("must be a string, got {other}"),
            ))
        }
    };
    let l1 = match run.get("l1") {
        None => 0.0,
        Some(v) => checked_number(&format!("{path}.l1"), v, Validity::NonNegative)?,
    };
    let schedule = match run.get("schedule") {
        None | Some(Value::Null) => Schedule::Constant,
        Some(v) => schedule(&format!("{path}.schedule"), v)?,
    };
    let warmup: Option<Warmup> = match run.get("warmup") {
        None | Some(Value::Null) => None,
        Some(v) => Some(typed(&format!("{path}.warmup"), v)?),
    };
    if let Some(w) = warmup {
        w.validate().map_err(|(field, rule)| {
            ScenarioError::invalid(format!("{path}.warmup.{field}"), rule)
        })?;
    }
    let batch_size = match run.get("batch_size") {
        None | Some(Value::Null) => None,
        Some(v) => Some(batch_size(&format!("{path}.batch_size"), v, problem)?),
    };
    let seed = match run.get("seed") {
        None => 0,
        Some(v) => v.as_u64().ok_or_else(|| {
            ScenarioError::invalid(
                format!("{path}.seed"),
                format!("must be a whole number >= 0, got {v}"),
            )
        })?,
    };
    let early_stopping: Option<EarlyStopping> = match run.get("early_stopping") {
        None | Some(Value::Null) => None,
        Some(v) => Some(typed(&format!("{path}.early_stopping"), v)?),
    };
    if let Some(e) = early_stopping {
        if !(e.min_delta >= 0.0 && e.min_delta.is_finite()) {
            return Err(ScenarioError::invalid(
                format!("{path}.early_stopping.min_delta"),
                format!("must be >= 0, got {}", e.min_delta),
            ));
        }
    }
    let color = match run.get("color") {
        None | Some(Value::Null) => None,
        Some(Value::String(c)) if c.len() <= 32 => Some(c.clone()),
        Some(c) => {
            return Err(ScenarioError::invalid(
                format!("{path}.color"),
                format!("must be a CSS colour string, got {c}"),
            ))
        }
    };
    Ok(RunSpec {
        name,
        optimizer,
        l1,
        schedule,
        warmup,
        batch_size,
        seed,
        early_stopping,
        color,
        warm_start: warm_start(path, run, problem, batch_size)?,
        noise: noise(path, run)?,
    })
}

/// The run's gradient noise: `{"sigma": σ ≥ 0, "scale": "absolute" | "relative", "seed": n}`.
fn noise(
    path: &str,
    run: &Map<String, Value>,
) -> Result<Option<crate::run::GradientNoise>, ScenarioError> {
    let noise: crate::run::GradientNoise = match run.get("noise") {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => typed(&format!("{path}.noise"), v)?,
    };
    if !(noise.sigma >= 0.0 && noise.sigma <= 1e6) {
        return Err(ScenarioError::invalid(
            format!("{path}.noise.sigma"),
            format!("must be in [0, 1000000], got {}", noise.sigma),
        ));
    }
    Ok(Some(noise))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWarmStart {
    source: RegressionSpec,
    steps: u64,
}

/// Most point-gradients the warm starts' pre-training may evaluate (steps × batch size),
/// per run and for all runs of a scenario together: it runs before the first frame, so a
/// link must not be able to freeze the page with it.
pub const MAX_WARM_START_WORK: u64 = 100_000_000;

/// The pre-training work of a run's warm start, in point gradients: full-batch steps cost
/// O(1) (the data's summary), mini-batch steps touch the batch.
fn warm_start_work(batch_size: Option<usize>, steps: u64, source_points: usize) -> u64 {
    match batch_size.filter(|&b| b < source_points) {
        Some(b) => steps.saturating_mul(b as u64),
        None => 0,
    }
}

/// The scenario's warm starts together stay within [`MAX_WARM_START_WORK`]; the error
/// names the run at which the total goes over.
pub(super) fn check_total_warm_start_work(runs: &[RunSpec]) -> Result<(), ScenarioError> {
    let mut total: u64 = 0;
    for (i, run) in runs.iter().enumerate() {
        let Some(warm) = &run.warm_start else {
            continue;
        };
        let n = warm.problem.regression().map_or(0, |r| r.train.len());
        total = total.saturating_add(warm_start_work(run.batch_size, warm.steps, n));
        if total > MAX_WARM_START_WORK {
            return Err(ScenarioError::invalid(
                format!("runs[{i}].warm_start.steps"),
                format!(
                    "the warm starts of runs[0..={i}] together are too much pre-training: {total} point gradients (at most {MAX_WARM_START_WORK} for the whole scenario)"
                ),
            ));
        }
    }
    Ok(())
}

fn warm_start(
    path: &str,
    run: &Map<String, Value>,
    problem: &Problem,
    batch_size: Option<usize>,
) -> Result<Option<WarmStart>, ScenarioError> {
    let at = format!("{path}.warm_start");
    let raw: RawWarmStart = match run.get("warm_start") {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => typed(&at, v)?,
    };
    if problem.regression().is_none() {
        return Err(ScenarioError::invalid(
            at,
            "only regression problems have warm starts",
        ));
    }
    if raw.steps > MAX_STEPS {
        return Err(ScenarioError::invalid(
            format!("{at}.steps"),
            format!("must be at most {MAX_STEPS}, got {}", raw.steps),
        ));
    }
    let source = build_regression(&raw.source, &format!("{at}.source"))?;
    if let Some(b) = batch_size {
        if warm_start_work(Some(b), raw.steps, source.train.len()) > MAX_WARM_START_WORK {
            return Err(ScenarioError::invalid(
                format!("{at}.steps"),
                format!(
                    "{} steps of batches of {b} is too much pre-training (at most {MAX_WARM_START_WORK} point gradients)",
                    raw.steps
                ),
            ));
        }
    }
    Ok(Some(WarmStart {
        source: raw.source,
        steps: raw.steps,
        problem: Arc::new(Problem::Regression(Box::new(source))),
    }))
}

fn param_value(at: &str, info: &ParamInfo, value: &Value) -> Result<ParamValue, ScenarioError> {
    match info.default {
        ParamValue::Flag(_) => value.as_bool().map(ParamValue::Flag).ok_or_else(|| {
            ScenarioError::invalid(at, format!("must be true or false, got {value}"))
        }),
        ParamValue::Number(_) => checked_number(at, value, info.valid).map(ParamValue::Number),
        ParamValue::Pair(_) => {
            let items = value.as_array().filter(|a| a.len() == 2).ok_or_else(|| {
                ScenarioError::invalid(at, format!("must be a pair of numbers, got {value}"))
            })?;
            let first = checked_number(&format!("{at}[0]"), &items[0], info.valid)?;
            let second = checked_number(&format!("{at}[1]"), &items[1], info.valid)?;
            Ok(ParamValue::Pair([first, second]))
        }
    }
}

fn checked_number(at: &str, value: &Value, valid: Validity) -> Result<f64, ScenarioError> {
    let v = value
        .as_f64()
        .ok_or_else(|| ScenarioError::invalid(at, format!("must be a number, got {value}")))?;
    match valid.check(v) {
        None => Ok(v),
        Some(rule) => Err(ScenarioError::invalid(at, format!("{rule}, got {v}"))),
    }
}

fn check_cross_constraints(path: &str, spec: &OptimizerSpec) -> Result<(), ScenarioError> {
    let v = spec.values();
    if spec.kind() == OptimizerKind::Sgd
        && v.flag("nesterov")
        && (v.number("momentum") <= 0.0 || v.number("dampening") != 0.0)
    {
        return Err(ScenarioError::invalid(
            format!("{path}.nesterov"),
            "needs momentum > 0 and dampening = 0 (as PyTorch)",
        ));
    }
    Ok(())
}

fn batch_size(at: &str, value: &Value, problem: &Problem) -> Result<usize, ScenarioError> {
    let Some(regression) = problem.regression() else {
        return Err(ScenarioError::invalid(
            at,
            "only regression problems have mini-batches",
        ));
    };
    let n = regression.train.len();
    match value.as_u64() {
        Some(b) if b >= 1 && b as usize <= n => Ok(b as usize),
        _ => Err(ScenarioError::invalid(
            at,
            format!("must be a whole number in [1, {n}] (the training points), got {value}"),
        )),
    }
}

/// A schedule object, field by field against [`SCHEDULE_FIELDS`].
fn schedule(path: &str, value: &Value) -> Result<Schedule, ScenarioError> {
    let kinds: Vec<&str> = SCHEDULE_FIELDS.iter().map(|(k, _)| *k).collect();
    let Value::Object(fields) = value else {
        return Err(ScenarioError::invalid(
            path,
            format!(
                "must be an object such as {{\"kind\": \"step\", \"step_size\": 50}}, got {value}"
            ),
        ));
    };
    let kind = match fields.get("kind") {
        Some(Value::String(k)) => k.as_str(),
        _ => {
            return Err(ScenarioError::invalid(
                format!("{path}.kind"),
                format!("missing or not a string (one of {})", kinds.join(", ")),
            ))
        }
    };
    let Some((_, known)) = SCHEDULE_FIELDS.iter().find(|(k, _)| *k == kind) else {
        return Err(ScenarioError::invalid(
            format!("{path}.kind"),
            format!("unknown schedule \"{kind}\" (one of {})", kinds.join(", ")),
        ));
    };
    let names: Vec<&str> = known.iter().map(|f| f.name).collect();
    if let Some(key) = fields
        .keys()
        .find(|k| *k != "kind" && !names.contains(&k.as_str()))
    {
        return Err(ScenarioError::invalid(
            format!("{path}.{key}"),
            format!(
                "unknown field for the {kind} schedule (its fields: {})",
                names.join(", ")
            ),
        ));
    }
    let mut values = Vec::with_capacity(known.len());
    for f in *known {
        let at = format!("{path}.{}", f.name);
        let v = match (fields.get(f.name), f.default) {
            (None, Some(default)) => default,
            (None, None) => return Err(ScenarioError::invalid(at, "missing")),
            (Some(v), _) if f.integer => v.as_u64().map(|n| n as f64).ok_or_else(|| {
                ScenarioError::invalid(&at, format!("must be a whole number >= 0, got {v}"))
            })?,
            (Some(v), _) => v
                .as_f64()
                .ok_or_else(|| ScenarioError::invalid(&at, format!("must be a number, got {v}")))?,
        };
        values.push((f.name, v));
    }
    let lookup = |name: &str| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(f64::NAN, |(_, v)| *v)
    };
    let schedule = Schedule::from_fields(kind, lookup)
        .ok_or_else(|| ScenarioError::invalid(format!("{path}.kind"), "unknown schedule"))?;
    schedule
        .validate()
        .map_err(|(field, rule)| ScenarioError::invalid(format!("{path}.{field}"), rule))?;
    Ok(schedule)
}
