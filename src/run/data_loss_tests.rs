//! The data loss and the penalty apart: with L1 the recorded loss is their sum, the data
//! loss is the training mean squared error alone, and the report carries both.

use crate::scenario::decode;

const L1: &str = r#"{"problem": {"regression": {"generate": {"n": 50, "seed": 3},
    "validation_split": 0.2}}, "start": [0, 0], "steps": 300,
    "runs": [{"optimizer": "sgd", "lr": 0.05, "l1": 0.5}, {"optimizer": "sgd", "lr": 0.05}]}"#;

#[test]
fn the_l1_run_reports_its_mean_squared_error_and_its_penalty_apart() {
    let s = decode(L1).unwrap();
    let mut race = s.race();
    race.advance(300);
    let r = race.runner(0).unwrap();
    let p = r.point();
    let reg = s.problem.regression().unwrap();
    let mse = {
        let t = &reg.train;
        let n = t.x.len() as f64;
        t.x.iter()
            .zip(&t.y)
            .map(|(x, y)| (p.x * x + p.y - y).powi(2))
            .sum::<f64>()
            / n
    };
    let data = r.data_loss().unwrap();
    assert!((data - mse).abs() <= 1e-9 * mse.max(1.0), "{data} vs {mse}");
    let penalty = r.penalty().unwrap();
    assert!((penalty - 0.5 * (p.x.abs() + p.y.abs())).abs() < 1e-12);
    assert!(penalty > 0.1, "a visible penalty: {penalty}");
    let loss = r.loss().unwrap();
    assert!(
        (loss - (data + penalty)).abs() < 1e-9,
        "loss {loss} = data + penalty"
    );
    // Without L1 the two losses agree and the penalty is 0.
    let plain = race.runner(1).unwrap();
    assert_eq!(plain.penalty(), Some(0.0));
    assert_eq!(plain.data_loss(), plain.loss());

    let report = crate::report::to_json(race.runners());
    assert_eq!(report["runs"][0]["data_loss"].as_f64(), Some(data));
    assert_eq!(report["runs"][0]["penalty"].as_f64(), Some(penalty));
}
