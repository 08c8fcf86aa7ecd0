//! Sweep JSON → validated [`Sweep`], every error naming the field: the scenario part is
//! decoded by the scenario decoder itself (the base run as a scenario's only run, its
//! errors renamed from `runs[0]` to `run`), each axis end is checked by decoding the base
//! run with that value written out (`x.to: lr must be > 0, got -1`), and the total work is
//! bounded.

use super::axis::{Axis, Field, Scale};
use super::{Sweep, MAX_AXIS_POINTS, MAX_SWEEP_WORK};
use crate::error::ScenarioError;
use crate::objective::Problem;
use crate::run::RunSpec;
use crate::scenario::{decode, decode_run, json_object};
use serde_json::{json, Map, Value};

/// The top-level fields of a sweep.
const TOP_FIELDS: [&str; 7] = ["problem", "start", "steps", "tolerance", "run", "x", "y"];
/// The fields of an axis.
const AXIS_FIELDS: [&str; 5] = ["param", "from", "to", "n", "scale"];

/// Reads and validates a sweep.
pub fn decode_sweep(text: &str) -> Result<Sweep, ScenarioError> {
    let mut doc = json_object(
        text,
        "sweep",
        "must be a JSON object with `problem`, `run` and `x`",
        &TOP_FIELDS,
    )?;
    let raw_x = doc.remove("x");
    let raw_y = doc.remove("y");
    let run = match doc.remove("run") {
        Some(Value::Object(run)) => run,
        Some(other) => {
            return Err(ScenarioError::invalid(
                "run",
                format!("must be an object such as {{\"optimizer\": \"adam\"}}, got {other}"),
            ))
        }
        None => return Err(ScenarioError::invalid("sweep", "missing field `run`")),
    };
    doc.insert("runs".into(), json!([Value::Object(run.clone())]));
    let scenario = decode(&Value::Object(doc).to_string()).map_err(rename_run)?;
    let base = scenario.runs.first().cloned().ok_or_else(|| {
        ScenarioError::invalid("run", "missing") // unreachable: the decoder demands a run
    })?;
    let x = match raw_x {
        Some(v) => axis("x", &v, &run, &base, &scenario.problem)?,
        None => return Err(ScenarioError::invalid("sweep", "missing field `x`")),
    };
    let y = match raw_y {
        None | Some(Value::Null) => None,
        Some(v) => Some(axis("y", &v, &run, &base, &scenario.problem)?),
    };
    if let Some(y) = &y {
        if y.field == x.field {
            return Err(ScenarioError::invalid(
                "y.param",
                format!("{} is already the x axis", y.field.path()),
            ));
        }
    }
    let cells = x.n * y.as_ref().map_or(1, |y| y.n);
    let work = (cells as u64).saturating_mul(work_per_cell(&base, scenario.steps));
    if work > MAX_SWEEP_WORK {
        return Err(ScenarioError::invalid(
            "sweep",
            format!(
                "too much work: {cells} cells × {} steps each = {work} steps (at most {MAX_SWEEP_WORK}; use fewer cells or steps)",
                work / cells as u64
            ),
        ));
    }
    Ok(Sweep {
        problem: scenario.problem,
        start: scenario.start,
        steps: scenario.steps,
        tolerance: scenario.tolerance,
        run: base,
        x,
        y,
    })
}

/// A cell's cost in point-gradient steps: its steps plus a warm start's pre-training, each
/// touching a mini-batch when there is one (a full-batch regression step reads the data's
/// summary, O(1)).
fn work_per_cell(run: &RunSpec, steps: u64) -> u64 {
    let warm = run.warm_start.as_ref().map_or(0, |w| w.steps);
    let per_step = run.batch_size.map_or(1, |b| b as u64);
    steps.saturating_add(warm).saturating_mul(per_step).max(1)
}

/// A base-run error as the sweep names it: `runs[0].lr` → `run.lr`.
fn rename_run(e: ScenarioError) -> ScenarioError {
    match e {
        ScenarioError::Invalid { path, message } => match path.strip_prefix("runs[0]") {
            Some(rest) => ScenarioError::invalid(format!("run{rest}"), message),
            None => ScenarioError::Invalid { path, message },
        },
        other => other,
    }
}

