//! `gradscape sweep` as a user runs it: every checked cell's `final` point, loss and stop equal
//! `gradscape run` on the same run written out as a scenario; axis values match hand-computed
//! spacings; bad sweeps exit 2 with one line naming the field.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

mod common;
use common::gradscape;

use serde_json::{json, Value};

fn json_out(args: &[&str], stdin: &str) -> Value {
    let out = gradscape(args, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The sweep's cell `(i, j)` run alone: the base run with the axis values written out.
fn scenario_for(sweep: &Value, values: &[(&str, f64)]) -> Value {
    let mut scenario = sweep.clone();
    let map = scenario.as_object_mut().unwrap();
    let mut run = map.remove("run").unwrap();
    map.remove("x");
    map.remove("y");
    for &(param, v) in values {
        match param {
            "start[0]" | "start[1]" => {
                let i = usize::from(param == "start[1]");
                map.get_mut("start").unwrap()[i] = json!(v);
            }
            "betas[0]" | "betas[1]" => {
                let i = usize::from(param == "betas[1]");
                let betas = run.get("betas").cloned().unwrap_or(json!([0.9, 0.999]));
                run["betas"] = betas;
                run["betas"][i] = json!(v);
            }
            _ => run[param] = json!(v),
        }
    }
    map.insert("runs".into(), json!([run]));
    scenario
}

/// Checks the listed cells (x index, y index) against `gradscape run`, bit for bit.
fn check_cells(sweep: &Value, picks: &[(usize, usize)]) -> Value {
    let out = json_out(&["sweep", "-"], &sweep.to_string());
    let xs = out["x"].as_array().unwrap().clone();
    let x_param = sweep["x"]["param"].as_str().unwrap();
    for &(i, j) in picks {
        let mut values = vec![(x_param, xs[i].as_f64().unwrap())];
        let cell = match sweep.get("y") {
            Some(y) => {
                values.push((y["param"].as_str().unwrap(), out["y"][j].as_f64().unwrap()));
                &out["cells"][j][i]
            }
            None => &out["cells"][i],
        };
        let scenario = scenario_for(sweep, &values);
        let run = &json_out(&["run", "-"], &scenario.to_string())["runs"][0];
        let trajectory = run["trajectory"].as_array().unwrap();
        let loss = run["loss"].as_array().unwrap();
        assert_eq!(cell["final"], *trajectory.last().unwrap(), "{scenario}");
        assert_eq!(cell["loss"], *loss.last().unwrap(), "{scenario}");
        assert_eq!(cell["stop"], run["stop"], "{scenario}");
        assert_eq!(cell["steps_to_tolerance"], run["stop"]["reached_at"]);
    }
    out
}

#[test]
fn two_axis_cells_equal_single_runs() {
    let adam = json!({"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 300,
        "run": {"optimizer": "adam"},
        "x": {"param": "lr", "from": 1e-4, "to": 1, "n": 9, "scale": "log"},
        "y": {"param": "betas[0]", "from": 0, "to": 0.99, "n": 5}});
    let out = check_cells(&adam, &[(0, 0), (8, 4), (5, 2), (7, 1)]);
    assert_eq!(out["cells"].as_array().unwrap().len(), 5);
    assert_eq!(out["cells"][0].as_array().unwrap().len(), 9);
    let sgd = json!({"problem": {"surface": "valley"}, "start": [-2, 1.5], "steps": 200,
        "tolerance": 0.05, "run": {"optimizer": "sgd", "lr": 0.01},
        "x": {"param": "lr", "from": 0.001, "to": 0.2, "n": 6},
        "y": {"param": "momentum", "from": 0, "to": 0.95, "n": 4}});
    let out = check_cells(&sgd, &[(0, 0), (5, 3), (2, 3), (4, 1)]);
    // Large steps on the valley diverge: the map must hold both outcomes.
    let reasons: Vec<&str> = out["cells"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row.as_array().unwrap())
        .map(|c| c["stop"]["reason"].as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"completed"), "{reasons:?}");
}

#[test]
fn one_axis_cells_equal_single_runs() {
    let rmsprop = json!({"problem": {"surface": "beale"}, "start": [1, 1.5], "steps": 150,
        "run": {"optimizer": "rmsprop", "lr": 0.01, "momentum": 0.5},
        "x": {"param": "alpha", "from": 0.5, "to": 0.999, "n": 7}});
    let out = check_cells(&rmsprop, &[(0, 0), (3, 0), (6, 0)]);
    assert!(out.get("y").is_none());
    assert!(out["cells"][0].get("final").is_some(), "flat list of cells");
    let nadam = json!({"problem": {"surface": "himmelblau"}, "start": [0, 0], "steps": 400,
        "run": {"optimizer": "nadam", "betas": [0.8, 0.99]},
        "x": {"param": "lr", "from": 1e-3, "to": 3, "n": 10, "scale": "log"}});
    check_cells(&nadam, &[(0, 0), (4, 0), (9, 0)]);
}

#[test]
fn start_axes_map_basins() {
    let basins = json!({"problem": {"surface": "himmelblau"}, "start": [0, 0], "steps": 300,
        "run": {"optimizer": "sgd", "lr": 0.01, "momentum": 0.8},
        "x": {"param": "start[0]", "from": -5, "to": 5, "n": 5},
        "y": {"param": "start[1]", "from": -5, "to": 5, "n": 5}});
    let out = check_cells(&basins, &[(0, 0), (4, 4), (1, 3), (3, 1)]);
    assert_eq!(out["x"], json!([-5.0, -2.5, 0.0, 2.5, 5.0]));
    // From (2.5, 2.5) SGD reaches Himmelblau's minimum at (3, 2); from (-2.5, 2.5) the
    // one near (-2.81, 3.13).
    let near = |cell: &Value, x: f64, y: f64| {
        let f = &cell["final"];
        (f[0].as_f64().unwrap() - x).abs() < 0.01 && (f[1].as_f64().unwrap() - y).abs() < 0.01
    };
    assert!(
        near(&out["cells"][3][3], 3.0, 2.0),
        "{}",
        out["cells"][3][3]
    );
    assert!(
        near(&out["cells"][3][1], -2.805, 3.131),
        "{}",
        out["cells"][3][1]
    );
}

#[test]
fn axis_values_are_spaced_as_asked() {
    let spec = |x: Value| {
        json!({"problem": {"surface": "bowl"}, "steps": 1,
            "run": {"optimizer": "sgd"}, "x": x})
        .to_string()
    };
    let out = json_out(
        &["sweep", "-"],
        &spec(json!({"param": "momentum", "from": 0, "to": 0.9, "n": 4})),
    );
    let xs: Vec<f64> = serde_json::from_value(out["x"].clone()).unwrap();
    for (got, want) in xs.iter().zip([0.0, 0.3, 0.6, 0.9]) {
        assert!((got - want).abs() < 1e-15, "{xs:?}");
    }
    let out = json_out(
        &["sweep", "-"],
        &spec(json!({"param": "lr", "from": 1e-3, "to": 10, "n": 5, "scale": "log"})),
    );
    let xs: Vec<f64> = serde_json::from_value(out["x"].clone()).unwrap();
    for (got, want) in xs.iter().zip([1e-3, 1e-2, 1e-1, 1.0, 10.0]) {
        assert!((got - want).abs() <= 1e-15 * want, "{xs:?}");
    }
    let out = json_out(
        &["sweep", "-"],
        &spec(json!({"param": "lr", "from": 0.1, "to": 0.1, "n": 3})),
    );
    assert_eq!(out["x"], json!([0.1, 0.1, 0.1]));
    assert_eq!(out["cells"][0], out["cells"][2]);
}

#[test]
fn csv_has_one_row_per_cell() {
    let spec = json!({"problem": {"surface": "bowl"}, "start": [2.5, -1.5], "steps": 3,
        "run": {"optimizer": "sgd", "lr": 0.1},
        "x": {"param": "lr", "from": 0.1, "to": 0.2, "n": 2},
        "y": {"param": "start[0]", "from": 2.5, "to": 1e11, "n": 2}});
    let out = gradscape(&["sweep", "-", "--format", "csv"], &spec.to_string());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "x,y,final_x,final_y,loss,stop,stop_step,steps_to_tolerance"
    );
    assert_eq!(lines.len(), 5);
    // SGD on x² + y² with lr 0.1 scales the point by 0.8 per step: 2.5·0.8³ = 1.28.
    assert!(lines[1].starts_with("0.1,2.5,1.28,-0.768,"), "{}", lines[1]);
    assert!(lines[1].ends_with(",completed,3,"), "{}", lines[1]);
    // Starting beyond the divergence bound: the first step diverges.
    assert!(lines[3].contains(",diverged,1,"), "{}", lines[3]);
}

