//! Sufficient statistics of a dataset for the full-batch loss of a line: means and central
//! second moments. With them the loss, its gradient and the least-squares fit cost O(1)
//! instead of O(n), so a 1,000,000-point heatmap or readout is as cheap as a 10-point one.
//!
//! With `d = w·mx + b − my` (the line's error at the mean point):
//!
//! ```text
//! L(w, b)   = w²·cxx − 2w·cxy + cyy + d²
//! ∂L/∂w     = 2(w·cxx − cxy) + 2·mx·d
//! ∂L/∂b     = 2·d
//! ```
//!
//! Central moments (two passes: means first) avoid the cancellation of raw sums when the
//! data sit far from the origin (x in years, y in dollars).

use super::Dataset;
use crate::vec2::Vec2;

/// Means and central second moments (population, divided by n) of a dataset.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Number of points.
    pub n: usize,
    /// Mean of x.
    pub mx: f64,
    /// Mean of y.
    pub my: f64,
    /// mean((x − mx)²).
    pub cxx: f64,
    /// mean((x − mx)(y − my)).
    pub cxy: f64,
    /// mean((y − my)²).
    pub cyy: f64,
}

impl Summary {
    /// The statistics of `data` (all zero for no points).
    pub fn of(data: &Dataset) -> Self {
        let n = data.len();
        if n == 0 {
            return Summary::default();
        }
        let nf = n as f64;
        let mx = data.x.iter().sum::<f64>() / nf;
        let my = data.y.iter().sum::<f64>() / nf;
        let (mut cxx, mut cxy, mut cyy) = (0.0, 0.0, 0.0);
        for (x, y) in data.x.iter().zip(&data.y) {
            let (dx, dy) = (x - mx, y - my);
            cxx += dx * dx;
            cxy += dx * dy;
            cyy += dy * dy;
        }
        Summary {
            n,
            mx,
            my,
            cxx: cxx / nf,
            cxy: cxy / nf,
            cyy: cyy / nf,
        }
    }

    /// Mean squared error of the line `(w, b)`; 0 for no points.
    pub fn loss(&self, p: Vec2) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let d = p.x * self.mx + p.y - self.my;
        // Each term is the mean square of a residual component, so the sum is ≥ 0 up to
        // rounding; clamp so a perfect fit never reports a tiny negative loss.
        (p.x * p.x * self.cxx - 2.0 * p.x * self.cxy + self.cyy + d * d).max(0.0)
    }

    /// Gradient of the mean squared error at `(w, b)`.
    pub fn gradient(&self, p: Vec2) -> Vec2 {
        if self.n == 0 {
            return Vec2::ZERO;
        }
        let d = p.x * self.mx + p.y - self.my;
        Vec2::new(
            2.0 * (p.x * self.cxx - self.cxy) + 2.0 * self.mx * d,
            2.0 * d,
        )
    }

    /// The least-squares line; `None` when all x are (nearly) equal.
    pub fn least_squares(&self) -> Option<Vec2> {
        if self.n == 0 || self.cxx <= f64::EPSILON * (1.0 + self.mx * self.mx) {
            return None;
        }
        let w = self.cxy / self.cxx;
        Some(Vec2::new(w, self.my - w * self.mx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regression::GenerateSpec;

    #[test]
    fn agrees_with_the_direct_sums() {
        let spec = GenerateSpec {
            n: 500,
            slope: -3.0,
            intercept: 1000.0,
            noise: 2.0,
            x_range: [1990.0, 2020.0],
            seed: 4,
        };
        let data = Dataset::generate(&spec);
        let s = Summary::of(&data);
        for p in [
            Vec2::new(0.0, 0.0),
            Vec2::new(-3.0, 7000.0),
            Vec2::new(1.5, -2.0),
        ] {
            let (direct, fast) = (data.mse(p), s.loss(p));
            assert!(
                (direct - fast).abs() <= 1e-9 * direct.max(1.0),
                "{direct} vs {fast}"
            );
            let (g, h) = (data.gradient(p, None), s.gradient(p));
            assert!((g - h).norm() <= 1e-9 * g.norm().max(1.0), "{g:?} vs {h:?}");
        }
        // Near the fit, far from the origin, the loss is still accurate: ≈ noise² = 4.
        let fit = s.least_squares().unwrap();
        assert!((s.loss(fit) - data.mse(fit)).abs() < 1e-9);
        assert!((data.mse(fit) - 4.0).abs() < 0.6);
        assert_eq!(Summary::of(&Dataset::default()).loss(fit), 0.0);
    }
}
