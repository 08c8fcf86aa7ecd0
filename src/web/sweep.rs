//! `sweep(specJson)`: a sweep (`docs/scenario.md`, "Sweeps") decoded and run in the batch
//! kernel, returned as the same object `gradscape sweep` prints, for the page's worker
//! (Explore: maps, basins, fans). A bad spec throws an `Error` whose message names the
//! field, as the CLI's.

use super::{js_error, to_js};
use wasm_bindgen::prelude::*;

/// `{"x": [...], "y": [...], "cells": [[cell, ...] per y value]}` (one axis: no `y`, flat
/// `cells`); each cell `{"final": [x, y], "loss", "stop", "steps_to_tolerance"}` with
/// non-finite numbers as `null`.
#[wasm_bindgen]
pub fn sweep(spec_json: &str) -> Result<JsValue, JsError> {
    let result = crate::sweep::sweep(spec_json).map_err(js_error)?;
    to_js(&result.to_json())
}
