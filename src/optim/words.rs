//! A family's running state as a flat list of 64-bit words, exact to the bit, so a run can
//! be snapshotted in one engine (the page's worker) and continued in another
//! (`run::snapshot`). Each family's state type lists its fields once with
//! [`state_words!`](crate::state_words) in its own file; the snapshot code never names a
//! family.

use crate::vec2::Vec2;

/// A value that writes itself as 64-bit words and reads itself back.
pub trait StateWords: Sized {
    /// Appends the value's words.
    fn put(&self, out: &mut Vec<u64>);
    /// Reads a value from the front of `words`; `None` when they run out or are invalid.
    fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self>;
}

impl StateWords for u64 {
    fn put(&self, out: &mut Vec<u64>) {
        out.push(*self);
    }
    fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self> {
        words.next().copied()
    }
}

impl StateWords for f64 {
    fn put(&self, out: &mut Vec<u64>) {
        out.push(self.to_bits());
    }
    fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self> {
        words.next().map(|w| f64::from_bits(*w))
    }
}

impl StateWords for bool {
    fn put(&self, out: &mut Vec<u64>) {
        out.push(u64::from(*self));
    }
    fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self> {
        match words.next()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl StateWords for Vec2 {
    fn put(&self, out: &mut Vec<u64>) {
        self.x.put(out);
        self.y.put(out);
    }
    fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self> {
        Some(Vec2::new(f64::take(words)?, f64::take(words)?))
    }
}

impl<T: StateWords> StateWords for Option<T> {
    fn put(&self, out: &mut Vec<u64>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self> {
        match bool::take(words)? {
            false => Some(None),
            true => Some(Some(T::take(words)?)),
        }
    }
}

/// Implements [`StateWords`] for a state struct from its field list, in order:
/// `state_words!(SgdState { momentum_buffer });`
#[macro_export]
macro_rules! state_words {
    ($State:ty { $($field:ident),* $(,)? }) => {
        impl $crate::optim::StateWords for $State {
            fn put(&self, out: &mut Vec<u64>) {
                $( $crate::optim::StateWords::put(&self.$field, out); )*
            }
            fn take(words: &mut std::slice::Iter<'_, u64>) -> Option<Self> {
                Some(Self { $( $field: $crate::optim::StateWords::take(words)?, )* })
            }
        }
    };
}

/// Writes `state` as words.
pub fn to_words<S: StateWords>(state: &S) -> Vec<u64> {
    let mut out = Vec::new();
    state.put(&mut out);
    out
}

/// Reads a state from exactly `words` (`None` if any are missing, invalid or left over).
pub fn from_words<S: StateWords>(words: &[u64]) -> Option<S> {
    let mut it = words.iter();
    let state = S::take(&mut it)?;
    it.next().is_none().then_some(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Sample {
        step: u64,
        rate: f64,
        flag: bool,
        point: Vec2,
        buffer: Option<Vec2>,
    }
    crate::state_words!(Sample {
        step,
        rate,
        flag,
        point,
        buffer
    });

    #[test]
    fn states_round_trip_bit_for_bit_including_non_finite_values() {
        let samples = [
            Sample {
                step: 7,
                rate: -0.0,
                flag: true,
                point: Vec2::new(f64::NAN, f64::INFINITY),
                buffer: None,
            },
            Sample {
                step: u64::MAX,
                rate: 1e-310,
                flag: false,
                point: Vec2::new(0.1, -3.0),
                buffer: Some(Vec2::new(f64::MIN_POSITIVE, -1e300)),
            },
        ];
        for s in samples {
            let words = to_words(&s);
            let back: Sample = from_words(&words).unwrap();
            assert_eq!(to_words(&back), words);
            assert_eq!(back.step, s.step);
            assert_eq!(back.rate.to_bits(), s.rate.to_bits());
        }
    }

    #[test]
    fn short_long_or_invalid_words_are_refused() {
        let s = Sample {
            step: 1,
            rate: 2.0,
            flag: true,
            point: Vec2::new(3.0, 4.0),
            buffer: Some(Vec2::new(5.0, 6.0)),
        };
        let words = to_words(&s);
        assert!(from_words::<Sample>(&words[..words.len() - 1]).is_none());
        let mut long = words.clone();
        long.push(0);
        assert!(from_words::<Sample>(&long).is_none());
        let mut bad_flag = words.clone();
        bad_flag[2] = 2;
        assert!(from_words::<Sample>(&bad_flag).is_none());
        assert!(from_words::<Sample>(&[]).is_none());
    }
}
