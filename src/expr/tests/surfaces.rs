//! Every built-in surface, typed as a formula, gives the built-in's value and gradient.

use super::parse;
use crate::surfaces::SurfaceKind;
use crate::vec2::Vec2;

/// The formula of each built-in surface in the formula syntax.
fn formula(kind: SurfaceKind) -> &'static str {
    match kind {
        SurfaceKind::Bowl => "x^2 + y^2",
        SurfaceKind::Valley => "0.5*x^2 + 10*y^2",
        SurfaceKind::Rosenbrock => "(1 - x)^2 + 100*(y - x^2)^2",
        SurfaceKind::Beale => "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        SurfaceKind::Himmelblau => "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        SurfaceKind::Booth => "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
        SurfaceKind::Saddle => "x^2 - y^2",
        SurfaceKind::Rastrigin => "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
        SurfaceKind::Ackley => {
            "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20"
        }
        SurfaceKind::SixHumpCamel => "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2",
    }
}

#[test]
fn typed_formulas_match_the_built_in_surfaces() {
    let mut checked = 0;
    for kind in SurfaceKind::ALL {
        let surface = kind.surface();
        let expr = parse(formula(kind));
        let b = surface.bounds();
        let mut points = vec![surface.default_start()];
        points.extend(surface.minima().iter().map(|m| m.point));
        for i in 0..31 {
            for j in 0..29 {
                points.push(Vec2::new(
                    b.min.x + (b.max.x - b.min.x) * (f64::from(i) + 0.29) / 31.0,
                    b.min.y + (b.max.y - b.min.y) * (f64::from(j) + 0.53) / 29.0,
                ));
            }
        }
        for p in points {
            if kind == SurfaceKind::Ackley && p == Vec2::ZERO {
                continue; // sqrt has no derivative at the origin
            }
            let (v, g) = expr.value_and_gradient(p.x, p.y);
            let (want_v, want_g) = (surface.value(p), surface.gradient(p));
            // Relative to the size of the terms, which may cancel (minima, saddle points).
            let scale = 1.0 + want_v.abs() + want_g.max_abs();
            let err_v = (v - want_v).abs();
            let err_g = (g[0] - want_g.x).abs().max((g[1] - want_g.y).abs());
            assert!(
                err_v <= 1e-12 * scale && err_g <= 1e-12 * scale,
                "{}: at {p:?} value {v} vs {want_v}, gradient {g:?} vs {want_g:?}",
                kind.name()
            );
            checked += 1;
        }
    }
    assert!(checked > 10 * 31 * 29);
}
