//! Gradients: hand-derived formulas, central finite differences, and the conventions at
//! points where a derivative is not defined.

use super::{close, numeric_gradient, parse};

type Grad = fn(f64, f64) -> [f64; 2];

/// A formula, a point, and the value and gradient expected there.
type Case = (&'static str, (f64, f64), f64, [f64; 2]);

#[test]
fn against_hand_derived_formulas() {
    let table: &[(&str, Grad)] = &[
        ("x", |_, _| [1.0, 0.0]),
        ("y", |_, _| [0.0, 1.0]),
        ("3", |_, _| [0.0, 0.0]),
        ("x*y", |x, y| [y, x]),
        ("x/y", |x, y| [1.0 / y, -x / (y * y)]),
        ("2/x", |x, _| [-2.0 / (x * x), 0.0]),
        ("1 - x", |_, _| [-1.0, 0.0]),
        ("-x^3", |x, _| [-3.0 * x * x, 0.0]),
        ("x^-2", |x, _| [-2.0 / (x * x * x), 0.0]),
        ("x^2.5 + y^0.5", |x, y| [2.5 * x.powf(1.5), 0.5 / y.sqrt()]),
        ("x^y", |x, y| [y * x.powf(y - 1.0), x.powf(y) * x.ln()]),
        ("2^x", |x, _| [2f64.powf(x) * 2f64.ln(), 0.0]),
        ("(x*y)^(x+y)", |x, y| {
            let (a, b) = (x * y, x + y);
            let v = a.powf(b);
            [v * (a.ln() + b * y / a), v * (a.ln() + b * x / a)]
        }),
        ("sin(x)*cos(y)", |x, y| {
            [x.cos() * y.cos(), -x.sin() * y.sin()]
        }),
        ("tan(x*y)", |x, y| {
            let s = 1.0 / (x * y).cos().powi(2);
            [y * s, x * s]
        }),
        ("exp(x - y)", |x, y| [(x - y).exp(), -(x - y).exp()]),
        ("log(x^2 + y^2)", |x, y| {
            let r = x * x + y * y;
            [2.0 * x / r, 2.0 * y / r]
        }),
        ("sqrt(x^2 + y^2)", |x, y| {
            let r = (x * x + y * y).sqrt();
            [x / r, y / r]
        }),
        ("abs(x - y)", |x, y| {
            let s = (x - y).signum();
            [s, -s]
        }),
        ("tanh(2*x)", |x, _| {
            [2.0 * (1.0 - (2.0 * x).tanh().powi(2)), 0.0]
        }),
        (
            "min(x, y)",
            |x, y| if y < x { [0.0, 1.0] } else { [1.0, 0.0] },
        ),
        ("max(x^2, y)", |x, y| {
            if y > x * x {
                [0.0, 1.0]
            } else {
                [2.0 * x, 0.0]
            }
        }),
        ("(1 - x)^2 + 100*(y - x^2)^2", |x, y| {
            [
                -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
                200.0 * (y - x * x),
            ]
        }),
    ];
    let points = [(0.3, 1.7), (1.2, 0.4), (2.0, 0.5), (0.9, 2.2), (1.5, 1.1)];
    for &(source, grad) in table {
        let f = parse(source);
        for (x, y) in points {
            let (_, g) = f.value_and_gradient(x, y);
            let want = grad(x, y);
            for k in 0..2 {
                assert!(
                    close(g[k], want[k], 1e-13, want[k].abs()),
                    "{source} at ({x}, {y}): {g:?} vs {want:?}"
                );
            }
        }
    }
}

#[test]
fn against_central_differences() {
    let sources = [
        "sin(x)*cos(y) + 0.1*(x^2+y^2)",
        "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2",
        "exp(-(x^2 + y^2)/4) * cos(3*x)",
        "log(1 + x^2 + y^4) - tanh(x*y)",
        "sqrt(1 + x^2 + y^2) / (2 + sin(x))",
        "x^3 - 3*x*y^2",
        "(2 + cos(x))^(1 + y^2/10)",
        "2^x * e^(-y) + pi",
        "max(x^2, y) + min(sin(x), cos(y))",
        "abs(x) + abs(y - 0.05)",
        "tan(0.3*x) / (3 + y^2)",
        "-x^2 - -y^2 + --x",
        "1/(1 + x^2) + 1/(2 - cos(y))",
    ];
    let mut count = 0;
    for source in sources {
        let f = parse(source);
        for i in 0..17 {
            for j in 0..13 {
                // An irregular grid over [-2.9, 3.1] × [-2.4, 2.6] that avoids kinks.
                let (x, y) = (
                    -2.9 + 6.0 * (f64::from(i) + 0.37) / 17.0,
                    -2.4 + 5.0 * (f64::from(j) + 0.61) / 13.0,
                );
                let (v, g) = f.value_and_gradient(x, y);
                let n = numeric_gradient(&f, x, y, 1e-6);
                let scale = 1.0 + v.abs() + g[0].abs() + g[1].abs();
                for k in 0..2 {
                    assert!(
                        close(g[k], n[k], 1e-6, scale),
                        "{source} at ({x}, {y}): {g:?} vs {n:?}"
                    );
                }
                count += 1;
            }
        }
    }
    assert_eq!(count, sources.len() * 17 * 13);
}

#[test]
fn conventions_at_undefined_points() {
    let inf = f64::INFINITY;
    let nan = f64::NAN;
    let table: &[Case] = &[
        ("abs(x)", (0.0, 0.0), 0.0, [0.0, 0.0]),
        ("abs(x - y)", (1.0, 1.0), 0.0, [0.0, 0.0]),
        ("sqrt(x)", (0.0, 0.0), 0.0, [inf, nan]), // 0 · inf in the unused direction, as IEEE says
        ("sqrt(x + 1)", (-1.0, 5.0), 0.0, [inf, nan]),
        ("sqrt(x^2 + y^2)", (0.0, 0.0), 0.0, [nan, nan]),
        ("x^2", (0.0, 3.0), 0.0, [0.0, 0.0]),
        ("x^2", (-3.0, 0.0), 9.0, [-6.0, 0.0]),
        ("x^3", (-2.0, 0.0), -8.0, [12.0, 0.0]),
        ("x^0", (0.0, 0.0), 1.0, [0.0, 0.0]),
        ("x^1", (0.0, 0.0), 0.0, [1.0, 0.0]),
        ("x^(1/3)", (-8.0, 0.0), nan, [nan, nan]),
        ("0^y", (0.0, 2.0), 0.0, [0.0, 0.0]),
        ("min(x, y)", (1.0, 1.0), 1.0, [1.0, 0.0]),
        ("max(y, x)", (1.0, 1.0), 1.0, [0.0, 1.0]),
        ("log(x)", (-1.0, 0.0), nan, [-1.0, 0.0]), // 1/x, as PyTorch (the value is NaN)
        ("log(x)", (0.0, 0.0), -inf, [inf, nan]),
        ("1/x", (0.0, 0.0), inf, [-inf, nan]),
        ("x/y", (0.0, 0.0), nan, [nan, nan]),
    ];
    for &(source, (x, y), value, grad) in table {
        let (v, g) = parse(source).value_and_gradient(x, y);
        let ok = close(v, value, 0.0, 1.0)
            && close(g[0], grad[0], 0.0, 1.0)
            && close(g[1], grad[1], 0.0, 1.0);
        assert!(
            ok,
            "{source} at ({x}, {y}): got {v}, {g:?}; expected {value}, {grad:?}"
        );
    }
}
