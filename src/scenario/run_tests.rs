//! One run decoded against the loaded problem (the page's live edits), and the scenario's
//! limit on the warm starts' total pre-training work.

use super::*;

/// A regression scenario whose runs are `count` copies of a warm-started run doing
/// `steps` steps of batches of `batch` on a 1,000-point source.
fn warm_runs(count: usize, steps: u64, batch: usize) -> String {
    let run = format!(
        r#"{{"optimizer": "sgd", "batch_size": {batch},
            "warm_start": {{"source": {{"generate": {{"n": 1000}}}}, "steps": {steps}}}}}"#
    );
    let runs = vec![run; count].join(", ");
    format!(
        r#"{{"problem": {{"regression": {{"generate": {{"n": 1000}}}}}}, "steps": 5, "runs": [{runs}]}}"#
    )
}

fn error_of(text: &str) -> String {
    match decode(text) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_warm_starts_of_a_scenario_share_one_work_limit() {
    // One run at the limit (10^5 steps of 1,000-point batches would be over; 999 is the
    // largest mini-batch): 100,000 × 999 = 99.9 M point gradients, accepted alone.
    assert!(decode(&warm_runs(1, 100_000, 999)).is_ok());
    // 32 runs each within the limit, together far over it: refused at the second run.
    assert_eq!(
        error_of(&warm_runs(32, 100_000, 999)),
        "runs[1].warm_start.steps: the warm starts of runs[0..=1] together are too much pre-training: 199800000 point gradients (at most 100000000 for the whole scenario)"
    );
    // Many small ones that fit together are fine (32 × 3,000 × 999 = 95.9 M); a little
    // more each and the last run takes the total over.
    assert!(decode(&warm_runs(32, 3_000, 999)).is_ok());
    assert_eq!(
        error_of(&warm_runs(32, 3_200, 999)),
        "runs[31].warm_start.steps: the warm starts of runs[0..=31] together are too much pre-training: 102297600 point gradients (at most 100000000 for the whole scenario)"
    );
    // One run over the limit alone keeps its own message.
    assert_eq!(
        error_of(&warm_runs(1, 200_000, 999)),
        "runs[0].warm_start.steps: 200000 steps of batches of 999 is too much pre-training (at most 100000000 point gradients)"
    );
}

#[test]
fn mixed_warm_starts_count_only_their_mini_batch_work() {
    // Full-batch pre-training costs O(1) per step (the data's summary): it does not count.
    let full = r#"{"optimizer": "sgd", "warm_start": {"source": {"generate": {"n": 1000}}, "steps": 1000000}}"#;
    let mini = r#"{"optimizer": "sgd", "batch_size": 500, "warm_start": {"source": {"generate": {"n": 1000}}, "steps": 150000}}"#;
    let plain = r#"{"optimizer": "adam"}"#;
    let scenario = |runs: &[&str]| {
        format!(
            r#"{{"problem": {{"regression": {{"generate": {{"n": 1000}}}}}}, "runs": [{}]}}"#,
            runs.join(", ")
        )
    };
    assert!(decode(&scenario(&[full, full, full, mini, plain])).is_ok());
    assert_eq!(
        error_of(&scenario(&[full, mini, plain, full, mini])),
        "runs[4].warm_start.steps: the warm starts of runs[0..=4] together are too much pre-training: 150000000 point gradients (at most 100000000 for the whole scenario)"
    );
}

#[test]
fn a_run_decoded_alone_is_checked_against_the_loaded_data() {
    let s = decode(
        r#"{"problem": {"regression": {"generate": {"n": 30}, "validation_split": 0.5}},
        "runs": [{"optimizer": "sgd"}]}"#,
    )
    .unwrap();
    let run = decode_run(
        r#"{"optimizer": "adam", "batch_size": 15, "lr": 0.2}"#,
        &s.problem,
    );
    assert_eq!(run.unwrap().batch_size, Some(15));
    let cases = [
        (
            r#"{"optimizer": "adam", "batch_size": 16}"#,
            "runs[0].batch_size: must be a whole number in [1, 15] (the training points), got 16",
        ),
        (
            r#"{"optimizer": "adam", "lr": -1}"#,
            "runs[0].lr: must be > 0, got -1",
        ),
        (
            r#"{"optimizer": "adam", "betas": [0.9, 1.5]}"#,
            "runs[0].betas[1]: must be in [0, 1), got 1.5",
        ),
        (
            r#"[1]"#,
            "runs[0]: must be an object such as {\"optimizer\": \"adam\"}, got [1]",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(
            decode_run(text, &s.problem).unwrap_err().to_string(),
            message
        );
    }
    // The same run inside a whole scenario gets the same message.
    let whole = r#"{"problem": {"regression": {"generate": {"n": 30}, "validation_split": 0.5}},
        "runs": [{"optimizer": "adam", "batch_size": 16}]}"#;
    assert_eq!(error_of(whole), cases[0].1);
    // Surfaces have no batches or warm starts.
    let bowl =
        decode(r#"{"problem": {"surface": "bowl"}, "runs": [{"optimizer": "sgd"}]}"#).unwrap();
    let refused = decode_run(r#"{"optimizer": "sgd", "batch_size": 2}"#, &bowl.problem);
    assert_eq!(
        refused.unwrap_err().to_string(),
        "runs[0].batch_size: only regression problems have mini-batches"
    );
}
