//! Local curvature: the Hessian of the loss at a point, its eigen-directions, and the
//! learning rate above which plain gradient descent is unstable there, `lr < 2/λmax`.
//!
//! The Hessian is the central difference of the exact gradient,
//! `H[:, j] ≈ (∇f(p + h·eⱼ) − ∇f(p − h·eⱼ)) / 2h` with `h = 10⁻⁴·max(1, |p|)`,
//! symmetrised; its error is O(h²) relative to the third derivatives, invisible in an
//! overlay. The eigen-decomposition of a symmetric 2×2 matrix is in closed form.

use crate::vec2::Vec2;
use serde::Serialize;

/// The Hessian at a point and what it says about step sizes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Curvature {
    /// `[[fxx, fxy], [fxy, fyy]]`.
    pub hessian: [[f64; 2]; 2],
    /// Eigenvalues, largest first.
    pub eigenvalues: [f64; 2],
    /// Unit eigenvectors, in the same order.
    pub eigenvectors: [Vec2; 2],
    /// `2/λmax` when the largest eigenvalue is positive: plain gradient descent with a
    /// larger learning rate overshoots more at every step near this point.
    pub max_stable_lr: Option<f64>,
}

/// The curvature at `p` of a function with gradient `gradient`.
pub fn curvature(gradient: impl Fn(Vec2) -> Vec2, p: Vec2) -> Curvature {
    let h = 1e-4 * p.max_abs().max(1.0);
    let dx = Vec2::new(h, 0.0);
    let dy = Vec2::new(0.0, h);
    let col_x = (gradient(p + dx) - gradient(p - dx)) / (2.0 * h);
    let col_y = (gradient(p + dy) - gradient(p - dy)) / (2.0 * h);
    let (a, b, d) = (col_x.x, 0.5 * (col_x.y + col_y.x), col_y.y);
    let mean = 0.5 * (a + d);
    let radius = (0.25 * (a - d) * (a - d) + b * b).sqrt();
    let (l1, l2) = (mean + radius, mean - radius);
    // Eigenvector of λ for [[a, b], [b, d]]: (b, λ − a) or (λ − d, b), whichever is larger.
    let direction = |l: f64| {
        let u = Vec2::new(b, l - a);
        let v = Vec2::new(l - d, b);
        let w = if u.norm() >= v.norm() { u } else { v };
        if w.norm() > 0.0 {
            w / w.norm()
        } else {
            Vec2::new(1.0, 0.0)
        }
    };
    let v1 = direction(l1);
    let v2 = if radius > 0.0 {
        direction(l2)
    } else {
        Vec2::new(-v1.y, v1.x)
    };
    Curvature {
        hessian: [[a, b], [b, d]],
        eigenvalues: [l1, l2],
        eigenvectors: [v1, v2],
        max_stable_lr: (l1 > 0.0).then(|| 2.0 / l1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surfaces::SurfaceKind;

    fn at(kind: SurfaceKind, x: f64, y: f64) -> Curvature {
        curvature(|p| kind.surface().gradient(p), Vec2::new(x, y))
    }

    #[test]
    fn quadratics_have_their_constant_curvature() {
        let valley = at(SurfaceKind::Valley, 0.7, -0.3);
        assert!((valley.eigenvalues[0] - 20.0).abs() < 1e-6);
        assert!((valley.eigenvalues[1] - 1.0).abs() < 1e-6);
        assert!((valley.eigenvectors[0].x).abs() < 1e-6);
        assert!((valley.max_stable_lr.unwrap() - 0.1).abs() < 1e-8);
        let saddle = at(SurfaceKind::Saddle, 0.0, 0.0);
        assert!((saddle.eigenvalues[0] - 2.0).abs() < 1e-6);
        assert!((saddle.eigenvalues[1] + 2.0).abs() < 1e-6);
        let bowl = at(SurfaceKind::Bowl, 1.0, 2.0);
        assert!((bowl.eigenvalues[0] - 2.0).abs() < 1e-6);
        assert!(
            (bowl.eigenvectors[0].x * bowl.eigenvectors[1].x
                + bowl.eigenvectors[0].y * bowl.eigenvectors[1].y)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn rosenbrock_at_its_minimum_matches_the_analytic_hessian() {
        // H(1, 1) = [[802, −400], [−400, 200]].
        let c = at(SurfaceKind::Rosenbrock, 1.0, 1.0);
        let [[a, b], [_, d]] = c.hessian;
        assert!((a - 802.0).abs() < 1e-4 && (b + 400.0).abs() < 1e-4 && (d - 200.0).abs() < 1e-4);
        let trace: f64 = 1002.0;
        let det: f64 = 802.0 * 200.0 - 400.0 * 400.0;
        let l1 = 0.5 * (trace + (trace * trace - 4.0 * det).sqrt());
        assert!((c.eigenvalues[0] - l1).abs() < 1e-3);
        // Each eigenvector satisfies H·v = λ·v.
        for (l, v) in c.eigenvalues.iter().zip(c.eigenvectors) {
            let hv = Vec2::new(a * v.x + b * v.y, b * v.x + d * v.y);
            assert!((hv - v * *l).norm() < 1e-3 * l.abs().max(1.0));
        }
    }
}
