//! A little-endian byte writer and a checked reader for run snapshots: every read checks
//! the length first and fails with a typed [`SnapshotError`], so any bytes at all give a
//! value or an error, never a panic or a huge allocation.

use crate::vec2::Vec2;

/// Why snapshot bytes were refused (each message is for the user).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SnapshotError {
    /// The bytes do not start like a run snapshot.
    #[error("not a Gradscape run snapshot")]
    NotASnapshot,
    /// Written by another version of the engine.
    #[error("this run snapshot has format version {found}; this engine reads version {expected}")]
    Version {
        /// The version in the bytes.
        found: u32,
        /// The version this engine writes and reads.
        expected: u32,
    },
    /// The bytes end too early.
    #[error("the run snapshot is truncated (needed {needed} more bytes at byte {at})")]
    Truncated {
        /// Where reading stopped.
        at: usize,
        /// Bytes missing.
        needed: usize,
    },
    /// The snapshot was made for another problem (surface, formula or data).
    #[error("the run snapshot was made for a different problem (surface, formula or data)")]
    OtherProblem,
    /// The snapshot's run does not belong to this race (another start, more steps than
    /// its cap, another tolerance): made before the race changed.
    #[error("the run snapshot was made for another race ({0})")]
    OtherRace(String),
    /// A value in the snapshot is inconsistent with the rest or with the problem.
    #[error("the run snapshot is damaged: {0}")]
    Damaged(String),
    /// The run settings in the snapshot do not decode against this problem.
    #[error("the run snapshot's settings are invalid: {0}")]
    Settings(String),
}

/// Appends little-endian values to a byte vector.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }

    /// Reserves room for `n` more bytes (one allocation for a long record).
    pub fn reserve(&mut self, n: usize) {
        self.bytes.reserve(n);
    }

    /// Raw bytes, no length.
    pub fn raw(&mut self, b: &[u8]) {
        self.bytes.extend_from_slice(b);
    }

    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// A flag as one byte.
    pub fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    /// Four bytes.
    pub fn u32(&mut self, v: u32) {
        self.raw(&v.to_le_bytes());
    }

    /// Eight bytes.
    pub fn u64(&mut self, v: u64) {
        self.raw(&v.to_le_bytes());
    }

    /// Sixteen bytes.
    pub fn u128(&mut self, v: u128) {
        self.raw(&v.to_le_bytes());
    }

    /// A length or index as eight bytes.
    pub fn len(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// A float, bit for bit.
    pub fn f64(&mut self, v: f64) {
        self.raw(&v.to_le_bytes());
    }

    /// A point.
    pub fn vec2(&mut self, v: Vec2) {
        self.f64(v.x);
        self.f64(v.y);
    }

    /// An optional point (flag, then the point).
    pub fn opt_vec2(&mut self, v: Option<Vec2>) {
        self.bool(v.is_some());
        if let Some(v) = v {
            self.vec2(v);
        }
    }

    /// An optional step.
    pub fn opt_u64(&mut self, v: Option<u64>) {
        self.bool(v.is_some());
        if let Some(v) = v {
            self.u64(v);
        }
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.raw(s.as_bytes());
    }

    /// A length-prefixed list of floats.
    pub fn f64s(&mut self, v: &[f64]) {
        self.len(v.len());
        self.reserve(v.len() * 8);
        for x in v {
            self.f64(*x);
        }
    }

    /// A length-prefixed list of points.
    pub fn vec2s(&mut self, v: &[Vec2]) {
        self.len(v.len());
        self.reserve(v.len() * 16);
        for p in v {
            self.vec2(*p);
        }
    }
}

/// Reads what a [`Writer`] wrote, checking every length.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], SnapshotError> {
        let left = self.bytes.len() - self.at;
        if n > left {
            return Err(SnapshotError::Truncated {
                at: self.at,
                needed: n - left,
            });
        }
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], SnapshotError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    /// One byte.
    pub fn u8(&mut self) -> Result<u8, SnapshotError> {
        Ok(self.take(1)?[0])
    }

    /// A flag (0 or 1).
    pub fn bool(&mut self) -> Result<bool, SnapshotError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(damaged(format!("a flag is {v}"))),
        }
    }

    /// Four bytes.
    pub fn u32(&mut self) -> Result<u32, SnapshotError> {
        self.array().map(u32::from_le_bytes)
    }

    /// Eight bytes.
    pub fn u64(&mut self) -> Result<u64, SnapshotError> {
        self.array().map(u64::from_le_bytes)
    }

    /// Sixteen bytes.
    pub fn u128(&mut self) -> Result<u128, SnapshotError> {
        self.array().map(u128::from_le_bytes)
    }

    /// A float.
    pub fn f64(&mut self) -> Result<f64, SnapshotError> {
        self.array().map(f64::from_le_bytes)
    }

    /// A point.
    pub fn vec2(&mut self) -> Result<Vec2, SnapshotError> {
        Ok(Vec2::new(self.f64()?, self.f64()?))
    }

    /// An optional point.
    pub fn opt_vec2(&mut self) -> Result<Option<Vec2>, SnapshotError> {
        Ok(if self.bool()? {
            Some(self.vec2()?)
        } else {
            None
        })
    }

    /// An optional step.
    pub fn opt_u64(&mut self) -> Result<Option<u64>, SnapshotError> {
        Ok(if self.bool()? {
            Some(self.u64()?)
        } else {
            None
        })
    }

    /// A count of items of `size` bytes each, checked against the bytes left (so a
    /// damaged length cannot ask for a huge allocation).
    pub fn count(&mut self, size: usize) -> Result<usize, SnapshotError> {
        let n = self.u64()?;
        let left = (self.bytes.len() - self.at) as u64;
        if n.saturating_mul(size.max(1) as u64) > left {
            return Err(SnapshotError::Truncated {
                at: self.at,
                needed: usize::try_from(n.saturating_mul(size as u64) - left).unwrap_or(usize::MAX),
            });
        }
        Ok(n as usize)
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, SnapshotError> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| damaged("a text is not UTF-8"))
    }

    /// A length-prefixed list of floats.
    pub fn f64s(&mut self) -> Result<Vec<f64>, SnapshotError> {
        let n = self.count(8)?;
        Ok(self
            .take(n * 8)?
            .chunks_exact(8)
            .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect())
    }

    /// A length-prefixed list of points.
    pub fn vec2s(&mut self) -> Result<Vec<Vec2>, SnapshotError> {
        let flat = {
            let n = self.count(16)?;
            self.take(n * 16)?
        };
        let f = |c: &[u8]| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        Ok(flat
            .chunks_exact(16)
            .map(|c| Vec2::new(f(&c[..8]), f(&c[8..])))
            .collect())
    }
}

/// A [`SnapshotError::Damaged`] saying what.
pub fn damaged(what: impl Into<String>) -> SnapshotError {
    SnapshotError::Damaged(what.into())
}
