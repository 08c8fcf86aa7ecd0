//! Himmelblau: `f(x, y) = (x² + y − 11)² + (x + y² − 7)²`.
//!
//! With `a = x² + y − 11`, `b = x + y² − 7`: gradient `(4xa + 2b, 2a + 4yb)`. Four global
//! minima of value 0; which one a run reaches depends on where it starts and on its momentum.

use super::{Bounds, Minimum, Surface};
use crate::vec2::Vec2;

/// Himmelblau's function.
pub struct Himmelblau;

impl Surface for Himmelblau {
    fn value(&self, p: Vec2) -> f64 {
        let a = p.x * p.x + p.y - 11.0;
        let b = p.x + p.y * p.y - 7.0;
        a * a + b * b
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        let a = p.x * p.x + p.y - 11.0;
        let b = p.x + p.y * p.y - 7.0;
        Vec2::new(4.0 * p.x * a + 2.0 * b, 2.0 * a + 4.0 * p.y * b)
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-5.0, 5.0, -5.0, 5.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[
            Minimum::at(3.0, 2.0, 0.0),
            Minimum::at(-2.805_118_086_952_745, 3.131_312_518_250_573, 0.0),
            Minimum::at(-3.779_310_253_377_747, -3.283_185_991_286_17, 0.0),
            Minimum::at(3.584_428_340_330_492, -1.848_126_526_964_404, 0.0),
        ];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-0.3, -0.9)
    }
    fn formula(&self) -> &'static str {
        "(x² + y − 11)² + (x + y² − 7)²"
    }
}
