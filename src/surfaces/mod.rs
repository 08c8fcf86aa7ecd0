//! The built-in 2-D loss surfaces, one per file, each with its formula, analytic gradient,
//! default view box and known global minima (after argmin's test-function collection).
//!
//! The formulas are exactly those of the reference specification
//! (`shared/golden/README.md`), so that trajectories match PyTorch autograd.

mod ackley;
mod beale;
mod booth;
mod bowl;
mod himmelblau;
mod rastrigin;
mod rosenbrock;
mod saddle;
mod six_hump_camel;
mod valley;

use crate::lanes::Pair;
use crate::vec2::Vec2;
use serde::{Deserialize, Serialize};

/// A rectangle of the plane: the default view of a surface.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// Lower-left corner.
    pub min: Vec2,
    /// Upper-right corner.
    pub max: Vec2,
}

impl Bounds {
    /// The rectangle `[x0, x1] × [y0, y1]`.
    pub const fn new(x0: f64, x1: f64, y0: f64, y1: f64) -> Self {
        Bounds {
            min: Vec2::new(x0, y0),
            max: Vec2::new(x1, y1),
        }
    }
}

/// A known global minimum: where it is and the loss there.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Minimum {
    /// Location of the minimum.
    pub point: Vec2,
    /// Loss at that location.
    pub value: f64,
}

impl Minimum {
    const fn at(x: f64, y: f64, value: f64) -> Self {
        Minimum {
            point: Vec2::new(x, y),
            value,
        }
    }
}

/// A differentiable function of two variables with a default view and known minima.
pub trait Surface {
    /// The loss `f(p)`.
    fn value(&self, p: Vec2) -> f64;
    /// The analytic gradient `∇f(p)`.
    fn gradient(&self, p: Vec2) -> Vec2;
    /// The default view box: where the interesting part of the surface is.
    fn bounds(&self) -> Bounds;
    /// The known global minima (empty when the surface is unbounded below).
    fn minima(&self) -> &'static [Minimum];
    /// A start point that makes a good demonstration.
    fn default_start(&self) -> Vec2;
    /// The formula in plain text, as the reference specification writes it.
    fn formula(&self) -> &'static str;
    /// [`Surface::value`] at every point of the grid `xs × ys`, appended to `out` row by
    /// row (`ys[0]` first), bit for bit the same numbers. Surfaces with terms in x alone or
    /// y alone override it to compute those once per column or row (the picture of the
    /// surface samples a million points per view change).
    fn sample_grid(&self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        for &y in ys {
            out.extend(xs.iter().map(|&x| self.value(Vec2::new(x, y))));
        }
    }
}

/// [`Surface::sample_grid`] for a surface whose value splits into terms of x alone,
/// computed once per column by `column`, terms of y alone, once per row by `row`, and the
/// rest, per point by `point(x, y, column terms, row terms)`. Two columns go through each
/// call, one per lane of a [`Pair`] (an odd last column fills both lanes), and a row's `y`
/// is in both lanes. The caller keeps the order of operations of its `value`, so the
/// numbers are the same bit for bit.
fn sample_separable<C: Copy, R: Copy>(
    xs: &[f64],
    ys: &[f64],
    out: &mut Vec<f64>,
    column: impl Fn(Pair) -> C,
    row: impl Fn(Pair) -> R,
    point: impl Fn(Pair, Pair, C, R) -> Pair,
) {
    if xs.is_empty() {
        return;
    }
    let columns: Vec<(Pair, C)> = xs
        .chunks(2)
        .map(|two| {
            let x = Pair::new(two[0], two[two.len() - 1]);
            (x, column(x))
        })
        .collect();
    let start = out.len();
    out.resize(start + xs.len() * ys.len(), 0.0);
    for (&y, line) in ys.iter().zip(out[start..].chunks_exact_mut(xs.len())) {
        let y = Pair::splat(y);
        let r = row(y);
        let mut cells = line.chunks_exact_mut(2);
        for (two, &(x, c)) in cells.by_ref().zip(&columns) {
            two.copy_from_slice(&point(x, y, c, r).lanes());
        }
        if let ([last], Some(&(x, c))) = (cells.into_remainder(), columns.last()) {
            *last = point(x, y, c, r).lanes()[0];
        }
    }
}

