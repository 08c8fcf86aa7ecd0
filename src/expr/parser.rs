//! Recursive-descent parser: tokens in, folded postfix bytecode out (names and function
//! calls are in [`super::names`]).
//!
//! Each level of nesting (a parenthesis, a function call, a sign, an exponent) passes through
//! [`Parser::unary`], which counts depth and refuses more than [`MAX_DEPTH`] levels, so no
//! input can overflow the call stack.

use super::error::ExprError;
use super::lexer::{Kind, Lexer, Token};
use super::program::{BinOp, Builder, Op, Operand};
use super::MAX_DEPTH;

/// What the grammar needs where an operand is missing.
const OPERAND: &str = "a number, x, y, a function or '('";

/// Parses a whole (non-blank, not too long) formula into bytecode and its stack depth.
pub(super) fn parse(source: &str) -> Result<(Vec<Op>, usize), ExprError> {
    let mut lexer = Lexer::new(source);
    let current = lexer.next_token()?;
    let mut parser = Parser {
        lexer,
        current,
        previous: current,
        depth: 0,
        code: Builder::default(),
    };
    parser.expr()?;
    match parser.current.kind {
        Kind::End => Ok(parser.code.finish()),
        _ => Err(parser.after_operand(ExprError::TrailingInput {
            found: parser.text(parser.current),
            start: parser.current.start,
            len: parser.current.len,
        })),
    }
}

pub(super) struct Parser {
    lexer: Lexer,
    /// The lookahead token.
    pub(super) current: Token,
    /// The last token consumed (for messages).
    pub(super) previous: Token,
    depth: usize,
    pub(super) code: Builder,
}

impl Parser {
    pub(super) fn text(&self, token: Token) -> String {
        self.lexer.text(token)
    }

    pub(super) fn advance(&mut self) -> Result<Token, ExprError> {
        let token = self.current;
        self.previous = token;
        self.current = self.lexer.next_token()?;
        Ok(token)
    }

    /// The error for an unexpected lookahead right after a complete operand: a missing
    /// operator if it starts another operand (`2x`), `otherwise` if not.
    pub(super) fn after_operand(&self, otherwise: ExprError) -> ExprError {
        match self.current.kind {
            Kind::Num(_) | Kind::Name | Kind::LParen => ExprError::MissingOperator {
                left: self.text(self.previous),
                right: self.text(self.current),
                start: self.current.start,
                len: self.current.len,
            },
            _ => otherwise,
        }
    }

    /// `expr := term (('+' | '-') term)*`
    pub(super) fn expr(&mut self) -> Result<Operand, ExprError> {
        let mut left = self.term()?;
        loop {
            let op = match self.current.kind {
                Kind::Plus => BinOp::Add,
                Kind::Minus => BinOp::Sub,
                _ => return Ok(left),
            };
            self.advance()?;
            let right = self.term()?;
            left = self.code.binary(left, right, op);
        }
    }

    /// `term := unary (('*' | '/') unary)*`
    fn term(&mut self) -> Result<Operand, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = match self.current.kind {
                Kind::Star => BinOp::Mul,
                Kind::Slash => BinOp::Div,
                _ => return Ok(left),
            };
            self.advance()?;
            let right = self.unary()?;
            left = self.code.binary(left, right, op);
        }
    }

    /// `unary := ('-' | '+') unary | power`, counting nesting depth.
    fn unary(&mut self) -> Result<Operand, ExprError> {
        if self.depth >= MAX_DEPTH {
            return Err(ExprError::TooDeep {
                start: self.current.start,
            });
        }
        self.depth += 1;
        let result = match self.current.kind {
            Kind::Minus => {
                self.advance()?;
                let a = self.unary()?;
                Ok(self.code.unary(a, Op::Neg))
            }
            Kind::Plus => {
                self.advance()?;
                self.unary()
            }
            _ => self.power(),
        };
        self.depth -= 1;
        result
    }

    /// `power := primary (('^' | '**') unary)?` — right-associative through `unary`.
    fn power(&mut self) -> Result<Operand, ExprError> {
        let base = self.primary()?;
        if self.current.kind != Kind::Caret {
            return Ok(base);
        }
        self.advance()?;
        let exponent = self.unary()?;
        Ok(self.code.binary(base, exponent, BinOp::Pow))
    }

    /// A number, a name, a call or a parenthesised formula.
    fn primary(&mut self) -> Result<Operand, ExprError> {
        let token = self.current;
        match token.kind {
            Kind::Num(v) => {
                self.advance()?;
                Ok(self.code.constant(v))
            }
            Kind::LParen => {
                self.advance()?;
                let inner = self.expr()?;
                self.close(token)?;
                Ok(inner)
            }
            Kind::Name => {
                self.advance()?;
                self.name(token)
            }
            Kind::End => Err(ExprError::UnexpectedEnd {
                after: self.text(self.previous),
                start: token.start,
            }),
            _ => Err(ExprError::UnexpectedToken {
                expected: OPERAND,
                found: self.text(token),
                start: token.start,
                len: token.len,
            }),
        }
    }

    /// Consumes the `)` matching `open`.
    pub(super) fn close(&mut self, open: Token) -> Result<(), ExprError> {
        match self.current.kind {
            Kind::RParen => self.advance().map(|_| ()),
            Kind::End => Err(ExprError::UnclosedParen { start: open.start }),
            _ => Err(self.after_operand(ExprError::UnexpectedToken {
                expected: "an operator or ')'",
                found: self.text(self.current),
                start: self.current.start,
                len: self.current.len,
            })),
        }
    }
}
