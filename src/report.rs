//! Results of a scenario as the CLI prints them: JSON
//! (`{"runs":[{"name", "optimizer", "trajectory", "loss", "lr", "stop", "data_loss",
//! "penalty"}]}`, the shape the reference checker reads; `loss` includes the L1 penalty,
//! `data_loss` at the last point does not) or CSV (one row per run and step).

use crate::run::Runner;
use serde_json::{json, Value};
use std::fmt::Write;

/// The results as one JSON object.
pub fn to_json(runners: &[Runner]) -> Value {
    let runs: Vec<Value> = runners
        .iter()
        .map(|r| {
            let record = r.record();
            let mut run = json!({
                "name": r.spec().name,
                "optimizer": r.spec().optimizer.kind(),
                "trajectory": record.trajectory,
                "loss": record.loss,
                "lr": record.lr,
                "stop": r.outcome(),
                // At the last point: the loss without the L1 penalty, and the penalty.
                "data_loss": r.data_loss(),
                "penalty": r.penalty(),
            });
            if !record.validation_loss.is_empty() {
                run["validation_loss"] = json!(record.validation_loss);
            }
            run
        })
        .collect();
    json!({ "runs": runs })
}

/// The results as CSV: `run,name,optimizer,step,x,y,loss,lr[,validation_loss]`; the last
/// point of a run has an empty `lr` (no step was taken from it).
pub fn to_csv(runners: &[Runner]) -> String {
    let with_validation = runners.iter().any(|r| r.last_validation_loss().is_some());
    let mut out = String::from("run,name,optimizer,step,x,y,loss,lr");
    if with_validation {
        out.push_str(",validation_loss");
    }
    out.push('\n');
    for (i, r) in runners.iter().enumerate() {
        let record = r.record();
        let name = csv_field(&r.spec().name);
        let optimizer = r.spec().optimizer.kind().name();
        for (k, p) in record.trajectory.iter().enumerate() {
            let lr = record.lr.get(k).map(f64::to_string).unwrap_or_default();
            let loss = record.loss.get(k).map(f64::to_string).unwrap_or_default();
            // Writing to a String cannot fail.
            let _ = write!(
                out,
                "{i},{name},{optimizer},{k},{},{},{loss},{lr}",
                p.x, p.y
            );
            if with_validation {
                let v = record
                    .validation_loss
                    .get(k)
                    .map(f64::to_string)
                    .unwrap_or_default();
                let _ = write!(out, ",{v}");
            }
            out.push('\n');
        }
    }
    out
}

/// Quotes a CSV field when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
