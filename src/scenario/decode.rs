//! JSON text → validated [`Scenario`], with an error that names the field for anything
//! wrong: malformed JSON, unknown fields, unknown optimizer, surface or schedule, values out
//! of range, too many steps, empty or mismatched regression data.
//!
//! The JSON is parsed once into a `serde_json::Value`; the top level, each run and each
//! schedule are then read field by field (runs against their optimizer's parameter table,
//! schedules against `SCHEDULE_FIELDS`), so that every message names the field, and a
//! hyper-parameter that belongs to another optimizer gets a precise one. Small fixed
//! structures (the problem, warm-up, early stopping, page settings) are read by serde.

use super::{
    PageSettings, ProblemSpec, RegressionSpec, Scenario, DEFAULT_STEPS, DEFAULT_TOLERANCE,
    MAX_POINTS, MAX_RUNS, MAX_STEPS,
};
use crate::error::ScenarioError;
use crate::expr::Expr;
use crate::objective::Problem;
use crate::regression::{Dataset, Regression};
use crate::vec2::Vec2;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::sync::Arc;

/// The top-level fields of a scenario.
const TOP_FIELDS: [&str; 6] = ["problem", "start", "steps", "tolerance", "runs", "page"];

/// Reads and validates a scenario.
pub fn decode(text: &str) -> Result<Scenario, ScenarioError> {
    let doc = json_object(
        text,
        "scenario",
        "must be a JSON object with `problem` and `runs`",
        &TOP_FIELDS,
    )?;
    let problem_spec = problem_spec(doc.get("problem"))?;
    let problem = Arc::new(build_problem(&problem_spec)?);
    let start = match doc.get("start") {
        Some(v) => Vec2::from(typed::<[f64; 2]>("start", v)?),
        None => match &problem_spec {
            ProblemSpec::Surface(s) => s.surface().default_start(),
            ProblemSpec::Regression(_) => Vec2::ZERO,
            ProblemSpec::Expr(_) => Vec2::new(-2.0, 2.0),
        },
    };
    let steps = match doc.get("steps") {
        Some(v) => typed::<u64>("steps", v)?,
        None => DEFAULT_STEPS,
    };
    if steps > MAX_STEPS {
        return Err(ScenarioError::invalid(
            "steps",
            format!("must be at most {MAX_STEPS}, got {steps}"),
        ));
    }
    let tolerance = match doc.get("tolerance") {
        Some(v) => typed::<f64>("tolerance", v)?,
        None => DEFAULT_TOLERANCE,
    };
    if tolerance.is_nan() || tolerance <= 0.0 {
        return Err(ScenarioError::invalid(
            "tolerance",
            format!("must be > 0, got {tolerance}"),
        ));
    }
    let raw_runs = match doc.get("runs") {
        Some(Value::Array(runs)) => runs,
        Some(other) => {
            return Err(ScenarioError::invalid(
                "runs",
                format!("must be a list of runs, got {other}"),
            ))
        }
        None => return Err(ScenarioError::invalid("scenario", "missing field `runs`")),
    };
    if raw_runs.is_empty() {
        return Err(ScenarioError::invalid(
            "runs",
            "must contain at least one run",
        ));
    }
    if raw_runs.len() > MAX_RUNS {
        return Err(ScenarioError::invalid(
            "runs",
            format!("at most {MAX_RUNS} runs, got {}", raw_runs.len()),
        ));
    }
    let runs = raw_runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let path = format!("runs[{i}]");
            match run {
                Value::Object(run) => super::decode_run::read_run(&path, run, &problem),
                other => Err(ScenarioError::invalid(
                    path,
                    format!("must be an object such as {{\"optimizer\": \"adam\"}}, got {other}"),
                )),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    super::decode_run::check_total_warm_start_work(&runs)?;
    let page: PageSettings = match doc.get("page") {
        Some(v) => typed("page", v)?,
        None => PageSettings::default(),
    };
    page.validate()?;
    Ok(Scenario {
        page,
        problem_spec,
        problem,
        start,
        steps,
        tolerance,
        runs,
    })
}

/// The problem as written; a nested error names the kind (`problem.surface: ...`).
fn problem_spec(value: Option<&Value>) -> Result<ProblemSpec, ScenarioError> {
    let value =
        value.ok_or_else(|| ScenarioError::invalid("scenario", "missing field `problem`"))?;
    let path = match value.as_object() {
        Some(m) if m.len() == 1 => {
            format!("problem.{}", m.keys().next().map_or("", String::as_str))
        }
        _ => "problem".to_string(),
    };
    typed(&path, value)
}

/// Parses JSON text: a syntax error says where.
/// Parses `text` as a JSON object whose keys are all among `fields`: the first step of
/// every document the engine reads (scenarios, sweeps). `what` and `shape` word the error
/// for something other than an object (`scenario: must be a JSON object with …`).
pub fn json_object(
    text: &str,
    what: &str,
    shape: &str,
    fields: &[&str],
) -> Result<serde_json::Map<String, Value>, ScenarioError> {
    let Value::Object(doc) = parse_json(text)? else {
        return Err(ScenarioError::invalid(what, shape));
    };
    if let Some(key) = doc.keys().find(|k| !fields.contains(&k.as_str())) {
        return Err(ScenarioError::invalid(
            key.as_str(),
            format!("unknown field (one of {})", fields.join(", ")),
        ));
    }
    Ok(doc)
}

pub(super) fn parse_json(text: &str) -> Result<Value, ScenarioError> {
    serde_json::from_str(text).map_err(|e| {
        let mut message = strip_position(&e.to_string());
        if message == "number out of range" {
            message.push_str(" (every number must be finite)");
        }
        ScenarioError::Syntax {
            line: e.line(),
            column: e.column(),
            message,
        }
    })
}

/// Reads `value` as `T`; an error is reported at `path`.
pub(super) fn typed<T: DeserializeOwned>(path: &str, value: &Value) -> Result<T, ScenarioError> {
    T::deserialize(value).map_err(|e| ScenarioError::invalid(path, strip_position(&e.to_string())))
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn build_problem(spec: &ProblemSpec) -> Result<Problem, ScenarioError> {
    match spec {
        ProblemSpec::Surface(kind) => Ok(Problem::Surface(*kind)),
        ProblemSpec::Regression(r) => {
            build_regression(r, "problem.regression").map(|r| Problem::Regression(Box::new(r)))
        }
        ProblemSpec::Expr(source) => Expr::parse(source).map(Problem::Expr).map_err(|e| {
            let (start, _) = e.position();
            ScenarioError::invalid("problem.expr", format!("{e} (at character {})", start + 1))
        }),
    }
}

pub(super) fn build_regression(
    spec: &RegressionSpec,
    path: &str,
) -> Result<Regression, ScenarioError> {
    let at = |field: &str| format!("{path}.{field}");
    let data = match (&spec.x, &spec.y, &spec.generate) {
        (Some(x), Some(y), None) => {
            if x.is_empty() {
                return Err(ScenarioError::invalid(at("x"), "must not be empty"));
            }
            if x.len() != y.len() {
                return Err(ScenarioError::invalid(
                    at("y"),
                    format!("has {} values but x has {}", y.len(), x.len()),
                ));
            }
            if x.len() > MAX_POINTS {
                return Err(ScenarioError::invalid(
                    at("x"),
                    format!("at most {MAX_POINTS} points, got {}", x.len()),
                ));
            }
            Dataset {
                x: x.clone(),
                y: y.clone(),
            }
        }
        (None, None, Some(g)) => {
            if g.n == 0 || g.n > MAX_POINTS {
                return Err(ScenarioError::invalid(
                    at("generate.n"),
                    format!("must be in [1, {MAX_POINTS}], got {}", g.n),
                ));
            }
            let finite = [g.slope, g.intercept, g.noise, g.x_range[0], g.x_range[1]];
            if finite.iter().any(|v| !v.is_finite()) || g.noise < 0.0 {
                return Err(ScenarioError::invalid(
                    at("generate.noise"),
                    format!("must be >= 0, got {}", g.noise),
                ));
            }
            if g.x_range[0] >= g.x_range[1] {
                return Err(ScenarioError::invalid(
                    at("generate.x_range"),
                    format!(
                        "the first value must be below the second, got [{}, {}]",
                        g.x_range[0], g.x_range[1]
                    ),
                ));
            }
            Dataset::generate(g)
        }
        (Some(_), None, None) => {
            return Err(ScenarioError::invalid(at("y"), "missing (x needs y)"))
        }
        (None, Some(_), None) => {
            return Err(ScenarioError::invalid(at("x"), "missing (y needs x)"))
        }
        _ => {
            return Err(ScenarioError::invalid(
                path,
                "give either x and y, or generate",
            ))
        }
    };
    let split = spec.validation_split;
    if !(0.0..1.0).contains(&split) {
        return Err(ScenarioError::invalid(
            at("validation_split"),
            format!("must be in [0, 1), got {split}"),
        ));
    }
    let regression = Regression::split(data, split, spec.split_seed);
    if regression.train.is_empty() {
        return Err(ScenarioError::invalid(
            at("validation_split"),
            "leaves no training points",
        ));
    }
    Ok(regression)
}
