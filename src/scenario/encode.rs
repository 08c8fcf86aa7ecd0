//! [`Scenario`] → JSON, the inverse of [`decode`](super::decode): every hyper-parameter is
//! written out (defaults included), so an exported scenario means the same thing even if a
//! later version changes a default.

use super::{PageSettings, Scenario};
use crate::run::RunSpec;
use crate::schedule::Schedule;
use serde_json::{json, Map, Value};

impl Scenario {
    /// The scenario as JSON that [`decode`](super::decode) reads back to an equal scenario.
    pub fn to_json(&self) -> Value {
        let mut doc = json!({
            "problem": self.problem_spec,
            "start": self.start,
            "steps": self.steps,
            "tolerance": self.tolerance,
            "runs": self.runs.iter().map(run_to_json).collect::<Vec<_>>(),
        });
        if self.page != PageSettings::default() {
            doc["page"] = json!(self.page);
        }
        doc
    }
}

/// One run as JSON.
pub fn run_to_json(run: &RunSpec) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), json!(run.name));
    map.insert("optimizer".into(), json!(run.optimizer.kind()));
    for (name, value) in run.optimizer.values().all() {
        map.insert(name.into(), json!(value));
    }
    if run.l1 != 0.0 {
        map.insert("l1".into(), json!(run.l1));
    }
    if run.schedule != Schedule::Constant {
        map.insert("schedule".into(), json!(run.schedule));
    }
    let optional = [
        ("warmup", run.warmup.map(|w| json!(w))),
        ("batch_size", run.batch_size.map(|b| json!(b))),
        ("early_stopping", run.early_stopping.map(|e| json!(e))),
        ("color", run.color.as_ref().map(|c| json!(c))),
        ("noise", run.noise.map(|n| json!(n))),
        (
            "warm_start",
            run.warm_start
                .as_ref()
                .map(|w| json!({"source": w.source, "steps": w.steps})),
        ),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            map.insert(key.into(), v);
        }
    }
    if run.seed != 0 {
        map.insert("seed".into(), json!(run.seed));
    }
    Value::Object(map)
}
