//! Splits a formula into tokens, one at a time, each with its span in chars.
//!
//! Lexing is lazy (the parser pulls one token at a time) so that the first error reported
//! is the leftmost one. Numbers follow the usual float syntax (`2`, `0.5`, `.5`, `1.`,
//! `1e-3`, `2.5E+2`); an `e` after a number is an exponent only when digits follow, so `2e`
//! is the number 2 next to the constant e (and reported as a missing operator).

use super::error::ExprError;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    /// A finite number literal.
    Num(f64),
    /// A name: variable, constant or function (the text is in the span).
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    /// `^` or `**`.
    Caret,
    LParen,
    RParen,
    Comma,
    /// The end of the input (a zero-length span).
    End,
}

/// A token and where it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Token {
    pub kind: Kind,
    /// First char index.
    pub start: usize,
    /// Length in chars.
    pub len: usize,
}

/// A cursor over the characters of the input.
pub(super) struct Lexer {
    chars: Vec<char>,
    pos: usize,
}

impl Lexer {
    /// A lexer at the start of `source`.
    pub fn new(source: &str) -> Self {
        Lexer {
            chars: source.chars().collect(),
            pos: 0,
        }
    }

    /// The text of a token, as typed.
    pub fn text(&self, token: Token) -> String {
        let end = (token.start + token.len).min(self.chars.len());
        self.chars[token.start.min(end)..end].iter().collect()
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn is_digit(c: Option<char>) -> bool {
        c.is_some_and(|c| c.is_ascii_digit())
    }

    /// The next token, or the reason the next characters are not one.
    pub fn next_token(&mut self) -> Result<Token, ExprError> {
        while self.peek(0).is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(c) = self.peek(0) else {
            return Ok(Token {
                kind: Kind::End,
                start,
                len: 0,
            });
        };
        let kind = match c {
            '0'..='9' | '.' if c != '.' || Self::is_digit(self.peek(1)) => return self.number(),
            c if c.is_ascii_alphabetic() || c == '_' => {
                while self
                    .peek(0)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.pos += 1;
                }
                return Ok(Token {
                    kind: Kind::Name,
                    start,
                    len: self.pos - start,
                });
            }
            '*' if self.peek(1) == Some('*') => {
                self.pos += 2;
                return Ok(Token {
                    kind: Kind::Caret,
                    start,
                    len: 2,
                });
            }
            '+' => Kind::Plus,
            '-' => Kind::Minus,
            '*' => Kind::Star,
            '/' => Kind::Slash,
            '^' => Kind::Caret,
            '(' => Kind::LParen,
            ')' => Kind::RParen,
            ',' => Kind::Comma,
            ch => return Err(ExprError::UnexpectedChar { ch, start }),
        };
        self.pos += 1;
        Ok(Token {
            kind,
            start,
            len: 1,
        })
    }

    /// A number literal starting at the cursor (which is at a digit, or at `.` + digit).
    fn number(&mut self) -> Result<Token, ExprError> {
        let start = self.pos;
        while Self::is_digit(self.peek(0)) {
            self.pos += 1;
        }
        if self.peek(0) == Some('.') {
            self.pos += 1;
            while Self::is_digit(self.peek(0)) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(0), Some('e' | 'E')) {
            let sign = usize::from(matches!(self.peek(1), Some('+' | '-')));
            if Self::is_digit(self.peek(1 + sign)) {
                self.pos += 1 + sign;
                while Self::is_digit(self.peek(0)) {
                    self.pos += 1;
                }
            }
        }
        let len = self.pos - start;
        let text: String = self.chars[start..self.pos].iter().collect();
        // The text is a valid Rust float literal by construction; a parse failure cannot
        // happen, but is reported rather than unwrapped.
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Token {
                kind: Kind::Num(v),
                start,
                len,
            }),
            _ => Err(ExprError::NotFinite { text, start, len }),
        }
    }
}
