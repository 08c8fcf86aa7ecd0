// The in-browser benchmark page (www/bench.html): loads the wasm engine and publishes
// window.gradscapeBench for scripts/bench.mjs, which calls each part with page.evaluate.

import init, * as wasm from '../pkg/gradscape.js';
import { wasmKernels, contourSideBySide, adamSideBySide, surfaceRender } from './kernels.mjs';

async function boot() {
  await init();
  const canvas = document.getElementById('surface');
  window.gradscapeBench = {
    kernels: (opts) => wasmKernels(wasm, opts),
    contours: (opts) => contourSideBySide(wasm, window.d3, opts),
    adam: (opts) => adamSideBySide(wasm, opts),
    surfaceRender: (opts) => surfaceRender(wasm, canvas, opts),
    wasmMemoryBytes: () => wasm.wasmMemoryBytes(),
    ready: true,
  };
}

boot().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  window.gradscapeBench = { error: String(e.message || e) };
});
