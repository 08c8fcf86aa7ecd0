//! Geometry for drawing long paths cheaply and inside their panel: clipping polylines to
//! the view (Liang–Barsky), thinning a path to points at least a pixel apart, and the
//! per-column min/max envelope of a long series (so a chart of 100,000 steps costs a few
//! hundred points and still shows every spike).

use crate::surfaces::Bounds;
use crate::vec2::Vec2;

/// The part of segment `a`–`b` inside `r`, or `None`.
pub fn segment(a: Vec2, b: Vec2, r: Bounds) -> Option<(Vec2, Vec2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    // Exact ends where nothing was cut, so that consecutive segments join.
    let at = |t: f64, end: Vec2| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            end
        } else {
            a + d * t
        }
    };
    (t0 <= t1).then(|| (at(t0, b), at(t1, b)))
}

/// The pieces of a polyline inside `r`.
pub fn polyline(points: &[Vec2], r: Bounds) -> Vec<Vec<Vec2>> {
    let mut pieces: Vec<Vec<Vec2>> = Vec::new();
    let mut current: Vec<Vec2> = Vec::new();
    for w in points.windows(2) {
        match segment(w[0], w[1], r) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() > 1 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                    current.push(a);
                }
                current.push(b);
            }
            None => {
                if current.len() > 1 {
                    pieces.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

/// The points of `path` at least `min_distance` apart (the first and last always kept).
pub fn thin(path: &[Vec2], min_distance: f64) -> Vec<Vec2> {
    let mut out: Vec<Vec2> = Vec::with_capacity(path.len().min(4096));
    for (i, &p) in path.iter().enumerate() {
        let keep = match out.last() {
            None => true,
            Some(&last) => i + 1 == path.len() || last.distance(p) >= min_distance,
        };
        if keep {
            out.push(p);
        }
    }
    out
}

/// `(x, y)` points of series `values` (value i at x = `first_x + i`) reduced to at most
/// `2·columns` points: per column of the x range `[0, x_max]`, the smallest and largest
/// value in the order they occur. Series shorter than that come back unchanged.
pub fn envelope(values: &[f64], first_x: f64, x_max: f64, columns: usize) -> Vec<(f64, f64)> {
    let columns = columns.max(1);
    if values.len() <= 2 * columns {
        return values
            .iter()
            .enumerate()
            .map(|(i, &v)| (first_x + i as f64, v))
            .collect();
    }
    let per_column = x_max.max(1.0) / columns as f64;
    let mut out = Vec::with_capacity(2 * columns + 2);
    let mut column = usize::MAX;
    let (mut lo, mut hi) = ((0.0, f64::INFINITY), (0.0, f64::NEG_INFINITY));
    let flush = |out: &mut Vec<(f64, f64)>, lo: (f64, f64), hi: (f64, f64)| {
        if lo.1.is_finite() {
            let (a, b) = if lo.0 <= hi.0 { (lo, hi) } else { (hi, lo) };
            out.push(a);
            if b != a {
                out.push(b);
            }
        }
    };
    for (i, &v) in values.iter().enumerate() {
        let x = first_x + i as f64;
        let c = (x / per_column) as usize;
        if c != column {
            flush(&mut out, lo, hi);
            column = c;
            lo = (x, f64::INFINITY);
            hi = (x, f64::NEG_INFINITY);
        }
        if v < lo.1 {
            lo = (x, v);
        }
        if v > hi.1 {
            hi = (x, v);
        }
    }
    flush(&mut out, lo, hi);
    out
}

/// `points` (each with its pixel position) as polylines for a backend with round joins (a
/// canvas): one run, repeated pixels dropped. Splitting at every turn, as
/// [`smooth_runs`] does for the bitmap backend, would cost a canvas one stroke per turn.
pub fn joined_runs<T: Copy>(points: impl IntoIterator<Item = (T, (i32, i32))>) -> Vec<Vec<T>> {
    let mut run: Vec<(T, (i32, i32))> = Vec::new();
    for (value, px) in points {
        let n = run.len();
        if n > 0 && run[n - 1].1 == px {
            continue;
        }
        // Three points on one pixel row or column: the middle one adds nothing (a flat
        // learning rate is two points, not one per column).
        if n > 1 {
            let (a, b) = (run[n - 2].1, run[n - 1].1);
            let between = |u: i32, v: i32, w: i32| (u <= v && v <= w) || (u >= v && v >= w);
            if (a.1 == b.1 && b.1 == px.1 && between(a.0, b.0, px.0))
                || (a.0 == b.0 && b.0 == px.0 && between(a.1, b.1, px.1))
            {
                run[n - 1] = (value, px);
                continue;
            }
        }
        run.push((value, px));
    }
    if run.len() > 1 {
        vec![run.into_iter().map(|(v, _)| v).collect()]
    } else {
        Vec::new()
    }
}

/// `points` (each with its pixel position) as runs that a thick line can draw without
/// spikes and without repeating itself: repeated pixels and pixel segments already drawn
/// are dropped (a run jittering at a minimum for 100,000 steps draws a handful of
/// segments), and a new run starts wherever the line turns by more than about 100°
/// (plotters' bitmap joins put the inner corner of such a turn far away).
pub fn smooth_runs<T: Copy>(points: impl IntoIterator<Item = (T, (i32, i32))>) -> Vec<Vec<T>> {
    let mut runs: Vec<Vec<T>> = Vec::new();
    let mut current: Vec<T> = Vec::new();
    let mut last: Option<((i32, i32), T)> = None;
    let mut direction: Option<(f64, f64)> = None;
    let mut drawn = std::collections::HashSet::new();
    let mut end_run = |current: &mut Vec<T>| {
        if current.len() > 1 {
            runs.push(std::mem::take(current));
        }
        current.clear();
    };
    for (value, px) in points {
        let Some((prev, prev_value)) = last else {
            last = Some((px, value));
            continue;
        };
        if px == prev {
            continue;
        }
        last = Some((px, value));
        let key = if prev < px { (prev, px) } else { (px, prev) };
        if !drawn.insert(key) {
            end_run(&mut current);
            direction = None;
            continue;
        }
        let (dx, dy) = (f64::from(px.0 - prev.0), f64::from(px.1 - prev.1));
        let len = dx.hypot(dy);
        let d = (dx / len, dy / len);
        let sharp = direction.is_some_and(|b: (f64, f64)| b.0 * d.0 + b.1 * d.1 < -0.17);
        if sharp || current.is_empty() {
            // Start the next run at the corner so the line stays connected.
            end_run(&mut current);
            current.push(prev_value);
        }
        current.push(value);
        direction = Some(d);
    }
    end_run(&mut current);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: Bounds = Bounds::new(0.0, 1.0, 0.0, 1.0);

    #[test]
    fn a_segment_through_the_square_is_cut_at_its_sides() {
        let (a, b) = segment(Vec2::new(-1.0, 0.5), Vec2::new(2.0, 0.5), SQUARE).unwrap();
        assert_eq!((a, b), (Vec2::new(0.0, 0.5), Vec2::new(1.0, 0.5)));
        assert!(segment(Vec2::new(-1.0, 2.0), Vec2::new(2.0, 2.0), SQUARE).is_none());
    }

    #[test]
    fn a_polyline_that_leaves_and_comes_back_is_two_pieces() {
        let path = [
            Vec2::new(0.2, 0.2),
            Vec2::new(0.5, 0.5),
            Vec2::new(0.5, 3.0),
            Vec2::new(0.8, 0.8),
        ];
        let pieces = polyline(&path, SQUARE);
        assert_eq!(pieces.len(), 2);
        assert_eq!(
            pieces[0],
            [
                Vec2::new(0.2, 0.2),
                Vec2::new(0.5, 0.5),
                Vec2::new(0.5, 1.0)
            ]
        );
        assert_eq!(*pieces[1].last().unwrap(), Vec2::new(0.8, 0.8));
    }

    #[test]
    fn thinning_keeps_the_ends_and_drops_close_points() {
        let path: Vec<Vec2> = (0..=100)
            .map(|i| Vec2::new(f64::from(i) / 100.0, 0.0))
            .collect();
        let thin = thin(&path, 0.1);
        assert_eq!(thin.first(), path.first());
        assert_eq!(thin.last(), path.last());
        assert!(thin.len() <= 12, "{}", thin.len());
    }

    #[test]
    fn a_path_is_split_where_it_turns_back() {
        // Right, right, back left (a 180° turn less a little), then up: two runs.
        let px = [(0, 0), (10, 0), (20, 0), (20, 0), (5, 1), (5, -9)];
        let runs = smooth_runs(px.iter().enumerate().map(|(i, &p)| (i, p)));
        assert_eq!(runs, [vec![0, 1, 2], vec![2, 4, 5]]);
    }

    #[test]
    fn joined_runs_drop_points_in_the_middle_of_a_pixel_row_or_column() {
        let px = [
            (0, 5),
            (1, 5),
            (2, 5),
            (2, 5),
            (3, 5),
            (3, 2),
            (3, 0),
            (4, 1),
        ];
        let runs = joined_runs(px.iter().enumerate().map(|(i, &p)| (i, p)));
        assert_eq!(runs, [vec![0, 4, 6, 7]]);
    }

    #[test]
    fn a_path_back_and_forth_between_two_pixels_is_drawn_once() {
        let px = (0..100_000).map(|i| (i, if i % 2 == 0 { (5, 5) } else { (6, 5) }));
        let runs = smooth_runs(px);
        assert_eq!(runs, [vec![0, 1]]);
    }

    #[test]
    fn the_envelope_keeps_every_spike() {
        let mut values = vec![1.0; 10_000];
        values[5_001] = 50.0;
        values[7_777] = -3.0;
        let env = envelope(&values, 0.0, 10_000.0, 100);
        assert!(env.len() <= 200);
        assert!(env.contains(&(5_001.0, 50.0)));
        assert!(env.contains(&(7_777.0, -3.0)));
        assert!(env.windows(2).all(|w| w[0].0 <= w[1].0));
    }
}
