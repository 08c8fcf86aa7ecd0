//! Ackley: `f(x, y) = −20·exp(−0.2·√(0.5(x² + y²))) − exp(0.5(cos 2πx + cos 2πy)) + e + 20`.
//!
//! With `s = √(0.5(x² + y²))` and `c = 0.5(cos 2πx + cos 2πy)`:
//! `∂f/∂x = 2·exp(−0.2s)·x/s + π·sin(2πx)·exp(c)` (likewise for y). At the origin, where
//! `s = 0`, the first term's limit is taken as 0. Global minimum 0 at the origin in a
//! nearly flat, bumpy plateau.

use super::{sample_separable, Bounds, Minimum, Surface};
use crate::lanes::Pair;
use crate::vec2::Vec2;
use std::f64::consts::{E, PI};

/// Ackley's function in two dimensions.
pub struct Ackley;

impl Surface for Ackley {
    fn value(&self, p: Vec2) -> f64 {
        let s = (0.5 * (p.x * p.x + p.y * p.y)).sqrt();
        let c = 0.5 * (libm::cos(2.0 * PI * p.x) + libm::cos(2.0 * PI * p.y));
        -20.0 * libm::exp(-0.2 * s) - libm::exp(c) + E + 20.0
    }
    fn gradient(&self, p: Vec2) -> Vec2 {
        let s = (0.5 * (p.x * p.x + p.y * p.y)).sqrt();
        let c = 0.5 * (libm::cos(2.0 * PI * p.x) + libm::cos(2.0 * PI * p.y));
        let radial = if s > 0.0 {
            2.0 * libm::exp(-0.2 * s) / s
        } else {
            0.0
        };
        let ripple = PI * libm::exp(c);
        p.map(|v| radial * v + ripple * libm::sin(2.0 * PI * v))
    }
    fn bounds(&self) -> Bounds {
        Bounds::new(-5.0, 5.0, -5.0, 5.0)
    }
    fn minima(&self) -> &'static [Minimum] {
        const MINIMA: &[Minimum] = &[Minimum::at(0.0, 0.0, 0.0)];
        MINIMA
    }
    fn default_start(&self) -> Vec2 {
        Vec2::new(-3.7, 3.1)
    }
    fn formula(&self) -> &'static str {
        "−20·exp(−0.2·√(0.5(x² + y²))) − exp(0.5(cos 2πx + cos 2πy)) + e + 20"
    }
    fn sample_grid(&self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        // Squares and cosines once per column and row; the two exponentials per point.
        let terms = |v: Pair| (v * v, v.map(|v| libm::cos(2.0 * PI * v)));
        sample_separable(xs, ys, out, terms, terms, |_, _, (xx, cx), (yy, cy)| {
            let s = (0.5 * (xx + yy)).sqrt();
            let c = 0.5 * (cx + cy);
            -20.0 * (-0.2 * s).map(libm::exp) - c.map(libm::exp) + E + 20.0
        });
    }
}
