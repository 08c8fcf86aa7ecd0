//! Bowl: `f(x, y) = x² + y²`, the isotropic quadratic.
//!
//! Gradient `(2x, 2y)`; global minimum 0 at the origin. Every direction has the same
//! curvature, so plain gradient descent heads straight for the minimum.

use super::{Bounds, Minimum, Surface};
use crate::vec2::Vec2;

/// The bowl `x² + y²`.
pub struct Bowl;

impl Surface for Bowl {
    fn value(&self, p: Vec2) -> f64 {
        p.x * p.x + p.y * p.y
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        Vec2::new(2.0 * p.x, 2.0 * p.y)
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-3.0, 3.0, -3.0, 3.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(0.0, 0.0, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(2.5, -1.5)
    }
    fn formula(&self) -> &'static str {
        "x² + y²"
    }
}
