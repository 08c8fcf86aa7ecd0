//! Rastrigin: `f(x, y) = 20 + x² − 10cos(2πx) + y² − 10cos(2πy)`.
//!
//! Gradient `(2x + 20π·sin(2πx), 2y + 20π·sin(2πy))`. Global minimum 0 at the origin among
//! a regular lattice of local minima: a trap for every gradient method.

use super::{sample_separable, Bounds, Minimum, Surface};
use crate::lanes::Pair;
use crate::vec2::Vec2;
use std::f64::consts::PI;

/// Rastrigin's function in two dimensions (A = 10).
pub struct Rastrigin;

impl Surface for Rastrigin {
    fn value(&self, p: Vec2) -> f64 {
        20.0 + p.x * p.x - 10.0 * libm::cos(2.0 * PI * p.x) + p.y * p.y
            - 10.0 * libm::cos(2.0 * PI * p.y)
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        p.map(|v| 2.0 * v + 20.0 * PI * libm::sin(2.0 * PI * v))
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-5.12, 5.12, -5.12, 5.12)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(0.0, 0.0, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-3.3, 2.6)
    }
    fn formula(&self) -> &'static str {
        "20 + x² − 10cos(2πx) + y² − 10cos(2πy)"
    }
    fn sample_grid(&self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        // The cosines once per column and row, summed in `value`'s order.
        let cos = |v: Pair| v.map(|v| libm::cos(2.0 * PI * v));
        let column = |x: Pair| 20.0 + x * x - 10.0 * cos(x);
        let row = |y: Pair| (y * y, 10.0 * cos(y));
        sample_separable(xs, ys, out, column, row, |_, _, cx, (yy, cy)| cx + yy - cy);
    }
}
