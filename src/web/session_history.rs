//! Ranged reads of a run's recorded path, so that the page can fetch a long path in parts
//! (one part per task) instead of one copy of the whole record: a 1,000,000-point path is
//! 16 MB, copied twice on its way to JavaScript, about 60 ms in one call.

use super::Session;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Session {
    /// Run `index`'s path points `from .. to` (clamped to the points recorded) as
    /// `[x0, y0, x1, y1, ...]`; empty for an unknown run or an empty range.
    #[wasm_bindgen(js_name = pathRange)]
    pub fn path_range(&self, index: usize, from: usize, to: usize) -> Vec<f64> {
        let part = self.history(index, from, to.max(from));
        part.trajectory.iter().flat_map(|p| [p.x, p.y]).collect()
    }
}
