//! Why a typed formula was refused, with the span to underline.
//!
//! Every position is a **0-based `char` index** into the input (not a byte offset), and every
//! span has a length in `char`s, so the page can underline the offending text as the user
//! types. A zero-length span means "here, between two characters" (the end of the input).

use super::{MAX_DEPTH, MAX_LEN};

/// Why a formula could not be parsed. [`ExprError::position`] gives the span to underline;
/// `Display` gives the message for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExprError {
    /// Nothing but whitespace.
    #[error("type a formula in x and y, for example (1 - x)^2 + 100*(y - x^2)^2")]
    Empty {
        /// Length of the (blank) input in chars.
        len: usize,
    },
    /// More than [`MAX_LEN`] characters.
    #[error("the formula is too long ({len} characters; at most {MAX_LEN})")]
    TooLong {
        /// Length of the input in chars.
        len: usize,
    },
    /// Parentheses, signs, powers or function calls nested more than [`MAX_DEPTH`] deep.
    #[error("the formula is nested too deeply (more than {MAX_DEPTH} levels)")]
    TooDeep {
        /// Where the level that is one too deep starts.
        start: usize,
    },
    /// A character that is not part of the grammar.
    #[error("unexpected character '{}'{}", ch.escape_debug(), char_hint(*ch))]
    UnexpectedChar {
        /// The character.
        ch: char,
        /// Where it is.
        start: usize,
    },
    /// A number literal that overflows to infinity, such as `1e999`.
    #[error("the number {text} is too large")]
    NotFinite {
        /// The literal as typed.
        text: String,
        /// Where it starts.
        start: usize,
        /// Its length in chars.
        len: usize,
    },
    /// A name that is neither a variable, a constant nor a function.
    #[error("unknown name '{name}' (use x, y, pi, e or a function)")]
    UnknownName {
        /// The name as typed.
        name: String,
        /// Where it starts.
        start: usize,
    },
    /// A call of something that is not a known function, such as `foo(x)`.
    #[error(
        "unknown function '{name}' (use sin, cos, tan, exp, log, sqrt, abs, tanh, min or max)"
    )]
    UnknownFunction {
        /// The name as typed.
        name: String,
        /// Where it starts.
        start: usize,
    },
    /// A function name without parentheses, such as `sin x`.
    #[error("function '{name}' needs parentheses: write {name}(...)")]
    NeedsParentheses {
        /// The function's name.
        name: String,
        /// Where it starts.
        start: usize,
    },
    /// A call with the wrong number of arguments, such as `max(x)`.
    #[error("{name} takes {expected} argument{}, got {found}", if *expected == 1 { "" } else { "s" })]
    WrongArgCount {
        /// The function's name.
        name: String,
        /// How many it takes.
        expected: usize,
        /// How many were given.
        found: usize,
        /// Where the call starts (its name).
        start: usize,
        /// Length of the whole call, name to closing parenthesis.
        len: usize,
    },
    /// Two operands side by side, such as `2x`: implicit multiplication is not supported.
    #[error("{}", missing_operator_message(left, right))]
    MissingOperator {
        /// The token before the gap.
        left: String,
        /// The token after the gap (the span points at it).
        right: String,
        /// Where `right` starts.
        start: usize,
        /// Length of `right` in chars.
        len: usize,
    },
    /// A token where something else was needed, such as the `)` in `x + )`.
    #[error("expected {expected} but found '{found}'")]
    UnexpectedToken {
        /// What the grammar needed there.
        expected: &'static str,
        /// The token as typed.
        found: String,
        /// Where it starts.
        start: usize,
        /// Its length in chars.
        len: usize,
    },
    /// The input stops where more was needed, such as `x +`.
    #[error("unexpected end of the formula after '{after}'")]
    UnexpectedEnd {
        /// The last token.
        after: String,
        /// The end of the input (a zero-length span).
        start: usize,
    },
    /// A `(` that is never closed; the span is the opening parenthesis.
    #[error("missing ')' to close this '('")]
    UnclosedParen {
        /// Where the `(` is.
        start: usize,
    },
    /// Something after a complete formula, such as the `)` in `x)`.
    #[error("{}", trailing_message(found))]
    TrailingInput {
        /// The token as typed.
        found: String,
        /// Where it starts.
        start: usize,
        /// Its length in chars.
        len: usize,
    },
}

impl ExprError {
    /// The span to underline: `(start, len)` in chars, 0-based. A length of 0 marks a point
    /// (the end of the input, or an empty input).
    pub fn position(&self) -> (usize, usize) {
        match self {
            ExprError::Empty { len } => (0, *len),
            ExprError::TooLong { len } => (MAX_LEN, len - MAX_LEN),
            ExprError::TooDeep { start } | ExprError::UnclosedParen { start } => (*start, 1),
            ExprError::UnexpectedChar { start, .. } => (*start, 1),
            ExprError::UnknownName { name, start }
            | ExprError::UnknownFunction { name, start }
            | ExprError::NeedsParentheses { name, start } => (*start, name.chars().count()),
            ExprError::NotFinite { start, len, .. }
            | ExprError::WrongArgCount { start, len, .. }
            | ExprError::MissingOperator { start, len, .. }
            | ExprError::UnexpectedToken { start, len, .. }
            | ExprError::TrailingInput { start, len, .. } => (*start, *len),
            ExprError::UnexpectedEnd { start, .. } => (*start, 0),
        }
    }
}

/// A hint for characters people paste from formulas in print.
fn char_hint(ch: char) -> &'static str {
    match ch {
        '−' | '–' => " (use '-' for minus)",
        '·' | '×' | '⋅' => " (use '*' for multiplication)",
        '÷' => " (use '/' for division)",
        '²' | '³' | '⁴' => " (use ^ for powers, as in x^2)",
        'π' => " (write pi)",
        '√' => " (write sqrt(...))",
        '[' | ']' | '{' | '}' => " (use round parentheses)",
        _ => "",
    }
}

/// "expected an operator between '2' and 'x'; write 2*x" (the suggestion only when it reads well).
fn missing_operator_message(left: &str, right: &str) -> String {
    let base = format!("expected an operator between '{left}' and '{right}'");
    let right = if right == "(" { "(...)" } else { right };
    if left == ")" || right == ")" {
        base
    } else {
        format!("{base}; write {left}*{right}")
    }
}

fn trailing_message(found: &str) -> String {
    match found {
        ")" => "unmatched ')'".to_string(),
        "," => "unexpected ',' (commas only separate the arguments of min and max)".to_string(),
        _ => format!("unexpected '{found}' after the end of the formula"),
    }
}
