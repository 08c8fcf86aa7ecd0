//! Booth: `f(x, y) = (x + 2y − 7)² + (2x + y − 5)²`, a tilted quadratic bowl.
//!
//! With `a = x + 2y − 7`, `b = 2x + y − 5`: gradient `(2a + 4b, 4a + 2b)`. Global minimum 0
//! at (1, 3).

use super::{Bounds, Minimum, Surface};
use crate::vec2::Vec2;

/// Booth's function.
pub struct Booth;

impl Surface for Booth {
    fn value(&self, p: Vec2) -> f64 {
        let a = p.x + 2.0 * p.y - 7.0;
        let b = 2.0 * p.x + p.y - 5.0;
        a * a + b * b
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        let a = p.x + 2.0 * p.y - 7.0;
        let b = 2.0 * p.x + p.y - 5.0;
        Vec2::new(2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b)
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-10.0, 10.0, -10.0, 10.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(1.0, 3.0, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-8.0, -6.0)
    }
    fn formula(&self) -> &'static str {
        "(x + 2y − 7)² + (2x + y − 5)²"
    }
}