/// Generic code over a concrete [`Surface`], run by [`SurfaceKind::visit`] (a closure
/// cannot be generic over the surface type, a trait method can).
pub trait SurfaceVisitor {
    /// What the visit returns.
    type Output;
    /// Runs with the concrete surface `surface`.
    fn visit<S: Surface>(self, surface: &S) -> Self::Output;
}

/// The names of the built-in surfaces, as they appear in scenarios (`"surface": "beale"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurfaceKind {
    /// `x² + y²`
    Bowl,
    /// `0.5x² + 10y²`
    Valley,
    /// `(1 − x)² + 100(y − x²)²`
    Rosenbrock,
    /// Beale's function.
    Beale,
    /// Himmelblau's function, four minima.
    Himmelblau,
    /// Booth's function.
    Booth,
    /// `x² − y²`, unbounded below.
    Saddle,
    /// Rastrigin's function, many local minima.
    Rastrigin,
    /// Ackley's function, many local minima.
    Ackley,
    /// The six-hump camel function, two global minima.
    SixHumpCamel,
}

impl SurfaceKind {
    /// Every built-in surface, in the order the page lists them.
    pub const ALL: [SurfaceKind; 10] = [
        SurfaceKind::Rosenbrock,
        SurfaceKind::Beale,
        SurfaceKind::Himmelblau,
        SurfaceKind::Bowl,
        SurfaceKind::Valley,
        SurfaceKind::Saddle,
        SurfaceKind::Booth,
        SurfaceKind::Rastrigin,
        SurfaceKind::Ackley,
        SurfaceKind::SixHumpCamel,
    ];

