// The kernels of benches/kernels.rs, in wasm (through src/web/bench.rs: each timed call loops
// inside Rust), and the peers' way of doing two of them in the browser: d3-contour on the same
// grid, and Adam on Rosenbrock written in plain JavaScript. Keep the inputs in step with
// benches/kernels.rs.

export const STEPS = 100_000;
export const SIDE = 1024;
export const LEVELS = 10;
export const POINTS = 1_000_000;
/** Runs per call of the many-runs kernel (`batch_many`: benches/kernels.rs's MANY). */
export const MANY = 8;
export const OPTIMIZERS = ['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'nadam', 'radam'];

const LR = { sgd: 1e-4, adagrad: 0.1, adadelta: 1.0 };
export const scenarioFor = (optimizer, steps = STEPS) => JSON.stringify({
  problem: { surface: 'rosenbrock' }, start: [-1.5, 2.0], steps,
  runs: [{ optimizer, lr: LR[optimizer] ?? 1e-3 }],
});

/** MANY runs of `optimizer`, learning rates spread over 25% as a map's (run 0: scenarioFor's). */
export const manyScenarioFor = (optimizer) => {
  const lr = LR[optimizer] ?? 1e-3;
  const runs = Array.from({ length: MANY }, (_, i) => ({ optimizer, lr: lr * (1 + i / (4 * MANY)) }));
  return JSON.stringify({ problem: { surface: 'rosenbrock' }, start: [-1.5, 2.0], steps: STEPS, runs });
};

/** Times `fn` (after `warmup` untimed calls; `before` runs untimed before each call). */
export function time(fn, { reps = 5, warmup = 1, before = () => {} } = {}) {
  for (let i = 0; i < warmup; i += 1) { before(); fn(); }
  const ms = [];
  let result;
  for (let i = 0; i < reps; i += 1) {
    before();
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ...stats(ms), result };
}

export function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { min: s[0], median: q(0.5), p95: q(0.95), max: s.at(-1), n: s.length };
}

/** The wasm kernels; `wasm` is the module (BenchKernels). */
export function wasmKernels(wasm, { reps = 5 } = {}) {
  const k = new wasm.BenchKernels();
  const out = {};
  try {
    // V8 runs wasm on its baseline compiler (Liftoff) first and tiers hot functions up in
    // the background; a long call never switches mid-way. Call every kernel a few times
    // first so the timed calls run optimised code.
    for (let i = 0; i < 3; i += 1) {
      for (const opt of OPTIMIZERS) { k.prepareRun(scenarioFor(opt)); k.advance(STEPS / 10); k.batch(STEPS / 10); }
      k.sample('rosenbrock', 256, 256, 1); k.colorize(true, 1); k.levels(true, LEVELS); k.isolines(1);
    }
    for (const opt of OPTIMIZERS) {
      out[`optimizer_steps/${opt}`] = time(() => {
        const taken = k.advance(STEPS);
        if (taken !== STEPS) throw new Error(`${opt}: ${taken} of ${STEPS} steps`);
        return taken;
      }, { reps, before: () => k.prepareRun(scenarioFor(opt)) });
    }
    for (const opt of OPTIMIZERS) {
      k.prepareRun(scenarioFor(opt));
      out[`batch_steps/${opt}`] = time(() => {
        const taken = k.batch(STEPS);
        if (taken !== STEPS) throw new Error(`${opt}: ${taken} of ${STEPS} batch steps`);
        return taken;
      }, { reps });
    }
    for (const opt of OPTIMIZERS) {
      k.prepareRun(manyScenarioFor(opt));
      k.batchMany(STEPS / 10);
      out[`batch_many/${opt}`] = time(() => {
        const taken = k.batchMany(STEPS);
        if (taken !== MANY * STEPS) throw new Error(`${opt}: ${taken} of ${MANY * STEPS} steps`);
        return taken;
      }, { reps });
    }
    out.surface_sample_1024 = time(() => k.sample('rosenbrock', SIDE, SIDE, 1), { reps });
    out.surface_colorize_1024 = time(() => k.colorize(true, 1), { reps });
    k.levels(true, LEVELS);
    out.isolines_1024 = time(() => k.isolines(1), { reps });
    k.prepareRegression(POINTS, 7);
    // 20 gradients per call: one takes about a millisecond, near performance.now()'s
    // resolution (100 µs without cross-origin isolation).
    const g = time(() => k.gradient(0.5, 0.5, 20), { reps });
    out.regression_gradient_1m = Object.fromEntries(Object.entries(g).map(([key, v]) => [key, key === 'n' ? v : v / 20]));
  } finally {
    k.free();
  }
  for (const v of Object.values(out)) delete v.result;
  return out;
}

