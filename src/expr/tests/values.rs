//! Parse-and-evaluate tables: literals, precedence, associativity, functions.

use super::{close, parse};
use std::f64::consts::{E, PI};

#[test]
fn constants_and_literals() {
    let table: &[(&str, f64)] = &[
        ("2", 2.0),
        ("0.5", 0.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("1e-3", 1e-3),
        ("2.5E+2", 250.0),
        ("3e2", 300.0),
        ("007", 7.0),
        ("pi", PI),
        ("e", E),
        ("  \t 42 \n", 42.0),
        ("1e308", 1e308),
        ("1e-400", 0.0),
    ];
    for &(source, expected) in table {
        assert_eq!(parse(source).value(0.3, -0.7), expected, "{source}");
    }
}

#[test]
fn precedence_and_associativity() {
    let (x, y): (f64, f64) = (1.5, -2.0);
    let table: &[(&str, f64)] = &[
        ("x", x),
        ("y", y),
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("10 - 4 - 3", 3.0),
        ("100 / 10 / 5", 2.0),
        ("2 * 3 / 4", 1.5),
        ("2^3^2", 512.0),
        ("(2^3)^2", 64.0),
        ("2**3**2", 512.0),
        ("-x^2", -(x * x)),
        ("(-x)^2", x * x),
        ("-2^2", -4.0),
        ("2^-1", 0.5),
        ("2^-1^2", 0.5),
        ("--x", x),
        ("+x", x),
        ("-+-x", x),
        ("x - -y", x - -y),
        ("x*-y", x * -y),
        ("2*x^2", 2.0 * x * x),
        ("x^2*3", x * x * 3.0),
        ("x/y/2", x / y / 2.0),
        ("x - y + 1", x - y + 1.0),
        ("1 - x - y", 1.0 - x - y),
        ("2/x", 2.0 / x),
        ("x^y", x.powf(y)),
        ("y^2", 4.0),
        ("y^3", -8.0),
        ("y^0", 1.0),
        ("y^0.5", f64::NAN),
        ("2^x", 2f64.powf(x)),
        ("(x + y) * (x - y)", (x + y) * (x - y)),
        ("((((x))))", x),
        ("x ^ 2 + y ^ 2", x * x + y * y),
        ("1/0", f64::INFINITY),
        ("0/0", f64::NAN),
    ];
    for &(source, expected) in table {
        let got = parse(source).value(x, y);
        assert!(
            close(got, expected, 1e-15, expected.abs()),
            "{source}: got {got}, expected {expected}"
        );
    }
}

#[test]
fn functions() {
    let (x, y): (f64, f64) = (0.7, -1.3);
    let table: &[(&str, f64)] = &[
        ("sin(x)", x.sin()),
        ("cos(y)", y.cos()),
        ("tan(x)", x.tan()),
        ("exp(y)", y.exp()),
        ("log(x)", x.ln()),
        ("ln(x)", x.ln()),
        ("log(y)", f64::NAN),
        ("sqrt(x)", x.sqrt()),
        ("abs(y)", 1.3),
        ("tanh(y)", y.tanh()),
        ("min(x, y)", y),
        ("max(x, y)", x),
        ("max(x,min(y,0))", x),
        (
            "sin(x)*cos(y) + 0.1*(x^2+y^2)",
            x.sin() * y.cos() + 0.1 * (x * x + y * y),
        ),
        ("exp(-(x^2 + y^2))", (-(x * x + y * y)).exp()),
        ("sqrt(abs(x*y))", (x * y).abs().sqrt()),
        ("sin(pi/2)", 1.0),
        ("log(e)", 1.0),
        ("( sin ( x ) )", x.sin()),
        ("min(0/0, 1)", f64::NAN),
        ("max(1, 0/0)", f64::NAN),
    ];
    for &(source, expected) in table {
        let got = parse(source).value(x, y);
        assert!(
            close(got, expected, 1e-15, expected.abs()),
            "{source}: got {got}, expected {expected}"
        );
    }
}

#[test]
fn value_of_gradient_pass_is_bit_identical() {
    let sources = [
        "(1 - x)^2 + 100*(y - x^2)^2",
        "x^y + 2^x - y^-1.5",
        "max(x, y) / min(x, 3)",
        "tan(x)*tanh(y)",
    ];
    for source in sources {
        let f = parse(source);
        for (x, y) in [(0.3, 1.7), (-1.2, 0.4), (2.0, 2.0), (0.0, -0.5)] {
            let (v, _) = f.value_and_gradient(x, y);
            assert_eq!(
                v.to_bits(),
                f.value(x, y).to_bits(),
                "{source} at ({x}, {y})"
            );
        }
    }
}

#[test]
fn source_display_and_introspection() {
    let f: super::super::Expr = "x^2 + 1".parse().unwrap();
    assert_eq!(f.source(), "x^2 + 1");
    assert_eq!(f.to_string(), "x^2 + 1");
    assert!(f.uses_x() && !f.uses_y());
    // Constants fold: `2*pi*3` is one instruction, and `x^2 + 1` is x, square, add-constant.
    assert_eq!(parse("2*pi*3").len(), 1);
    assert_eq!(f.len(), 3);
    assert_eq!(parse("y*(1+1)"), parse("y*(1+1)"));
}
