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

/// Work buffers shared by the levels of one call.
struct Buffers {
    /// The segments (index + 1; 0 for none) that end on each edge.
    owners: Vec<[u32; 2]>,
    used: Vec<bool>,
}

/// Polylines (in world coordinates) where the grid crosses each of `levels`.
///
/// One pass over the squares serves every level: each sample's band (how many of the sorted
/// levels lie at or below it) is computed once, and a square is crossed exactly by the
/// levels between its corners' lowest and highest band, so most squares cost four small
/// loads whatever the number of levels.
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
    let mut segments: Vec<Vec<[u32; 2]>> = vec![Vec::new(); sorted.len()];
    // Each sample's band: how many levels lie at or below it. A square is crossed by the
    // levels from its corners' lowest band to their highest, none when they agree.
    let band_of = |v: f64| -> u16 {
        if sorted.len() <= 32 {
            // Branch-free count: faster than a binary search for a handful of levels.
            sorted.iter().map(|&l| u16::from(l <= v)).sum()
        } else {
            sorted.partition_point(|&l| l <= v) as u16
        }
    };
    let bands: Vec<u16> = values.iter().map(|&v| band_of(v)).collect();
    for r in 0..h - 1 {
        let (top_row, bottom_row) = (r * w, (r + 1) * w);
        for c in 0..w - 1 {
            let (b0, b1, b2, b3) = (
                bands[top_row + c],
                bands[top_row + c + 1],
                bands[bottom_row + c + 1],
                bands[bottom_row + c],
            );
            let (first, last) = (
                usize::from(b0.min(b1).min(b2.min(b3))),
                usize::from(b0.max(b1).max(b2.max(b3))),
            );
            if first == last {
                continue;
            }
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
                let out = &mut segments[k];
                let mut add = |a: u32, b: u32| out.push([a, b]);
                match case {
                    1 | 14 => add(left, bottom),
                    2 | 13 => add(bottom, right),
                    3 | 12 => add(left, right),
                    4 | 11 => add(top, right),
                    6 | 9 => add(top, bottom),
                    7 | 8 => add(left, top),
                    5 | 10 => {
                        // Saddles: the mean of the corners decides which pairs join.
                        if ((tl + tr + br + bl) / 4.0 >= level) == (case == 5) {
                            add(left, top);
                            add(bottom, right);
                        } else {
                            add(left, bottom);
                            add(top, right);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let mut buffers = Buffers {
        owners: vec![[0; 2]; horizontal + (h - 1) * w],
        used: Vec::new(),
    };
    let mut out: Vec<Vec<Vec<Vec2>>> = levels.iter().map(|_| Vec::new()).collect();
    for (k, level_segments) in segments.iter().enumerate() {
        let level = sorted[k];
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
            grid.cell_centre(
                r0 as f64 + t * (r1 - r0) as f64,
                c0 as f64 + t * (c1 - c0) as f64,
            )
        };
        out[order[k]] = stitch(level_segments, &mut buffers)
            .into_iter()
            .map(|chain| chain.into_iter().map(point).collect())
            .collect();
    }
    out
}

/// Joins segments that share an edge into chains of edge ids, then clears what it touched.
/// `owners[edge]` holds the (one or two) segments ending on the edge, as index + 1 so that
/// the zero-filled table (cheap to allocate) means "none".
fn stitch(segments: &[[u32; 2]], buffers: &mut Buffers) -> Vec<Vec<u32>> {
    let Buffers { owners, used } = buffers;
    for (i, s) in segments.iter().enumerate() {
        for &e in s {
            let slot = &mut owners[e as usize];
            let k = usize::from(slot[0] != 0);
            slot[k] = i as u32 + 1;
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
    for s in segments {
        for &e in s {
            owners[e as usize] = [0; 2];
        }
    }
    chains
}

/// Follows the chain from its last edge through unused segments.
fn extend(chain: &mut Vec<u32>, segments: &[[u32; 2]], owners: &[[u32; 2]], used: &mut [bool]) {
    while let Some(&edge) = chain.last() {
        let next = owners[edge as usize]
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| s as usize - 1)
            .find(|&s| !used[s]);
        let Some(s) = next else { break };
        used[s] = true;
        let [a, b] = segments[s];
        chain.push(if a == edge { b } else { a });
    }
}
