//! The loss surface as a picture: sampling a problem on a pixel grid, colouring it with a
//! perceptually uniform, colour-blind-safe colormap (viridis) on a linear or logarithmic
//! scale, and extracting contour lines at levels evenly spaced on that scale
//! ([`isolines`]: marching squares stitched into polylines).
//!
//! Log scale: `u = ln(1 + (f − f_min) / δ)` with `δ = (f_max − f_min)·10⁻³`, so that it
//! works for surfaces with negative values (saddle, six-hump camel) and shows the detail
//! near the minimum that a linear scale flattens.
//!
//! A view change samples and colours a million points, so the kernels are lean: sampling
//! runs monomorphised over the surface, row by row ([`crate::surfaces::Surface::sample_grid`],
//! terms of x or y alone once per column or row), the range is found two values at a time
//! (`range`), and colours come from a table whose runs of equal colour are found by halving.

use crate::objective::Problem;
use crate::surfaces::Bounds;
use crate::vec2::Vec2;
use serde::{Deserialize, Serialize};

mod isolines;
mod range;

use range::finite_range;

/// How loss values map to colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Colour proportional to the loss.
    Linear,
    /// Colour proportional to the log of the loss above its minimum in view.
    Log,
}

/// Loss values at the centres of a `width × height` grid of cells over `bounds`; row 0 is
/// the top row (largest y), as on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The rectangle sampled.
    pub bounds: Bounds,
    /// Cells per row.
    pub width: usize,
    /// Rows.
    pub height: usize,
    /// Row-major values (non-finite values are replaced by the largest finite one).
    pub values: Vec<f64>,
    min: f64,
    max: f64,
}

/// Largest grid the boundary accepts (4096 × 4096 cells).
pub const MAX_CELLS: usize = 4096 * 4096;

impl Grid {
    /// Samples `problem` over `bounds` (width and height are clamped to at least 1 and the
    /// total to [`MAX_CELLS`]).
    pub fn sample(problem: &Problem, bounds: Bounds, width: usize, height: usize) -> Self {
        let width = width.max(1);
        let height = height.clamp(1, (MAX_CELLS / width).max(1));
        let dx = (bounds.max.x - bounds.min.x) / width as f64;
        let dy = (bounds.max.y - bounds.min.y) / height as f64;
        let xs: Vec<f64> = (0..width)
            .map(|col| bounds.min.x + (col as f64 + 0.5) * dx)
            .collect();
        let ys: Vec<f64> = (0..height)
            .map(|row| bounds.max.y - (row as f64 + 0.5) * dy)
            .collect();
        let mut values = Vec::with_capacity(width * height);
        match problem {
            // Monomorphised over the surface, row by row: no match per point.
            Problem::Surface(kind) => kind.sample_grid(&xs, &ys, &mut values),
            _ => {
                for &y in &ys {
                    values.extend(xs.iter().map(|&x| problem.value(Vec2::new(x, y))));
                }
            }
        }
        let (min, max, all_finite) = finite_range(&values);
        if !all_finite {
            for v in values.iter_mut().filter(|v| !v.is_finite()) {
                *v = max;
            }
        }
        Grid {
            bounds,
            width,
            height,
            values,
            min,
            max,
        }
    }

    /// Smallest and largest value in view.
    pub fn range(&self) -> (f64, f64) {
        (self.min, self.max)
    }

    /// Where `v` falls on `scale`, from 0 (the minimum in view) to 1 (the maximum).
    pub fn position(&self, v: f64, scale: Scale) -> f64 {
        // Halves: a range from −1e308 to 1e308 has a span beyond f64 but half of it fits.
        let half = self.max * 0.5 - self.min * 0.5;
        if half.is_nan() || half <= 0.0 {
            return 0.0;
        }
        let at = (v * 0.5 - self.min * 0.5) / half;
        let t = match (scale, self.log_delta()) {
            (Scale::Log, Some(delta)) => {
                let span = self.max - self.min;
                ((v - self.min) / delta).ln_1p() / (span / delta).ln_1p()
            }
            _ => at,
        };
        if t.is_nan() {
            0.0
        } else {
            t.clamp(0.0, 1.0)
        }
    }

