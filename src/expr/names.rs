//! Names in a formula: the variables `x` and `y`, the constants `pi` and `e`, and calls of
//! the built-in functions, with their arity checked.

use super::error::ExprError;
use super::lexer::{Kind, Token};
use super::parser::Parser;
use super::program::{BinOp, Op, Operand};

impl Parser {
    /// A variable, a constant or a function call; `token` (the name) is consumed.
    pub(super) fn name(&mut self, token: Token) -> Result<Operand, ExprError> {
        let name = self.text(token);
        let call = self.current.kind == Kind::LParen;
        let function = function(&name);
        let simple = match name.as_str() {
            "x" => Some(self.code.variable(Op::X)),
            "y" => Some(self.code.variable(Op::Y)),
            "pi" => Some(self.code.constant(std::f64::consts::PI)),
            "e" => Some(self.code.constant(std::f64::consts::E)),
            _ => None,
        };
        match (simple, function, call) {
            (Some(operand), _, _) => Ok(operand),
            (None, Some((op, arity)), true) => self.call(token, name, op, arity),
            (None, Some(_), false) => Err(ExprError::NeedsParentheses {
                name,
                start: token.start,
            }),
            (None, None, true) => Err(ExprError::UnknownFunction {
                name,
                start: token.start,
            }),
            (None, None, false) => Err(ExprError::UnknownName {
                name,
                start: token.start,
            }),
        }
    }

    /// The arguments of a call, from its `(` (the lookahead) to its `)`.
    fn call(
        &mut self,
        name_token: Token,
        name: String,
        op: Op,
        arity: usize,
    ) -> Result<Operand, ExprError> {
        let open = self.advance()?;
        let mut args = Vec::with_capacity(2);
        if self.current.kind != Kind::RParen {
            args.push(self.expr()?);
            while self.current.kind == Kind::Comma {
                self.advance()?;
                args.push(self.expr()?);
            }
        }
        match self.current.kind {
            Kind::RParen | Kind::End => self.close(open)?,
            _ => {
                return Err(self.after_operand(ExprError::UnexpectedToken {
                    expected: "an operator, ',' or ')'",
                    found: self.text(self.current),
                    start: self.current.start,
                    len: self.current.len,
                }))
            }
        }
        let wrong = ExprError::WrongArgCount {
            name,
            expected: arity,
            found: args.len(),
            start: name_token.start,
            len: self.previous.start + 1 - name_token.start,
        };
        match (op, args.as_slice()) {
            (Op::Min, &[a, b]) => Ok(self.code.binary(a, b, BinOp::Min)),
            (Op::Max, &[a, b]) => Ok(self.code.binary(a, b, BinOp::Max)),
            (Op::Min | Op::Max, _) => Err(wrong),
            (_, &[a]) => Ok(self.code.unary(a, op)),
            _ => Err(wrong),
        }
    }
}

/// The instruction and arity of a built-in function (`ln` is a synonym of `log`).
fn function(name: &str) -> Option<(Op, usize)> {
    Some(match name {
        "sin" => (Op::Sin, 1),
        "cos" => (Op::Cos, 1),
        "tan" => (Op::Tan, 1),
        "exp" => (Op::Exp, 1),
        "log" | "ln" => (Op::Log, 1),
        "sqrt" => (Op::Sqrt, 1),
        "abs" => (Op::Abs, 1),
        "tanh" => (Op::Tanh, 1),
        "min" => (Op::Min, 2),
        "max" => (Op::Max, 2),
        _ => return None,
    })
}
