//! Tests of the formula parser and evaluator, as input/expected tables.

mod errors;
mod gradients;
mod robust;
mod surfaces;
mod values;

use super::Expr;

/// Parses `source`, failing the test with the error message if it does not parse.
fn parse(source: &str) -> Expr {
    match Expr::parse(source) {
        Ok(expr) => expr,
        Err(e) => panic!("{source:?} did not parse: {e} at {:?}", e.position()),
    }
}

/// Whether `a` and `b` agree to `rel` relative to `scale` (NaN equals NaN, inf equals inf).
fn close(a: f64, b: f64, rel: f64, scale: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= rel * scale.max(1.0)
}

/// Central finite-difference gradient of `f` at `(x, y)`.
fn numeric_gradient(f: &Expr, x: f64, y: f64, h: f64) -> [f64; 2] {
    [
        (f.value(x + h, y) - f.value(x - h, y)) / (2.0 * h),
        (f.value(x, y + h) - f.value(x, y - h)) / (2.0 * h),
    ]
}
