//! The bytecode interpreter, generic over plain `f64` (values) and [`Dual`] (values with
//! gradients), so both share one loop and the value part is computed identically.
//!
//! The top of the stack lives in a local (`acc`) and the rest in a caller-provided slice,
//! so evaluation does not allocate.

use super::program::Op;
use super::scalar::Scalar;

/// `min` / `max` keep the chosen argument whole (value and derivatives); ties and NaN:
/// a NaN argument wins (so divergence shows), otherwise a tie keeps the first.
#[inline(always)]
fn choose<T: Scalar>(a: T, b: T, take_b: bool) -> T {
    if take_b || b.val().is_nan() {
        b
    } else {
        a
    }
}

/// Runs `code` at `(x, y)`. `stack` must hold at least the code's maximum depth.
pub(super) fn run<T: Scalar>(code: &[Op], x: T, y: T, stack: &mut [T]) -> T {
    let mut acc = T::lift(0.0);
    let mut sp = 0usize;
    for &op in code {
        acc = match op {
            Op::Const(_) | Op::X | Op::Y => {
                stack[sp] = acc;
                sp += 1;
                match op {
                    Op::X => x,
                    Op::Y => y,
                    Op::Const(c) => T::lift(c),
                    _ => acc,
                }
            }
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow | Op::Min | Op::Max => {
                sp -= 1;
                let a = stack[sp];
                match op {
                    Op::Add => a + acc,
                    Op::Sub => a - acc,
                    Op::Mul => a * acc,
                    Op::Div => a / acc,
                    Op::Pow => a.pow(acc),
                    Op::Min => choose(a, acc, acc.val() < a.val()),
                    _ => choose(a, acc, acc.val() > a.val()),
                }
            }
            Op::Neg => -acc,
            Op::AddC(c) => acc.add_c(c),
            Op::SubC(c) => acc.add_c(-c),
            Op::RSubC(c) => (-acc).add_c(c),
            Op::MulC(c) => acc.mul_c(c),
            Op::DivC(c) => acc.div_c(c),
            Op::RDivC(c) => acc.rdiv_c(c),
            Op::Square => acc.square(),
            Op::Powi(n) => acc.powi(n),
            Op::Powf(c) => acc.powf(c),
            Op::PowBase(c) => acc.pow_base(c),
            _ => acc.unary(op),
        };
    }
    acc
}