    /// The scenario name, for example `"six_hump_camel"`.
    pub fn name(self) -> &'static str {
        match self {
            SurfaceKind::Bowl => "bowl",
            SurfaceKind::Valley => "valley",
            SurfaceKind::Rosenbrock => "rosenbrock",
            SurfaceKind::Beale => "beale",
            SurfaceKind::Himmelblau => "himmelblau",
            SurfaceKind::Booth => "booth",
            SurfaceKind::Saddle => "saddle",
            SurfaceKind::Rastrigin => "rastrigin",
            SurfaceKind::Ackley => "ackley",
            SurfaceKind::SixHumpCamel => "six_hump_camel",
        }
    }

    /// A human label, for example `"Six-hump camel"`.
    pub fn label(self) -> &'static str {
        match self {
            SurfaceKind::Bowl => "Bowl",
            SurfaceKind::Valley => "Narrow valley",
            SurfaceKind::Rosenbrock => "Rosenbrock",
            SurfaceKind::Beale => "Beale",
            SurfaceKind::Himmelblau => "Himmelblau",
            SurfaceKind::Booth => "Booth",
            SurfaceKind::Saddle => "Saddle",
            SurfaceKind::Rastrigin => "Rastrigin",
            SurfaceKind::Ackley => "Ackley",
            SurfaceKind::SixHumpCamel => "Six-hump camel",
        }
    }

    /// Looks a surface up by its scenario name.
    pub fn from_name(name: &str) -> Option<SurfaceKind> {
        SurfaceKind::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Calls `visitor` with the concrete surface, so that generic code runs monomorphised
    /// over it: one match per call of `visit`, none per evaluation inside (the batch kernel,
    /// `run::batch`, steps thousands of times per visit).
    pub fn visit<V: SurfaceVisitor>(self, visitor: V) -> V::Output {
        match self {
            SurfaceKind::Bowl => visitor.visit(&bowl::Bowl),
            SurfaceKind::Valley => visitor.visit(&valley::Valley),
            SurfaceKind::Rosenbrock => visitor.visit(&rosenbrock::Rosenbrock),
            SurfaceKind::Beale => visitor.visit(&beale::Beale),
            SurfaceKind::Himmelblau => visitor.visit(&himmelblau::Himmelblau),
            SurfaceKind::Booth => visitor.visit(&booth::Booth),
            SurfaceKind::Saddle => visitor.visit(&saddle::Saddle),
            SurfaceKind::Rastrigin => visitor.visit(&rastrigin::Rastrigin),
            SurfaceKind::Ackley => visitor.visit(&ackley::Ackley),
            SurfaceKind::SixHumpCamel => visitor.visit(&six_hump_camel::SixHumpCamel),
        }
    }

    /// `f(p)` of this surface, dispatched by a match the compiler can inline (the same
    /// result as `surface().value(p)`, without the virtual call).
    pub fn value(self, p: Vec2) -> f64 {
        struct Value(Vec2);
        impl SurfaceVisitor for Value {
            type Output = f64;
            fn visit<S: Surface>(self, s: &S) -> f64 {
                s.value(self.0)
            }
        }
        self.visit(Value(p))
    }

    /// `∇f(p)` of this surface, as [`SurfaceKind::value`] without the virtual call.
    pub fn gradient(self, p: Vec2) -> Vec2 {
        struct Gradient(Vec2);
        impl SurfaceVisitor for Gradient {
            type Output = Vec2;
            fn visit<S: Surface>(self, s: &S) -> Vec2 {
                s.gradient(self.0)
            }
        }
        self.visit(Gradient(p))
    }

    /// [`Surface::sample_grid`] of this surface, monomorphised (one match per grid).
    pub fn sample_grid(self, xs: &[f64], ys: &[f64], out: &mut Vec<f64>) {
        struct Sample<'a>(&'a [f64], &'a [f64], &'a mut Vec<f64>);
        impl SurfaceVisitor for Sample<'_> {
            type Output = ();
            fn visit<S: Surface>(self, s: &S) {
                s.sample_grid(self.0, self.1, self.2);
            }
        }
        self.visit(Sample(xs, ys, out));
    }

    /// The surface itself.
    pub fn surface(self) -> &'static dyn Surface {
        match self {
            SurfaceKind::Bowl => &bowl::Bowl,
            SurfaceKind::Valley => &valley::Valley,
            SurfaceKind::Rosenbrock => &rosenbrock::Rosenbrock,
            SurfaceKind::Beale => &beale::Beale,
            SurfaceKind::Himmelblau => &himmelblau::Himmelblau,
            SurfaceKind::Booth => &booth::Booth,
            SurfaceKind::Saddle => &saddle::Saddle,
            SurfaceKind::Rastrigin => &rastrigin::Rastrigin,
            SurfaceKind::Ackley => &ackley::Ackley,
            SurfaceKind::SixHumpCamel => &six_hump_camel::SixHumpCamel,
        }
    }
}

#[cfg(test)]
mod tests {

