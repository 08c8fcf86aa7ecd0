//! Dual numbers for forward-mode automatic differentiation in two variables.
//!
//! A [`Dual`] carries a value and both partial derivatives `(∂/∂x, ∂/∂y)`, so one evaluation
//! of a formula gives its exact gradient. The value part is computed with exactly the same
//! `f64` operations as plain evaluation, so `value_and_gradient(x, y).0 == value(x, y)`.
//!
//! Derivative conventions, matching PyTorch autograd where it defines one:
//! - `abs'(0) = 0` (the sign function, `sgn(0) = 0`);
//! - `sqrt'(0) = +inf` (`1 / (2·sqrt(0))`), so `sqrt(x)` at `x = 0` has derivative `+inf`,
//!   and `sqrt(x^2 + y^2)` at the origin gives `0 · inf = NaN`, as in PyTorch;
//! - `log` of a negative number is NaN; its derivative stays `1/a`, as in PyTorch (the NaN
//!   value is what the engine sees, as divergence); `log'(0) = inf`;
//! - an infinite slope times a zero derivative is NaN, as IEEE arithmetic (and PyTorch, for
//!   `sqrt(x^2 + y^2)` at the origin) says: `sqrt(x)` at 0 has gradient `[inf, NaN]`;
//! - `a^c` with a constant exponent `c`: `c·a^(c−1)·a'` (so `x^2` works for `x < 0` and has
//!   derivative 0 at 0), and exactly 0 when `c = 0`;
//! - `c^b` with a constant base `c`: `c^b·ln(c)·b'`, and 0 where `c = 0` and `b ≥ 0`;
//! - `a^b` with both depending on x or y: `a^b·(b'·ln a + b·a'/a)`;
//! - `min`/`max` pass on the derivative of the chosen argument; ties choose the first.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// A value with its partial derivatives with respect to `x` and `y`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Dual {
    /// The value.
    pub v: f64,
    /// `∂/∂x` of the value.
    pub dx: f64,
    /// `∂/∂y` of the value.
    pub dy: f64,
}

impl Dual {
    /// A constant: both derivatives zero.
    pub const fn constant(v: f64) -> Self {
        Dual {
            v,
            dx: 0.0,
            dy: 0.0,
        }
    }

    /// The variable `x` at the value `v` (`∂x/∂x = 1`).
    pub const fn x(v: f64) -> Self {
        Dual {
            v,
            dx: 1.0,
            dy: 0.0,
        }
    }

    /// The variable `y` at the value `v` (`∂y/∂y = 1`).
    pub const fn y(v: f64) -> Self {
        Dual {
            v,
            dx: 0.0,
            dy: 1.0,
        }
    }

    /// The chain rule: value `v`, derivatives `self'·slope`.
    #[inline(always)]
    pub fn chain(self, v: f64, slope: f64) -> Self {
        Dual {
            v,
            dx: self.dx * slope,
            dy: self.dy * slope,
        }
    }

    /// Whether both derivatives are zero.
    pub fn is_constant(self) -> bool {
        self.dx == 0.0 && self.dy == 0.0
    }
}

impl Add for Dual {
    type Output = Dual;
    #[inline(always)]
    fn add(self, o: Dual) -> Dual {
        Dual {
            v: self.v + o.v,
            dx: self.dx + o.dx,
            dy: self.dy + o.dy,
        }
    }
}

impl Sub for Dual {
    type Output = Dual;
    #[inline(always)]
    fn sub(self, o: Dual) -> Dual {
        Dual {
            v: self.v - o.v,
            dx: self.dx - o.dx,
            dy: self.dy - o.dy,
        }
    }
}

impl Mul for Dual {
    type Output = Dual;
    #[inline(always)]
    fn mul(self, o: Dual) -> Dual {
        Dual {
            v: self.v * o.v,
            dx: self.dx * o.v + self.v * o.dx,
            dy: self.dy * o.v + self.v * o.dy,
        }
    }
}

impl Div for Dual {
    type Output = Dual;
    /// Quotient rule, written `(a' − q·b') / b` with `q = a / b`.
    #[inline(always)]
    fn div(self, o: Dual) -> Dual {
        let q = self.v / o.v;
        Dual {
            v: q,
            dx: (self.dx - q * o.dx) / o.v,
            dy: (self.dy - q * o.dy) / o.v,
        }
    }
}

impl Neg for Dual {
    type Output = Dual;
    #[inline(always)]
    fn neg(self) -> Dual {
        Dual {
            v: -self.v,
            dx: -self.dx,
            dy: -self.dy,
        }
    }
}
