//! Every surface's `sample_grid` gives its own `value` at every point of the grid, bit for
//! bit: the sampling loops compute two columns at a time (`src/lanes.rs`: one `f64x2` in
//! wasm, scalar lanes natively), an odd last column, signed zeros, infinities and NaN
//! included. Run natively here and in headless Chromium by `tests/web.rs`, which includes
//! this file as a module.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

use gradscape::surfaces::SurfaceKind;
use gradscape::Vec2;

/// Samples every surface over an irregular grid and compares each cell with `value`.
pub fn sampled_grids_equal_the_values() {
    let mut xs = vec![0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, -3.75, 1e154, f64::NAN];
    // Irregular points over and around every view box.
    xs.extend((0..40).map(|i| -6.0 + 12.0 * ((f64::from(i) * 0.618_034) % 1.0)));
    let ys: Vec<f64> = xs.iter().rev().copied().collect();
    for kind in SurfaceKind::ALL {
        let mut out = Vec::new();
        kind.sample_grid(&xs, &ys, &mut out);
        assert_eq!(out.len(), xs.len() * ys.len());
        for (r, &y) in ys.iter().enumerate() {
            for (c, &x) in xs.iter().enumerate() {
                let (got, want) = (out[r * xs.len() + c], kind.value(Vec2::new(x, y)));
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{} at ({x}, {y}): {got} against {want}",
                    kind.name()
                );
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn sampled_grids_equal_the_values_bit_for_bit() {
    sampled_grids_equal_the_values();
}
