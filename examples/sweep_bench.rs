//! The native speed of a hyper-parameter map: 128 × 128 Adam runs of 500 steps on
//! Rosenbrock (lr log-spaced, β₁ linear), through `gradscape::sweep` (decoding, cell specs,
//! batch kernel), against the batch kernel alone on specs built beforehand, so the per-cell
//! overhead of the sweep shows. Run with `cargo run --release --example sweep_bench`.
#![allow(clippy::expect_used, clippy::unwrap_used)] // a measuring tool: a failure ends it

use gradscape::run::run_batch;
use gradscape::sweep::decode_sweep;
use std::time::Instant;

const SPEC: &str = r#"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2], "steps": 500,
  "run": {"optimizer": "adam"},
  "x": {"param": "lr", "from": 1e-4, "to": 1, "n": 128, "scale": "log"},
  "y": {"param": "betas[0]", "from": 0, "to": 0.99, "n": 128}}"#;

/// The best of `repeats` timings of `f`, in milliseconds.
fn best_ms(repeats: usize, mut f: impl FnMut()) -> f64 {
    (0..repeats)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> Result<(), gradscape::ScenarioError> {
    let repeats = 5;
    let sweep = decode_sweep(SPEC)?;
    let mut cells = 0;
    let sweep_ms = best_ms(repeats, || {
        let result = gradscape::sweep::sweep(SPEC).map(|r| r.cells.len());
        cells = result.unwrap_or(0);
    });
    let specs: Vec<_> = sweep.cells().into_iter().map(|(spec, _)| spec).collect();
    let kernel_ms = best_ms(repeats, || {
        let out = run_batch(&sweep.problem, &specs, &[sweep.start], 500, sweep.tolerance);
        assert_eq!(out.len(), specs.len());
    });
    let decode_ms = best_ms(repeats, || {
        let cells = decode_sweep(SPEC).map(|s| s.cells().len());
        assert_eq!(cells.ok(), Some(128 * 128));
    });
    println!(
        "{{\"sweep_128_adam_native_ms\": {sweep_ms:.1}, \"kernel_only_ms\": {kernel_ms:.1}, \"decode_and_cell_specs_ms\": {decode_ms:.2}, \"cells\": {cells}, \"steps_per_cell\": 500, \"ns_per_step\": {:.2}}}",
        sweep_ms * 1e6 / (cells as f64 * 500.0)
    );
    Ok(())
}
