//! The scenario decoder: what it accepts, and the message for everything it refuses.

use super::*;
use crate::optim::OptimizerKind;

const ROSENBROCK: &str = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2.0], "steps": 10,
  "runs": [{"optimizer": "adam", "lr": 0.05}]}"#;

/// A scenario on the bowl with the given runs.
fn with_runs(runs: &str) -> String {
    format!(r#"{{"problem": {{"surface": "bowl"}}, "steps": 5, "runs": {runs}}}"#)
}

fn regression(body: &str) -> String {
    format!(
        r#"{{"problem": {{"regression": {body}}}, "steps": 5, "runs": [{{"optimizer": "sgd"}}]}}"#
    )
}

fn error_of(text: &str) -> String {
    match decode(text) {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn accepts_the_reference_form_and_fills_pytorch_defaults() {
    let s = decode(ROSENBROCK).unwrap();
    assert_eq!(s.steps, 10);
    assert_eq!(s.start, Vec2::new(-1.5, 2.0));
    let v = s.runs[0].optimizer.values();
    assert_eq!(s.runs[0].optimizer.kind(), OptimizerKind::Adam);
    assert_eq!(v.pair("betas"), [0.9, 0.999]);
    assert_eq!(v.number("eps"), 1e-8);
    assert_eq!(s.runs[0].name, "Adam");
    // Omitted start, steps and tolerance take the documented defaults.
    let s = decode(&with_runs(r#"[{"optimizer": "sgd"}]"#)).unwrap();
    assert_eq!(s.start, SurfaceKind::Bowl.surface().default_start());
    assert_eq!(s.tolerance, DEFAULT_TOLERANCE);
    assert_eq!(s.runs[0].optimizer.lr(), 1e-3);
}

#[test]
fn bad_input_gets_a_message_naming_the_field() {
    let table: Vec<(String, &str)> = vec![
        ("{\"problem\": ".into(), "not valid JSON at line 1, column 12: EOF while parsing a value"),
        ("[1, 2]".into(), "scenario: must be a JSON object with `problem` and `runs`"),
        (
            r#"{"problem": {"surface": "bowl"}, "runs": [{"optimizer": "sgd"}], "colour": 1}"#.into(),
            "colour: unknown field (one of problem, start, steps, tolerance, runs, page)",
        ),
        (
            r#"{"problem": {"surface": "mountain"}, "runs": [{"optimizer": "sgd"}]}"#.into(),
            "problem.surface: unknown variant `mountain`, expected one of `bowl`, `valley`, `rosenbrock`, `beale`, `himmelblau`, `booth`, `saddle`, `rastrigin`, `ackley`, `six_hump_camel`",
        ),
        (
            with_runs(r#"[{"optimizer": "adamax"}]"#),
            "runs[0].optimizer: unknown optimizer \"adamax\" (one of sgd, adagrad, rmsprop, adadelta, adam, adamw, nadam, radam)",
        ),
        (with_runs(r#"[{"lr": 0.1}]"#), "runs[0]: missing field `optimizer`"),
        (with_runs(r#"[{"optimizer": "sgd", "lr": 0}]"#), "runs[0].lr: must be > 0, got 0"),
        (with_runs(r#"[{"optimizer": "sgd", "lr": -0.5}]"#), "runs[0].lr: must be > 0, got -0.5"),
        (with_runs(r#"[{"optimizer": "sgd", "lr": "fast"}]"#), "runs[0].lr: must be a number, got \"fast\""),
        (
            with_runs(r#"[{"optimizer": "sgd"}, {"optimizer": "sgd"}, {"optimizer": "adam", "betas": [0.9, 1.5]}]"#),
            "runs[2].betas[1]: must be in [0, 1), got 1.5",
        ),
        (
            with_runs(r#"[{"optimizer": "adam", "betas": [0.9]}]"#),
            "runs[0].betas: must be a pair of numbers, got [0.9]",
        ),
        (
            with_runs(r#"[{"optimizer": "adam", "weight_decay": -1}]"#),
            "runs[0].weight_decay: must be >= 0, got -1",
        ),
        (with_runs(r#"[{"optimizer": "rmsprop", "eps": -1e-8}]"#), "runs[0].eps: must be >= 0, got -0.00000001"),
        (
            with_runs(r#"[{"optimizer": "sgd", "amsgrad": true}]"#),
            "runs[0].amsgrad: unknown field for sgd (its hyper-parameters: lr, momentum, dampening, nesterov, weight_decay; and for every run: optimizer, name, l1, schedule, warmup, batch_size, seed, early_stopping, color, warm_start, noise)",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "nesterov": true}]"#),
            "runs[0].nesterov: needs momentum > 0 and dampening = 0 (as PyTorch)",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "nesterov": "yes"}]"#),
            "runs[0].nesterov: must be true or false, got \"yes\"",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "schedule": {"kind": "sometimes"}}]"#),
            "runs[0].schedule.kind: unknown schedule \"sometimes\" (one of constant, step, exponential, cosine, inverse_time, plateau)",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "schedule": {"kind": "cosine", "tmax": 10}}]"#),
            "runs[0].schedule.tmax: unknown field for the cosine schedule (its fields: t_max, eta_min)",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "schedule": {"kind": "exponential"}}]"#),
            "runs[0].schedule.gamma: missing",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "schedule": {"kind": "step", "step_size": 2.5}}]"#),
            "runs[0].schedule.step_size: must be a whole number >= 0, got 2.5",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "schedule": {"kind": "step", "step_size": 0}}]"#),
            "runs[0].schedule.step_size: must be >= 1",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "batch_size": 4}]"#),
            "runs[0].batch_size: only regression problems have mini-batches",
        ),
        (
            with_runs(r#"[{"optimizer": "sgd", "l1": -1}]"#),
            "runs[0].l1: must be >= 0, got -1",
        ),
        (
            r#"{"problem": {"surface": "bowl"}, "steps": 5000000, "runs": [{"optimizer": "sgd"}]}"#.into(),
            "steps: must be at most 1000000, got 5000000",
        ),
        (
            r#"{"problem": {"surface": "bowl"}, "steps": -3, "runs": [{"optimizer": "sgd"}]}"#.into(),
            "steps: invalid value: integer `-3`, expected u64",
        ),
        (
            r#"{"problem": {"surface": "bowl"}, "start": [1e999, 0], "runs": [{"optimizer": "sgd"}]}"#.into(),
            "not valid JSON at line 1, column 48: number out of range (every number must be finite)",
        ),
        (with_runs("[]"), "runs: must contain at least one run"),
        (
            r#"{"problem": {"expr": "x^2 + 2y"}, "runs": [{"optimizer": "sgd"}]}"#.into(),
            "problem.expr: expected an operator between '2' and 'y'; write 2*y (at character 8)",
        ),
        (regression(r#"{"x": [], "y": []}"#), "problem.regression.x: must not be empty"),
        (
            r#"{"problem": {"regression": {"generate": {"n": 1000}}}, "runs": [{"optimizer": "sgd", "batch_size": 500,
                "warm_start": {"source": {"generate": {"n": 1000000}}, "steps": 1000000}}]}"#
                .into(),
            "runs[0].warm_start.steps: 1000000 steps of batches of 500 is too much pre-training (at most 100000000 point gradients)",
        ),
        (
            regression(r#"{"x": [1, 2, 3], "y": [1, 2]}"#),
            "problem.regression.y: has 2 values but x has 3",
        ),
        (regression(r#"{"x": [1, 2]}"#), "problem.regression.y: missing (x needs y)"),
        (regression("{}"), "problem.regression: give either x and y, or generate"),
        (
            regression(r#"{"generate": {"n": 0}}"#),
            "problem.regression.generate.n: must be in [1, 1000000], got 0",
        ),
        (
            regression(r#"{"generate": {"n": 10}, "validation_split": 1.0}"#),
            "problem.regression.validation_split: must be in [0, 1), got 1",
        ),
    ];
    let mismatches: Vec<String> = table
        .iter()
        .filter_map(|(input, expected)| {
            let got = error_of(input);
            (got != *expected)
                .then(|| format!("input: {input}\n  got:      {got}\n  expected: {expected}"))
        })
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn written_scenarios_decode_to_the_same_scenario() {
    let text = r##"{"problem": {"regression": {"generate": {"n": 40, "seed": 3}, "validation_split": 0.25}},
      "start": [0.5, -0.5], "steps": 50, "tolerance": 0.001,
      "runs": [{"optimizer": "sgd", "lr": 0.1, "momentum": 0.9, "batch_size": 8, "seed": 4,
                "early_stopping": {"patience": 5, "min_delta": 0.001}, "color": "#0072b2"},
               {"name": "warm", "optimizer": "adamw", "l1": 0.01,
                "schedule": {"kind": "cosine", "t_max": 30}, "warmup": {"steps": 5}}]}"##;
    let s = decode(text).unwrap();
    let again = decode(&s.to_json().to_string()).unwrap();
    assert_eq!(s, again);
    let a: Vec<_> = s.run().iter().map(|r| r.record().clone()).collect();
    let b: Vec<_> = again.run().iter().map(|r| r.record().clone()).collect();
    assert_eq!(a, b);
}

#[test]
fn regression_data_is_split_and_generated_deterministically() {
    let text = regression(r#"{"generate": {"n": 100, "seed": 9}, "validation_split": 0.2}"#);
    let s = decode(&text).unwrap();
    let r = s.problem.regression().unwrap();
    assert_eq!((r.train.len(), r.validation.len()), (80, 20));
    assert_eq!(r.data.len(), 100);
    assert_eq!(r.is_validation.iter().filter(|&&v| v).count(), 20);
    let held_out: Vec<f64> = (0..100)
        .filter(|&i| r.is_validation[i])
        .map(|i| r.data.x[i])
        .collect();
    let mut expected = r.validation.x.clone();
    let mut got = held_out;
    expected.sort_by(f64::total_cmp);
    got.sort_by(f64::total_cmp);
    assert_eq!(got, expected);
    assert_eq!(decode(&text).unwrap().problem, s.problem);
}

#[test]
fn a_typed_formula_runs_like_the_built_in_surface() {
    let typed = decode(
        r#"{"problem": {"expr": "(1 - x)^2 + 100*(y - x^2)^2"}, "start": [-1.5, 2], "steps": 300,
            "runs": [{"optimizer": "adam", "lr": 0.05}]}"#,
    )
    .unwrap();
    let built_in = decode(
        ROSENBROCK
            .replace("\"steps\": 10", "\"steps\": 300")
            .as_str(),
    )
    .unwrap();
    let (a, b) = (&typed.run()[0], &built_in.run()[0]);
    for (p, q) in a.record().trajectory.iter().zip(&b.record().trajectory) {
        assert!(
            (*p - *q).norm() <= 1e-9 * (1.0 + q.norm()),
            "{p:?} vs {q:?}"
        );
    }
    assert_eq!(decode(&typed.to_json().to_string()).unwrap(), typed);
}

#[test]
fn page_view_layout_theme_and_language_round_trip_and_refuse_unknown_values() {
    let text = r#"{"problem": {"surface": "bowl"}, "runs": [{"optimizer": "sgd"}],
      "page": {"view": "3d", "layout": "grid", "ghosts": true, "theme": "light", "lang": "zh-CN"}}"#;
    let s = decode(text).unwrap();
    assert_eq!(s.page.view, Some(page::ViewKind::Terrain));
    assert_eq!(s.page.layout, Some(page::Layout::Grid));
    assert_eq!(s.page.ghosts, Some(true));
    assert_eq!(s.page.theme, Some(page::Theme::Light));
    assert_eq!(s.page.lang, Some(page::Language::SimplifiedChinese));
    let again = decode(&s.to_json().to_string()).unwrap();
    assert_eq!(again.page, s.page);
    for bad in [
        r#""view": "4d""#,
        r#""theme": "sepia""#,
        r#""lang": "fr""#,
        r#""layout": 3"#,
    ] {
        let text = format!(
            r#"{{"problem": {{"surface": "bowl"}}, "runs": [{{"optimizer": "sgd"}}], "page": {{{bad}}}}}"#
        );
        assert!(
            error_of(&text).contains("page"),
            "{bad}: {}",
            error_of(&text)
        );
    }
}
