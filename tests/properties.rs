//! Property tests: any scenario, however odd, either fails with a clear message naming a
//! place, or runs; and what runs never outputs NaN or infinity. Also typed formulas and
//! share links: any input is refused politely or accepted, never a panic.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

use gradscape::{decode, link, report};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Numbers a hostile or careless user might type.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1e300)),
        Just(json!(-1e300)),
        Just(json!(1e-300)),
        Just(json!(0.5)),
        Just(json!(0.999)),
        (-10.0..10.0f64).prop_map(|v| json!(v)),
        (1e-8..1e3f64).prop_map(|v| json!(v)),
        Just(json!("1")),
        Just(json!(null)),
        Just(json!(true)),
        Just(json!([0.9, 0.999])),
        Just(json!([0.9, 1.5])),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "lr",
        "momentum",
        "dampening",
        "nesterov",
        "weight_decay",
        "lr_decay",
        "initial_accumulator_value",
        "eps",
        "alpha",
        "centered",
        "rho",
        "betas",
        "amsgrad",
        "momentum_decay",
        "l1",
        "batch_size",
        "seed",
        "name",
        "colour",
        "<script>",
    ])
    .prop_map(str::to_string)
}

fn run() -> impl Strategy<Value = Value> {
    let optimizer = prop::sample::select(vec![
        "sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "radam", "adamax",
    ]);
    let schedule = prop_oneof![
        Just(json!(null)),
        Just(json!({"kind": "step", "step_size": 3, "gamma": 0.5})),
        Just(json!({"kind": "cosine", "t_max": 7})),
        Just(json!({"kind": "plateau", "patience": 0, "factor": 0.5})),
        Just(json!({"kind": "exponential", "gamma": 1e300})),
        Just(json!({"kind": "step", "step_size": 0})),
        Just(json!({"kind": "warp"})),
    ];
    (
        optimizer,
        prop::collection::vec((field_name(), number()), 0..6),
        schedule,
    )
        .prop_map(|(optimizer, fields, schedule)| {
            let mut run = json!({"optimizer": optimizer});
            for (k, v) in fields {
                run[k] = v;
            }
            if !schedule.is_null() {
                run["schedule"] = schedule;
            }
            run
        })
}

fn problem() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![
            "bowl", "valley", "rosenbrock", "beale", "himmelblau", "booth", "saddle",
            "rastrigin", "ackley", "six_hump_camel", "moon",
        ])
        .prop_map(|s| json!({"surface": s})),
        Just(json!({"expr": "x^2 + sin(y)*y"})),
        Just(json!({"expr": "log(x)"})),
        Just(json!({"expr": "x +"})),
        (1usize..50, -3.0..3.0f64, 0.0..2.0f64).prop_map(|(n, slope, noise)| {
            json!({"regression": {"generate": {"n": n, "slope": slope, "noise": noise}, "validation_split": 0.3}})
        }),
        Just(json!({"regression": {"x": [1, 1, 1], "y": [1, 2, 3]}})),
        Just(json!({"regression": {"x": [1, 2], "y": [1]}})),
    ]
}

fn scenario() -> impl Strategy<Value = Value> {
    (
        problem(),
        prop::option::of((number(), number())),
        prop::option::of(0u64..60),
        prop::collection::vec(run(), 0..4),
    )
        .prop_map(|(problem, start, steps, runs)| {
            let mut s = json!({"problem": problem, "runs": runs, "steps": steps.unwrap_or(20)});
            if let Some((x, y)) = start {
                s["start"] = json!([x, y]);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_scenario_fails_clearly_or_runs_finitely(s in scenario()) {
        match decode(&s.to_string()) {
            Err(e) => {
                let message = e.to_string();
                // "path: problem" or "not valid JSON at line L, column C: ...".
                prop_assert!(message.contains(": ") && message.len() < 600, "{}", message);
            }
            Ok(scenario) => {
                let runners = scenario.run();
                let out = report::to_json(&runners);
                for run in out["runs"].as_array().unwrap() {
                    for key in ["loss", "lr"] {
                        prop_assert!(run[key].as_array().unwrap().iter().all(Value::is_f64));
                    }
                    for p in run["trajectory"].as_array().unwrap() {
                        prop_assert!(p.as_array().unwrap().iter().all(Value::is_f64));
                    }
                }
                // What decodes also round-trips.
                prop_assert_eq!(decode(&scenario.to_json().to_string()).unwrap(), scenario);
            }
        }
    }

    #[test]
    fn any_text_is_a_scenario_or_an_error(text in ".{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn any_formula_parses_or_reports_a_position_inside_it(text in "[-+*/^().,0-9a-z ]{0,60}") {
        match gradscape::expr::Expr::parse(&text) {
            Ok(e) => { let _ = e.value_and_gradient(0.3, -0.7); }
            Err(e) => {
                let (start, len) = e.position();
                prop_assert!(start + len <= text.chars().count().max(1));
            }
        }
    }

    #[test]
    fn any_link_loads_or_says_why(fragment in "#?s=[A-Za-z0-9_=-]{0,300}") {
        if let Err(e) = link::decode(&fragment) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
