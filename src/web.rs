//! The WebAssembly boundary (wasm32 only): converts types and nothing else. No numerics
//! live in JavaScript; no DOM lives in the core.

use wasm_bindgen::prelude::*;

/// Installs the panic hook so a Rust panic shows up in the console with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The engine's catalog (surfaces, optimizers with defaults and ranges, schedules, presets)
/// as a JSON string.
#[wasm_bindgen(js_name = catalogJson)]
pub fn catalog_json() -> String {
    serde_json::to_string(&crate::catalog::catalog()).unwrap_or_default()
}
