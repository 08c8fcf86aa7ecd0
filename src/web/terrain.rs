//! Boundary for the 3-D view: the surface's heights over the view box, for the terrain mesh.
//! Conversion only: the sampling is the heat map's (`field::Grid`), and a height is the
//! value's position on the same colour scale (linear or log), so the terrain's shape and its
//! colours (from [`Session::render`]) tell the same story and no surface maths lives in JS.

use super::{scale, Session};
use wasm_bindgen::prelude::*;

/// Largest terrain the boundary samples per side (the view asks for 256).
const MAX_SIDE: usize = 1024;

#[wasm_bindgen]
impl Session {
    /// The surface over `[x0, x1] × [y0, y1]` as `columns × rows` heights (a `Float32Array`,
    /// row 0 at the top, y = y1), sampled at the mesh's vertices: the first and last column
    /// lie on x0 and x1, the first and last row on y1 and y0. Each height is the value's
    /// position on the colour scale, from 0 (the lowest in view) to 1 (the highest); `log`
    /// picks the log scale of the 2-D view. A side is clamped to [2, 1024]; a box that is
    /// not finite or empty falls back to the problem's bounds, as in `render`.
    #[allow(clippy::too_many_arguments)]
    pub fn terrain(
        &self,
        x0: f64,
        x1: f64,
        y0: f64,
        y1: f64,
        columns: usize,
        rows: usize,
        log: bool,
    ) -> Vec<f32> {
        let columns = columns.clamp(2, MAX_SIDE);
        let rows = rows.clamp(2, MAX_SIDE);
        let valid = [x0, x1, y0, y1].iter().all(|v| v.is_finite()) && x0 < x1 && y0 < y1;
        let (x0, x1, y0, y1) = if valid {
            (x0, x1, y0, y1)
        } else {
            let b = self.scenario.problem.bounds();
            (b.min.x, b.max.x, b.min.y, b.max.y)
        };
        // The grid samples cell centres: widen the box by half a cell on each side so that
        // the centres fall on the box's edges (the mesh's vertices).
        let hx = (x1 - x0) / (columns - 1) as f64 / 2.0;
        let hy = (y1 - y0) / (rows - 1) as f64 / 2.0;
        let grid = self.grid(x0 - hx, x1 + hx, y0 - hy, y1 + hy, columns, rows);
        let scale = scale(log);
        grid.values
            .iter()
            .map(|&v| grid.position(v, scale) as f32)
            .collect()
    }
}