    /// The value at position `t` of `scale` (the inverse of [`Grid::position`]); finite for
    /// every finite range, including ranges wider than f64 (from −1e308 to 1e308) and
    /// ranges narrower than the float spacing at their magnitude (1e17 and 1e17 + 16).
    pub fn value_at(&self, t: f64, scale: Scale) -> f64 {
        match (scale, self.log_delta()) {
            (Scale::Log, Some(delta)) => {
                let span = self.max - self.min;
                let v = self.min + delta * (t * (span / delta).ln_1p()).exp_m1();
                v.clamp(self.min, self.max)
            }
            _ => (self.min * (1.0 - t) + self.max * t).clamp(self.min, self.max),
        }
    }

    /// The log scale's δ = span·10⁻³, when it is a usable number: a span that overflows
    /// or a δ that underflows (denormal spans) falls back to the linear scale.
    fn log_delta(&self) -> Option<f64> {
        let span = self.max - self.min;
        let delta = span * 1e-3;
        (span.is_finite() && delta > 0.0 && (span / delta).is_finite()).then_some(delta)
    }

    /// RGBA pixels (row 0 at the top), viridis on `scale`.
    pub fn colorize(&self, scale: Scale) -> Vec<u8> {
        let mut rgba = Vec::new();
        self.colorize_into(scale, &mut rgba);
        rgba
    }

    /// [`Grid::colorize`] into `rgba` (resized to fit), so that a caller drawing view after
    /// view reuses one buffer.
    pub fn colorize_into(&self, scale: Scale, rgba: &mut Vec<u8>) {
        // Colours are looked up by the value's linear position in the range, through a
        // table fine enough (2¹⁶ entries) that the log scale needs no logarithm per pixel:
        // one subtraction, one multiplication and one load per pixel.
        const TABLE: usize = 1 << 16;
        let table = self.colour_table(scale, TABLE);
        // In halves (v/2 − min/2), so that a span beyond f64 still spreads over the table.
        let half = self.max * 0.5 - self.min * 0.5;
        let to_index = if half > 0.0 {
            (TABLE - 1) as f64 / half
        } else {
            0.0
        };
        let low = self.min * 0.5;
        // Every byte is written below: a buffer of the right length is not cleared first.
        rgba.resize(self.values.len() * 4, 0);
        for (pixel, &v) in rgba.chunks_exact_mut(4).zip(&self.values) {
            // `as usize` saturates: values below the minimum (none) map to 0.
            let i = (((v * 0.5 - low) * to_index) as usize).min(TABLE - 1);
            pixel.copy_from_slice(&table[i]);
        }
    }

