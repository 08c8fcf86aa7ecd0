//! Saddle: `f(x, y) = x² − y²`.
//!
//! Gradient `(2x, −2y)`; a stationary point at the origin that is not a minimum, and no
//! minimum at all (unbounded below along y). Started on the x axis, gradient descent stalls
//! at the saddle; a small y offset shows who escapes it and how fast.

use super::{Bounds, Minimum, Surface};
use crate::vec2::Vec2;

/// The saddle `x² − y²`.
pub struct Saddle;

impl Surface for Saddle {
    fn value(&self, p: Vec2) -> f64 {
        p.x * p.x - p.y * p.y
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        Vec2::new(2.0 * p.x, -2.0 * p.y)
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-2.0, 2.0, -2.0, 2.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        &[]
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-1.8, 0.001)
    }
    fn formula(&self) -> &'static str {
        "x² − y²"
    }
}
