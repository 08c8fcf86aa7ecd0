//! The WebAssembly boundary, tested in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (`make test` does this). Compiles to nothing natively.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> Value {
    let text = gradscape::web::catalog_json();
    serde_json::from_str(&text).expect("catalog_json() is valid JSON")
}

fn list_len(catalog: &Value, key: &str) -> usize {
    catalog[key]
        .as_array()
        .unwrap_or_else(|| panic!("catalog.{key} is an array"))
        .len()
}

#[wasm_bindgen_test]
fn catalog_lists_ten_surfaces_and_eight_optimizers() {
    let catalog = catalog();
    assert_eq!(list_len(&catalog, "surfaces"), 10);
    assert_eq!(list_len(&catalog, "optimizers"), 8);
}

#[wasm_bindgen_test]
fn adam_learning_rate_defaults_to_pytorch() {
    let catalog = catalog();
    let adam = catalog["optimizers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "adam")
        .expect("adam is in the catalog");
    let lr = adam["params"]
        .as_array()
        .expect("adam has params")
        .iter()
        .find(|p| p["name"] == "lr")
        .expect("adam has an lr");
    assert_eq!(lr["default"].as_f64(), Some(0.001));
}

const BOWL: &str = r#"{"problem": {"surface": "bowl"}, "start": [2.5, -1.5], "steps": 10,
    "runs": [{"optimizer": "sgd", "lr": 0.1}, {"optimizer": "adam", "lr": 0.1}]}"#;

/// A JavaScript value read back as JSON values, its numbers exactly (serde-wasm-bindgen
/// takes them as f64s; a JSON text would go through serde_json's best-effort float parsing,
/// one ulp off for some 17-digit numbers, which the page's wasm keeps for its size).
fn json_of(value: &wasm_bindgen::JsValue) -> Value {
    serde_wasm_bindgen::from_value(value.clone()).expect("a JSON-shaped value")
}

