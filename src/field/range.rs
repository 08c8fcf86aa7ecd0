//! The smallest and largest finite value of a grid, two values at a time.
//!
//! Even and odd positions are two lanes: one wasm `f64x2` comparison and select handles
//! both (`simd128`, `.cargo/config.toml`), and natively the same lanes are written out, so
//! both builds find the same numbers (down to which of −0 and +0 is the minimum). A lane
//! keeps the first of equal values; lane 0 wins between the lanes.

/// The smallest and largest finite value ((0, 0) when there is none) and whether every
/// value is finite.
pub(super) fn finite_range(values: &[f64]) -> (f64, f64, bool) {
    let pairs = values.chunks_exact(2);
    let rest = pairs.remainder().first().copied();
    let ([lo0, lo1], [hi0, hi1], mut all_finite) = lanes::range(pairs);
    let (mut lo, mut hi) = (
        if lo1 < lo0 { lo1 } else { lo0 },
        if hi1 > hi0 { hi1 } else { hi0 },
    );
    if let Some(v) = rest {
        let finite = v.abs() < f64::INFINITY;
        all_finite &= finite;
        if finite && v < lo {
            lo = v;
        }
        if finite && v > hi {
            hi = v;
        }
    }
    if lo.is_finite() {
        (lo, hi, all_finite)
    } else {
        (0.0, 0.0, all_finite)
    }
}

/// Both lanes in one `f64x2` per operation.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::{
        f64x2, f64x2_abs, f64x2_extract_lane, f64x2_lt, f64x2_pmax, f64x2_pmin, f64x2_splat,
        i64x2_all_true, v128_and, v128_bitselect,
    };

    pub(super) fn range(pairs: std::slice::ChunksExact<'_, f64>) -> ([f64; 2], [f64; 2], bool) {
        let inf = f64x2_splat(f64::INFINITY);
        let minus_inf = f64x2_splat(f64::NEG_INFINITY);
        let (mut lo, mut hi, mut finite_all) = (inf, minus_inf, f64x2_lt(minus_inf, inf));
        for p in pairs {
            let v = f64x2(p[0], p[1]);
            let finite = f64x2_lt(f64x2_abs(v), inf);
            finite_all = v128_and(finite_all, finite);
            // pmin(a, b) is `b < a ? b : a`, pmax(a, b) `a < b ? b : a`: the scalar selects.
            lo = f64x2_pmin(lo, v128_bitselect(v, inf, finite));
            hi = f64x2_pmax(hi, v128_bitselect(v, minus_inf, finite));
        }
        let both = |v| [f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v)];
        (both(lo), both(hi), i64x2_all_true(finite_all))
    }
}

/// The same lanes, one after the other.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    pub(super) fn range(pairs: std::slice::ChunksExact<'_, f64>) -> ([f64; 2], [f64; 2], bool) {
        let (mut lo, mut hi, mut all_finite) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2], true);
        for p in pairs {
            for lane in 0..2 {
                let v = p[lane];
                let finite = v.abs() < f64::INFINITY;
                all_finite &= finite;
                let low = if finite { v } else { f64::INFINITY };
                let high = if finite { v } else { f64::NEG_INFINITY };
                lo[lane] = if low < lo[lane] { low } else { lo[lane] };
                hi[lane] = if hi[lane] < high { high } else { hi[lane] };
            }
        }
        (lo, hi, all_finite)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_skips_non_finite_values_at_any_position() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        type Case<'a> = (&'a [f64], (f64, f64, bool));
        let cases: [Case; 7] = [
            (&[], (0.0, 0.0, true)),
            (&[3.0], (3.0, 3.0, true)),
            (&[2.0, -1.0, 5.0], (-1.0, 5.0, true)),
            (&[nan, 4.0, -inf, 1.0, inf], (1.0, 4.0, false)),
            (&[7.0, 8.0, nan], (7.0, 8.0, false)),
            (&[nan, inf, -inf], (0.0, 0.0, false)),
            (
                &[1.0, 2.0, 3.0, -9.0, 4.0, 10.0, 0.5, 0.25],
                (-9.0, 10.0, true),
            ),
        ];
        for (values, want) in cases {
            assert_eq!(finite_range(values), want, "{values:?}");
        }
        // Every position of the extremes, both lanes and the odd one out.
        for n in 2..9 {
            for at in 0..n {
                let mut v: Vec<f64> = (0..n).map(|i| f64::from(i as u8) * 0.5).collect();
                v[at] = -3.0;
                v[(at + 1) % n] = 99.0;
                assert_eq!(finite_range(&v), (-3.0, 99.0, true), "{v:?}");
            }
        }
    }
}
