//! Axis spacing against hand-computed values, cell specs against the scenario decoder, cell
//! outcomes against the recording runner, and the decoder's messages.

use super::*;
use crate::run::Runner;
use crate::scenario::decode_run;

fn axis(from: f64, to: f64, n: usize, scale: Scale) -> Axis {
    Axis {
        field: Field::Number("lr"),
        from,
        to,
        n,
        scale,
    }
}

fn err(text: &str) -> String {
    match decode_sweep(text) {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn linear_values_are_evenly_spaced_with_exact_ends() {
    assert_eq!(
        axis(0.0, 1.0, 5, Scale::Linear).values(),
        [0.0, 0.25, 0.5, 0.75, 1.0]
    );
    assert_eq!(axis(1.0, 0.0, 3, Scale::Linear).values(), [1.0, 0.5, 0.0]);
    assert_eq!(axis(-2.0, 2.0, 3, Scale::Linear).values(), [-2.0, 0.0, 2.0]);
    // 0.1 steps are not exact in binary; the last value is `to` itself.
    let v = axis(0.0, 0.99, 4, Scale::Linear).values();
    assert_eq!((v[0], v[3]), (0.0, 0.99));
    assert!((v[1] - 0.33).abs() < 1e-15 && (v[2] - 0.66).abs() < 1e-15);
    assert_eq!(axis(2.0, 2.0, 3, Scale::Linear).values(), [2.0, 2.0, 2.0]);
    assert_eq!(axis(0.5, 9.0, 1, Scale::Linear).values(), [0.5]);
}

#[test]
fn log_values_are_evenly_spaced_exponents() {
    let v = axis(1e-4, 1.0, 5, Scale::Log).values();
    for (got, want) in v.iter().zip([1e-4, 1e-3, 1e-2, 1e-1, 1.0]) {
        assert!((got - want).abs() <= 1e-15 * want, "{got} vs {want}");
    }
    assert_eq!((v[0], v[4]), (1e-4, 1.0));
    let v = axis(1.0, 100.0, 3, Scale::Log).values();
    assert!((v[1] - 10.0).abs() < 1e-13, "{v:?}");
    let v = axis(2.0, 8.0, 3, Scale::Log).values();
    assert!((v[1] - 4.0).abs() < 1e-14, "{v:?}");
}

const MAP: &str = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 40,
  "run": {"optimizer": "adam", "betas": [0.8, 0.99], "weight_decay": 0.01},
  "x": {"param": "lr", "from": 1e-3, "to": 0.5, "n": 3, "scale": "log"},
  "y": {"param": "betas[0]", "from": 0, "to": 0.95, "n": 4}}"#;

#[test]
fn cell_specs_are_the_decoders_spec_for_the_run_written_out() {
    let sweep = decode_sweep(MAP).unwrap();
    let cells = sweep.cells();
    assert_eq!(cells.len(), 12);
    let (xs, ys) = (sweep.x.values(), sweep.y.as_ref().unwrap().values());
    for (c, (spec, start)) in cells.iter().enumerate() {
        let (x, y) = (xs[c % 3], ys[c / 3]);
        let text = format!(
            r#"{{"optimizer": "adam", "lr": {x}, "betas": [{y}, 0.99], "weight_decay": 0.01}}"#
        );
        assert_eq!(*spec, decode_run(&text, &sweep.problem).unwrap(), "{text}");
        assert_eq!(*start, Vec2::new(-1.5, 2.0));
    }
}

/// Every cell's outcome equals the recording runner's for the cell's spec and start.
fn check_against_runner(text: &str) -> SweepResult {
    let sweep = decode_sweep(text).unwrap();
    let result = sweep.run();
    let cells = sweep.cells();
    assert_eq!(result.cells.len(), cells.len());
    for (cell, (spec, start)) in result.cells.iter().zip(cells) {
        let mut r = Runner::new(sweep.problem.clone(), spec, start, sweep.tolerance);
        r.advance(sweep.steps);
        r.finish();
        assert_eq!(cell.outcome, r.outcome());
    }
    result
}

#[test]
fn cells_equal_the_recording_runner_whatever_the_axes() {
    let r = check_against_runner(MAP);
    assert_eq!(r.y.as_ref().map(Vec::len), Some(4));
    // Row by row (the page's progress) gives the same cells.
    let sweep = decode_sweep(MAP).unwrap();
    let rows = [
        sweep.run_rows(0..1),
        sweep.run_rows(1..3),
        sweep.run_rows(3..9),
    ];
    assert_eq!(rows.concat(), r.cells);
    assert_eq!(sweep.rows(), 4);
    assert!(sweep.run_rows(4..5).is_empty());
    assert_eq!(r.cells[5].x, r.x[2]);
    assert_eq!(r.cells[5].y, Some(r.y.as_ref().unwrap()[1]));
    // Start axes alone (a basin map), and mixed with a hyper-parameter either way round.
    let basins = r#"{"problem": {"surface": "himmelblau"}, "steps": 60,
      "run": {"optimizer": "sgd", "lr": 0.01, "momentum": 0.9},
      "x": {"param": "start[0]", "from": -4, "to": 4, "n": 5},
      "y": {"param": "start[1]", "from": -4, "to": 4, "n": 3}}"#;
    let r = check_against_runner(basins);
    assert_eq!(r.cells[6].outcome.start, Vec2::new(-2.0, 0.0));
    assert_eq!(r.cells[13].outcome.start, Vec2::new(2.0, 4.0));
    let mixed = r#"{"problem": {"surface": "six_hump_camel"}, "steps": 30,
      "run": {"optimizer": "rmsprop", "lr": 0.01},
      "x": {"param": "start[0]", "from": -1.5, "to": 1.5, "n": 4},
      "y": {"param": "alpha", "from": 0.5, "to": 0.99, "n": 3}}"#;
    check_against_runner(mixed);
    let mixed = r#"{"problem": {"surface": "six_hump_camel"}, "steps": 30,
      "run": {"optimizer": "nadam", "lr": 0.01},
      "x": {"param": "lr", "from": 0.001, "to": 0.3, "n": 3, "scale": "log"},
      "y": {"param": "start[1]", "from": -1, "to": 1, "n": 2}}"#;
    check_against_runner(mixed);
    let one = r#"{"problem": {"surface": "beale"}, "steps": 25,
      "run": {"optimizer": "sgd", "lr": 0.001, "momentum": 0.5, "nesterov": true},
      "x": {"param": "momentum", "from": 0.1, "to": 0.99, "n": 6}}"#;
    let r = check_against_runner(one);
    assert!(r.y.is_none() && r.cells.iter().all(|c| c.y.is_none()));
    // Mini-batches go through the recording loop inside the batch kernel.
    let regression = r#"{"problem": {"regression": {"generate": {"n": 40, "slope": 2,
      "intercept": -1, "noise": 0.3, "seed": 3}}}, "steps": 50,
      "run": {"optimizer": "sgd", "lr": 0.05, "batch_size": 8, "seed": 5},
      "x": {"param": "lr", "from": 0.01, "to": 0.1, "n": 3},
      "y": {"param": "start[1]", "from": -2, "to": 2, "n": 2}}"#;
    check_against_runner(regression);
}

