//! Contour lines by marching squares over the sampled grid, stitched into polylines.
//!
//! Each square of four neighbouring samples is classified by which corners lie at or above
//! the level (16 cases; the two saddle cases are resolved by the mean of the corners). A
//! crossing sits on a square's edge where linear interpolation between the two samples
//! reaches the level. Crossings are identified by their edge, so segments that share an
//! edge join up into polylines in one pass, without searching (what d3-contour and its
//! ports do with rings and hash maps). Lines stop at the grid's border: no frame is drawn.
//! One pass over the squares serves every level; buffers are allocated once per call.

use super::Grid;
use crate::vec2::Vec2;

/// Where a segment ends: its index in its level's list and which of its two ends.
#[derive(Clone, Copy, Default)]
struct End {
    /// Segment index + 1 (0: none).
    segment: u32,
    end: u32,
}

/// One level's segments (pairs of edge ids) and, for each end, the segment that continues
/// it across that edge (index + 1; 0 at the grid's border).
#[derive(Clone, Default)]
struct Level {
    segments: Vec<[u32; 2]>,
    links: Vec<[u32; 2]>,
    /// The ends lying on the bottom edge of each square of the row above, waiting for the
    /// square below (the edges it shares with them are its top edges).
    below: Vec<End>,
    /// The end on the right edge of the square just to the left (none at a row's start).
    right: End,
}

