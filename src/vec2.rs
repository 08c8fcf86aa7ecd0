//! A concrete 2-D vector of `f64`: points, gradients and optimizer state on a 2-D surface.
//!
//! Every optimizer in Gradscape works coordinate by coordinate, exactly like PyTorch's
//! element-wise tensor kernels; `Vec2` gives those element-wise operations names.
//!
//! The element-wise arithmetic (`+ − × ÷`, `sqrt`, by a vector or a scalar) goes through
//! [`lanes`]: in wasm built with `simd128` (`.cargo/config.toml`) one `f64x2` instruction
//! does both coordinates, elsewhere two scalar operations. IEEE 754 rounds each of these
//! correctly in either form, so the bits are the same natively and in wasm.

use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A point or a direction in the plane, `(x, y)`; serialised as the JSON array `[x, y]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Vec2 {
    /// First coordinate (`x`, or `w` in regression).
    pub x: f64,
    /// Second coordinate (`y`, or `b` in regression).
    pub y: f64,
}

impl Vec2 {
    /// The origin.
    pub const ZERO: Vec2 = Vec2 { x: 0.0, y: 0.0 };

    /// A vector from its two coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Vec2 { x, y }
    }

    /// Both coordinates set to `v`.
    pub const fn splat(v: f64) -> Self {
        Vec2 { x: v, y: v }
    }

    /// Applies `f` to each coordinate.
    pub fn map(self, f: impl Fn(f64) -> f64) -> Self {
        Vec2::new(f(self.x), f(self.y))
    }

    /// Combines two vectors coordinate by coordinate.
    pub fn zip(self, other: Vec2, f: impl Fn(f64, f64) -> f64) -> Self {
        Vec2::new(f(self.x, other.x), f(self.y, other.y))
    }

    /// Element-wise product (PyTorch's `mul`).
    #[inline]
    pub fn hadamard(self, other: Vec2) -> Self {
        lanes::mul(self, other)
    }

    /// Element-wise square root.
    #[inline]
    pub fn sqrt(self) -> Self {
        lanes::sqrt(self)
    }

    /// Euclidean length.
    pub fn norm(self) -> f64 {
        libm::hypot(self.x, self.y)
    }

    /// Euclidean distance to `other`.
    pub fn distance(self, other: Vec2) -> f64 {
        (self - other).norm()
    }

    /// Largest absolute coordinate.
    pub fn max_abs(self) -> f64 {
        self.x.abs().max(self.y.abs())
    }

    /// True when both coordinates are finite.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

impl From<[f64; 2]> for Vec2 {
    fn from([x, y]: [f64; 2]) -> Self {
        Vec2 { x, y }
    }
}

impl From<Vec2> for [f64; 2] {
    fn from(v: Vec2) -> Self {
        [v.x, v.y]
    }
}

impl Add for Vec2 {
    type Output = Vec2;
    #[inline]
    fn add(self, o: Vec2) -> Vec2 {
        lanes::add(self, o)
    }
}

impl Sub for Vec2 {
    type Output = Vec2;
    #[inline]
    fn sub(self, o: Vec2) -> Vec2 {
        lanes::sub(self, o)
    }
}

impl AddAssign for Vec2 {
    fn add_assign(&mut self, o: Vec2) {
        *self = *self + o;
    }
}

impl SubAssign for Vec2 {
    fn sub_assign(&mut self, o: Vec2) {
        *self = *self - o;
    }
}

impl Mul<f64> for Vec2 {
    type Output = Vec2;
    #[inline]
    fn mul(self, s: f64) -> Vec2 {
        lanes::mul(self, Vec2::splat(s))
    }
}

impl Mul<Vec2> for f64 {
    type Output = Vec2;
    fn mul(self, v: Vec2) -> Vec2 {
        v * self
    }
}

/// Element-wise division (PyTorch's `div`).
impl Div for Vec2 {
    type Output = Vec2;
    #[inline]
    fn div(self, o: Vec2) -> Vec2 {
        lanes::div(self, o)
    }
}

impl Div<f64> for Vec2 {
    type Output = Vec2;
    #[inline]
    fn div(self, s: f64) -> Vec2 {
        lanes::div(self, Vec2::splat(s))
    }
}

impl Neg for Vec2 {
    type Output = Vec2;
    fn neg(self) -> Vec2 {
        Vec2::new(-self.x, -self.y)
    }
}

/// Both coordinates in one wasm `f64x2` instruction (`simd128` enabled for the crate).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use super::Vec2;
    use core::arch::wasm32::{
        f64x2, f64x2_add, f64x2_div, f64x2_extract_lane, f64x2_mul, f64x2_sqrt, f64x2_sub, v128,
    };

    #[inline(always)]
    fn pack(v: Vec2) -> v128 {
        f64x2(v.x, v.y)
    }

    #[inline(always)]
    fn unpack(v: v128) -> Vec2 {
        Vec2::new(f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v))
    }

    macro_rules! lanewise {
        ($($name:ident: $op:ident),*) => {$(
            #[inline(always)]
            pub(super) fn $name(a: Vec2, b: Vec2) -> Vec2 {
                unpack($op(pack(a), pack(b)))
            }
        )*};
    }
    lanewise!(add: f64x2_add, sub: f64x2_sub, mul: f64x2_mul, div: f64x2_div);

    #[inline(always)]
    pub(super) fn sqrt(a: Vec2) -> Vec2 {
        unpack(f64x2_sqrt(pack(a)))
    }
}

/// Each coordinate on its own (natively, and in wasm without `simd128`).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    use super::Vec2;

    macro_rules! lanewise {
        ($($name:ident: $op:tt),*) => {$(
            #[inline(always)]
            pub(super) fn $name(a: Vec2, b: Vec2) -> Vec2 {
                Vec2::new(a.x $op b.x, a.y $op b.y)
            }
        )*};
    }
    lanewise!(add: +, sub: -, mul: *, div: /);

    #[inline(always)]
    pub(super) fn sqrt(a: Vec2) -> Vec2 {
        Vec2::new(a.x.sqrt(), a.y.sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_wise_operations() {
        let a = Vec2::new(3.0, -4.0);
        let b = Vec2::new(2.0, 8.0);
        assert_eq!(a.norm(), 5.0);
        assert_eq!(a.hadamard(b), Vec2::new(6.0, -32.0));
        assert_eq!(a / b, Vec2::new(1.5, -0.5));
        assert_eq!(a.max_abs(), 4.0);
        assert!(!Vec2::new(f64::NAN, 0.0).is_finite());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "[3.0,-4.0]");
        assert_eq!(serde_json::from_str::<Vec2>(&json).unwrap(), a);
    }
}