    /// The colours of `entries` values evenly spaced over the range, on `scale`: entry `i`
    /// is `palette[round(1023 · position(value_at(i / (entries − 1), Linear), scale))]`.
    ///
    /// That index never decreases with `i` (value_at and position are monotone up to
    /// rounding), so runs of equal colours are found by halving: where both ends of a
    /// stretch have the same colour, so does everything between, and only the stretches
    /// where the colour changes are split further. A few thousand entries are computed, each
    /// with its logarithm, instead of 65,536 (tests check the result against every entry).
    fn colour_table(&self, scale: Scale, entries: usize) -> Vec<[u8; 4]> {
        let palette = palette();
        let last = (entries - 1) as f64;
        let index = |t: f64| (t * (COLOURS - 1) as f64).round() as usize;
        let log = match (scale, self.log_delta()) {
            // `position`'s constant denominator computed once (the same bits).
            (Scale::Log, Some(delta)) => Some((delta, ((self.max - self.min) / delta).ln_1p())),
            _ => None,
        };
        let colour_of = |i: usize| {
            let v = self.value_at(i as f64 / last, Scale::Linear);
            index(match log {
                Some((delta, denominator)) => {
                    let t = ((v - self.min) / delta).ln_1p() / denominator;
                    if t.is_nan() {
                        0.0
                    } else {
                        t.clamp(0.0, 1.0)
                    }
                }
                None => self.position(v, Scale::Linear),
            })
        };
        let mut table = vec![[0; 4]; entries];
        // value_at's steps must be well above its rounding (a few units in the last place
        // of the values) for the index to be monotone; in a range as narrow as 100 at 1e17
        // they are not, and every entry is computed.
        let magnitude = self.min.abs().max(self.max.abs());
        let step = self.max * (0.5 / last) - self.min * (0.5 / last);
        if step.is_nan() || step <= 16.0 * f64::EPSILON * magnitude {
            for (i, entry) in table.iter_mut().enumerate() {
                *entry = palette[colour_of(i)];
            }
            return table;
        }
        // Stretches [lo, hi] with the colours at both ends known.
        let mut stack = vec![(0, entries - 1, colour_of(0), colour_of(entries - 1))];
        while let Some((lo, hi, a, b)) = stack.pop() {
            if a == b {
                table[lo..=hi].fill(palette[a]);
            } else if hi - lo <= 1 {
                table[lo] = palette[a];
                table[hi] = palette[b];
            } else {
                let mid = lo + (hi - lo) / 2;
                let m = colour_of(mid);
                stack.push((lo, mid, a, m));
                stack.push((mid, hi, m, b));
            }
        }
        table
    }

    /// `count` contour levels evenly spaced on `scale` strictly inside the range in view.
    pub fn levels(&self, scale: Scale, count: usize) -> Vec<f64> {
        (1..=count)
            .map(|i| self.value_at(i as f64 / (count + 1) as f64, scale))
            .collect()
    }

    /// Contour lines at `levels`, as polylines in world coordinates.
    pub fn isolines(&self, levels: &[f64]) -> Vec<Isoline> {
        levels
            .iter()
            .zip(isolines::isolines(self, levels))
            .map(|(&level, lines)| Isoline { level, lines })
            .collect()
    }

    /// World coordinates of fractional grid position (row, column), cell centres at
    /// whole numbers.
    fn cell_centre(&self, row: f64, col: f64) -> Vec2 {
        let dx = (self.bounds.max.x - self.bounds.min.x) / self.width as f64;
        let dy = (self.bounds.max.y - self.bounds.min.y) / self.height as f64;
        Vec2::new(
            self.bounds.min.x + (col + 0.5) * dx,
            self.bounds.max.y - (row + 0.5) * dy,
        )
    }
}

/// One contour level and its polylines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Isoline {
    /// The loss along the lines.
    pub level: f64,
    /// Polylines in world coordinates.
    pub lines: Vec<Vec<Vec2>>,
}

/// Colours of the picture's scale.
const COLOURS: usize = 1024;

