// Starts the engine as early as the page can: index.html loads this as an async module
// script, so it runs as soon as engine.mjs and the wasm-bindgen glue are here, and the wasm
// (already requested by index.html's preload) is compiled and instantiated while the rest
// of boot.mjs's modules are still arriving. boot.mjs's loadEngine() gets the same promise
// (a module is instantiated once per page) and reports a failure; this one stays silent.

import { loadEngine } from './engine.mjs';

loadEngine().catch(() => {});
