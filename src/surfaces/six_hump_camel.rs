//! Six-hump camel: `f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²`.
//!
//! Gradient `(8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³)`. Six local minima, two of them global
//! with value −1.031628453489877 at ±(0.0898420, −0.7126564).

use super::{sample_separable, Bounds, Minimum, Surface};
use crate::lanes::Pair;
use crate::vec2::Vec2;

/// The six-hump camel function.
pub struct SixHumpCamel;

const GLOBAL_X: f64 = 0.089_842_013_683_013_31;
const GLOBAL_Y: f64 = -0.712_656_403_270_413_5;
const GLOBAL_VALUE: f64 = -1.031_628_453_489_877_2;

impl Surface for SixHumpCamel {
    fn value(&self, p: Vec2) -> f64 {
        let (x, y) = (p.x, p.y);
        let x2 = x * x;
        let y2 = y * y;
        (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        let (x, y) = (p.x, p.y);
        let x2 = x * x;
        Vec2::new(
            8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y,
            x - 8.0 * y + 16.0 * y * y * y,
        )
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-3.0, 3.0, -2.0, 2.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[
            Minimum::at(GLOBAL_X, GLOBAL_Y, GLOBAL_VALUE),
            Minimum::at(-GLOBAL_X, -GLOBAL_Y, GLOBAL_VALUE),
        ];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-2.2, 1.4)
    }
    fn formula(&self) -> &'static str {
        "(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²"
    }
    fn sample_grid(&self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        // The polynomials in x alone and y alone once per column and row.
        let column = |x: Pair| {
            let x2 = x * x;
            (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2
        };
        let row = |y: Pair| {
            let y2 = y * y;
            (-4.0 + 4.0 * y2) * y2
        };
        sample_separable(xs, ys, out, column, row, |x, y, a, b| a + x * y + b);
    }
}