#[wasm_bindgen_test]
fn a_session_steps_and_reports_what_the_engine_computed() {
    let mut session = gradscape::web::Session::new(BOWL).expect("valid scenario");
    assert_eq!(session.advance(3), 3);
    let state = json_of(&session.state().expect("state"));
    assert_eq!(state["step"], 3);
    // Plain SGD on x² + y² at lr 0.1: p ← 0.8·p, computed in Rust and crossed as numbers.
    let x = state["runs"][0]["point"][0].as_f64().unwrap();
    assert!((x - 2.5 * 0.8f64.powi(3)).abs() < 1e-15);
    assert_eq!(state["runs"][0]["status"]["reason"], "running");
    // The path comes back flat, [x0, y0, x1, y1, ...], from the index asked for.
    assert_eq!(session.path(0, 0).len(), 8);
    let tail = session.path(0, 3);
    assert_eq!(tail.len(), 2);
    assert_eq!(tail[0], x);
    assert!((tail[1] + 1.5 * 0.8f64.powi(3)).abs() < 1e-15);
    // The step details carry the engine's derived numbers (Adam's bias corrections).
    let details = json_of(&session.step_details(1, 0).expect("details"));
    let bc1 = details["derived"]["bias_correction1"].as_f64().unwrap();
    assert!((bc1 - 0.1).abs() < 1e-15);
    // Running to the end completes; the exported scenario runs unchanged in the CLI's decoder.
    session.advance(100);
    let state = json_of(&session.state().expect("state"));
    assert_eq!(state["runs"][1]["status"]["reason"], "completed");
    assert!(gradscape::decode(&session.scenario_json()).is_ok());
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_naming_the_field() {
    let bad = BOWL.replace("\"lr\": 0.1}]", "\"lr\": -1}]");
    let error = gradscape::web::Session::new(&bad).err().expect("refused");
    let message = String::from(js_sys::Error::from(wasm_bindgen::JsValue::from(error)).message());
    assert_eq!(message, "runs[1].lr: must be > 0, got -1");
}

fn message_of(error: wasm_bindgen::JsError) -> String {
    String::from(js_sys::Error::from(wasm_bindgen::JsValue::from(error)).message())
}

#[wasm_bindgen_test]
fn a_run_snapshot_moves_a_run_between_sessions_and_continues_identically() {
    // The worker's flow: its own session of the page's scenario re-plans run 1 at step 0,
    // advances it in chunks to the page's step, and the page adopts the snapshot.
    let mut page = gradscape::web::Session::new(BOWL).expect("valid scenario");
    page.advance(6);
    let mut worker = gradscape::web::Session::new(&page.scenario_json()).expect("valid");
    let run = r#"{"optimizer": "adam", "lr": 0.3}"#;
    worker.set_run(1, run, false).expect("valid run");
    let mut step = 0;
    while step < 6 {
        step = worker.advance_run(1, (6 - step as u32).min(4));
    }
    let bytes = worker.run_snapshot(1);
    page.adopt_run(1, &bytes).expect("adopted");
    // The same as re-planning on the page itself, now and after more steps.
    let mut replanned = gradscape::web::Session::new(BOWL).expect("valid scenario");
    replanned.advance(6);
    replanned.set_run(1, run, true).expect("valid run");
    assert_eq!(page.path(1, 0), replanned.path(1, 0));
    page.advance(3);
    replanned.advance(3);
    assert_eq!(page.path(1, 0), replanned.path(1, 0));
    assert_eq!(page.rates(1, 0), replanned.rates(1, 0));
    // Appending at the end; refusals are Errors with a readable message.
    page.adopt_run(2, &bytes).expect("appended");
    assert_eq!(
        json_of(&page.state().unwrap())["runs"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let truncated = message_of(page.adopt_run(0, &bytes[..10]).unwrap_err());
    assert!(truncated.contains("truncated"), "{truncated}");
    let mut other = gradscape::web::Session::new(&BOWL.replace("bowl", "booth")).unwrap();
    let refused = message_of(other.adopt_run(0, &bytes).unwrap_err());
    assert!(refused.contains("different problem"), "{refused}");
}

#[wasm_bindgen_test]
fn state_and_problem_keep_their_json_shapes() {
    let mut session = gradscape::web::Session::new(BOWL).expect("valid scenario");
    session.advance(2);
    let state = json_of(&session.state().expect("state"));
    let run = &state["runs"][0];
    // Missing values are null (not absent), steps are plain numbers, points are pairs.
    assert!(run.as_object().unwrap().contains_key("validation_loss"));
    assert_eq!(run["validation_loss"], Value::Null);
    assert_eq!(run["epochs"], Value::Null);
    assert_eq!(run["steps"], 2);
    assert_eq!(state["max_steps"], 10);
    assert_eq!(run["status"], serde_json::json!({"reason": "running"}));
    assert_eq!(run["point"].as_array().unwrap().len(), 2);
    let problem = json_of(&session.problem().expect("problem"));
    assert_eq!(problem["start"], serde_json::json!([2.5, -1.5]));
    assert_eq!(problem["minima"][0]["point"], serde_json::json!([0, 0]));
    assert!(problem["bounds"]["min"].is_array());
}

#[wasm_bindgen_test]
fn a_copied_run_keeps_its_path_and_replan_all_recomputes_every_run() {
    let mut session = gradscape::web::Session::new(BOWL).expect("valid scenario");
    session.advance(4);
    session
        .set_run(0, r#"{"optimizer": "sgd", "lr": 0.3}"#, false)
        .expect("valid run");
    session.advance(2);
    assert_eq!(session.copy_run(0).expect("copied"), 2);
    assert_eq!(session.path(2, 0), session.path(0, 0));
    // The copy's path so far: lr 0.1 (p ← 0.8·p on x² + y²) for 4 steps, then lr 0.3.
    assert_eq!(session.path(2, 0)[2], 2.5 * 0.8);
    // Re-planned, both follow lr 0.3 from the start: p ← 0.4·p.
    session.replan_all();
    assert_eq!(session.step(), 6);
    for i in [0, 2] {
        let x = session.path(i, 0)[12];
        assert!((x - 2.5 * 0.4f64.powi(6)).abs() < 1e-15, "{x}");
        assert_eq!(session.path(i, 0)[2], 2.5 * 0.4);
    }
}

#[wasm_bindgen_test]
fn a_sweep_cell_is_the_run_a_session_plays_with_the_cell_settings() {
    let spec = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 150,
        "run": {"optimizer": "adam"},
        "x": {"param": "lr", "from": 1e-3, "to": 1e-1, "n": 3, "scale": "log"},
        "y": {"param": "betas[0]", "from": 0.5, "to": 0.9, "n": 2}}"#;
    let result = json_of(&gradscape::web::sweep::sweep(spec).expect("valid sweep"));
    let xs: Vec<f64> = serde_json::from_value(result["x"].clone()).unwrap();
    let ys: Vec<f64> = serde_json::from_value(result["y"].clone()).unwrap();
    assert_eq!(xs.len(), 3);
    assert_eq!(ys, vec![0.5, 0.9]);
    for (j, y) in ys.iter().enumerate() {
        for (i, x) in xs.iter().enumerate() {
            let scenario = format!(
                r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [-1.5, 2], "steps": 150,
                   "runs": [{{"optimizer": "adam", "lr": {x:?}, "betas": [{y:?}, 0.999]}}]}}"#
            );
            let mut session = gradscape::web::Session::new(&scenario).expect("valid scenario");
            session.advance(150);
            let path = session.path(0, 0);
            let last = [path[path.len() - 2], path[path.len() - 1]];
            let cell = &result["cells"][j][i];
            assert_eq!(cell["final"][0].as_f64(), Some(last[0]), "cell ({i}, {j})");
            assert_eq!(cell["final"][1].as_f64(), Some(last[1]), "cell ({i}, {j})");
        }
    }
    let bad = r#"{"problem": {"surface": "bowl"}, "run": {"optimizer": "adam"},
        "x": {"param": "lrr", "from": 0, "to": 1, "n": 2}}"#;
    let message = message_of(gradscape::web::sweep::sweep(bad).unwrap_err());
    assert!(message.starts_with("x.param"), "{message}");
}