    /// The engine's maths calls `libm` (pure Rust, the same code natively and in wasm)
    /// for every transcendental function, never std's, which is the platform's C library
    /// natively and another implementation in wasm: the page and the CLI then compute the
    /// same bits. A call of std's `.exp()`, `.cos()`, `.powf(…)` … outside tests fails here.
    #[test]
    fn engine_maths_calls_libm_not_std_transcendentals() {
        const STD: &[&str] = &[
            ".sin()",
            ".cos()",
            ".tan()",
            ".sinh()",
            ".cosh()",
            ".tanh()",
            ".asin()",
            ".acos()",
            ".atan()",
            ".atan2(",
            ".exp()",
            ".exp2()",
            ".exp_m1()",
            ".ln()",
            ".ln_1p()",
            ".log(",
            ".log2()",
            ".log10()",
            ".powf(",
            ".hypot(",
            ".cbrt()",
            ".sin_cos()",
        ];
        // Calls of the expression evaluator's own `Scalar` trait (libm for f64), not std's.
        const TRAIT_CALLS: &[&str] = &["acc.powf(c)"];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root.join("vec2.rs"), root.join("schedule.rs")];
        for dir in ["surfaces", "optim", "expr", "regression", "run", "sweep"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                files.push(entry.unwrap().path());
            }
        }
        let mut scanned = 0;
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".rs") || name == "tests.rs" || name.ends_with("_tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                let line = line.trim_start();
                if line.starts_with("//") || TRAIT_CALLS.iter().any(|c| line.contains(c)) {
                    continue;
                }
                for call in STD {
                    assert!(
                        !line.contains(call),
                        "{}:{}: std's `{call}` in engine maths; use libm",
                        file.display(),
                        n + 1
                    );
                }
            }
            scanned += 1;
        }
        // The scan saw the files (a wrong path would pass vacuously).
        assert!(scanned > 20, "scanned only {scanned} files");
    }

    use super::*;

    /// Central finite difference of `f` at `p` with step `h`.
    fn numeric_gradient(s: &dyn Surface, p: Vec2, h: f64) -> Vec2 {
        let dx = Vec2::new(h, 0.0);
        let dy = Vec2::new(0.0, h);
        Vec2::new(
            (s.value(p + dx) - s.value(p - dx)) / (2.0 * h),
            (s.value(p + dy) - s.value(p - dy)) / (2.0 * h),
        )
    }

    #[test]
    fn analytic_gradients_match_central_differences() {
        for kind in SurfaceKind::ALL {
            let s = kind.surface();
            let b = s.bounds();
            // A 23×23 grid over the view box, offset so that no sample sits on a kink.
            for i in 0..23 {
                for j in 0..23 {
                    let p = Vec2::new(
                        b.min.x + (b.max.x - b.min.x) * (f64::from(i) + 0.37) / 23.0,
                        b.min.y + (b.max.y - b.min.y) * (f64::from(j) + 0.61) / 23.0,
                    );
                    let analytic = s.gradient(p);
                    let numeric = numeric_gradient(s, p, 1e-6);
                    let scale = 1.0 + analytic.max_abs().max(s.value(p).abs()).sqrt();
                    let err = (analytic - numeric).max_abs();
                    assert!(
                        err <= 1e-4 * scale,
                        "{}: at {p:?} analytic {analytic:?} vs numeric {numeric:?}",
                        kind.name()
                    );
                }
            }
        }
    }

    #[test]
    fn minima_are_stationary_and_have_the_stated_value() {
        for kind in SurfaceKind::ALL {
            let s = kind.surface();
            for m in s.minima() {
                assert!(
                    (s.value(m.point) - m.value).abs() < 1e-9,
                    "{}: f{:?} = {} not {}",
                    kind.name(),
                    m.point,
                    s.value(m.point),
                    m.value
                );
                assert!(
                    s.gradient(m.point).norm() < 1e-5,
                    "{}: gradient at minimum {:?} is {:?}",
                    kind.name(),
                    m.point,
                    s.gradient(m.point)
                );
                // No point of a small ring around it is lower.
                for k in 0..16 {
                    let a = f64::from(k) * std::f64::consts::TAU / 16.0;
                    let q = m.point + Vec2::new(a.cos(), a.sin()) * 1e-3;
                    assert!(s.value(q) >= m.value - 1e-12, "{}", kind.name());
                }
            }
        }
    }

    #[test]
    fn static_dispatch_equals_the_surface_itself() {
        for kind in SurfaceKind::ALL {
            let s = kind.surface();
            for p in [Vec2::new(0.3, -1.7), Vec2::new(-2.5, 0.9), Vec2::ZERO] {
                assert_eq!(
                    kind.value(p).to_bits(),
                    s.value(p).to_bits(),
                    "{}",
                    kind.name()
                );
                assert_eq!(kind.gradient(p), s.gradient(p), "{}", kind.name());
            }
        }
    }

    #[test]
    fn names_round_trip_and_views_are_proper() {
        for kind in SurfaceKind::ALL {
            assert_eq!(SurfaceKind::from_name(kind.name()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.name()));
            let b = kind.surface().bounds();
            assert!(b.min.x < b.max.x && b.min.y < b.max.y);
            let start = kind.surface().default_start();
            assert!(start.x > b.min.x && start.x < b.max.x);
            assert!(start.y > b.min.y && start.y < b.max.y);
        }
        assert_eq!(SurfaceKind::from_name("nope"), None);
        assert!(SurfaceKind::Saddle.surface().minima().is_empty());
    }
}