#[test]
fn bad_sweeps_are_refused_naming_the_field() {
    let base = r#""problem": {"surface": "bowl"}, "run": {"optimizer": "sgd"}"#;
    let bad = |rest: &str| err(&format!("{{{base}, {rest}}}"));
    assert_eq!(
        bad(r#""x": {"param": "lr", "from": 1, "to": 2, "n": 0}"#),
        "x.n: must be in [1, 256], got 0"
    );
    assert_eq!(
        bad(r#""x": {"param": "lr", "from": 1, "to": 2, "n": 2.5}"#),
        "x.n: must be in [1, 256], got 2.5"
    );
    assert!(
        bad(r#""x": {"param": "betas[0]", "from": 0, "to": 0.5, "n": 3}"#)
            .starts_with(r#"x.param: unknown field "betas[0]" (for sgd: one of lr, momentum"#)
    );
    assert_eq!(
        bad(r#""x": {"param": "momentum", "from": -0.5, "to": 0.5, "n": 3}"#),
        "x.from: momentum must be >= 0, got -0.5"
    );
    assert_eq!(
        bad(r#""x": {"param": "lr", "from": 1, "to": 2, "n": 3, "scale": "exp"}"#),
        r#"x.scale: must be "linear" or "log", got "exp""#
    );
    assert_eq!(
        bad(r#""x": {"param": "start[0]", "from": -1, "to": 2, "n": 3, "scale": "log"}"#),
        "x.from: a log scale needs values > 0, got -1"
    );
    assert_eq!(
        bad(r#""x": {"param": "lr", "from": 1, "to": 2, "n": 3, "step": 1}"#),
        "x.step: unknown field (one of param, from, to, n, scale)"
    );
    assert_eq!(
        bad(r#""x": {"param": "lr", "from": 1, "n": 3}"#),
        "x: missing field `to`"
    );
    assert_eq!(
        bad(r#""x": {"param": "lr", "from": 1, "to": 2, "n": 3},
               "y": {"param": "lr", "from": 1, "to": 2, "n": 3}"#),
        "y.param: lr is already the x axis"
    );
    assert_eq!(
        bad(r#""runs": [], "x": {"param": "lr", "from": 1, "to": 2, "n": 3}"#),
        "runs: unknown field (one of problem, start, steps, tolerance, run, x, y)"
    );
    assert_eq!(
        err(r#"{"problem": {"surface": "bowl"}, "run": {"optimizer": "sgd"}}"#),
        "sweep: missing field `x`"
    );
    assert_eq!(
        err(
            r#"{"problem": {"surface": "bowl"}, "run": {"optimizer": "sgd", "lr": 0},
               "x": {"param": "momentum", "from": 0, "to": 1, "n": 3}}"#
        ),
        "run.lr: must be > 0, got 0"
    );
    // Exactly at the limit is accepted, one step more is not.
    let limit = |steps: u64| {
        format!(
            r#"{{{base}, "steps": {steps}, "x": {{"param": "lr", "from": 1, "to": 2, "n": 200}},
               "y": {{"param": "start[0]", "from": 1, "to": 2, "n": 200}}}}"#
        )
    };
    assert!(decode_sweep(&limit(5000)).is_ok());
    assert!(err(&limit(5001)).starts_with("sweep: too much work: 40000 cells × 5001 steps"));
    assert!(err(&format!(
        r#"{{{base}, "x": {{"param": "lr", "from": 1, "to": 1e400, "n": 3}}}}"#
    ))
    .ends_with("number out of range (every number must be finite)"));
}

#[test]
fn noise_round_trips_and_zero_noise_is_no_noise() {
    let text = r#"{"problem": {"surface": "rosenbrock"}, "steps": 50,
        "runs": [{"optimizer": "adam", "lr": 0.05, "noise": {"sigma": 0.3, "scale": "relative", "seed": 9}},
                 {"optimizer": "adam", "lr": 0.05, "noise": {"sigma": 0}},
                 {"optimizer": "adam", "lr": 0.05}]}"#;
    let s = crate::scenario::decode(text).unwrap();
    assert_eq!(
        crate::scenario::decode(&s.to_json().to_string()).unwrap(),
        s
    );
    let runs = s.run();
    let end = |i: usize| runs[i].point();
    assert_eq!(end(1), end(2), "σ = 0 adds exactly nothing");
    assert_ne!(end(0), end(2));
    // The same seed draws the same noise: a second decode runs the same path.
    let again = crate::scenario::decode(text).unwrap().run();
    assert_eq!(again[0].record().trajectory, runs[0].record().trajectory);
}

#[test]
fn a_links_explore_field_is_checked_by_the_sweep_decoder() {
    let scenario = |explore: &str| {
        format!(
            r#"{{"problem": {{"surface": "bowl"}}, "runs": [{{"optimizer": "sgd"}}], "page": {{"explore": {explore}}}}}"#
        )
    };
    let sweep = r#"{"problem": {"surface": "bowl"}, "run": {"optimizer": "adam"},
        "x": {"param": "lr", "from": 0.001, "to": 1, "n": 8, "scale": "log"}"#;
    let ok = scenario(&format!(
        r#"{{"view": "map", "metric": "loss", "sweep": {sweep}, "y": {{"param": "betas[0]", "from": 0, "to": 0.9, "n": 4}}}}}}"#
    ));
    let s = crate::scenario::decode(&ok).unwrap();
    assert_eq!(
        s.page.explore.as_ref().map(|e| e.view),
        Some(ExploreView::Map)
    );
    assert_eq!(
        crate::scenario::decode(&s.to_json().to_string()).unwrap(),
        s,
        "round trip"
    );
    let bad = |explore: String| {
        crate::scenario::decode(&scenario(&explore))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        bad(format!(
            r#"{{"view": "map", "sweep": {}}}}}"#,
            sweep.replace("\"n\": 8", "\"n\": 1000")
        )),
        "page.explore.sweep.x.n: must be in [1, 256], got 1000"
    );
    assert!(bad(format!(
        r#"{{"view": "map", "sweep": {}}}}}"#,
        sweep.replace("\"lr\"", "\"lrr\"")
    ))
    .starts_with("page.explore.sweep.x.param: unknown field \"lrr\""));
    assert_eq!(
        bad(format!(
            r#"{{"view": "fan", "sweep": {sweep}, "y": {{"param": "eps", "from": 0, "to": 1, "n": 2}}}}}}"#
        )),
        "page.explore.sweep.y: a fan has one axis (leave `y` out)"
    );
    // A malformed page object is named as `page` by serde (as the other page fields).
    assert_eq!(
        bad(format!(r#"{{"view": "heat", "sweep": {sweep}}}}}"#)),
        "page: unknown variant `heat`, expected one of `map`, `basins`, `fan`"
    );
}
