//! The `gradscape` command as a user runs it: real processes, real files, stdin, exit codes.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

mod common;
use common::gradscape;

use std::process::Output;

const SCENARIO: &str = r#"{"problem": {"surface": "bowl"}, "start": [2.5, -1.5], "steps": 3,
  "runs": [{"optimizer": "sgd", "lr": 0.1}, {"name": "A, \"quoted\"", "optimizer": "adam", "lr": 0.1}]}"#;

#[test]
fn run_prints_trajectories_as_json() {
    let out = gradscape(&["run", "-"], SCENARIO);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let runs = json["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    let sgd = &runs[0];
    // Plain SGD on x² + y² with lr 0.1: p ← 0.8·p.
    assert_eq!(sgd["trajectory"][1][0].as_f64().unwrap(), 2.5 * 0.8);
    assert_eq!(sgd["loss"].as_array().unwrap().len(), 4);
    assert_eq!(sgd["lr"].as_array().unwrap().len(), 3);
    assert_eq!(sgd["stop"]["reason"], "completed");
    assert_eq!(sgd["stop"]["steps"], 3);
}

#[test]
fn run_reads_a_file_and_prints_csv() {
    let path = std::env::temp_dir().join(format!("gradscape-cli-{}.json", std::process::id()));
    std::fs::write(&path, SCENARIO).unwrap();
    let out = gradscape(&["run", path.to_str().unwrap(), "--format", "csv"], "");
    std::fs::remove_file(&path).ok();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "run,name,optimizer,step,x,y,loss,lr");
    assert_eq!(lines.len(), 1 + 2 * 4);
    assert_eq!(lines[1], "0,SGD,sgd,0,2.5,-1.5,8.5,0.1");
    assert!(
        lines[4].ends_with(','),
        "last point has no lr: {}",
        lines[4]
    );
    assert!(lines[5].starts_with("1,\"A, \"\"quoted\"\"\",adam,0,"));
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_field() {
    let bad = SCENARIO.replace("\"lr\": 0.1}]", "\"lr\": 0.1, \"betas\": [0.9, 1.5]}]");
    let out = gradscape(&["run", "-"], &bad);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "gradscape: runs[1].betas[1]: must be in [0, 1), got 1.5\n"
    );
    assert!(out.stdout.is_empty());

    let out = gradscape(&["run", "-"], "{not json");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err_line(&out),
        "gradscape: not valid JSON at line 1, column 2: key must be a string"
    );

    let out = gradscape(&["run", "/nonexistent/scenario.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(err_line(&out).starts_with("gradscape: cannot read /nonexistent/scenario.json"));
}

#[test]
fn too_much_warm_start_work_in_all_runs_together_exits_2_before_any_training() {
    // Each run alone is within the limit (50,000 × 999 ≈ 50 M point gradients); three
    // together are not, and the refusal comes at decode, before any pre-training.
    let run = r#"{"optimizer": "sgd", "batch_size": 999,
        "warm_start": {"source": {"generate": {"n": 1000}}, "steps": 50000}}"#;
    let scenario = format!(
        r#"{{"problem": {{"regression": {{"generate": {{"n": 1000}}}}}}, "runs": [{run}, {run}, {run}]}}"#
    );
    let out = gradscape(&["run", "-"], &scenario);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err_line(&out),
        "gradscape: runs[2].warm_start.steps: the warm starts of runs[0..=2] together are too much pre-training: 149850000 point gradients (at most 100000000 for the whole scenario)"
    );
    assert!(out.stdout.is_empty());
}

fn err_line(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    text.trim_end().to_string()
}

#[test]
fn list_prints_the_catalog() {
    let out = gradscape(&["list"], "");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["surfaces"].as_array().unwrap().len(), 10);
    let optimizers = json["optimizers"].as_array().unwrap();
    assert_eq!(optimizers.len(), 8);
    let nadam = optimizers.iter().find(|o| o["name"] == "nadam").unwrap();
    let lr = &nadam["params"][0];
    assert_eq!(lr["name"], "lr");
    assert_eq!(lr["default"], 2e-3);
    assert_eq!(json["schedules"].as_array().unwrap().len(), 6);
}