fn axis(
    name: &str,
    value: &Value,
    run: &Map<String, Value>,
    base: &RunSpec,
    problem: &Problem,
) -> Result<Axis, ScenarioError> {
    let at = |field: &str| format!("{name}.{field}");
    let Value::Object(fields) = value else {
        return Err(ScenarioError::invalid(
            name,
            format!(
                "must be an object such as {{\"param\": \"lr\", \"from\": 0.001, \"to\": 1, \"n\": 32}}, got {value}"
            ),
        ));
    };
    if let Some(key) = fields.keys().find(|k| !AXIS_FIELDS.contains(&k.as_str())) {
        return Err(ScenarioError::invalid(
            at(key),
            format!("unknown field (one of {})", AXIS_FIELDS.join(", ")),
        ));
    }
    let field = match fields.get("param") {
        Some(Value::String(p)) => Field::resolve(p, base.optimizer.kind()).map_err(|names| {
            ScenarioError::invalid(
                at("param"),
                format!(
                    "unknown field \"{p}\" (for {}: one of {})",
                    base.optimizer.kind().name(),
                    names.join(", ")
                ),
            )
        })?,
        Some(other) => {
            return Err(ScenarioError::invalid(
                at("param"),
                format!("must be a field name such as \"lr\", got {other}"),
            ))
        }
        None => return Err(ScenarioError::invalid(name, "missing field `param`")),
    };
    let number = |key: &str| match fields.get(key) {
        Some(v) => v
            .as_f64()
            .ok_or_else(|| ScenarioError::invalid(at(key), format!("must be a number, got {v}"))),
        None => Err(ScenarioError::invalid(
            name,
            format!("missing field `{key}`"),
        )),
    };
    let (from, to) = (number("from")?, number("to")?);
    let n = match fields.get("n") {
        Some(v) => match v.as_u64() {
            Some(n) if (1..=MAX_AXIS_POINTS as u64).contains(&n) => n as usize,
            _ => {
                return Err(ScenarioError::invalid(
                    at("n"),
                    format!("must be in [1, {MAX_AXIS_POINTS}], got {v}"),
                ))
            }
        },
        None => return Err(ScenarioError::invalid(name, "missing field `n`")),
    };
    let scale = match fields.get("scale") {
        None | Some(Value::Null) => Scale::Linear,
        Some(Value::String(s)) if s == "linear" => Scale::Linear,
        Some(Value::String(s)) if s == "log" => Scale::Log,
        Some(other) => {
            return Err(ScenarioError::invalid(
                at("scale"),
                format!("must be \"linear\" or \"log\", got {other}"),
            ))
        }
    };
    for (key, v) in [("from", from), ("to", to)] {
        if scale == Scale::Log && v <= 0.0 {
            return Err(ScenarioError::invalid(
                at(key),
                format!("a log scale needs values > 0, got {v}"),
            ));
        }
        check_value(&at(key), field, v, run, base, problem)?;
    }
    Ok(Axis {
        field,
        from,
        to,
        n,
        scale,
    })
}

/// Decodes the base run with `field` set to `v`, exactly as a scenario's run would be
/// decoded; an error is reported at the axis end (`x.to: lr must be > 0, got -1`).
fn check_value(
    at: &str,
    field: Field,
    v: f64,
    run: &Map<String, Value>,
    base: &RunSpec,
    problem: &Problem,
) -> Result<(), ScenarioError> {
    let mut run = run.clone();
    match field {
        Field::Number(name) => {
            run.insert(name.into(), json!(v));
        }
        Field::PairItem(name, i) => {
            let mut pair = base.optimizer.values().pair(name);
            pair[i] = v;
            run.insert(name.into(), json!(pair));
        }
        // Any finite start runs (a far one diverges at its first step, as in a scenario).
        Field::Start(_) => return Ok(()),
    }
    decode_run(&Value::Object(run).to_string(), problem)
        .map(|_| ())
        .map_err(|e| match e {
            ScenarioError::Invalid { path, message } => {
                let field = path.strip_prefix("runs[0].").unwrap_or(&path);
                ScenarioError::invalid(at, format!("{field} {message}"))
            }
            other => other,
        })
}