/// Viridis at `COLOURS` evenly spaced positions, as RGBA, computed once.
fn palette() -> &'static [[u8; 4]] {
    static PALETTE: std::sync::OnceLock<Vec<[u8; 4]>> = std::sync::OnceLock::new();
    PALETTE.get_or_init(|| {
        (0..COLOURS)
            .map(|i| {
                let c = colorous::VIRIDIS.eval_continuous(i as f64 / (COLOURS - 1) as f64);
                [c.r, c.g, c.b, 255]
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surfaces::SurfaceKind;

    fn bowl_grid(n: usize) -> Grid {
        Grid::sample(
            &Problem::Surface(SurfaceKind::Bowl),
            Bounds::new(-1.0, 1.0, -1.0, 1.0),
            n,
            n,
        )
    }

    /// A 3 × 3 grid of the given values (min and max from them, as `sample` computes).
    fn grid_of(values: [f64; 9]) -> Grid {
        let (min, max, _) = finite_range(&values);
        Grid {
            bounds: Bounds::new(-1.0, 1.0, -1.0, 1.0),
            width: 3,
            height: 3,
            values: values.to_vec(),
            min,
            max,
        }
    }

    #[test]
    fn levels_are_finite_and_in_range_for_extreme_and_degenerate_ranges() {
        let spaced = |lo: f64, hi: f64| {
            let mut v = [lo; 9];
            for (k, x) in v.iter_mut().enumerate() {
                *x = lo + (hi - lo) * k as f64 / 8.0;
            }
            v[8] = hi;
            v
        };
        let cases = [
            spaced(1e17, 1e17 + 100.0),
            spaced(1e17, 1e17),
            spaced(-f64::MAX, f64::MAX),
            [-f64::MAX, f64::MAX, 0.0, 1.0, -1.0, 1e308, -1e308, 0.0, 0.0],
            spaced(0.0, 5e-324),
            spaced(1e-310, 3e-310),
            spaced(-1e300, 1e300),
            [f64::NAN; 9],
            [
                f64::INFINITY,
                0.0,
                1.0,
                f64::NEG_INFINITY,
                2.0,
                f64::NAN,
                3.0,
                4.0,
                5.0,
            ],
        ];
        for values in cases {
            let g = grid_of(values);
            let (lo, hi) = g.range();
            for scale in [Scale::Linear, Scale::Log] {
                for count in [0, 1, 12, 64] {
                    let levels = g.levels(scale, count);
                    assert_eq!(levels.len(), count);
                    for l in &levels {
                        assert!(
                            l.is_finite() && *l >= lo && *l <= hi,
                            "{values:?} {scale:?}: {l}"
                        );
                    }
                    // Marching squares over them ends, with one entry per level.
                    assert_eq!(g.isolines(&levels).len(), count);
                }
                for v in values {
                    let t = g.position(v, scale);
                    assert!((0.0..=1.0).contains(&t), "{values:?} {scale:?}: {v} at {t}");
                }
            }
            assert_eq!(g.colorize(Scale::Log).len(), 9 * 4);
        }
    }

    #[test]
    fn the_colour_table_has_every_entry_s_own_colour() {
        // The table is filled by halving runs of equal colours; each entry must still be
        // the colour of its own value, as a direct computation per entry gives it.
        let spaced = |lo: f64, hi: f64| {
            let mut v = [lo; 9];
            for (k, x) in v.iter_mut().enumerate() {
                *x = lo + (hi - lo) * (k as f64 / 8.0).powi(3);
            }
            v[8] = hi;
            v
        };
        let cases = [
            spaced(0.0, 1.0),
            spaced(0.0, 2500.0),
            spaced(-1.03, 50.0),
            spaced(1e17, 1e17 + 100.0),
            spaced(1e17, 1e17 + 16.0),
            spaced(1.0, 1.0 + 1e-12),
            spaced(-f64::MAX, f64::MAX),
            spaced(1e-310, 3e-310),
            spaced(-1e300, 1e300),
            spaced(3.0, 3.0),
            [f64::NAN; 9],
        ];
        const ENTRIES: usize = 1 << 16;
        for values in cases {
            let g = grid_of(values);
            for scale in [Scale::Linear, Scale::Log] {
                let table = g.colour_table(scale, ENTRIES);
                for (i, got) in table.iter().enumerate() {
                    let v = g.value_at(i as f64 / (ENTRIES - 1) as f64, Scale::Linear);
                    let want = palette()[(g.position(v, scale) * 1023.0).round() as usize];
                    assert_eq!(*got, want, "{values:?} {scale:?}: entry {i}");
                }
            }
        }
    }

    #[test]
    fn a_range_wider_than_f64_still_spreads_over_the_colours() {
        let g = grid_of([-f64::MAX, 0.0, f64::MAX, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert!((g.position(0.0, Scale::Linear) - 0.5).abs() < 1e-12);
        let rgba = g.colorize(Scale::Linear);
        assert_ne!(rgba[0..4], rgba[4..8]);
        assert_ne!(rgba[4..8], rgba[8..12]);
        let mid = g.value_at(0.5, Scale::Linear);
        assert!(mid.abs() < 1e295, "{mid}");
    }

    #[test]
    fn levels_in_any_order_come_back_in_that_order() {
        let g = bowl_grid(101);
        let lines = g.isolines(&[0.64, f64::NAN, 0.25]);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].lines.is_empty());
        for (iso, radius) in [(&lines[0], 0.8), (&lines[2], 0.5)] {
            assert_eq!(iso.lines.len(), 1);
            assert!(iso.lines[0]
                .iter()
                .all(|p| (p.norm() - radius).abs() < 0.02));
        }
    }

    #[test]
    fn saddle_level_lines_are_four_open_arms_inside_the_view() {
        let g = Grid::sample(
            &Problem::Surface(SurfaceKind::Saddle),
            Bounds::new(-1.0, 1.0, -1.0, 1.0),
            80,
            80,
        );
        // x² − y² = 0.25: two hyperbola branches, each crossing the view once.
        let lines = &g.isolines(&[0.25])[0].lines;
        assert_eq!(lines.len(), 2);
        for line in lines {
            assert!(line.first() != line.last());
            for p in line {
                assert!(p.x.abs() <= 1.0 && p.y.abs() <= 1.0);
                assert!((p.x * p.x - p.y * p.y - 0.25).abs() < 0.02, "{p:?}");
            }
        }
    }

    #[test]
    fn sampling_is_at_cell_centres_top_row_first() {
        let g = Grid::sample(
            &Problem::Surface(SurfaceKind::Saddle),
            Bounds::new(0.0, 2.0, 0.0, 2.0),
            2,
            2,
        );
        // Centres: (0.5, 1.5) (1.5, 1.5) / (0.5, 0.5) (1.5, 0.5); saddle x² − y².
        assert_eq!(g.values, [0.25 - 2.25, 2.25 - 2.25, 0.0, 2.25 - 0.25]);
        assert_eq!(g.range(), (-2.0, 2.0));
    }

    #[test]
    fn scales_are_monotone_and_invertible() {
        let g = bowl_grid(64);
        let (lo, hi) = g.range();
        for scale in [Scale::Linear, Scale::Log] {
            assert_eq!(g.position(lo, scale), 0.0);
            assert!((g.position(hi, scale) - 1.0).abs() < 1e-12);
            let mut last = -1.0;
            for i in 0..=10 {
                let t = f64::from(i) / 10.0;
                let v = g.value_at(t, scale);
                assert!((g.position(v, scale) - t).abs() < 1e-9);
                assert!(v > last);
                last = v;
            }
        }
    }

    #[test]
    fn colours_run_from_dark_minimum_to_bright_maximum() {
        let g = bowl_grid(33);
        let rgba = g.colorize(Scale::Linear);
        assert_eq!(rgba.len(), 33 * 33 * 4);
        let centre = (16 * 33 + 16) * 4;
        let corner = 0;
        let brightness =
            |i: usize| u32::from(rgba[i]) + u32::from(rgba[i + 1]) + u32::from(rgba[i + 2]);
        // Viridis: dark purple at 0, yellow at 1.
        assert!(brightness(centre) < 200 && brightness(corner) > 400);
        assert!(rgba.chunks(4).all(|p| p[3] == 255));
    }

    #[test]
    fn bowl_isolines_are_circles_of_the_right_radius() {
        let g = bowl_grid(101);
        let lines = g.isolines(&[0.25]);
        assert_eq!(lines.len(), 1);
        // Stitched into one closed ring, not a heap of segments.
        assert_eq!(lines[0].lines.len(), 1);
        let ring = &lines[0].lines[0];
        assert_eq!(ring.first(), ring.last());
        let points: Vec<Vec2> = lines[0].lines.iter().flatten().copied().collect();
        assert!(points.len() > 20);
        for p in points {
            assert!((p.norm() - 0.5).abs() < 0.02, "{p:?}");
        }
    }
}
