//! Two `f64` lanes computed together: two columns of a sampled surface at once.
//!
//! In wasm built with `simd128` (`.cargo/config.toml`) a [`Pair`] is one `v128` and each
//! operation one `f64x2` instruction; elsewhere it is `[f64; 2]`, which LLVM vectorises by
//! itself natively. LLVM's own vectorisation stays off in wasm (V8 ran its loops about 2×
//! slower), so the grid sampling loops, the hottest of a view change, spell their lanes out
//! here. `+ − × ÷` and `sqrt` are correctly rounded by IEEE 754 in either form, so a lane
//! holds bit for bit what the scalar expression in the same order gives.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// Two `f64` lanes; the arithmetic operators work lane by lane, also with an `f64` on
/// either side (which stands for itself in both lanes).
#[derive(Clone, Copy, Debug)]
pub struct Pair(imp::Lanes);

impl Pair {
    /// The lanes `(a, b)`.
    #[inline(always)]
    pub fn new(a: f64, b: f64) -> Self {
        Pair(imp::new(a, b))
    }

    /// `v` in both lanes.
    #[inline(always)]
    pub fn splat(v: f64) -> Self {
        Pair(imp::new(v, v))
    }

    /// The two lanes, in order.
    #[inline(always)]
    pub fn lanes(self) -> [f64; 2] {
        imp::lanes(self.0)
    }

    /// `f` applied to each lane (for what has no lane-wise instruction: `exp`, `cos`).
    #[inline(always)]
    pub fn map(self, f: impl Fn(f64) -> f64) -> Self {
        let [a, b] = self.lanes();
        Pair::new(f(a), f(b))
    }

    /// Lane-wise square root.
    #[inline(always)]
    pub fn sqrt(self) -> Self {
        Pair(imp::sqrt(self.0))
    }
}

macro_rules! lanewise {
    ($($trait:ident $method:ident),*) => {$(
        impl $trait for Pair {
            type Output = Pair;
            #[inline(always)]
            fn $method(self, o: Pair) -> Pair {
                Pair(imp::$method(self.0, o.0))
            }
        }
        impl $trait<f64> for Pair {
            type Output = Pair;
            #[inline(always)]
            fn $method(self, o: f64) -> Pair {
                self.$method(Pair::splat(o))
            }
        }
        impl $trait<Pair> for f64 {
            type Output = Pair;
            #[inline(always)]
            fn $method(self, o: Pair) -> Pair {
                Pair::splat(self).$method(o)
            }
        }
    )*};
}
lanewise!(Add add, Sub sub, Mul mul, Div div);

impl Neg for Pair {
    type Output = Pair;
    #[inline(always)]
    fn neg(self) -> Pair {
        Pair(imp::neg(self.0))
    }
}

/// Both lanes in one `v128`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use core::arch::wasm32::{f64x2, f64x2_extract_lane, v128};

    pub(super) type Lanes = v128;

    #[inline(always)]
    pub(super) fn new(a: f64, b: f64) -> v128 {
        f64x2(a, b)
    }

    #[inline(always)]
    pub(super) fn lanes(v: v128) -> [f64; 2] {
        [f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v)]
    }

    pub(super) use core::arch::wasm32::{
        f64x2_add as add, f64x2_div as div, f64x2_mul as mul, f64x2_neg as neg, f64x2_sqrt as sqrt,
        f64x2_sub as sub,
    };
}

/// The same lanes as an array, one operation per lane.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    pub(super) type Lanes = [f64; 2];

    #[inline(always)]
    pub(super) fn new(a: f64, b: f64) -> Lanes {
        [a, b]
    }

    #[inline(always)]
    pub(super) fn lanes(v: Lanes) -> [f64; 2] {
        v
    }

    macro_rules! lanewise {
        ($($name:ident: $op:tt),*) => {$(
            #[inline(always)]
            pub(super) fn $name(a: Lanes, b: Lanes) -> Lanes {
                [a[0] $op b[0], a[1] $op b[1]]
            }
        )*};
    }
    lanewise!(add: +, sub: -, mul: *, div: /);

    #[inline(always)]
    pub(super) fn neg(a: Lanes) -> Lanes {
        [-a[0], -a[1]]
    }

    #[inline(always)]
    pub(super) fn sqrt(a: Lanes) -> Lanes {
        [a[0].sqrt(), a[1].sqrt()]
    }
}

#[cfg(test)]
mod tests {
    use super::Pair;

    #[test]
    fn each_lane_is_the_scalar_expression() {
        let (a, b) = (Pair::new(3.0, -0.1), Pair::new(0.7, 1e-300));
        let got = (2.0 * a - b / 3.0 + 1.0).sqrt() * -(a * b);
        for lane in 0..2 {
            let (x, y) = (a.lanes()[lane], b.lanes()[lane]);
            let want = (2.0 * x - y / 3.0 + 1.0).sqrt() * -(x * y);
            assert_eq!(got.lanes()[lane].to_bits(), want.to_bits());
        }
        assert_eq!(Pair::splat(2.0).map(f64::ln).lanes(), [2f64.ln(); 2]);
    }
}
