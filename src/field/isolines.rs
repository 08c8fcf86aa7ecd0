//! Contour lines by marching squares over the sampled grid, stitched into polylines.
//!
//! Each square of four neighbouring samples is classified by which corners lie at or above
//! the level (16 cases; the two saddle cases are resolved by the mean of the corners). A
//! crossing sits on a square's edge where linear interpolation between the two samples
//! reaches the level. Crossings are identified by their edge, so segments that share an
//! edge join up into polylines in one pass, without searching (what d3-contour and its
//! ports do with rings and hash maps). Lines stop at the grid's border: no frame is drawn.
//! Buffers are allocated once per call and reused for every level.

use super::Grid;
use crate::vec2::Vec2;

const NONE: u32 = u32::MAX;

/// Work buffers shared by the levels of one call.
struct Buffers {
    /// Whether each sample is at or above the level.
    above: Vec<bool>,
    /// The (up to two) segments that end on each edge.
    owners: Vec<[u32; 2]>,
    segments: Vec<[u32; 2]>,
    used: Vec<bool>,
}

/// Polylines (in world coordinates) where the grid crosses each of `levels`.
pub fn isolines(grid: &Grid, levels: &[f64]) -> Vec<Vec<Vec<Vec2>>> {
    let (w, h) = (grid.width, grid.height);
    if w < 2 || h < 2 {
        return levels.iter().map(|_| Vec::new()).collect();
    }
    let edges = h * (w - 1) + (h - 1) * w;
    let mut buffers = Buffers {
        above: vec![false; w * h],
        owners: vec![[NONE; 2]; edges],
        segments: Vec::new(),
        used: Vec::new(),
    };
    levels
        .iter()
        .map(|&level| {
            if level.is_finite() {
                one_level(grid, level, &mut buffers)
            } else {
                Vec::new()
            }
        })
        .collect()
}

fn one_level(grid: &Grid, level: f64, buffers: &mut Buffers) -> Vec<Vec<Vec2>> {
    let (w, h) = (grid.width, grid.height);
    let values = &grid.values;
    for (a, &v) in buffers.above.iter_mut().zip(values) {
        *a = v >= level;
    }
    let above = &buffers.above;
    let horizontal = h * (w - 1);
    // Edge ids: horizontal edge (r, c)–(r, c+1) is r·(w−1) + c; vertical edge
    // (r, c)–(r+1, c) is `horizontal` + r·w + c.
    let segments = &mut buffers.segments;
    segments.clear();
    for r in 0..h - 1 {
        let (top_row, bottom_row) = (r * w, (r + 1) * w);
        for c in 0..w - 1 {
            let case = usize::from(above[top_row + c]) << 3
                | usize::from(above[top_row + c + 1]) << 2
                | usize::from(above[bottom_row + c + 1]) << 1
                | usize::from(above[bottom_row + c]);
            if case == 0 || case == 15 {
                continue;
            }
            let top = (r * (w - 1) + c) as u32;
            let bottom = ((r + 1) * (w - 1) + c) as u32;
            let left = (horizontal + r * w + c) as u32;
            let right = left + 1;
            let mut add = |a: u32, b: u32| segments.push([a, b]);
            match case {
                1 | 14 => add(left, bottom),
                2 | 13 => add(bottom, right),
                3 | 12 => add(left, right),
                4 | 11 => add(top, right),
                6 | 9 => add(top, bottom),
                7 | 8 => add(left, top),
                _ => {
                    // Saddles (5, 10): the mean of the corners decides which pairs join.
                    let corners = values[top_row + c]
                        + values[top_row + c + 1]
                        + values[bottom_row + c + 1]
                        + values[bottom_row + c];
                    if (corners / 4.0 >= level) == (case == 5) {
                        add(left, top);
                        add(bottom, right);
                    } else {
                        add(left, bottom);
                        add(top, right);
                    }
                }
            }
        }
    }
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
            ((level - a) / (b - a)).clamp(0.0, 1.0)
        } else {
            0.5
        };
        let (r, c) = (
            r0 as f64 + t * (r1 - r0) as f64,
            c0 as f64 + t * (c1 - c0) as f64,
        );
        grid.cell_centre(r, c)
    };
    stitch(buffers)
        .into_iter()
        .map(|chain| chain.into_iter().map(point).collect())
        .collect()
}

/// Joins segments that share an edge into chains of edge ids, then clears what it touched.
fn stitch(buffers: &mut Buffers) -> Vec<Vec<u32>> {
    let Buffers {
        owners,
        segments,
        used,
        ..
    } = buffers;
    // Every interior crossing belongs to exactly two segments, a border one to one.
    for (i, s) in segments.iter().enumerate() {
        for &e in s {
            let slot = &mut owners[e as usize];
            let k = usize::from(slot[0] != NONE);
            slot[k] = i as u32;
        }
    }
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
        extend(&mut forward, segments, owners, used);
        let mut backward = vec![b, a];
        extend(&mut backward, segments, owners, used);
        backward.reverse();
        backward.extend_from_slice(&forward[2..]);
        chains.push(backward);
    }
    for s in segments.iter() {
        for &e in s {
            owners[e as usize] = [NONE; 2];
        }
    }
    chains
}

/// Follows the chain from its last edge through unused segments.
fn extend(chain: &mut Vec<u32>, segments: &[[u32; 2]], owners: &[[u32; 2]], used: &mut [bool]) {
    while let Some(&edge) = chain.last() {
        let next = owners[edge as usize]
            .iter()
            .copied()
            .find(|&s| s != NONE && !used[s as usize]);
        let Some(s) = next else { break };
        used[s as usize] = true;
        let [a, b] = segments[s as usize];
        chain.push(if a == edge { b } else { a });
    }
}
