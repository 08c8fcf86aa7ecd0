//! What a run minimises: a built-in surface, a regression task or a typed formula, plus the
//! run's L1 term.
//!
//! `objective(p) = f(p) + l1·(|p₀| + |p₁|)`, gradient `∇f(p) + l1·sign(p)` with
//! `sign(0) = 0` (PyTorch's `torch.sign`), as the reference specifies.

use crate::expr::Expr;
use crate::regression::Regression;
use crate::surfaces::{Bounds, Minimum, SurfaceKind};
use crate::vec2::Vec2;

/// The function being minimised, shared by every run of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A built-in surface.
    Surface(SurfaceKind),
    /// Linear regression over (w, b) (boxed: it owns the data).
    Regression(Box<Regression>),
    /// A formula typed by the user, with exact gradients by automatic differentiation.
    Expr(Expr),
}

/// The view of a typed formula, which has no known minima to centre on.
pub const EXPR_BOUNDS: Bounds = Bounds::new(-3.0, 3.0, -3.0, 3.0);

impl Problem {
    /// The loss at `p` (without L1).
    pub fn value(&self, p: Vec2) -> f64 {
        match self {
            Problem::Surface(s) => s.value(p),
            Problem::Regression(r) => r.loss(p),
            Problem::Expr(e) => e.value(p.x, p.y),
        }
    }

    /// The full gradient at `p` (without L1).
    pub fn gradient(&self, p: Vec2) -> Vec2 {
        match self {
            Problem::Surface(s) => s.gradient(p),
            Problem::Regression(r) => r.gradient(p),
            Problem::Expr(e) => e.value_and_gradient(p.x, p.y).1.into(),
        }
    }

    /// The known global minima.
    pub fn minima(&self) -> Vec<Minimum> {
        match self {
            Problem::Surface(s) => s.surface().minima().to_vec(),
            Problem::Regression(r) => r.minima(),
            Problem::Expr(_) => Vec::new(),
        }
    }

    /// The default view box.
    pub fn bounds(&self) -> Bounds {
        match self {
            Problem::Surface(s) => s.surface().bounds(),
            Problem::Regression(r) => r.bounds(),
            Problem::Expr(_) => EXPR_BOUNDS,
        }
    }

    /// The regression task, if this is one.
    pub fn regression(&self) -> Option<&Regression> {
        match self {
            Problem::Regression(r) => Some(r),
            Problem::Surface(_) | Problem::Expr(_) => None,
        }
    }

    /// Distance from `p` to the nearest known minimum (`None` without minima).
    /// A surface's minima are read in place: a run asks this at every step.
    pub fn distance_to_minimum(&self, p: Vec2) -> Option<f64> {
        let nearest = |minima: &[Minimum]| {
            minima
                .iter()
                .map(|m| m.point.distance(p))
                .min_by(f64::total_cmp)
        };
        match self {
            Problem::Surface(s) => nearest(s.surface().minima()),
            Problem::Regression(r) => nearest(&r.minima()),
            Problem::Expr(_) => None,
        }
    }

    /// A 64-bit fingerprint of the problem: the surface's name, the formula's text, or
    /// every training and validation point bit for bit. Run snapshots carry it so that a
    /// run is never adopted into another problem. O(data size); not cryptographic.
    pub fn fingerprint(&self) -> u64 {
        let mut h = Fingerprint(0xcbf2_9ce4_8422_2325);
        match self {
            Problem::Surface(s) => {
                h.word(1);
                h.bytes(s.name().as_bytes());
            }
            Problem::Expr(e) => {
                h.word(2);
                h.bytes(e.source().as_bytes());
            }
            Problem::Regression(r) => {
                h.word(3);
                for set in [&r.train, &r.validation] {
                    h.word(set.len() as u64);
                    for v in set.x.iter().chain(&set.y) {
                        h.word(v.to_bits());
                    }
                }
            }
        }
        h.0
    }

    /// Whether `p` is within `tolerance` of a known minimum: exactly
    /// `distance_to_minimum(p).is_some_and(|d| d <= tolerance)`, but without the square root
    /// (`hypot`, a software routine in wasm) for points clearly farther away.
    pub fn within_tolerance(&self, p: Vec2, tolerance: f64) -> bool {
        match self {
            Problem::Surface(s) => within(s.surface().minima(), p, tolerance),
            Problem::Regression(r) => within(&r.minima(), p, tolerance),
            Problem::Expr(_) => false,
        }
    }
}

