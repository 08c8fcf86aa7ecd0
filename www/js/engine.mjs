// The engine facade: the ONE module that imports the wasm package (../pkg). Everything else
// — the page's modules on the main thread and the engine worker (worker.mjs) — gets the
// engine from here, so where the engine runs (this thread or the worker) is decided in one
// place. It has no DOM code, so the worker imports it too.
//
//   await loadEngine()        instantiates the wasm module (once; later calls share it)
//   Session, Charts, catalogJson, parseCsv, linkForScenario, scenarioFromLink, checkExpr
//                             the wasm exports, usable after loadEngine()
//   limits()                  the engine's limits (catalog.limits: max_steps, max_link, …),
//                             read once after loadEngine()
//   canHandOver()             true when this build has Session.runSnapshot/adoptRun (runs can
//                             be computed in the worker and adopted here)
//   (the engine worker's client, background(), is engine-worker.mjs's: the first frame does
//   not need it, and this module is part of the first frame)
//   loadFigureEngine()        the second module (gradscape_figure: Session.figureDraw /
//                             figureSvg for Export → Figure), imported and instantiated on
//                             first use, so the page's module carries no figure layout
//   testExports()             the whole module when the test build (cargo feature
//                             panic-test) exports panicForTest, else null

import init, * as wasm from '../pkg/gradscape.js';

export { Session, Charts, catalogJson, parseCsv, linkForScenario, scenarioFromLink, checkExpr } from '../pkg/gradscape.js';
// Sweeps (Explore; the worker's sweep job).
export { sweep, sweepRows, sweepAxes } from '../pkg/gradscape.js';

let loading = null;

/** Instantiates the wasm module once (an Error from a failed load is thrown again to every
 *  caller). */
export function loadEngine() {
  loading ??= init();
  return loading;
}

let engineLimits = null;

/** The engine's limits (the catalog's `limits`), so that no limit is repeated in JS. */
export function limits() {
  engineLimits ??= JSON.parse(wasm.catalogJson()).limits;
  return engineLimits;
}

/** Whether a run computed by another Session (in the worker) can be moved into this one. */
export function canHandOver() {
  const p = wasm.Session.prototype;
  return typeof p.runSnapshot === 'function' && typeof p.adoptRun === 'function';
}

let figureLoading = null;

/** The figure module (its own Session class with figureDraw and figureSvg), loaded the first
 *  time it is asked for; built from the same crate (`--features figure-export`). */
export function loadFigureEngine() {
  figureLoading ??= import('../pkg/gradscape_figure.js').then(async (m) => { await m.default(); return m; });
  return figureLoading;
}

/** The wasm module itself, only in the panic-test build (for the panic test). */
export function testExports() {
  return typeof wasm.panicForTest === 'function' ? wasm : null;
}