/** d3-contour against our isolines on the same 1024×1024 Rosenbrock grid and levels. */
export function contourSideBySide(wasm, d3, { reps = 5 } = {}) {
  const k = new wasm.BenchKernels();
  try {
    k.sample('rosenbrock', SIDE, SIDE, 1);
    const levels = Array.from(k.levels(true, LEVELS));
    const values = k.gridValues(); // Float64Array, row 0 at the top: d3's layout too
    const ours = time(() => k.isolines(1), { reps });
    const gen = d3.contours().size([SIDE, SIDE]).thresholds(levels);
    const theirs = time(() => gen(values), { reps });
    const d3Points = theirs.result.reduce((n, mp) =>
      n + mp.coordinates.reduce((m, poly) => m + poly.reduce((r, ring) => r + ring.length, 0), 0), 0);
    return {
      levels: levels.length,
      ours: { ...ours, result: undefined, points: ours.result },
      d3: { ...theirs, result: undefined, points: d3Points },
    };
  } finally {
    k.free();
  }
}

// --- Adam on Rosenbrock in plain JavaScript --------------------------------------------
// Written as the browser peers write it: the gradient returns an array, the path is an array
// of [x, y] pairs, the loss is recorded per step. Same update as torch.optim.Adam (and as
// src/optim/adam.rs): bias-corrected moments, eps added after the square root.

const rosenbrock = (x, y) => { const a = 1 - x, b = y - x * x; return a * a + 100 * b * b; };
const rosenbrockGrad = (x, y) => { const b = y - x * x; return [-2 * (1 - x) - 400 * x * b, 200 * b]; };

export function jsAdam(steps, { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = {}) {
  let x = -1.5, y = 2.0;
  const m = [0, 0], v = [0, 0];
  const path = [[x, y]];
  const losses = [rosenbrock(x, y)];
  for (let t = 1; t <= steps; t += 1) {
    const g = rosenbrockGrad(x, y);
    const p = [x, y];
    for (let i = 0; i < 2; i += 1) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      const bc1 = 1 - beta1 ** t, bc2 = Math.sqrt(1 - beta2 ** t);
      p[i] -= (lr / bc1) * m[i] / (Math.sqrt(v[i]) / bc2 + eps);
    }
    [x, y] = p;
    path.push([x, y]);
    losses.push(rosenbrock(x, y));
  }
  return { point: [x, y], length: path.length, loss: losses.at(-1) };
}

