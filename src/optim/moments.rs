//! The first and second moment estimates shared by Adam, AdamW, NAdam and RAdam:
//!
//! ```text
//! m ← β1·m + (1 − β1)·g      (computed as PyTorch's lerp: m + (1 − β1)(g − m))
//! v ← β2·v + (1 − β2)·g²
//! ```

use crate::vec2::Vec2;
use serde::Serialize;

/// Step count and the two running moments; all zero before the first step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Moments {
    /// Steps taken (t).
    pub step: u64,
    /// First moment (m, `exp_avg`).
    pub exp_avg: Vec2,
    /// Second moment (v, `exp_avg_sq`).
    pub exp_avg_sq: Vec2,
}

crate::state_words!(Moments {
    step,
    exp_avg,
    exp_avg_sq
});

impl Moments {
    /// Counts a step and folds `g` into both moments; returns the new step number t.
    pub fn update(&mut self, g: Vec2, [beta1, beta2]: [f64; 2]) -> u64 {
        self.step += 1;
        self.exp_avg = self.exp_avg + (g - self.exp_avg) * (1.0 - beta1);
        self.exp_avg_sq = self.exp_avg_sq * beta2 + g.hadamard(g) * (1.0 - beta2);
        self.step
    }
}

/// β^(2^i) for i = 0..31, squared once: `powi` of β without its squaring chain.
///
/// `f64::powi` with a run-time exponent is compiler-rt's `__powidf2` (natively and in
/// wasm): r ← 1, then for each bit of t from the lowest, r ← r·a when the bit is set and
/// a ← a·a. [`Powers::powi`] performs the same multiplications in the same order with the
/// squares read from this table, so its result is `powi`'s bit for bit, at a fraction of
/// the cost (no dependent squarings, one multiplication per set bit).
#[derive(Clone, Copy, PartialEq)]
pub struct Powers {
    squares: [f64; 32],
}

impl Powers {
    /// The squares of `beta`.
    pub fn new(beta: f64) -> Self {
        let mut squares = [beta; 32];
        for i in 1..32 {
            squares[i] = squares[i - 1] * squares[i - 1];
        }
        Powers { squares }
    }

    /// `beta.powi(t)`, bit for bit.
    #[inline]
    pub fn powi(&self, t: i32) -> f64 {
        if t < 0 {
            return self.squares[0].powi(t);
        }
        let mut bits = t as u32;
        let mut r = 1.0;
        while bits != 0 {
            r *= self.squares[bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
        r
    }
}

impl std::fmt::Debug for Powers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Powers({})", self.squares[0])
    }
}

#[cfg(test)]
mod tests {
    use super::Powers;

    #[test]
    fn powers_equal_powi_bit_for_bit() {
        for beta in [
            0.9,
            0.999,
            0.99,
            0.5,
            0.95,
            0.9999,
            0.123_456_789,
            1.0,
            0.0,
            1.5,
        ] {
            let powers = Powers::new(beta);
            let mut t = 0;
            while t < 3_000_000 {
                let (ours, theirs) = (powers.powi(t), beta.powi(t));
                assert_eq!(
                    ours.to_bits(),
                    theirs.to_bits(),
                    "{beta}^{t}: {ours} vs {theirs}"
                );
                t += 1;
            }
            for t in [i32::MAX, i32::MAX - 1, 1 << 30, (1 << 30) + 12_345, -1, -7] {
                let (ours, theirs) = (powers.powi(t), beta.powi(t));
                assert_eq!(
                    ours.to_bits(),
                    theirs.to_bits(),
                    "{beta}^{t}: {ours} vs {theirs}"
                );
            }
        }
    }
}
