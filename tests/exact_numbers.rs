//! A scenario's numbers are read exactly: the nearest `f64` to the decimal written, as Rust's
//! `str::parse` (and Python's `float`, which the reference set is computed with) give it.
//! serde_json's default float parsing is best-effort and lands one ulp off for some
//! 17-digit numbers — the full-precision points, rates and data a link or an export carries
//! — so a reopened link would not replay the same run; the CLI enables its
//! `float_roundtrip` feature (the page's wasm does not: Cargo.toml says why).
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

use gradscape::decode;

/// Coordinates printed (shortest round-trip form) by runs of the engine.
const PRINTED: [&str; 6] = [
    "1.4147091218531647",
    "0.9259633960769789",
    "2.0038136058418234",
    "-1.4997790530907167",
    "-1.4978129634671697",
    "-1.4212071646492959",
];

#[test]
fn full_precision_numbers_in_a_scenario_are_read_exactly() {
    for pair in PRINTED.chunks(2) {
        let (x, y) = (pair[0], pair[1]);
        let (lr, l1) = (y.trim_start_matches('-'), x.trim_start_matches('-'));
        let text = format!(
            r#"{{"problem": {{"surface": "rosenbrock"}}, "start": [{x}, {y}],
                "runs": [{{"optimizer": "adam", "lr": {lr}, "l1": {l1}}}]}}"#
        );
        let scenario = decode(&text).expect("a valid scenario");
        let exact = |s: &str| s.parse::<f64>().unwrap();
        assert_eq!(
            scenario.start.x.to_bits(),
            exact(x).to_bits(),
            "start x {x}"
        );
        assert_eq!(
            scenario.start.y.to_bits(),
            exact(y).to_bits(),
            "start y {y}"
        );
        assert_eq!(
            scenario.runs[0].l1.to_bits(),
            exact(l1).to_bits(),
            "l1 {l1}"
        );
    }
}
