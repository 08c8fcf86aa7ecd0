//! Bad inputs: the exact message and the span (in chars) the page underlines.

use super::super::{Expr, ExprError, MAX_DEPTH, MAX_LEN};

#[test]
fn messages_and_positions() {
    let table: &[(&str, &str, (usize, usize))] = &[
        (
            "",
            "type a formula in x and y, for example (1 - x)^2 + 100*(y - x^2)^2",
            (0, 0),
        ),
        (
            "   ",
            "type a formula in x and y, for example (1 - x)^2 + 100*(y - x^2)^2",
            (0, 3),
        ),
        ("x +", "unexpected end of the formula after '+'", (3, 0)),
        ("x +   ", "unexpected end of the formula after '+'", (6, 0)),
        ("-", "unexpected end of the formula after '-'", (1, 0)),
        ("x^", "unexpected end of the formula after '^'", (2, 0)),
        ("max(x,", "unexpected end of the formula after ','", (6, 0)),
        ("(x + y", "missing ')' to close this '('", (0, 1)),
        ("((x) + y", "missing ')' to close this '('", (0, 1)),
        ("sin(x", "missing ')' to close this '('", (3, 1)),
        ("x + (y * (2", "missing ')' to close this '('", (9, 1)),
        (
            "2x",
            "expected an operator between '2' and 'x'; write 2*x",
            (1, 1),
        ),
        (
            "3 y",
            "expected an operator between '3' and 'y'; write 3*y",
            (2, 1),
        ),
        (
            "x y",
            "expected an operator between 'x' and 'y'; write x*y",
            (2, 1),
        ),
        (
            "2(x+1)",
            "expected an operator between '2' and '('; write 2*(...)",
            (1, 1),
        ),
        (
            "x(2)",
            "expected an operator between 'x' and '('; write x*(...)",
            (1, 1),
        ),
        ("(x)(y)", "expected an operator between ')' and '('", (3, 1)),
        (
            "2e",
            "expected an operator between '2' and 'e'; write 2*e",
            (1, 1),
        ),
        (
            "1.2.3",
            "expected an operator between '1.2' and '.3'; write 1.2*.3",
            (3, 2),
        ),
        (
            "(2x)",
            "expected an operator between '2' and 'x'; write 2*x",
            (2, 1),
        ),
        (
            "max(x y)",
            "expected an operator between 'x' and 'y'; write x*y",
            (6, 1),
        ),
        (
            "sin(x) cos(y)",
            "expected an operator between ')' and 'cos'",
            (7, 3),
        ),
        (
            "z",
            "unknown name 'z' (use x, y, pi, e or a function)",
            (0, 1),
        ),
        (
            "x + theta",
            "unknown name 'theta' (use x, y, pi, e or a function)",
            (4, 5),
        ),
        (
            "foo(x)",
            "unknown function 'foo' (use sin, cos, tan, exp, log, sqrt, abs, tanh, min or max)",
            (0, 3),
        ),
        (
            "sin x",
            "function 'sin' needs parentheses: write sin(...)",
            (0, 3),
        ),
        (
            "1 + sqrt",
            "function 'sqrt' needs parentheses: write sqrt(...)",
            (4, 4),
        ),
        ("max(x)", "max takes 2 arguments, got 1", (0, 6)),
        ("min(x, y, 1)", "min takes 2 arguments, got 3", (0, 12)),
        ("sin()", "sin takes 1 argument, got 0", (0, 5)),
        ("1 + cos(x, y)", "cos takes 1 argument, got 2", (4, 9)),
        ("x $ y", "unexpected character '$'", (2, 1)),
        (
            "x − y",
            "unexpected character '−' (use '-' for minus)",
            (2, 1),
        ),
        (
            "2·x",
            "unexpected character '·' (use '*' for multiplication)",
            (1, 1),
        ),
        (
            "x²",
            "unexpected character '²' (use ^ for powers, as in x^2)",
            (1, 1),
        ),
        ("é + x", "unexpected character 'é'", (0, 1)),
        ("x\u{0}", "unexpected character '\\0'", (1, 1)),
        ("x + .", "unexpected character '.'", (4, 1)),
        ("1e999", "the number 1e999 is too large", (0, 5)),
        ("x + 2e400 * y", "the number 2e400 is too large", (4, 5)),
        (
            "x ++ * 2",
            "expected a number, x, y, a function or '(' but found '*'",
            (5, 1),
        ),
        (
            "* x",
            "expected a number, x, y, a function or '(' but found '*'",
            (0, 1),
        ),
        (
            "()",
            "expected a number, x, y, a function or '(' but found ')'",
            (1, 1),
        ),
        (
            "x + )",
            "expected a number, x, y, a function or '(' but found ')'",
            (4, 1),
        ),
        (
            "x *** 2",
            "expected a number, x, y, a function or '(' but found '*'",
            (4, 1),
        ),
        (
            "(x, y)",
            "expected an operator or ')' but found ','",
            (2, 1),
        ),
        ("x)", "unmatched ')'", (1, 1)),
        (
            "x, y",
            "unexpected ',' (commas only separate the arguments of min and max)",
            (1, 1),
        ),
    ];
    let mut failures = Vec::new();
    for &(source, message, position) in table {
        match Expr::parse(source) {
            Ok(_) => failures.push(format!("{source:?}: parsed, expected {message:?}")),
            Err(e) => {
                if e.to_string() != message || e.position() != position {
                    failures.push(format!(
                        "{source:?}: got {:?} at {:?}, expected {message:?} at {position:?}",
                        e.to_string(),
                        e.position()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn positions_count_chars_not_bytes() {
    // 'π' is two bytes in UTF-8 but one char: the error after it is at char 4.
    let e = Expr::parse("1 + π").unwrap_err();
    assert_eq!(e.position(), (4, 1));
    assert_eq!(e.to_string(), "unexpected character 'π' (write pi)");
    let e = Expr::parse("ü").unwrap_err();
    assert_eq!(e.position(), (0, 1));
    let e = Expr::parse("\u{3000}x\u{3000}y").unwrap_err(); // ideographic spaces are whitespace
    assert_eq!(e.position(), (3, 1));
}

#[test]
fn length_limit() {
    let ok = format!("x{}", " ".repeat(MAX_LEN - 1));
    assert!(Expr::parse(&ok).is_ok());
    let long = "x+".repeat(MAX_LEN) + "x";
    let e = Expr::parse(&long).unwrap_err();
    assert_eq!(
        e,
        ExprError::TooLong {
            len: 2 * MAX_LEN + 1
        }
    );
    assert_eq!(e.position(), (MAX_LEN, MAX_LEN + 1));
    assert_eq!(
        e.to_string(),
        "the formula is too long (2001 characters; at most 1000)"
    );
}

#[test]
fn depth_limit() {
    let nested = |n: usize| format!("{}x{}", "(".repeat(n), ")".repeat(n));
    assert!(Expr::parse(&nested(MAX_DEPTH - 1)).is_ok());
    let e = Expr::parse(&nested(MAX_DEPTH)).unwrap_err();
    assert_eq!(e, ExprError::TooDeep { start: MAX_DEPTH });
    assert_eq!(
        e.to_string(),
        "the formula is nested too deeply (more than 64 levels)"
    );
    assert_eq!(e.position(), (MAX_DEPTH, 1));
    // Signs and exponents count as levels too.
    assert!(matches!(
        Expr::parse(&"-".repeat(200)),
        Err(ExprError::TooDeep { .. })
    ));
    assert!(matches!(
        Expr::parse(&vec!["x"; 200].join("^")),
        Err(ExprError::TooDeep { .. })
    ));
    assert!(matches!(
        Expr::parse(&"sin(".repeat(100)),
        Err(ExprError::TooDeep { .. })
    ));
}
