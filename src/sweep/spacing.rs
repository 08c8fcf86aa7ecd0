//! `ln` and `exp` from IEEE basic operations only (`+ − × ÷`, exact rounding on every
//! platform), for log-spaced axis values: the standard library's `powf`/`log10` call the
//! system's libm natively and Rust's own in wasm, which differ in the last bit for some
//! inputs (1e-4 to 1 over 37 values had one), and a sweep must give the page and the CLI
//! the same axis values, hence the same cells. Accurate to a few ulp, which is plenty for
//! spacing.

/// ln 2 split so that `k · LN2_HI` is exact for |k| < 2²⁰ (fdlibm's `ln2_hi`, `ln2_lo`:
/// 6.93147180369123816490e-01 and 1.90821492927058770002e-10).
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);

/// 2^k for k in [−1022, 1023], built from its bits.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// The natural logarithm of a finite `x > 0` (NaN otherwise).
pub fn ln(x: f64) -> f64 {
    if !(x > 0.0 && x.is_finite()) {
        return f64::NAN;
    }
    let (mut x, mut e) = (x, 0i64);
    if x < f64::MIN_POSITIVE {
        // Subnormal: bring it into the normal range first (exact).
        x *= pow2(54);
        e -= 54;
    }
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i64 - 1023;
    // The mantissa in [1, 2), then in (√½, √2] so that the series below converges fast.
    let mut m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    // ln m = 2·atanh(s) = 2·(s + s³/3 + s⁵/5 + ...), s = (m − 1)/(m + 1), |s| < 0.172.
    let s = (m - 1.0) / (m + 1.0);
    let z = s * s;
    let series = (0..=12)
        .rev()
        .fold(0.0, |p, k| p * z + 1.0 / f64::from(2 * k + 1));
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + 2.0 * s * series)
}

/// eˣ (0 below −745, infinite above 709.8).
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.8 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    // x = k·ln 2 + r with |r| ≤ ½ ln 2; eʳ by its Taylor series (17 terms: below 1e-22).
    let k = (x / std::f64::consts::LN_2).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let er = (1..=17).rev().fold(1.0, |p, n| 1.0 + p * r / f64::from(n));
    // Scale by 2^k in steps that stay normal (k may be below −1022 for subnormal results).
    let mut k = k as i64;
    let mut v = er;
    while k < -1022 {
        v *= pow2(-1022);
        k += 1022;
    }
    while k > 1023 {
        v *= pow2(1023);
        k -= 1023;
    }
    v * pow2(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative error against the standard library (an independent implementation).
    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn the_split_of_ln_2_adds_up() {
        assert_eq!(LN2_HI + LN2_LO, std::f64::consts::LN_2);
        // 20 trailing zero bits: k · LN2_HI is exact for |k| < 2²⁰ (our |k| ≤ 1075).
        assert_eq!(LN2_HI.to_bits() & 0xf_ffff, 0);
    }

    #[test]
    fn ln_and_exp_agree_with_the_standard_library_to_a_few_ulp() {
        let mut x = 1e-300;
        while x < 1e300 {
            for m in [1.0, 1.234_567, 3.3, 7.5] {
                let v = x * m;
                assert!(
                    (ln(v) - v.ln()).abs() <= 4e-16 * v.ln().abs().max(1.0),
                    "ln {v}"
                );
            }
            x *= 1.7e3;
        }
        assert_eq!(ln(1.0), 0.0);
        assert!(rel(ln(5e-324), (5e-324f64).ln()) < 1e-15);
        assert!(ln(0.0).is_nan() && ln(-1.0).is_nan());
        let mut y = -700.0;
        while y < 700.0 {
            assert!(rel(exp(y), y.exp()) < 1e-15, "exp {y}");
            y += 0.377;
        }
        assert_eq!(exp(0.0), 1.0);
        assert!(rel(exp(-744.0), (-744f64).exp()) < 1e-3, "subnormal result");
        assert_eq!(exp(800.0), f64::INFINITY);
    }
}
