//! Optional gradient noise per run: the textbook's stochastic gradient on a 2-D surface, where
//! there is no data to sample. Each step's gradient gets a Gaussian vector added,
//! `g + σ·n` (absolute) or `g + σ·|g|·n` (relative to the gradient's length), with `n` two
//! independent standard normals (|g| by `libm::hypot`).
//!
//! The normals are a pure function of `(seed, step)`: a SplitMix64 hash of the pair gives
//! two uniforms, Box–Muller turns them into normals with the `libm` crate's `log`, `sin`
//! and `cos` (and IEEE `sqrt`), so the numbers are the same bits natively and in wasm, and
//! a run replayed from a snapshot or a checkpoint draws the same noise without carrying a
//! generator's state. A run without noise never reaches this code.

use crate::vec2::Vec2;
use serde::{Deserialize, Serialize};

/// Whether σ is in gradient units or a fraction of the gradient's length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseScale {
    /// `g + σ·n`.
    #[default]
    Absolute,
    /// `g + σ·|g|·n`.
    Relative,
}

/// A run's gradient noise (validated by the scenario decoder: σ finite and ≥ 0).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradientNoise {
    /// The standard deviation.
    pub sigma: f64,
    /// Its unit.
    #[serde(default)]
    pub scale: NoiseScale,
    /// The seed: runs with the same seed draw the same noise.
    #[serde(default)]
    pub seed: u64,
}

/// SplitMix64's output for state `x` (Steele, Lea and Flood 2014): a well-mixed 64-bit hash.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform in (0, 1]: the top 53 bits, plus one ulp so that `log` never sees 0.
fn unit(bits: u64) -> f64 {
    ((bits >> 11) as f64 + 1.0) * (1.0 / (1u64 << 53) as f64)
}

/// Two independent standard normals for step `step` of a run seeded `seed` (Box–Muller).
pub fn normal_pair(seed: u64, step: u64) -> (f64, f64) {
    let base = splitmix64(seed ^ 0x6A09_E667_F3BC_C909).wrapping_add(step.wrapping_mul(2));
    let (u1, u2) = (
        unit(splitmix64(base)),
        unit(splitmix64(base.wrapping_add(1))),
    );
    let r = (-2.0 * libm::log(u1)).sqrt();
    let a = 2.0 * std::f64::consts::PI * u2;
    (r * libm::cos(a), r * libm::sin(a))
}

impl GradientNoise {
    /// The gradient `g` of step `step` (0-based: the step from point k to k + 1) with its
    /// noise added.
    pub fn apply(&self, g: Vec2, step: u64) -> Vec2 {
        let (nx, ny) = normal_pair(self.seed, step);
        let s = match self.scale {
            NoiseScale::Absolute => self.sigma,
            // libm's hypot: std's calls the platform's, whose last bit differs from wasm's.
            NoiseScale::Relative => self.sigma * libm::hypot(g.x, g.y),
        };
        Vec2::new(g.x + s * nx, g.y + s * ny)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normals_have_mean_zero_and_unit_variance_and_are_independent() {
        let n = 200_000;
        let (mut sx, mut sy, mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for k in 0..n {
            let (a, b) = normal_pair(7, k);
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
        }
        let n = n as f64;
        for mean in [sx / n, sy / n, sxy / n] {
            assert!(mean.abs() < 0.01, "{mean}");
        }
        for var in [sxx / n, syy / n] {
            assert!((var - 1.0).abs() < 0.01, "{var}");
        }
    }

    #[test]
    fn the_same_seed_and_step_give_the_same_noise_and_others_differ() {
        assert_eq!(normal_pair(3, 10), normal_pair(3, 10));
        assert_ne!(normal_pair(3, 10), normal_pair(4, 10));
        assert_ne!(normal_pair(3, 10), normal_pair(3, 11));
    }

    #[test]
    fn relative_noise_scales_with_the_gradient_and_absolute_does_not() {
        let rel = GradientNoise {
            sigma: 0.5,
            scale: NoiseScale::Relative,
            seed: 1,
        };
        let abs = GradientNoise {
            sigma: 0.5,
            scale: NoiseScale::Absolute,
            seed: 1,
        };
        let (nx, ny) = normal_pair(1, 0);
        let g = Vec2::new(3.0, 4.0);
        assert_eq!(rel.apply(g, 0), Vec2::new(3.0 + 2.5 * nx, 4.0 + 2.5 * ny));
        assert_eq!(abs.apply(g, 0), Vec2::new(3.0 + 0.5 * nx, 4.0 + 0.5 * ny));
        assert_eq!(rel.apply(Vec2::new(0.0, 0.0), 0), Vec2::new(0.0, 0.0));
    }
}
