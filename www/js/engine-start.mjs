// Starts the engine as early as the page can: index.html loads this as an async module
// script, so it runs as soon as engine.mjs and the wasm-bindgen glue are here, and the wasm
// (already requested by index.html's preload) is compiled and instantiated while the rest
// of boot.mjs's modules are still arriving. boot.mjs's loadEngine() gets the same promise
// (a module is instantiated once per page) and reports a failure; this one stays silent.
//
// Then, still while the modules arrive, it makes the engine calls of the first surface once,
// on a throw-away race of the catalog's first surface and a 16 × 16 rendering: V8 compiles a
// wasm function on its first call, and those first calls (catalog, session, state,
// rendering) cost ~40 ms that boot.mjs's first frame would otherwise wait for (measured:
// boot's session 20 -> 1 ms, draft rendering 35 -> 13 ms, catalog 8 -> 3 ms).

import { loadEngine, catalogJson, Session } from './engine.mjs';

loadEngine().then(() => {
  const surface = JSON.parse(catalogJson()).surfaces[0];
  const session = new Session(JSON.stringify({ problem: { surface: surface.name }, start: surface.start, runs: surface.race }));
  try {
    session.scenarioJson();
    session.state();
    const { min, max } = session.problem().bounds;
    session.renderView(min[0], max[0], min[1], max[1], 16, 16, true); // what view.mjs draws with
  } finally {
    session.free();
  }
}).catch(() => {}); // boot.mjs reports a failed load; a failed warm-up costs only its time