/// The batch kernel in wasm takes some sums coordinate by coordinate (`run/batch/lane.rs`,
/// `optim/sgd.rs`: store forwarding); its end points must still be the recording runner's,
/// bit for bit, for every family, with L1 (whose gradient joins that sum).
#[wasm_bindgen_test]
fn the_batch_kernel_ends_where_a_recorded_run_does_for_every_family() {
    let runs = [
        r#""optimizer": "sgd""#,
        r#""optimizer": "sgd", "momentum": 0.9, "nesterov": true"#,
        r#""optimizer": "adagrad""#,
        r#""optimizer": "rmsprop", "momentum": 0.5, "centered": true"#,
        r#""optimizer": "adadelta""#,
        r#""optimizer": "adam""#,
        r#""optimizer": "adamw""#,
        r#""optimizer": "nadam""#,
        r#""optimizer": "radam""#,
    ];
    let mut differ = Vec::new();
    for run in runs {
        let spec = format!(
            r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [-1.5, 2], "steps": 400,
                "run": {{{run}, "l1": 0.01}},
                "x": {{"param": "lr", "from": 1e-4, "to": 1e-3, "n": 2, "scale": "log"}}}}"#
        );
        let result = json_of(&gradscape::web::sweep::sweep(&spec).expect("valid sweep"));
        let xs: Vec<f64> = serde_json::from_value(result["x"].clone()).unwrap();
        assert_eq!(xs.len(), 2, "{run}");
        for (i, x) in xs.iter().enumerate() {
            let scenario = format!(
                r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [-1.5, 2], "steps": 400,
                   "runs": [{{{run}, "l1": 0.01, "lr": {x:?}}}]}}"#
            );
            let mut session = gradscape::web::Session::new(&scenario).expect("valid scenario");
            session.advance(400);
            let path = session.path(0, 0);
            let last = [path[path.len() - 2], path[path.len() - 1]];
            let cell = &result["cells"][i]; // (one axis: a row of cells)
            if cell["final"][0].as_f64() != Some(last[0])
                || cell["final"][1].as_f64() != Some(last[1])
            {
                differ.push(format!(
                    "{run}, lr {x}: batch {} vs recorded {last:?}",
                    cell["final"]
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{differ:#?}");
}

#[path = "sampled_grids.rs"]
mod sampled_grids;

/// The sampled grids are the surfaces' own values bit for bit in wasm too, where the
/// sampling runs two columns per `f64x2` (`tests/sampled_grids.rs`).
#[wasm_bindgen_test]
fn sampled_grids_in_wasm_equal_the_values_bit_for_bit() {
    sampled_grids::sampled_grids_equal_the_values();
}
