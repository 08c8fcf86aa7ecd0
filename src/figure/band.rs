//! A chart line as a canvas rasterises it cheaply: one filled polygon per run (the per-pixel
//! column min/max envelope, upper outline forward and lower outline back, widened by the
//! line's half width) plus a stroke of the column centres only where the line is steep and
//! the polygon alone would draw it too thin. A min/max zig-zag stroked with round joins
//! costs Skia's software raster (headless Chromium, `--disable-gpu`) ~30 ms for ten runs of
//! a few hundred columns, because every scanline crosses hundreds of overlapping stroke
//! edges; the polygon has two edges per scanline and looks the same: a line where the run
//! is a line, a band where it oscillates.

/// A line drawn as a band: `polygon` (filled) and `strokes` (stroked at the line's width).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Band {
    pub polygon: Vec<(i32, i32)>,
    pub strokes: Vec<Vec<(i32, i32)>>,
}

/// `points` (pixel positions in drawing order, x never decreasing) as a [`Band`] for a line
/// `width` pixels wide.
pub(crate) fn band(points: impl IntoIterator<Item = (i32, i32)>, width: u32) -> Band {
    // Each pixel column's extent: (x, top, bottom), y growing downwards.
    let mut cols: Vec<(i32, i32, i32)> = Vec::new();
    for (x, y) in points {
        match cols.last_mut() {
            Some(c) if c.0 == x => {
                c.1 = c.1.min(y);
                c.2 = c.2.max(y);
            }
            _ => cols.push((x, y, y)),
        }
    }
    if cols.is_empty() {
        return Band::default();
    }
    let w = width.max(1) as i32;
    let (up, down) = (w / 2, w - w / 2);
    // Where neighbouring columns overlap or one holds the other (an oscillating run), each
    // column reaches as far as its neighbours (as the zig-zag stroke between them did):
    // the band's outline is then solid, not a comb of one-column teeth.
    let overlap = |n: &(i32, i32, i32), c: &(i32, i32, i32)| {
        n.2.min(c.2) - n.1.max(c.1) > up || (n.1 <= c.1 && c.2 <= n.2)
    };
    let ext: Vec<(i32, i32, i32)> = (0..cols.len())
        .map(|i| {
            let c = cols[i];
            let near = cols[i.saturating_sub(1)..(i + 2).min(cols.len())].iter();
            near.filter(|n| overlap(n, &c))
                .fold(c, |e, n| (c.0, e.1.min(n.1), e.2.max(n.2)))
        })
        .collect();
    let mut polygon: Vec<(i32, i32)> = Vec::with_capacity(2 * ext.len());
    let upper = ext.iter().map(|c| (c.0, c.1 - up));
    let lower = ext.iter().rev().map(|c| (c.0, c.2 + down));
    for p in upper.chain(lower) {
        // A vertex on the line through its neighbours adds nothing (a flat learning rate
        // is four vertices, not one per column: fewer canvas calls per redraw).
        match polygon[..] {
            [.., a, b] if (b.0 - a.0) * (p.1 - a.1) == (p.0 - a.0) * (b.1 - a.1) => {
                let n = polygon.len();
                polygon[n - 1] = p;
            }
            _ => polygon.push(p),
        }
    }
    // The polygon is `w` thick vertically, which is `w` across only where the line is
    // shallow; a segment between columns whose centres move by more than the columns are
    // apart (steeper than 45°) is stroked too, unless each centre lies inside the other
    // column's (widened) extent (an oscillating band covers it).
    let mid = |c: &(i32, i32, i32)| (c.0, (c.1 + c.2) / 2);
    let inside = |y: i32, c: &(i32, i32, i32)| c.1 <= y && y <= c.2;
    let steep: Vec<bool> = (1..cols.len())
        .map(|i| {
            let (a, b) = (&cols[i - 1], &cols[i]);
            let (ma, mb) = (mid(a).1, mid(b).1);
            (mb - ma).abs() > (b.0 - a.0).max(1)
                && !(inside(ma, &ext[i]) && inside(mb, &ext[i - 1]))
        })
        .collect();
    // Strokes reach one segment past each steep stretch (so they join the band smoothly)
    // and stretches a segment or two apart become one stroke (one canvas path, not many).
    let near = |i: usize| steep[i.saturating_sub(1)..(i + 2).min(steep.len())].contains(&true);
    let mut strokes: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut open = false;
    for i in 0..steep.len() {
        if near(i) {
            match strokes.last_mut() {
                Some(s) if open => s.push(mid(&cols[i + 1])),
                _ => strokes.push(vec![mid(&cols[i]), mid(&cols[i + 1])]),
            }
            open = true;
        } else {
            open = false;
        }
    }
    Band { polygon, strokes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_line_is_one_polygon_as_thick_as_the_line_and_no_stroke() {
        let b = band((0..100).map(|x| (x, 50)), 4);
        assert!(b.strokes.is_empty());
        assert_eq!(b.polygon, vec![(0, 48), (99, 48), (99, 52), (0, 52)]);
    }

    #[test]
    fn an_oscillating_run_is_a_band_spanning_its_extremes_without_strokes() {
        // Each column's min then max, as the envelope gives them: a zig-zag 10 .. 90.
        let zigzag = (0..50).flat_map(|c| [(2 * c, 90 - c % 3), (2 * c, 10 + c % 5)]);
        let b = band(zigzag, 2);
        assert!(b.strokes.is_empty(), "{:?}", b.strokes);
        // The upper outline (x rising) stays within 9 ..= 14, the lower one within 88 ..= 91.
        let turn = b.polygon.iter().position(|p| p.0 == 98).unwrap();
        let (upper, lower) = b.polygon.split_at(turn + 1);
        assert!(upper.iter().all(|p| p.1 <= 14 && p.1 >= 9), "{upper:?}");
        assert!(lower.iter().all(|p| p.1 >= 88 && p.1 <= 91), "{lower:?}");
        assert_eq!(lower.last().map(|p| p.0), Some(0));
    }

    #[test]
    fn a_band_has_no_notch_where_one_column_oscillated_less() {
        // Columns spanning 10 .. 90, one of them only 80 .. 90 (and one 10 .. 20).
        let cols = (0..20).map(|c| match c {
            7 => (80, 90),
            12 => (10, 20),
            _ => (10, 90),
        });
        let b = band(
            cols.enumerate()
                .flat_map(|(c, (a, z))| [(2 * c as i32, z), (2 * c as i32, a)]),
            4,
        );
        assert_eq!(b.polygon, vec![(0, 8), (38, 8), (38, 92), (0, 92)]);
        assert!(b.strokes.is_empty());
    }

    #[test]
    fn a_steep_drop_is_stroked_and_a_shallow_slope_is_not() {
        // Down 30 px per column for 5 columns, then 1 px per 2 columns.
        let mut points: Vec<(i32, i32)> = (0..6).map(|c| (c, 30 * c)).collect();
        points.extend((6..40).map(|c| (c, 150 + (c - 6) / 2)));
        let b = band(points, 4);
        assert_eq!(
            b.strokes,
            vec![vec![
                (0, 0),
                (1, 30),
                (2, 60),
                (3, 90),
                (4, 120),
                (5, 150),
                (6, 150)
            ]]
        );
    }

    #[test]
    fn nothing_draws_nothing() {
        assert_eq!(band([], 3), Band::default());
    }
}
