//! Fuzz target: the scenario decoder and, for what decodes, a short run. Any input must
//! either be refused with an error or run to finite numbers; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Generated datasets and warm-start pre-training above these sizes are legal but slow
/// under the sanitizer; the fuzzer is after odd input, not big input.
const MAX_FUZZ_POINTS: u64 = 20_000;
const MAX_FUZZ_STEPS: u64 = 1_000;

fn asks_for_big_data(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Object(map) => map.iter().any(|(key, v)| {
            let big = |limit: u64| v.as_u64().is_some_and(|n| n > limit);
            (key == "n" && big(MAX_FUZZ_POINTS))
                || (key == "steps" && map.contains_key("source") && big(MAX_FUZZ_STEPS))
                || asks_for_big_data(v)
        }),
        serde_json::Value::Array(items) => items.iter().any(asks_for_big_data),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if serde_json::from_str(text).is_ok_and(|v| asks_for_big_data(&v)) {
        return;
    }
    if let Ok(mut scenario) = gradscape::decode(text) {
        // Keep each execution short: the property is about odd input, not long runs.
        scenario.steps = scenario.steps.min(50);
        for runner in scenario.run() {
            let record = runner.record();
            assert!(record.trajectory.iter().all(|p| p.is_finite()));
            assert!(record.loss.iter().chain(&record.lr).all(|v| v.is_finite()));
        }
    }
});
