//! No input panics: random strings from the grammar's alphabet, deep nesting, huge numbers.
//! Plus a timing of `value_and_gradient` (ignored by default; run it with
//! `cargo test --release --lib expr::tests::robust::speed -- --ignored --nocapture`).

use super::super::{Expr, ExprError};
use super::parse;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Pieces of formulas: mostly valid, some invalid.
const PIECES: &[&str] = &[
    "x", "y", "pi", "e", "1", "0", "2.5", ".5", "1e3", "1e-3", "1e999", "+", "-", "*", "/", "^",
    "**", "(", ")", ",", " ", "sin(", "max(", "foo(", "z", "$", "é", "π", "\u{0}", "\t",
    "\u{202e}", "E", ".", "2x",
];

/// A random formula from the grammar, `depth` levels deep at most.
fn formula(rng: &mut ChaCha8Rng, depth: u32) -> String {
    let leaf = ["x", "y", "pi", "e", "2", "0.5", ".5", "1e-3", "2.5E+2", "0"];
    if depth == 0 || rng.random_bool(0.3) {
        return leaf[rng.random_range(0..leaf.len())].to_string();
    }
    let a = formula(rng, depth - 1);
    match rng.random_range(0..5) {
        0 => format!("-{a}"),
        1 => format!("({a})"),
        2 => {
            let f =
                ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh"][rng.random_range(0..8)];
            format!("{f}({a})")
        }
        3 => format!(
            "{}({a}, {})",
            ["min", "max"][rng.random_range(0..2)],
            formula(rng, depth - 1)
        ),
        _ => {
            let op = ["+", "-", "*", "/", "^", "**"][rng.random_range(0..6)];
            format!("{a} {op} {}", formula(rng, depth - 1))
        }
    }
}

/// A formula from the grammar, with a few random pieces inserted or characters deleted.
fn mutated(rng: &mut ChaCha8Rng) -> String {
    let mut chars: Vec<char> = formula(rng, 6).chars().collect();
    for _ in 0..rng.random_range(0..3) {
        let at = rng.random_range(0..=chars.len());
        if rng.random_bool(0.5) && at < chars.len() {
            chars.remove(at);
        } else {
            let piece = PIECES[rng.random_range(0..PIECES.len())];
            chars.splice(at..at, piece.chars());
        }
    }
    chars.into_iter().collect()
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = ChaCha8Rng::seed_from_u64(0x9e37_79b9);
    let (mut parsed, mut refused) = (0, 0);
    for _ in 0..5000 {
        let source = mutated(&mut rng);
        match Expr::parse(&source) {
            Ok(f) => {
                parsed += 1;
                for (x, y) in [
                    (0.0, 0.0),
                    (1.5, -2.5),
                    (-1e300, 1e-300),
                    (f64::NAN, f64::INFINITY),
                ] {
                    let (v, _) = f.value_and_gradient(x, y);
                    let w = f.value(x, y);
                    assert!(
                        v.to_bits() == w.to_bits() || (v.is_nan() && w.is_nan()),
                        "{source:?}"
                    );
                }
            }
            Err(e) => {
                refused += 1;
                let (start, len) = e.position();
                assert!(
                    start + len <= source.chars().count(),
                    "{source:?}: {e} at {:?}",
                    e.position()
                );
                assert!(!e.to_string().is_empty());
            }
        }
    }
    // The generator is useful only if it produces both kinds.
    assert!(
        parsed > 1000 && refused > 1000,
        "parsed {parsed}, refused {refused}"
    );
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for _ in 0..3000 {
        let n = rng.random_range(0..40);
        let source: String = (0..n)
            .map(|_| char::from_u32(rng.random_range(0..0x3000)).unwrap_or('?'))
            .collect();
        if let Err(e) = Expr::parse(&source) {
            let (start, len) = e.position();
            assert!(start + len <= source.chars().count(), "{source:?}: {e}");
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let open = "(".repeat(10_000);
    assert!(matches!(Expr::parse(&open), Err(ExprError::TooLong { .. })));
    // Within the length limit, the depth limit applies.
    let nested = format!("{}x{}", "(".repeat(499), ")".repeat(499));
    assert!(matches!(
        Expr::parse(&nested),
        Err(ExprError::TooDeep { start: 64 })
    ));
    let minus = "-".repeat(999) + "x";
    assert!(matches!(
        Expr::parse(&minus),
        Err(ExprError::TooDeep { .. })
    ));
    let powers = "2^".repeat(499) + "2";
    assert!(matches!(
        Expr::parse(&powers),
        Err(ExprError::TooDeep { .. })
    ));
}

#[test]
fn deepest_accepted_formulas_evaluate() {
    // The largest stack depths reachable within the limits still evaluate correctly.
    let chain = "x^".repeat(63) + "1";
    let tower = (0..63).fold(1.0, |t, _| 1.2f64.powf(t));
    assert_eq!(parse(&chain).value(1.2, 0.0), tower);
    let sum: String = (0..63).map(|_| "x+(").collect::<String>() + "y" + &")".repeat(63);
    let f = parse(&sum);
    assert_eq!(f.value_and_gradient(1.0, 2.0), (65.0, [63.0, 1.0]));
}

#[test]
fn huge_and_tiny_numbers() {
    assert!(matches!(
        Expr::parse("1e309"),
        Err(ExprError::NotFinite { .. })
    ));
    assert!(matches!(
        Expr::parse(&"9".repeat(400)),
        Err(ExprError::NotFinite { .. })
    ));
    assert!(matches!(
        Expr::parse("1e99999999999999999999999"),
        Err(ExprError::NotFinite { .. })
    ));
    assert_eq!(parse("1e-99999999999999999999999").value(0.0, 0.0), 0.0);
    let nines = parse(&"9".repeat(300)).value(0.0, 0.0);
    assert!((nines / 1e300 - 1.0).abs() < 1e-15, "{nines}");
    // Overflow during evaluation is a value (inf), not an error.
    assert_eq!(parse("1e300 * 1e300").value(0.0, 0.0), f64::INFINITY);
    assert_eq!(parse("x * 1e300").value(1e300, 0.0), f64::INFINITY);
}

#[test]
#[ignore = "timing, not a test: run with --release --ignored --nocapture"]
fn speed() {
    let f = parse("(1 - x)^2 + 100*(y - x^2)^2");
    let n = 10_000_000;
    let start = std::time::Instant::now();
    let mut acc = 0.0;
    for i in 0..n {
        let t = f64::from(i) * 1e-7;
        let (v, g) = f.value_and_gradient(t, 1.0 - t);
        acc += v + g[0] + g[1];
    }
    let dual = start.elapsed().as_nanos() as f64 / f64::from(n);
    let start = std::time::Instant::now();
    for i in 0..n {
        let t = f64::from(i) * 1e-7;
        acc += f.value(t, 1.0 - t);
    }
    let plain = start.elapsed().as_nanos() as f64 / f64::from(n);
    println!("Rosenbrock ({} instructions): value {plain:.1} ns, value_and_gradient {dual:.1} ns ({acc})", f.len());
}
