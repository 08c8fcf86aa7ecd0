//! A deliberate panic for the browser test of the engine-stopped overlay
//! (tests/browser/reliability-panic.test.mjs). Only in a module built with the `panic-test`
//! feature; never in the shipped `www/pkg`.

use wasm_bindgen::prelude::*;

/// Panics (the page must show its engine-stopped overlay, not die).
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("deliberate panic for the test")
}
