//! Rosenbrock: `f(x, y) = (1 − x)² + 100(y − x²)²`.
//!
//! Gradient `(−2(1 − x) − 400x(y − x²), 200(y − x²))`; global minimum 0 at (1, 1), at the
//! end of a long, flat, curved valley. Finding the valley is easy, following it is hard.

use super::{sample_separable, Bounds, Minimum, Surface};
use crate::lanes::Pair;
use crate::vec2::Vec2;

/// Rosenbrock's banana function with a = 1, b = 100.
pub struct Rosenbrock;

impl Surface for Rosenbrock {
    fn value(&self, p: Vec2) -> f64 {
        let a = 1.0 - p.x;
        let b = p.y - p.x * p.x;
        a * a + 100.0 * b * b
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        let b = p.y - p.x * p.x;
        Vec2::new(-2.0 * (1.0 - p.x) - 400.0 * p.x * b, 200.0 * b)
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-2.0, 2.0, -1.0, 3.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(1.0, 1.0, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-1.5, 2.0)
    }
    fn formula(&self) -> &'static str {
        "(1 − x)² + 100(y − x²)²"
    }
    fn sample_grid(&self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        // (1 − x)² and x² once per column.
        let column = |x: Pair| {
            let a = 1.0 - x;
            (a * a, x * x)
        };
        sample_separable(
            xs,
            ys,
            out,
            column,
            |y| y,
            |_, y, (aa, xx), _| {
                let b = y - xx;
                aa + 100.0 * b * b
            },
        );
    }
}