/// Whether `p` is within `tolerance` of one of `minima`: the same answer as comparing the
/// nearest [`Vec2::distance`] with `tolerance`. The squared distance, computed without a
/// square root, decides only when it is clearly beyond the tolerance (a margin of 1e-6
/// relative, far above the rounding of either form); otherwise `hypot` decides, as before.
pub fn within(minima: &[Minimum], p: Vec2, tolerance: f64) -> bool {
    let margin = tolerance * (1.0 + 1e-6);
    let far = margin * margin;
    // Below a normal `far` the squares could round in the subnormal range; a negative or NaN
    // tolerance is left to the exact test too (which never passes it).
    let screen = tolerance >= 0.0 && far >= f64::MIN_POSITIVE;
    minima.iter().any(|m| {
        let d = m.point - p;
        let clearly_far = screen && d.x * d.x + d.y * d.y > far;
        !clearly_far && m.point.distance(p) <= tolerance
    })
}

/// FNV-1a over 64-bit words (one multiply per word keeps a million points in milliseconds).
struct Fingerprint(u64);

impl Fingerprint {
    fn word(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(0x0000_0100_0000_01b3);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.word(b.len() as u64);
        for &x in b {
            self.word(u64::from(x));
        }
    }
}

/// The L1 penalty `l1·(|p₀| + |p₁|)`.
pub fn l1_value(l1: f64, p: Vec2) -> f64 {
    if l1 == 0.0 {
        0.0
    } else {
        l1 * (p.x.abs() + p.y.abs())
    }
}

/// The L1 penalty's (sub)gradient `l1·sign(p)`, with `sign(0) = 0`.
pub fn l1_gradient(l1: f64, p: Vec2) -> Vec2 {
    let sign = |v: f64| {
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    };
    if l1 == 0.0 {
        Vec2::ZERO
    } else {
        p.map(sign) * l1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l1_uses_sign_with_zero_at_zero() {
        assert_eq!(l1_gradient(0.5, Vec2::new(-2.0, 0.0)), Vec2::new(-0.5, 0.0));
        assert_eq!(l1_value(0.5, Vec2::new(-2.0, 3.0)), 2.5);
    }

    #[test]
    fn fingerprints_tell_problems_apart() {
        let rosen = Problem::Surface(SurfaceKind::Rosenbrock);
        assert_eq!(rosen.fingerprint(), rosen.clone().fingerprint());
        assert_ne!(
            rosen.fingerprint(),
            Problem::Surface(SurfaceKind::Beale).fingerprint()
        );
        let expr = |s| Problem::Expr(Expr::parse(s).unwrap()).fingerprint();
        assert_ne!(expr("x^2 + y^2"), expr("x^2 + 2*y^2"));
    }

    #[test]
    fn within_tolerance_agrees_with_the_distance() {
        let problems = [
            Problem::Surface(SurfaceKind::Himmelblau),
            Problem::Surface(SurfaceKind::Rosenbrock),
            Problem::Surface(SurfaceKind::Saddle),
        ];
        let tolerances = [
            0.0,
            1e-200,
            1e-9,
            0.25,
            0.5,
            1.0,
            -1.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for problem in &problems {
            for i in 0..40 {
                for j in 0..40 {
                    let p = Vec2::new(-4.0 + 0.2 * f64::from(i), -4.0 + 0.2 * f64::from(j));
                    for &tol in &tolerances {
                        let exact = problem.distance_to_minimum(p).is_some_and(|d| d <= tol);
                        assert_eq!(problem.within_tolerance(p, tol), exact, "{p:?} {tol}");
                    }
                }
            }
            // On the boundary itself, one ulp either side.
            for m in problem.minima() {
                let d = 0.3f64;
                let p = m.point + Vec2::new(d, 0.0);
                let dist = m.point.distance(p);
                for tol in [
                    dist,
                    f64::from_bits(dist.to_bits() - 1),
                    f64::from_bits(dist.to_bits() + 1),
                ] {
                    assert_eq!(problem.within_tolerance(p, tol), dist <= tol);
                }
            }
        }
    }

    #[test]
    fn distance_to_nearest_of_several_minima() {
        let h = Problem::Surface(SurfaceKind::Himmelblau);
        let d = h.distance_to_minimum(Vec2::new(3.0, 2.5)).unwrap();
        assert!((d - 0.5).abs() < 1e-12);
        assert_eq!(
            Problem::Surface(SurfaceKind::Saddle).distance_to_minimum(Vec2::ZERO),
            None
        );
    }
}