#[test]
fn bad_sweeps_exit_2_naming_the_field() {
    let base = r#""problem": {"surface": "rosenbrock"}, "run": {"optimizer": "adam"}"#;
    let cases = [
        (
            r#""x": {"param": "lrr", "from": 1, "to": 2, "n": 3}"#,
            r#"x.param: unknown field "lrr""#,
        ),
        (
            r#""x": {"param": "lr", "from": 1e-3, "to": 1, "n": 1000}"#,
            "x.n: must be in [1, 256], got 1000",
        ),
        (
            r#""x": {"param": "lr", "from": 1, "to": -1, "n": 3}"#,
            "x.to: lr must be > 0, got -1",
        ),
        (
            r#""x": {"param": "lr", "from": 0.1, "to": 1, "n": 3},
               "y": {"param": "betas[1]", "from": 0.5, "to": 1, "n": 3}"#,
            "y.to: betas[1] must be in [0, 1), got 1",
        ),
        (
            r#""x": {"param": "eps", "from": 0, "to": 1, "n": 3, "scale": "log"}"#,
            "x.from: a log scale needs values > 0, got 0",
        ),
        (
            r#""steps": 100000, "x": {"param": "lr", "from": 1e-3, "to": 1, "n": 256},
               "y": {"param": "betas[0]", "from": 0, "to": 0.9, "n": 256}"#,
            "sweep: too much work: 65536 cells × 100000 steps",
        ),
    ];
    for (rest, want) in cases {
        let out = gradscape(&["sweep", "-"], &format!("{{{base}, {rest}}}"));
        assert_eq!(out.status.code(), Some(2), "{rest}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!("gradscape: {want}")),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn noisy_cells_equal_single_noisy_runs_and_noise_changes_the_path() {
    // Gradient noise (relative and absolute): the sweep runs such cells in the recording
    // runner; each still equals `gradscape run` of the same run, bit for bit. (Linear axes
    // with short decimal values: this file's serde_json reads long decimals to within an
    // ulp, not exactly, which would change the run compared.)
    let noisy = json!({"problem": {"surface": "valley"}, "start": [-2.7, 1], "steps": 120,
        "run": {"optimizer": "sgd", "lr": 0.03, "momentum": 0.9,
                "noise": {"sigma": 0.5, "scale": "relative", "seed": 3}},
        "x": {"param": "lr", "from": 0.01, "to": 0.04, "n": 4},
        "y": {"param": "start[1]", "from": -1, "to": 1, "n": 3}});
    let out = check_cells(&noisy, &[(0, 0), (3, 2), (1, 1)]);
    let mut clean = noisy.clone();
    clean["run"].as_object_mut().unwrap().remove("noise");
    let clean = json_out(&["sweep", "-"], &clean.to_string());
    assert_ne!(out["cells"][1][1]["final"], clean["cells"][1][1]["final"]);
    let absolute = json!({"problem": {"surface": "bowl"}, "start": [2.5, -1.5], "steps": 80,
        "run": {"optimizer": "adam", "lr": 0.1, "noise": {"sigma": 2, "seed": 11}},
        "x": {"param": "lr", "from": 0.1, "to": 0.3, "n": 3}});
    check_cells(&absolute, &[(0, 0), (2, 0)]);
}

#[test]
fn bad_noise_names_the_field() {
    let base = json!({"problem": {"surface": "bowl"}, "steps": 10,
        "x": {"param": "lr", "from": 0.01, "to": 0.1, "n": 2}});
    for (noise, message) in [
        (
            json!({"sigma": -1}),
            "run.noise.sigma: must be in [0, 1000000], got -1",
        ),
        (json!({"sigma": 1, "scale": "big"}), "run.noise"),
        (json!({"sigma": 1, "sead": 2}), "run.noise"),
    ] {
        let mut spec = base.clone();
        spec["run"] = json!({"optimizer": "sgd", "noise": noise});
        let out = gradscape(&["sweep", "-"], &spec.to_string());
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{err}");
    }
}
