//! The first and second moment estimates shared by Adam, AdamW, NAdam and RAdam, with the
//! powers `βᵗ` of their bias corrections:
//!
//! ```text
//! m ← β1·m + (1 − β1)·g      (computed as PyTorch's lerp: m + (1 − β1)(g − m))
//! v ← β2·v + (1 − β2)·g²
//! β1ᵗ ← β1ᵗ⁻¹·β1,  β2ᵗ ← β2ᵗ⁻¹·β2
//! ```

use crate::vec2::Vec2;
use serde::Serialize;

/// Step count, the two running moments and `β1ᵗ`, `β2ᵗ`; all zero before the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Moments {
    /// Steps taken (t).
    pub step: u64,
    /// First moment (m, `exp_avg`).
    pub exp_avg: Vec2,
    /// Second moment (v, `exp_avg_sq`).
    pub exp_avg_sq: Vec2,
    /// `β1ᵗ` at the current step (in the state words, not in the state JSON: the
    /// equation panel shows the bias corrections made from it).
    #[serde(skip)]
    pub beta1_power: Power,
    /// `β2ᵗ` at the current step (as `beta1_power`).
    #[serde(skip)]
    pub beta2_power: Power,
}

crate::state_words!(Moments {
    step,
    exp_avg,
    exp_avg_sq,
    beta1_power,
    beta2_power
});

impl Moments {
    /// Counts a step, folds `g` into both moments and advances `β1ᵗ`, `β2ᵗ`; returns the
    /// new step number t.
    #[inline]
    pub fn update(&mut self, g: Vec2, [beta1, beta2]: [f64; 2]) -> u64 {
        self.step += 1;
        self.exp_avg = self.exp_avg + (g - self.exp_avg) * (1.0 - beta1);
        self.exp_avg_sq = self.exp_avg_sq * beta2 + g.hadamard(g) * (1.0 - beta2);
        self.beta1_power.advance(beta1, self.step);
        self.beta2_power.advance(beta2, self.step);
        self.step
    }

    /// `(β1ᵗ, β2ᵗ)` at the current step (after [`Moments::update`]).
    #[inline]
    pub fn beta_powers(&self) -> (f64, f64) {
        (self.beta1_power.value, self.beta2_power.value)
    }
}

/// `baseᵗ` carried from step to step by one multiplication (PyTorch computes `base ** t`
/// with `pow` each step). The product of t roundings is within about t·2⁻⁵³ relative of
/// the exact power (1e-10 at a million steps), far inside the reference tolerance, and
/// costs a multiplication instead of a `pow` or a squaring chain. The base it belongs to
/// is kept with it: when the base changes mid-run (a live change of β), the power is
/// computed afresh with `pow` for the new base at the current step, as PyTorch would.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Power {
    /// The base (`β`) the value is a power of; 0 before the first step.
    pub base: f64,
    /// `baseᵗ`.
    pub value: f64,
}

crate::state_words!(Power { base, value });

impl Power {
    /// Moves from `base^(t−1)` to `base^t`.
    #[inline]
    pub fn advance(&mut self, base: f64, t: u64) {
        // Bitwise, so that a NaN base (never validated in) cannot loop through the product.
        if self.base.to_bits() == base.to_bits() {
            // Also the first step from the default state of base 0: 0·0 = 0¹.
            self.value = below_normal_to_zero(self.value * base);
        } else {
            self.base = base;
            self.value = below_normal_to_zero(libm::pow(base, t as f64));
        }
    }
}

/// `v`, or 0 when it is below the normal range (|v| < 2⁻¹⁰²²), for running products of
/// factors below 1 (`βᵗ`, NAdam's Π) whose only use is against 1 or a larger number
/// (`1 − βᵗ`, `1 − Π`, `ρ∞ − 2tβᵗ/(1 − βᵗ)`): there a value below 2⁻¹⁰²² rounds away,
/// so every result is the same bits with it or with 0. Kept, the product would never reach
/// 0: it sticks at a few units of 2⁻¹⁰⁷⁴ (`5·2⁻¹⁰⁷⁴ · 0.9` rounds back to `5·2⁻¹⁰⁷⁴`), so
/// from step ~6,700 on (β1 = 0.9) every step multiplied a subnormal number, which takes the processor's slow path (Adam's
/// batch kernel: ~45 ns per step before, ~60 after, natively). `pow` itself underflows
/// to 0 there, as PyTorch's `β ** t` does.
#[inline]
pub fn below_normal_to_zero(v: f64) -> f64 {
    if v.abs() < f64::MIN_POSITIVE {
        0.0
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::{below_normal_to_zero, Moments, Power};
    use crate::vec2::Vec2;

    /// The carried power against `pow` at every step: within the relative error the
    /// module states (t·2⁻⁵³, with a margin of 4 for the rounding of `pow` itself).
    #[test]
    fn carried_power_stays_within_its_error_bound() {
        for base in [0.9, 0.999, 0.99, 0.5, 0.0, 0.123_456_789, 0.999_9] {
            let mut p = Power::default();
            for t in 1..=200_000u64 {
                p.advance(base, t);
                let exact = libm::pow(base, t as f64);
                let bound = 4.0 * t as f64 * f64::EPSILON * exact.abs() + f64::MIN_POSITIVE;
                assert!(
                    (p.value - exact).abs() <= bound,
                    "{base}^{t}: {} vs {exact}",
                    p.value
                );
            }
        }
    }

    /// The carried power does not stay on a subnormal number (where the plain product
    /// sticks): it is 0 below the normal range, and the bias correction made from it is the
    /// plain product's, bit for bit, at every step.
    #[test]
    fn a_power_below_the_normal_range_is_zero() {
        let mut p = Power::default();
        let (mut raw, mut first_zero) = (1.0f64, None);
        for t in 1..=8_000u64 {
            p.advance(0.9, t);
            raw *= 0.9;
            assert!(
                p.value == 0.0 || p.value >= f64::MIN_POSITIVE,
                "{t}: {}",
                p.value
            );
            // The bias correction is the unflushed product's, bit for bit.
            assert_eq!((1.0 - p.value).to_bits(), (1.0 - raw).to_bits(), "{t}");
            if p.value == 0.0 && first_zero.is_none() {
                first_zero = Some(t);
            }
        }
        // The plain product is stuck on a subnormal number (5·2⁻¹⁰⁷⁴: 0.9 is a little above
        // 0.9 in binary, so 4.5 ulps round back up).
        assert!(
            raw > 0.0 && raw < f64::MIN_POSITIVE && raw * 0.9 == raw,
            "{raw}"
        );
        // 0.9ᵗ < 2⁻¹⁰²² from t = 6,721 on (1022·ln 2 / −ln 0.9 = 6,723.7, within rounding).
        let t = first_zero.unwrap_or(0);
        assert!((6_700..6_750).contains(&t), "{t}");
        assert_eq!(below_normal_to_zero(-1e-310), 0.0);
        assert!(below_normal_to_zero(f64::NAN).is_nan());
    }

    /// A change of base mid-run restarts the power at the current step, not at 1.
    #[test]
    fn a_new_base_starts_from_pow_at_the_current_step() {
        let mut m = Moments::default();
        for _ in 0..10 {
            m.update(Vec2::new(1.0, 1.0), [0.9, 0.999]);
        }
        m.update(Vec2::new(1.0, 1.0), [0.5, 0.999]);
        let (b1, b2) = m.beta_powers();
        assert_eq!(b1, 0.5f64.powi(11));
        assert!((b2 - 0.999f64.powi(11)).abs() < 1e-15);
        assert_eq!(m.step, 11);
    }
}