impl Level {
    /// Adds the segment from edge `a` to edge `b` of square (·, `c`), where `sides` says
    /// which side of the square each edge is, and links it to the neighbours already seen
    /// (above and to the left). A crossed edge is crossed in both squares beside it, so
    /// every interior end finds its partner, and nothing stale is ever read.
    fn add(&mut self, c: usize, a: u32, b: u32, sides: [Side; 2]) {
        let s = self.segments.len() as u32 + 1;
        self.segments.push([a, b]);
        self.links.push([0; 2]);
        for (end, side) in sides.into_iter().enumerate() {
            let here = End {
                segment: s,
                end: end as u32,
            };
            let partner = match side {
                Side::Top => self.below[c],
                Side::Left => self.right,
                Side::Bottom => {
                    self.below[c] = here;
                    continue;
                }
                Side::Right => {
                    self.right = here;
                    continue;
                }
            };
            if partner.segment != 0 {
                self.links[s as usize - 1][end] = partner.segment;
                self.links[partner.segment as usize - 1][partner.end as usize] = s;
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Side {
    Top,
    Right,
    Bottom,
    Left,
}

/// Polylines (in world coordinates) where the grid crosses each of `levels`.
///
/// One pass over the squares serves every level: each sample's band (how many of the sorted
/// levels lie at or below it) is computed once, and a square is crossed exactly by the
/// levels between its corners' lowest and highest band, so most squares cost four small
/// loads whatever the number of levels. Segments are linked to their neighbours as they are
/// found (the square above and the one to the left share an edge with them), so stitching
/// them into polylines needs no table over every edge of the grid.
pub fn isolines(grid: &Grid, levels: &[f64]) -> Vec<Vec<Vec<Vec2>>> {
    let (w, h) = (grid.width, grid.height);
    if w < 2 || h < 2 {
        return levels.iter().map(|_| Vec::new()).collect();
    }
    let values = &grid.values;
    let horizontal = h * (w - 1);
    // Levels in ascending order (an insertion sort: there are a handful, and a general
    // sort would cost the wasm module kilobytes).
    let mut order: Vec<usize> = Vec::with_capacity(levels.len());
    for i in (0..levels.len()).filter(|&i| levels[i].is_finite()) {
        let at = order.partition_point(|&j| levels[j] <= levels[i]);
        order.insert(at, i);
    }
    let sorted: Vec<f64> = order.iter().map(|&i| levels[i]).collect();
    let mut found: Vec<Level> = vec![
        Level {
            below: vec![End::default(); w - 1],
            ..Level::default()
        };
        sorted.len()
    ];
    let bands = bands(values, &sorted);
    use Side::{Bottom as B, Left as L, Right as R, Top as T};
    for r in 0..h - 1 {
        let (top_row, bottom_row) = (r * w, (r + 1) * w);
        // The left edges of the first column are the grid's border.
        for level in &mut found {
            level.right = End::default();
        }
        for c in 0..w - 1 {
            let (b0, b1, b2, b3) = (
                bands[top_row + c],
                bands[top_row + c + 1],
                bands[bottom_row + c + 1],
                bands[bottom_row + c],
            );
            // Most squares lie within one band: three comparisons settle them.
            if b0 == b1 && b0 == b2 && b0 == b3 {
                continue;
            }
            let (first, last) = (
                usize::from(b0.min(b1).min(b2.min(b3))),
                usize::from(b0.max(b1).max(b2.max(b3))),
            );
            let (tl, tr, br, bl) = (
                values[top_row + c],
                values[top_row + c + 1],
                values[bottom_row + c + 1],
                values[bottom_row + c],
            );
            // Edge ids: horizontal edge (r, c)–(r, c+1) is r·(w−1) + c; vertical edge
            // (r, c)–(r+1, c) is `horizontal` + r·w + c.
            let top = (r * (w - 1) + c) as u32;
            let bottom = ((r + 1) * (w - 1) + c) as u32;
            let left = (horizontal + r * w + c) as u32;
            let right = left + 1;
            for (k, &level) in sorted.iter().enumerate().take(last).skip(first) {
                let case = usize::from(tl >= level) << 3
                    | usize::from(tr >= level) << 2
                    | usize::from(br >= level) << 1
                    | usize::from(bl >= level);
                let out = &mut found[k];
                match case {
                    1 | 14 => out.add(c, left, bottom, [L, B]),
                    2 | 13 => out.add(c, bottom, right, [B, R]),
                    3 | 12 => out.add(c, left, right, [L, R]),
                    4 | 11 => out.add(c, top, right, [T, R]),
                    6 | 9 => out.add(c, top, bottom, [T, B]),
                    7 | 8 => out.add(c, left, top, [L, T]),
                    5 | 10 => {
                        // Saddles: the mean of the corners decides which pairs join.
                        if ((tl + tr + br + bl) / 4.0 >= level) == (case == 5) {
                            out.add(c, left, top, [L, T]);
                            out.add(c, bottom, right, [B, R]);
                        } else {
                            out.add(c, left, bottom, [L, B]);
                            out.add(c, top, right, [T, R]);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let mut used = Vec::new();
    let mut out: Vec<Vec<Vec<Vec2>>> = levels.iter().map(|_| Vec::new()).collect();
    for (k, level) in found.iter().enumerate() {
        let value = sorted[k];
        let point = |edge: u32| {
            let edge = edge as usize;
            let (r0, c0, r1, c1) = if edge < horizontal {
                let (r, c) = (edge / (w - 1), edge % (w - 1));
                (r, c, r, c + 1)
            } else {
                let e = edge - horizontal;
                let (r, c) = (e / w, e % w);
                (r, c, r + 1, c)
            };
            let (a, b) = (values[r0 * w + c0], values[r1 * w + c1]);
            let t = if b != a {
                ((value - a) / (b - a)).clamp(0.0, 1.0)
            } else {
                0.5
            };
            grid.cell_centre(
                r0 as f64 + t * (r1 - r0) as f64,
                c0 as f64 + t * (c1 - c0) as f64,
            )
        };
        out[order[k]] = stitch(level, &mut used)
            .into_iter()
            .map(|chain| chain.into_iter().map(point).collect())
            .collect();
    }
    out
}

/// Each value's band: how many of the ascending `sorted` levels lie at or below it (0 for
/// NaN). Neighbouring samples mostly share a band, so each walks from the last one's,
/// usually with two comparisons, rather than comparing with every level.
fn bands(values: &[f64], sorted: &[f64]) -> Vec<u16> {
    let mut band = 0;
    values
        .iter()
        .map(|&v| {
            if v.is_nan() {
                band = 0;
            }
            while band < sorted.len() && sorted[band] <= v {
                band += 1;
            }
            while band > 0 && sorted[band - 1] > v {
                band -= 1;
            }
            band as u16
        })
        .collect()
}

/// Joins a level's segments into chains of edge ids through their links, in the order the
/// segments were found: each unused segment starts a chain, extended forwards from its
/// second end and backwards from its first.
fn stitch(level: &Level, used: &mut Vec<bool>) -> Vec<Vec<u32>> {
    let segments = &level.segments;
    used.clear();
    used.resize(segments.len(), false);
    let mut chains = Vec::new();
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let [a, b] = segments[start];
        let mut forward = vec![a, b];
        extend(&mut forward, start, 1, level, used);
        let mut backward = vec![b, a];
        extend(&mut backward, start, 0, level, used);
        backward.reverse();
        backward.extend_from_slice(&forward[2..]);
        chains.push(backward);
    }
    chains
}

/// Follows the chain out of end `end` of segment `s` through unused segments, pushing the
/// far edge of each.
fn extend(chain: &mut Vec<u32>, mut s: usize, mut end: usize, level: &Level, used: &mut [bool]) {
    loop {
        let next = level.links[s][end];
        if next == 0 || used[next as usize - 1] {
            break;
        }
        let edge = level.segments[s][end];
        s = next as usize - 1;
        used[s] = true;
        // Out through the end not on the shared edge.
        end = usize::from(level.segments[s][0] == edge);
        chain.push(level.segments[s][end]);
    }
}
