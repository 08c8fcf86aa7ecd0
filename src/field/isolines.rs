//! Contour lines by marching squares over the sampled grid, stitched into polylines.
//!
//! Each square of four neighbouring samples is classified by which corners lie at or above
//! the level (16 cases; the two saddle cases are resolved by the mean of the corners). A
//! crossing sits on a square's edge where linear interpolation between the two samples
//! reaches the level. Crossings are identified by their edge, so segments that share an
//! edge join up into polylines in one pass, without searching (what d3-contour and its
//! ports do with rings and hash maps). Lines stop at the grid's border: no frame is drawn.

use super::Grid;
use crate::vec2::Vec2;

const NONE: usize = usize::MAX;

/// Polylines (in world coordinates) where the grid crosses `level`.
pub fn isolines(grid: &Grid, level: f64) -> Vec<Vec<Vec2>> {
    let (w, h) = (grid.width, grid.height);
    if w < 2 || h < 2 || !level.is_finite() {
        return Vec::new();
    }
    let v = |r: usize, c: usize| grid.values[r * w + c];
    let horizontal = h * (w - 1);
    // Edge ids: horizontal edge (r, c)–(r, c+1) is r·(w−1) + c; vertical edge
    // (r, c)–(r+1, c) is `horizontal` + r·w + c.
    let h_edge = |r: usize, c: usize| r * (w - 1) + c;
    let v_edge = |r: usize, c: usize| horizontal + r * w + c;
    let mut segments: Vec<[usize; 2]> = Vec::new();
    for r in 0..h - 1 {
        for c in 0..w - 1 {
            let (tl, tr, br, bl) = (v(r, c), v(r, c + 1), v(r + 1, c + 1), v(r + 1, c));
            let case = usize::from(tl >= level) << 3
                | usize::from(tr >= level) << 2
                | usize::from(br >= level) << 1
                | usize::from(bl >= level);
            let (top, right, bottom, left) = (
                h_edge(r, c),
                v_edge(r, c + 1),
                h_edge(r + 1, c),
                v_edge(r, c),
            );
            let centre_high = (tl + tr + br + bl) / 4.0 >= level;
            let mut add = |a: usize, b: usize| segments.push([a, b]);
            match case {
                0 | 15 => {}
                1 | 14 => add(left, bottom),
                2 | 13 => add(bottom, right),
                3 | 12 => add(left, right),
                4 | 11 => add(top, right),
                6 | 9 => add(top, bottom),
                7 | 8 => add(left, top),
                5 if centre_high => {
                    add(left, top);
                    add(bottom, right);
                }
                5 => {
                    add(left, bottom);
                    add(top, right);
                }
                10 if centre_high => {
                    add(left, bottom);
                    add(top, right);
                }
                _ => {
                    add(left, top);
                    add(bottom, right);
                }
            }
        }
    }
    let point = |edge: usize| {
        let (r0, c0, r1, c1) = if edge < horizontal {
            let (r, c) = (edge / (w - 1), edge % (w - 1));
            (r, c, r, c + 1)
        } else {
            let e = edge - horizontal;
            let (r, c) = (e / w, e % w);
            (r, c, r + 1, c)
        };
        let (a, b) = (v(r0, c0), v(r1, c1));
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
    stitch(&segments, horizontal + (h - 1) * w)
        .into_iter()
        .map(|chain| chain.into_iter().map(point).collect())
        .collect()
}

/// Joins segments that share an edge into chains of edge ids.
fn stitch(segments: &[[usize; 2]], edges: usize) -> Vec<Vec<usize>> {
    // Every interior crossing belongs to exactly two segments, a border one to one.
    let mut owners = vec![[NONE; 2]; edges];
    for (i, s) in segments.iter().enumerate() {
        for &e in s {
            let slot = if owners[e][0] == NONE { 0 } else { 1 };
            owners[e][slot] = i;
        }
    }
    let mut used = vec![false; segments.len()];
    let mut chains = Vec::new();
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let [a, b] = segments[start];
        let mut forward = vec![a, b];
        extend(&mut forward, segments, &owners, &mut used);
        let mut backward = vec![b, a];
        extend(&mut backward, segments, &owners, &mut used);
        backward.reverse();
        backward.extend_from_slice(&forward[2..]);
        chains.push(backward);
    }
    chains
}

/// Follows the chain from its last edge through unused segments.
fn extend(
    chain: &mut Vec<usize>,
    segments: &[[usize; 2]],
    owners: &[[usize; 2]],
    used: &mut [bool],
) {
    while let Some(&edge) = chain.last() {
        let next = owners[edge]
            .iter()
            .copied()
            .find(|&s| s != NONE && !used[s]);
        let Some(s) = next else { break };
        used[s] = true;
        let [a, b] = segments[s];
        chain.push(if a == edge { b } else { a });
    }
}