/** The same loop written for speed (typed arrays, no allocation per step): a lower bound. */
export function jsAdamTuned(steps, { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = {}) {
  let x = -1.5, y = 2.0, mx = 0, my = 0, vx = 0, vy = 0, p1 = 1, p2 = 1;
  const path = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  path[0] = x; path[1] = y; losses[0] = rosenbrock(x, y);
  for (let t = 1; t <= steps; t += 1) {
    const b = y - x * x;
    const gx = -2 * (1 - x) - 400 * x * b, gy = 200 * b;
    mx = beta1 * mx + (1 - beta1) * gx; my = beta1 * my + (1 - beta1) * gy;
    vx = beta2 * vx + (1 - beta2) * gx * gx; vy = beta2 * vy + (1 - beta2) * gy * gy;
    p1 *= beta1; p2 *= beta2;
    const step = lr / (1 - p1), bc2 = Math.sqrt(1 - p2);
    x -= step * mx / (Math.sqrt(vx) / bc2 + eps);
    y -= step * my / (Math.sqrt(vy) / bc2 + eps);
    path[2 * t] = x; path[2 * t + 1] = y; losses[t] = rosenbrock(x, y);
  }
  return { point: [x, y], length: steps + 1, loss: losses[steps] };
}

/** Plain-JS Adam against Runner::advance and the batch kernel (run_to_end) in wasm, same
 * scenario and step count. */
export function adamSideBySide(wasm, { reps = 5 } = {}) {
  const k = new wasm.BenchKernels();
  try {
    // Warm-up as in wasmKernels: V8 tiers hot wasm functions up in the background.
    for (let i = 0; i < 3; i += 1) { k.prepareRun(scenarioFor('adam')); k.advance(STEPS / 10); k.batch(STEPS / 10); }
    const ours = time(() => k.advance(STEPS), { reps, before: () => k.prepareRun(scenarioFor('adam')) });
    const batch = time(() => k.batch(STEPS), { reps, before: () => k.prepareRun(scenarioFor('adam')) });
    // Many runs side by side (run::run_batch), per run: what a map or basin analysis costs.
    k.prepareRun(manyScenarioFor('adam'));
    const many = time(() => k.batchMany(STEPS), { reps });
    const manyEnd = Array.from(k.batchManyPoints(STEPS)).slice(0, 2);
    const js = time(() => jsAdam(STEPS), { reps });
    const tuned = time(() => jsAdamTuned(STEPS), { reps });
    // The wasm run's end point, to check that the loops computed the same thing.
    const s = new wasm.Session(scenarioFor('adam'));
    s.advance(STEPS);
    const end = s.state().runs[0].point;
    s.free();
    const batchEnd = Array.from(k.batchPoint(STEPS));
    if (batchEnd[0] !== end[0] || batchEnd[1] !== end[1] || manyEnd.join() !== end.join()) {
      throw new Error(`batch kernel ended at ${batchEnd} (run 0 of many: ${manyEnd}), the runner at ${end}`);
    }
    // The page's entry point to the same kernel (src/web/batch.rs), same numbers.
    const viaPage = wasm.batchRun(scenarioFor('adam'));
    const pageEnd = [viaPage.x[0], viaPage.y[0]];
    const pageStatus = [viaPage.length, viaPage.status[0], viaPage.stopStep[0]];
    viaPage.free();
    if (pageEnd[0] !== end[0] || pageEnd[1] !== end[1] || pageStatus.join() !== `1,1,${STEPS}`) {
      throw new Error(`batchRun ended at ${pageEnd} (${pageStatus}), the runner at ${end}`);
    }
    return {
      steps: STEPS,
      wasm: { ...ours, result: undefined, point: end },
      batch: { ...batch, result: undefined, point: batchEnd },
      // Per run: the time of MANY runs of STEPS steps each, divided by MANY.
      batch_many: { ...perRun(many), runs: MANY, point: manyEnd },
      js: { ...js, result: undefined, point: js.result.point },
      js_tuned: { ...tuned, result: undefined, point: tuned.result.point },
    };
  } finally {
    k.free();
  }
}

const perRun = (t) => Object.fromEntries(Object.entries(t).filter(([key]) => key !== 'result')
  .map(([key, v]) => [key, key === 'n' ? v : v / MANY]));

/** The page's surface render at 1024×1024: Session.render + putImageData, as view.mjs does. */
export function surfaceRender(wasm, canvas, { reps = 10, log = true } = {}) {
  const s = new wasm.Session(scenarioFor('adam'));
  const ctx = canvas.getContext('2d');
  const b = s.problem().bounds;
  // What the 2-D view calls (www/js/view.mjs): renderView, a view of the engine's memory
  // used at once.
  const render = () => s.renderView(b.min[0], b.max[0], b.min[1], b.max[1], SIDE, SIDE, log);
  try {
    const total = time(() => {
      ctx.putImageData(new ImageData(render(), SIDE, SIDE), 0, 0);
    }, { reps, warmup: 2 });
    const renderOnly = time(render, { reps, warmup: 1 });
    // A copy: a view of the engine's memory would not outlive the next call.
    const pixels = new Uint8ClampedArray(render());
    const put = time(() => ctx.putImageData(new ImageData(pixels, SIDE, SIDE), 0, 0), { reps, warmup: 1 });
    // What the page also does per view change: contours at 200 columns, 12 levels.
    const contours = time(() => s.contours(b.min[0], b.max[0], b.min[1], b.max[1], 200, 200, log, 12), { reps, warmup: 1 });
    for (const v of [total, renderOnly, put, contours]) delete v.result;
    return { total, render: renderOnly, put_image_data: put, page_contours_200: contours };
  } finally {
    s.free();
  }
}
