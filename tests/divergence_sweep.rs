//! Every optimizer × every surface × learning rates from 1e-6 to 1e6: no panic, nothing
//! non-finite in the output, and a diverged status with its step wherever a run blows up.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

use gradscape::catalog::catalog;
use gradscape::decode;
use gradscape::report;
use gradscape::run::Status;

#[test]
fn no_learning_rate_breaks_any_optimizer_on_any_surface() {
    let cat = catalog();
    let lrs: Vec<f64> = (-6..=6).map(|e| 10f64.powi(e)).collect();
    let mut diverged = 0;
    for surface in &cat.surfaces {
        for optimizer in &cat.optimizers {
            let runs: Vec<String> = lrs
                .iter()
                .map(|lr| format!(r#"{{"optimizer": "{}", "lr": {lr:e}}}"#, optimizer.name))
                .collect();
            let text = format!(
                r#"{{"problem": {{"surface": "{}"}}, "steps": 300, "runs": [{}]}}"#,
                surface.name,
                runs.join(",")
            );
            let scenario = decode(&text).unwrap();
            let runners = scenario.run();
            // The JSON output holds only numbers where numbers belong (serde_json writes a
            // non-finite f64 as null).
            let json = report::to_json(&runners);
            for run in json["runs"].as_array().unwrap() {
                for key in ["loss", "lr"] {
                    assert!(run[key]
                        .as_array()
                        .unwrap()
                        .iter()
                        .all(serde_json::Value::is_f64));
                }
                let points = run["trajectory"].as_array().unwrap();
                assert!(points
                    .iter()
                    .flat_map(|p| p.as_array().unwrap())
                    .all(serde_json::Value::is_f64));
            }
            for (r, lr) in runners.iter().zip(&lrs) {
                let rec = r.record();
                assert!(rec.trajectory.iter().all(|p| p.is_finite()));
                assert!(rec.loss.iter().chain(&rec.lr).all(|v| v.is_finite()));
                assert_eq!(rec.lr.len() + 1, rec.trajectory.len());
                match r.status() {
                    Status::Completed => assert_eq!(rec.lr.len(), 300),
                    Status::Diverged { step, .. } => {
                        diverged += 1;
                        assert_eq!(
                            step as usize,
                            rec.trajectory.len(),
                            "{} lr {lr}",
                            optimizer.name
                        );
                    }
                    other => panic!("{}: {other:?}", optimizer.name),
                }
            }
        }
    }
    // Plain SGD at lr 1e6 blows up on every surface with curvature: the sweep does reach
    // the diverging regime.
    assert!(diverged > 50, "only {diverged} runs diverged");
}
