//! Fuzz target: the scenario decoder and, for what decodes, a short run. Any input must
//! either be refused with an error or run to finite numbers; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
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
