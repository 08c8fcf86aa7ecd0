//! A long per-step series kept as min/max blocks, updated with only the values added since
//! the last look, so the page's charts redraw in the same time at step 100 and at step
//! 1,000,000 (the whole record is never walked again). Blocks hold `size` consecutive
//! values (a power of two, doubled whenever there would be more than [`CAP`] blocks);
//! [`Blocks::points`] reduces them to a chart's pixel columns, keeping every spike.

/// Most blocks kept: enough for charts of up to `CAP / 2` pixel columns.
pub const CAP: usize = 4096;

/// The min/max envelope of one series (see the module header).
#[derive(Clone, Debug)]
pub struct Blocks {
    size: usize,
    mn: Vec<f64>,
    mx: Vec<f64>,
    /// Values folded in (complete blocks and the open one).
    len: usize,
    open: (f64, f64, usize),
    /// The bits of the last value folded in and of value 1, to notice a series that was
    /// recomputed (a re-plan, a restart, an adopted run) rather than extended.
    probe: (u64, u64),
}

impl Default for Blocks {
    fn default() -> Self {
        Blocks {
            size: 1,
            mn: Vec::new(),
            mx: Vec::new(),
            len: 0,
            open: (f64::INFINITY, f64::NEG_INFINITY, 0),
            probe: (0, 0),
        }
    }
}

fn bits(values: &[f64], i: usize) -> u64 {
    values.get(i).map_or(0, |v| v.to_bits())
}

impl Blocks {
    /// Brings the blocks up to `values` (the whole series as recorded): appends what is new,
    /// or starts again when the series is shorter or its earlier values changed.
    pub fn sync(&mut self, values: &[f64]) {
        let changed = values.len() < self.len
            || (self.len > 0 && self.probe != (bits(values, self.len - 1), bits(values, 1)));
        if changed {
            *self = Blocks::default();
        }
        for &v in &values[self.len..] {
            let (a, b, n) = &mut self.open;
            // NaN is skipped by both comparisons (a diverged run's last values).
            if v < *a {
                *a = v;
            }
            if v > *b {
                *b = v;
            }
            *n += 1;
            if *n == self.size {
                let (a, b) = (*a, *b);
                self.open = (f64::INFINITY, f64::NEG_INFINITY, 0);
                self.mn.push(a);
                self.mx.push(b);
                if self.mn.len() == CAP {
                    self.halve();
                }
            }
        }
        self.len = values.len();
        self.probe = (bits(values, self.len.saturating_sub(1)), bits(values, 1));
    }

    /// Merges neighbouring blocks (the open block's values join the next block).
    fn halve(&mut self) {
        let merge = |v: &[f64], f: fn(f64, f64) -> f64| -> Vec<f64> {
            v.chunks_exact(2).map(|p| f(p[0], p[1])).collect()
        };
        self.mn = merge(&self.mn, f64::min);
        self.mx = merge(&self.mx, f64::max);
        self.size *= 2;
    }

    /// Values folded in.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was folded in.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first `upto` values of `values` (the series [`Blocks::sync`] saw; value i at
    /// x = `first_x + i`) as `(x, y)` points, at most two per pixel column of `[0, x_max]`:
    /// each column's smallest then largest value. The blocks cover what they can; the
    /// values after the last complete block are read from `values` directly.
    pub fn points(
        &self,
        values: &[f64],
        upto: usize,
        first_x: f64,
        x_max: f64,
        columns: usize,
    ) -> Vec<(f64, f64)> {
        let upto = upto.min(values.len());
        let columns = columns.max(1);
        if upto <= 2 * columns || upto > self.len {
            return super::clip::envelope(&values[..upto], first_x, x_max, columns);
        }
        let per_column = x_max.max(1.0) / columns as f64;
        let mut out = Vec::with_capacity(2 * columns + 2);
        let mut column = usize::MAX;
        let (mut lo, mut hi, mut at) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
        let flush = |out: &mut Vec<(f64, f64)>, at: f64, lo: f64, hi: f64| {
            if lo <= hi {
                out.push((at, lo));
                if hi != lo {
                    out.push((at, hi));
                }
            }
        };
        let mut add = |x: f64, a: f64, b: f64, out: &mut Vec<(f64, f64)>| {
            let c = (x / per_column) as usize;
            if c != column {
                flush(out, at, lo, hi);
                column = c;
                (lo, hi, at) = (f64::INFINITY, f64::NEG_INFINITY, x);
            }
            lo = lo.min(a);
            hi = hi.max(b);
        };
        let full = (upto / self.size).min(self.mn.len());
        for j in 0..full {
            let x = first_x + (j * self.size) as f64;
            add(x, self.mn[j], self.mx[j], &mut out);
        }
        for (k, &v) in values[full * self.size..upto].iter().enumerate() {
            if !v.is_nan() {
                add(first_x + (full * self.size + k) as f64, v, v, &mut out);
            }
        }
        flush(&mut out, at, lo, hi);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_every_spike_of_a_long_series_and_follow_its_growth() {
        let mut values = vec![1.0; 100_000];
        values[50_001] = 50.0;
        values[77_777] = -3.0;
        let mut b = Blocks::default();
        b.sync(&values[..60_000]);
        b.sync(&values);
        assert_eq!(b.len(), 100_000);
        let points = b.points(&values, values.len(), 0.0, 100_000.0, 300);
        assert!(points.len() <= 602, "{}", points.len());
        assert!(points.iter().any(|p| p.1 == 50.0));
        assert!(points.iter().any(|p| p.1 == -3.0));
        assert!(points.windows(2).all(|w| w[0].0 <= w[1].0));
        // An earlier step: the spike after it is not shown.
        let early = b.points(&values, 60_000, 0.0, 60_000.0, 300);
        assert!(early.iter().all(|p| p.1 != -3.0));
        assert!(early.iter().any(|p| p.1 == 50.0));
    }

    #[test]
    fn a_recomputed_series_is_folded_in_again() {
        let mut b = Blocks::default();
        b.sync(&vec![1.0; 10_000]);
        let mut other = vec![2.0; 10_000];
        other[0] = 1.0;
        b.sync(&other);
        let points = b.points(&other, 10_000, 0.0, 10_000.0, 100);
        assert!(points.iter().all(|p| p.1 <= 2.0) && points.iter().any(|p| p.1 == 2.0));
        assert!(points.iter().skip(1).all(|p| p.1 == 2.0), "{points:?}");
    }
}
