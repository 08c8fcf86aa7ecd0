//! Beale: `f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²`.
//!
//! With `tₖ = cₖ − x + x·yᵏ` (c = 1.5, 2.25, 2.625):
//! `∂f/∂x = Σ 2tₖ(yᵏ − 1)`, `∂f/∂y = Σ 2tₖ·k·x·yᵏ⁻¹`. Global minimum 0 at (3, 0.5); sharp
//! ridges in the corners of the view make large learning rates blow up.

use super::{sample_separable, Bounds, Minimum, Surface};
use crate::lanes::Pair;
use crate::vec2::Vec2;

/// Beale's function.
pub struct Beale;

const C: [f64; 3] = [1.5, 2.25, 2.625];

impl Surface for Beale {
    fn value(&self, p: Vec2) -> f64 {
        let (x, y) = (p.x, p.y);
        let mut yk = 1.0;
        C.iter()
            .map(|c| {
                yk *= y;
                let t = c - x + x * yk;
                t * t
            })
            .sum()
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        let (x, y) = (p.x, p.y);
        let mut g = Vec2::ZERO;
        let mut yk_minus_1 = 1.0;
        for (k, c) in C.iter().enumerate() {
            let yk = yk_minus_1 * y;
            let t = c - x + x * yk;
            g += Vec2::new(
                2.0 * t * (yk - 1.0),
                2.0 * t * (k as f64 + 1.0) * x * yk_minus_1,
            );
            yk_minus_1 = yk;
        }
        g
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-4.5, 4.5, -4.5, 4.5)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(3.0, 0.5, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(0.7, 1.4)
    }
    fn formula(&self) -> &'static str {
        "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
    }
    fn sample_grid(&self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        // cₖ − x once per column, yᵏ once per row (as `value` multiplies them up); the
        // squares summed from the first, as `value`'s `sum` does (−0 + t² is t²).
        let column = |x: Pair| C.map(|c| c - x);
        let row = |y: Pair| [y, y * y, y * y * y];
        sample_separable(xs, ys, out, column, row, |x, _, cx, yk| {
            let t = [cx[0] + x * yk[0], cx[1] + x * yk[1], cx[2] + x * yk[2]];
            t[0] * t[0] + t[1] * t[1] + t[2] * t[2]
        });
    }
}
