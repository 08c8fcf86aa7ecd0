//! The number types the interpreter runs on: plain `f64` for values and [`Dual`] for values
//! with gradients. Each operation computes its value part with the same `f64` operations in
//! both, so a value never depends on whether the gradient was asked for.

use super::dual::Dual;
use super::program::Op;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// What the interpreter needs from a number type.
pub(super) trait Scalar:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    fn lift(c: f64) -> Self;
    fn val(self) -> f64;
    fn add_c(self, c: f64) -> Self;
    fn mul_c(self, c: f64) -> Self;
    fn div_c(self, c: f64) -> Self;
    fn rdiv_c(self, c: f64) -> Self;
    fn square(self) -> Self;
    fn powi(self, n: i32) -> Self;
    fn powf(self, c: f64) -> Self;
    fn pow_base(self, c: f64) -> Self;
    fn pow(self, b: Self) -> Self;
    fn unary(self, op: Op) -> Self;
}

impl Scalar for f64 {
    #[inline(always)]
    fn lift(c: f64) -> f64 {
        c
    }
    #[inline(always)]
    fn val(self) -> f64 {
        self
    }
    #[inline(always)]
    fn add_c(self, c: f64) -> f64 {
        self + c
    }
    #[inline(always)]
    fn mul_c(self, c: f64) -> f64 {
        self * c
    }
    #[inline(always)]
    fn div_c(self, c: f64) -> f64 {
        self / c
    }
    #[inline(always)]
    fn rdiv_c(self, c: f64) -> f64 {
        c / self
    }
    #[inline(always)]
    fn square(self) -> f64 {
        self * self
    }
    #[inline(always)]
    fn powi(self, n: i32) -> f64 {
        f64::powi(self, n)
    }
    #[inline(always)]
    fn powf(self, c: f64) -> f64 {
        libm::pow(self, c)
    }
    #[inline(always)]
    fn pow_base(self, c: f64) -> f64 {
        libm::pow(c, self)
    }
    #[inline(always)]
    fn pow(self, b: f64) -> f64 {
        libm::pow(self, b)
    }
    #[inline(always)]
    fn unary(self, op: Op) -> f64 {
        match op {
            Op::Sin => libm::sin(self),
            Op::Cos => libm::cos(self),
            Op::Tan => libm::tan(self),
            Op::Exp => libm::exp(self),
            Op::Log => libm::log(self),
            Op::Sqrt => self.sqrt(),
            Op::Abs => self.abs(),
            Op::Tanh => libm::tanh(self),
            _ => f64::NAN,
        }
    }
}

impl Scalar for Dual {
    #[inline(always)]
    fn lift(c: f64) -> Dual {
        Dual::constant(c)
    }
    #[inline(always)]
    fn val(self) -> f64 {
        self.v
    }
    #[inline(always)]
    fn add_c(self, c: f64) -> Dual {
        Dual {
            v: self.v + c,
            ..self
        }
    }
    #[inline(always)]
    fn mul_c(self, c: f64) -> Dual {
        self.chain(self.v * c, c)
    }
    #[inline(always)]
    fn div_c(self, c: f64) -> Dual {
        Dual {
            v: self.v / c,
            dx: self.dx / c,
            dy: self.dy / c,
        }
    }
    #[inline(always)]
    fn rdiv_c(self, c: f64) -> Dual {
        let q = c / self.v;
        self.chain(q, -q / self.v)
    }
    #[inline(always)]
    fn square(self) -> Dual {
        self.chain(self.v * self.v, 2.0 * self.v)
    }
    #[inline(always)]
    fn powi(self, n: i32) -> Dual {
        let slope = if n == 0 {
            0.0
        } else {
            f64::from(n) * self.v.powi(n - 1)
        };
        self.chain(self.v.powi(n), slope)
    }
    #[inline(always)]
    fn powf(self, c: f64) -> Dual {
        let slope = if c == 0.0 {
            0.0
        } else {
            c * libm::pow(self.v, c - 1.0)
        };
        self.chain(libm::pow(self.v, c), slope)
    }
    #[inline(always)]
    fn pow_base(self, c: f64) -> Dual {
        let v = libm::pow(c, self.v);
        let slope = if c == 0.0 && self.v >= 0.0 {
            0.0
        } else {
            v * libm::log(c)
        };
        self.chain(v, slope)
    }
    #[inline(always)]
    fn pow(self, b: Dual) -> Dual {
        let v = libm::pow(self.v, b.v);
        let (ln_a, b_over_a) = (libm::log(self.v), b.v / self.v);
        Dual {
            v,
            dx: v * (b.dx * ln_a + b_over_a * self.dx),
            dy: v * (b.dy * ln_a + b_over_a * self.dy),
        }
    }
    #[inline(always)]
    fn unary(self, op: Op) -> Dual {
        let a = self.v;
        let (v, slope) = match op {
            Op::Sin => (libm::sin(a), libm::cos(a)),
            Op::Cos => (libm::cos(a), -libm::sin(a)),
            Op::Tan => {
                let t = libm::tan(a);
                (t, 1.0 + t * t)
            }
            Op::Exp => {
                let e = libm::exp(a);
                (e, e)
            }
            Op::Log => (libm::log(a), 1.0 / a),
            Op::Sqrt => {
                let s = a.sqrt();
                (s, 1.0 / (2.0 * s))
            }
            Op::Abs => (
                a.abs(),
                if a > 0.0 {
                    1.0
                } else if a < 0.0 {
                    -1.0
                } else {
                    0.0
                },
            ),
            Op::Tanh => {
                let t = libm::tanh(a);
                (t, 1.0 - t * t)
            }
            _ => (f64::NAN, f64::NAN),
        };
        self.chain(v, slope)
    }
}
