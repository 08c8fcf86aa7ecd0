//! `sweep(specJson)` and `sweepRows(specJson, start, end)`: a sweep (`docs/scenario.md`,
//! "Sweeps") decoded and run in the batch kernel, as the same JSON `gradscape sweep`
//! prints, for the page's worker (Explore: maps, basins, fans). A bad spec throws an
//! `Error` whose message names the field, as the CLI's.

use super::{js_error, to_js};
use crate::sweep::{decode_sweep, Cell};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// `{"x": [...], "y": [...], "cells": [[cell, ...] per y value]}` (one axis: no `y`, flat
/// `cells`); each cell `{"final": [x, y], "loss", "stop", "steps_to_tolerance"}` with
/// non-finite numbers as `null`.
#[wasm_bindgen]
pub fn sweep(spec_json: &str) -> Result<JsValue, JsError> {
    let result = crate::sweep::sweep(spec_json).map_err(js_error)?;
    to_js(&result.to_json())
}

/// The cells of rows `start..end` (y values; `0..1` with one axis) as a flat list, each as
/// in [`sweep`]: rows `0..k`, `k..m`, ... put together are `sweep`'s cells, so the worker
/// can report progress and stop between calls.
#[wasm_bindgen(js_name = sweepRows)]
pub fn sweep_rows(spec_json: &str, start: usize, end: usize) -> Result<JsValue, JsError> {
    let cells = decode_sweep(spec_json)
        .map_err(js_error)?
        .run_rows(start..end);
    to_js(&Value::Array(cells.iter().map(Cell::to_json).collect()))
}

/// `{"x": [...], "y": [...], "rows": n}` (one axis: no `y`, `rows` 1): the axis values and
/// how many rows [`sweep_rows`] has, without running a cell, so the worker can build
/// `sweep`'s result from rows.
#[wasm_bindgen(js_name = sweepAxes)]
pub fn sweep_axes(spec_json: &str) -> Result<JsValue, JsError> {
    let sweep = decode_sweep(spec_json).map_err(js_error)?;
    let (x, y) = sweep.axis_values();
    let out = match y {
        Some(y) => json!({ "x": x, "y": y, "rows": sweep.rows() }),
        None => json!({ "x": x, "rows": 1 }),
    };
    to_js(&out)
}
