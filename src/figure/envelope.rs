//! A long per-step series kept as min/max blocks, fed with only the values added since the
//! last look, so the page's charts redraw in the same time at step 100 and at step
//! 1,000,000 and never hold (or read) the whole series: a run's record is bounded
//! (`run::history`), so the series is handed over in parts. Blocks hold `size`
//! consecutive values (a power of two, doubled whenever there would be more than [`CAP`]
//! blocks) and keep the exact values of the open block; [`Blocks::points`] reduces them to
//! a chart's pixel columns, keeping every spike, and asks for the few raw values it needs
//! beyond that (an earlier step's partial block, a short series) through a ranged read.

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
    /// The open block's extremes (NaN skipped).
    open: (f64, f64),
    /// The open block's values, exact (fewer than `size`).
    tail: Vec<f64>,
}

impl Default for Blocks {
    fn default() -> Self {
        Blocks {
            size: 1,
            mn: Vec::new(),
            mx: Vec::new(),
            len: 0,
            open: (f64::INFINITY, f64::NEG_INFINITY),
            tail: Vec::new(),
        }
    }
}

impl Blocks {
    /// Appends `values`, the series' values `len() ..` (only the new ones).
    pub fn extend(&mut self, values: &[f64]) {
        for &v in values {
            let (a, b) = &mut self.open;
            // NaN is skipped by both comparisons (a diverged run's last values).
            if v < *a {
                *a = v;
            }
            if v > *b {
                *b = v;
            }
            self.tail.push(v);
            if self.tail.len() == self.size {
                let (a, b) = (*a, *b);
                self.open = (f64::INFINITY, f64::NEG_INFINITY);
                self.tail.clear();
                self.mn.push(a);
                self.mx.push(b);
                if self.mn.len() == CAP {
                    self.halve();
                }
            }
        }
        self.len += values.len();
    }

    /// Merges neighbouring blocks (called when the open block is empty).
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

    /// The first `upto` values of the series (value i at x = `first_x + i`) as `(x, y)`
    /// points, at most two per pixel column of `[0, x_max]`: each column's smallest then
    /// largest value. The blocks cover what they can; the values after the last complete
    /// block are the kept tail or, for an earlier `upto`, `read(from, to)` (the series'
    /// values `from .. to`, fewer than one block, or at most `2 · columns` for a short
    /// series).
    pub fn points(
        &self,
        upto: usize,
        first_x: f64,
        x_max: f64,
        columns: usize,
        read: impl FnOnce(usize, usize) -> Vec<f64>,
    ) -> Vec<(f64, f64)> {
        let upto = upto.min(self.len);
        let columns = columns.max(1);
        if upto <= 2 * columns {
            let values = self.raw(0, upto, read);
            return super::clip::envelope(&values, first_x, x_max, columns);
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
        let from = full * self.size;
        let rest = if from < upto {
            self.raw(from, upto, read)
        } else {
            Vec::new()
        };
        for (k, &v) in rest.iter().enumerate() {
            if !v.is_nan() {
                add(first_x + (from + k) as f64, v, v, &mut out);
            }
        }
        flush(&mut out, at, lo, hi);
        out
    }

    /// Values `from .. upto` (`upto ≤ len`): from the kept tail when it holds them, else
    /// through `read`.
    fn raw(
        &self,
        from: usize,
        upto: usize,
        read: impl FnOnce(usize, usize) -> Vec<f64>,
    ) -> Vec<f64> {
        let kept = self.len - self.tail.len();
        if from >= kept {
            self.tail[from - kept..upto.max(from) - kept].to_vec()
        } else {
            read(from, upto)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ranged read of `values`, as the charts' history reads are.
    fn reader(values: &[f64]) -> impl FnOnce(usize, usize) -> Vec<f64> + '_ {
        move |a, b| values[a..b].to_vec()
    }

    #[test]
    fn blocks_keep_every_spike_of_a_long_series_and_follow_its_growth() {
        let mut values = vec![1.0; 100_000];
        values[50_001] = 50.0;
        values[77_777] = -3.0;
        let mut b = Blocks::default();
        b.extend(&values[..60_000]);
        b.extend(&values[60_000..]);
        assert_eq!(b.len(), 100_000);
        let points = b.points(values.len(), 0.0, 100_000.0, 300, |_, _| {
            panic!("the live chart reads nothing: blocks and the kept tail cover it")
        });
        assert!(points.len() <= 602, "{}", points.len());
        assert!(points.iter().any(|p| p.1 == 50.0));
        assert!(points.iter().any(|p| p.1 == -3.0));
        assert!(points.windows(2).all(|w| w[0].0 <= w[1].0));
        // An earlier step: the spike after it is not shown; fewer than one block is read.
        let mut asked = 0;
        let early = b.points(60_000, 0.0, 60_000.0, 300, |a, z| {
            asked = z - a;
            values[a..z].to_vec()
        });
        assert!(asked < 64, "{asked}");
        assert!(early.iter().all(|p| p.1 != -3.0));
        assert!(early.iter().any(|p| p.1 == 50.0));
    }

    #[test]
    fn blocks_fed_in_parts_draw_exactly_what_blocks_fed_at_once_draw() {
        // A noisy series with NaN at the end (a diverged run), fed in uneven parts.
        let mut values: Vec<f64> = (0..70_001)
            .map(|i: i32| (f64::from(i) * 0.37).sin() * (1.0 + f64::from(i % 97)))
            .collect();
        values.extend([f64::NAN; 5]);
        let mut whole = Blocks::default();
        whole.extend(&values);
        let mut parts = Blocks::default();
        let mut at = 0;
        for n in [1usize, 2, 3, 1000, 4095, 1, 7, 20_000].iter().cycle() {
            let end = (at + n).min(values.len());
            parts.extend(&values[at..end]);
            at = end;
            if at == values.len() {
                break;
            }
        }
        assert_eq!(parts.len(), whole.len());
        for upto in [0, 1, 2, 599, 600, 601, 4096, 33_333, 70_000, 70_006] {
            for columns in [1, 300, 1200] {
                let key = |p: Vec<(f64, f64)>| {
                    p.iter()
                        .map(|(x, y)| (x.to_bits(), y.to_bits()))
                        .collect::<Vec<_>>()
                };
                let a = parts.points(upto, 1.0, 70_006.0, columns, reader(&values));
                let b = whole.points(upto, 1.0, 70_006.0, columns, reader(&values));
                assert_eq!(key(a), key(b), "upto {upto}, {columns} columns");
            }
        }
    }
}
