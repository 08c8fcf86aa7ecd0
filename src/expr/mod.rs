//! User-typed surfaces `f(x, y)` with exact gradients.
//!
//! A teacher or student types a formula, such as `(1 - x)^2 + 100*(y - x^2)^2`, on the page
//! or in a scenario (`{"problem": {"expr": "..."}}`). [`Expr::parse`] checks it once and
//! compiles it to compact postfix bytecode (constants folded); [`Expr::value`] and
//! [`Expr::value_and_gradient`] then evaluate it at every heatmap pixel and every optimizer
//! step without allocating. The gradient is exact, by forward-mode automatic differentiation
//! with [`Dual`] numbers (see [`dual`] for the derivative conventions, which follow PyTorch
//! autograd: `abs'(0) = 0`, `sqrt'(0) = +inf`, `min`/`max` ties choose the first argument).
//!
//! Errors ([`ExprError`]) carry a user-facing message and the span to underline, in chars.
//! No input panics: length and nesting depth are limited ([`MAX_LEN`], [`MAX_DEPTH`]).
//!
//! # Grammar
//!
//! ```text
//! expr     := term (('+' | '-') term)*
//! term     := unary (('*' | '/') unary)*
//! unary    := ('-' | '+') unary | power
//! power    := primary (('^' | '**') unary)?
//! primary  := number | 'x' | 'y' | 'pi' | 'e' | '(' expr ')' | function '(' args ')'
//! args     := expr (',' expr)*
//! number   := (digits ['.' [digits]] | '.' digits) [('e' | 'E') ['+' | '-'] digits]
//! function := sin | cos | tan | exp | log | ln | sqrt | abs | tanh   (one argument)
//!           | min | max                                              (two arguments)
//! ```
//!
//! - `^` binds tighter than a sign and is right-associative: `-x^2 = -(x^2)`,
//!   `2^3^2 = 2^9`, and `2^-1 = 0.5`.
//! - `**` is a synonym of `^` (for Python users) and `ln` of `log` (the natural logarithm).
//! - There is no implicit multiplication: `2x` is an error asking for `2*x`.
//! - Whitespace (any Unicode whitespace) may appear between tokens.

pub mod dual;
mod error;
mod eval;
mod lexer;
mod names;
mod parser;
mod program;
mod scalar;

#[cfg(test)]
mod tests;

pub use dual::Dual;
pub use error::ExprError;

use eval::run;
use program::Op;
use scalar::Scalar;
use std::str::FromStr;

/// The longest formula accepted, in chars.
pub const MAX_LEN: usize = 1000;

/// The deepest nesting accepted: parentheses, function calls, signs and exponents together.
pub const MAX_DEPTH: usize = 64;

/// A parsed and compiled formula in `x` and `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    source: String,
    code: Vec<Op>,
    max_stack: usize,
}

impl Expr {
    /// Parses and compiles `source`, or says what is wrong and where.
    pub fn parse(source: &str) -> Result<Expr, ExprError> {
        let len = source.chars().count();
        if len > MAX_LEN {
            return Err(ExprError::TooLong { len });
        }
        if source.chars().all(char::is_whitespace) {
            return Err(ExprError::Empty { len });
        }
        let (code, max_stack) = parser::parse(source)?;
        Ok(Expr {
            source: source.to_string(),
            code,
            max_stack,
        })
    }

    /// The formula as typed.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// `f(x, y)`. Non-finite results (NaN, ±inf) are returned as they are.
    pub fn value(&self, x: f64, y: f64) -> f64 {
        self.eval(x, y)
    }

    /// `f(x, y)` and its exact gradient `[∂f/∂x, ∂f/∂y]`. The value is bit-for-bit the one
    /// [`Expr::value`] returns.
    pub fn value_and_gradient(&self, x: f64, y: f64) -> (f64, [f64; 2]) {
        let d: Dual = self.eval(Dual::x(x), Dual::y(y));
        (d.v, [d.dx, d.dy])
    }

    /// The value with both partial derivatives, as a [`Dual`].
    pub fn dual(&self, x: f64, y: f64) -> Dual {
        self.eval(Dual::x(x), Dual::y(y))
    }

    /// Whether the formula depends on `x` (syntactically, after folding constants).
    pub fn uses_x(&self) -> bool {
        self.code.contains(&Op::X)
    }

    /// Whether the formula depends on `y` (syntactically, after folding constants).
    pub fn uses_y(&self) -> bool {
        self.code.contains(&Op::Y)
    }

    /// Number of bytecode instructions (a measure of evaluation cost).
    pub fn len(&self) -> usize {
        self.code.len()
    }

    /// Always false: a parsed formula has at least one instruction.
    pub fn is_empty(&self) -> bool {
        self.code.is_empty()
    }

    /// Runs the code with a stack on the call stack when it is small (the usual case).
    fn eval<T: Scalar>(&self, x: T, y: T) -> T {
        let zero = T::lift(0.0);
        if self.max_stack <= 8 {
            run(&self.code, x, y, &mut [zero; 8])
        } else if self.max_stack <= 32 {
            run(&self.code, x, y, &mut [zero; 32])
        } else {
            run(&self.code, x, y, &mut vec![zero; self.max_stack])
        }
    }
}

impl FromStr for Expr {
    type Err = ExprError;
    fn from_str(source: &str) -> Result<Expr, ExprError> {
        Expr::parse(source)
    }
}

impl std::fmt::Display for Expr {
    /// The formula as typed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.source)
    }
}
