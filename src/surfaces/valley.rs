//! Narrow valley: `f(x, y) = 0.5x² + 10y²`, an ill-conditioned quadratic.
//!
//! Gradient `(x, 20y)`; global minimum 0 at the origin. The curvatures differ by a factor
//! of 20 (condition number 20), so gradient descent zig-zags across the valley and momentum
//! overshoots: the classic picture of why adaptive methods help.

use super::{Bounds, Minimum, Surface};
use crate::vec2::Vec2;

/// The valley `0.5x² + 10y²`.
pub struct Valley;

impl Surface for Valley {
    fn value(&self, p: Vec2) -> f64 {
        0.5 * p.x * p.x + 10.0 * p.y * p.y
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        Vec2::new(p.x, 20.0 * p.y)
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-3.0, 3.0, -1.5, 1.5)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(0.0, 0.0, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-2.7, 1.0)
    }
    fn formula(&self) -> &'static str {
        "0.5x² + 10y²"
    }
}
