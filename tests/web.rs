//! The WebAssembly boundary, tested in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (`make test` does this). Compiles to nothing natively.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> Value {
    let text = gradscape::web::catalog_json();
    serde_json::from_str(&text).expect("catalog_json() is valid JSON")
}

fn list_len(catalog: &Value, key: &str) -> usize {
    catalog[key]
        .as_array()
        .unwrap_or_else(|| panic!("catalog.{key} is an array"))
        .len()
}

#[wasm_bindgen_test]
fn catalog_lists_ten_surfaces_and_eight_optimizers() {
    let catalog = catalog();
    assert_eq!(list_len(&catalog, "surfaces"), 10);
    assert_eq!(list_len(&catalog, "optimizers"), 8);
}

#[wasm_bindgen_test]
fn adam_learning_rate_defaults_to_pytorch() {
    let catalog = catalog();
    let adam = catalog["optimizers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "adam")
        .expect("adam is in the catalog");
    let lr = adam["params"]
        .as_array()
        .expect("adam has params")
        .iter()
        .find(|p| p["name"] == "lr")
        .expect("adam has an lr");
    assert_eq!(lr["default"].as_f64(), Some(0.001));
}
