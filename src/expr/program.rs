//! The compiled form: postfix bytecode for a value stack, built with constant folding.
//!
//! Every sub-formula without `x` or `y` is folded at parse time into one [`Op::Const`]
//! (computed by the same interpreter, so folding never changes a result). A constant operand
//! of a binary operator is then fused into the operator (`MulC`, `RSubC`, ...), and a
//! constant exponent selects [`Op::Square`], [`Op::Powi`] or [`Op::Powf`]: this is also what
//! tells the differentiation rule for `^` that the exponent does not depend on x or y.

use super::eval::run;

/// One instruction. Binary operators take the second operand from the top of the stack and
/// the first from below it; `...C(c)` forms take `c` as that missing operand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Op {
    Const(f64),
    X,
    Y,
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    /// `a + c`.
    AddC(f64),
    /// `a − c`.
    SubC(f64),
    /// `c − a`.
    RSubC(f64),
    /// `a · c`.
    MulC(f64),
    /// `a / c`.
    DivC(f64),
    /// `c / a`.
    RDivC(f64),
    /// `a²`.
    Square,
    /// `a^n`, a small constant integer exponent.
    Powi(i32),
    /// `a^c`, any other constant exponent.
    Powf(f64),
    /// `c^a`, a constant base.
    PowBase(f64),
    /// `a^b`, both variable.
    Pow,
    Sin,
    Cos,
    Tan,
    Exp,
    Log,
    Sqrt,
    Abs,
    Tanh,
    Min,
    Max,
}

impl Op {
    /// How the instruction changes the stack depth.
    fn stack_effect(self) -> isize {
        match self {
            Op::Const(_) | Op::X | Op::Y => 1,
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow | Op::Min | Op::Max => -1,
            _ => 0,
        }
    }
}

/// A binary operator as written, before fusion with constant operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Min,
    Max,
}

/// The code of a parsed sub-formula: where it starts, and its value if it is a constant
/// (in which case its code is exactly one `Const`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Operand {
    start: usize,
    konst: Option<f64>,
}

/// Appends instructions, folding constants as it goes.
#[derive(Default)]
pub(super) struct Builder {
    ops: Vec<Op>,
}

impl Builder {
    /// A constant operand.
    pub fn constant(&mut self, v: f64) -> Operand {
        self.ops.push(Op::Const(v));
        Operand {
            start: self.ops.len() - 1,
            konst: Some(v),
        }
    }

    /// The variable `x` or `y` ([`Op::X`] or [`Op::Y`]).
    pub fn variable(&mut self, op: Op) -> Operand {
        self.ops.push(op);
        Operand {
            start: self.ops.len() - 1,
            konst: None,
        }
    }

    /// A unary operation (negation or a one-argument function) applied to `a`.
    pub fn unary(&mut self, a: Operand, op: Op) -> Operand {
        if let Some(c) = a.konst {
            return self.fold(a.start, &[Op::Const(c), op]);
        }
        self.ops.push(op);
        a
    }

    /// `a op b`, where `b`'s code directly follows `a`'s.
    pub fn binary(&mut self, a: Operand, b: Operand, op: BinOp) -> Operand {
        let plain = match op {
            BinOp::Add => Op::Add,
            BinOp::Sub => Op::Sub,
            BinOp::Mul => Op::Mul,
            BinOp::Div => Op::Div,
            BinOp::Pow => Op::Pow,
            BinOp::Min => Op::Min,
            BinOp::Max => Op::Max,
        };
        let fused = match (a.konst, b.konst) {
            (Some(ca), Some(cb)) => {
                return self.fold(a.start, &[Op::Const(ca), Op::Const(cb), plain])
            }
            (None, Some(c)) => match op {
                BinOp::Add => Some(Op::AddC(c)),
                BinOp::Sub => Some(Op::SubC(c)),
                BinOp::Mul => Some(Op::MulC(c)),
                BinOp::Div => Some(Op::DivC(c)),
                BinOp::Pow => Some(power_op(c)),
                BinOp::Min | BinOp::Max => None,
            },
            // Addition and multiplication of f64 are commutative, bit for bit.
            (Some(c), None) => match op {
                BinOp::Add => Some(Op::AddC(c)),
                BinOp::Sub => Some(Op::RSubC(c)),
                BinOp::Mul => Some(Op::MulC(c)),
                BinOp::Div => Some(Op::RDivC(c)),
                BinOp::Pow => Some(Op::PowBase(c)),
                BinOp::Min | BinOp::Max => None,
            },
            (None, None) => None,
        };
        match fused {
            Some(fused) => {
                // Drop the constant's own `Const` instruction.
                let at = if b.konst.is_some() { b.start } else { a.start };
                self.ops.remove(at);
                self.ops.push(fused);
            }
            None => self.ops.push(plain),
        }
        Operand {
            start: a.start,
            konst: None,
        }
    }

    /// Replaces everything from `start` on by the constant value of `code`.
    fn fold(&mut self, start: usize, code: &[Op]) -> Operand {
        let mut stack = [0.0; 2];
        let v = run::<f64>(code, 0.0, 0.0, &mut stack);
        self.ops.truncate(start);
        self.constant(v)
    }

    /// The finished code and the largest stack depth it reaches.
    pub fn finish(self) -> (Vec<Op>, usize) {
        let (mut depth, mut max) = (0isize, 0isize);
        for op in &self.ops {
            depth += op.stack_effect();
            max = max.max(depth);
        }
        (self.ops, max.max(1) as usize)
    }
}

/// The instruction for `a^c` with a constant exponent `c`.
fn power_op(c: f64) -> Op {
    if c == 2.0 {
        Op::Square
    } else if c.fract() == 0.0 && c.abs() <= 16.0 {
        Op::Powi(c as i32)
    } else {
        Op::Powf(c)
    }
}
