// The browser half of `make bench` and the report: runs www/bench.html (wasm kernels, the
// d3-contour and plain-JS peers, the 1024×1024 surface render) and the real page `/` (first
// frame, frame times with 10 runs of 100,000-point paths at 1,000 steps/s, memory over a
// soak) in headless Chromium, reads the native divan results, writes docs/benchmarks.md and
// prints one JSON object as its last line (progress goes to stderr).
//
//   node scripts/bench.mjs NATIVE_DIVAN_OUTPUT.txt
//
// Environment: SOAK_SECONDS (default 600), FRAME_SECONDS (default 5), CHROMIUM_PATH,
// BENCH_DOCS (default docs/benchmarks.md; empty to skip writing), BENCH_ONLY=adam (only the
// optimizer-loop side by side: prints its JSON line and stops; for iterating) or
// BENCH_ONLY=kernels (the wasm kernels, their ratios to the native ones, and the optimizer
// loop) or BENCH_ONLY=frames (the frame figures and their layers alone, on the page; any
// wasm build) or BENCH_ONLY=first (the five first-frame loads alone, first in a fresh
// browser; any wasm build), BENCH_CPU_THROTTLE (e.g. 2: the page's main thread slowed that
// many times by DevTools' CPU throttling, to see how the page's figures fare on a slower
// machine than this one; not for the figures of record).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, CROSS_ORIGIN_ISOLATED, MEASURE_ARGS, startServer, TEN_RUNS } from '../tests/browser/serve.mjs';
import { slopePerMinute } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// WWW_DIR: another copy of www/ (e.g. an older one, for before/after with BENCH_ONLY=frames).
const WWW = path.resolve(process.env.WWW_DIR || path.join(ROOT, 'www'));
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const FRAME_SECONDS = Number(process.env.FRAME_SECONDS ?? 5);
const DOCS = process.env.BENCH_DOCS ?? path.join(ROOT, 'docs', 'benchmarks.md');
const log = (...a) => console.error('bench:', ...a);
const ONLY = process.env.BENCH_ONLY ?? '';
const CPU_THROTTLE = Number(process.env.BENCH_CPU_THROTTLE || 1);


const BUDGETS = {
  wasm_over_native: 1.5, surface_render_1024_ms: 16, frame_p95_ms: 8, first_frame_ms: 300,
  wasm_gz_bytes: 307200, memory_growth_mb: 5, d3_contour_over_ours: 3,
  js_loop_over_wasm: 1, tuned_js_over_wasm_batch: 2,
  frame_interval_p95_ms: 20, wasm_memory_mb_10x1m: 64,
};

// Timed calls per wasm kernel, the fastest kept: as many as divan's samples of the native
// kernels (benches/kernels.rs: sample_count = 10), so both sides take the same estimator.
const KERNEL_REPS = 10;
// Rounds of both: wasm kernels, then the native ones again, and so on, each kernel's fastest
// over all rounds on both sides. On a shared VM the host's speed drifts for seconds at a
// time (the same native SGD batch run 0.85 ms in one divan run, 1.22 ms in the next), so
// one round of each side, a minute apart, can catch them in different phases; alternating
// gives both sides the same chances. BENCH_KERNEL_ROUNDS overrides (1: the native file alone).
const KERNEL_ROUNDS = Math.max(1, Number(process.env.BENCH_KERNEL_ROUNDS || 3));

const PATH_POINTS = 100_000;
// Bytes recorded per step and run: Rust keeps point (16), loss (8), lr (8); the page keeps no
// copy of the history. (scripts/bench-extra/memory.mjs measures what a step really costs,
// `history_bytes_per_step`: this plus the checkpoints and the record's Vec slack.)
const BYTES_PER_STEP_RUN = 32;

// ---------------------------------------------------------------------------------------
// Native results (divan's table)

const UNIT = { ns: 1e-6, 'µs': 1e-3, us: 1e-3, ms: 1, s: 1e3 };
function parseDivan(text) {
  const out = {};
  let group = null;
  const time = '([\\d.]+)\\s*(ns|µs|us|ms|s)\\b';
  const re = new RegExp(`^([│├╰─\\s]*)(\\S+)\\s+${time}\\s*│\\s*${time}\\s*│\\s*${time}\\s*│\\s*${time}`);
  for (const line of text.split('\n')) {
    const named = line.match(/^([│├╰─\s]*)[├╰]─\s(\S+)/);
    if (!named) continue;
    const depth = named[1].length;
    const m = line.match(re);
    if (!m) { if (depth === 0) group = named[2]; continue; }
    const ms = (i) => Number(m[i]) * UNIT[m[i + 1]];
    const name = depth === 0 ? m[2] : `${group}/${m[2]}`;
    if (depth === 0) group = null;
    out[name] = { min: ms(3), max: ms(5), median: ms(7), mean: ms(9) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Server and browser


async function openPage(context, url, errors, init) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  if (init) await page.addInitScript(init);
  if (CPU_THROTTLE > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

const ready = (page, what) => page.waitForFunction(what, null, { timeout: 60_000 });

// Installed before the page's scripts: the first animation frame at which the page is
// ready (window.gradscape.ready) and the end of that frame's rendering (a message posted
// from the frame callback runs after the frame's style, layout and paint).
function firstFrameProbe() {
  const marks = {};
  window.__benchFirstFrame = marks;
  // The first frame is the one after boot.mjs drew the surface (its first part; the rest
  // of the page is built after that frame: boot-late.mjs). `ready` comes later.
  const tick = () => {
    if (performance.getEntriesByName('gradscape:first-surface').length) {
      marks.ready_seen = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { marks.first_frame = performance.now(); };
      ch.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Five fresh loads of `/` (each a new page; the server sends no-store, so nothing comes
 *  from the HTTP cache): per load the first frame (firstFrameProbe), DOMContentLoaded, load
 *  and first contentful paint, in ms from navigation start. */
async function firstFrames(context, server, errors) {
  log('first frame of / (5 loads)');
  const firsts = [];
  for (let i = 0; i < 5; i += 1) {
    const page = await openPage(context, `${server.url}/`, errors, firstFrameProbe);
    await ready(page, () => window.__benchFirstFrame?.first_frame != null);
    firsts.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ...window.__benchFirstFrame, dom_content_loaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd, fcp: fcp?.startTime ?? null };
    }));
    await page.close();
  }
  return firsts;
}

const quantile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const round = (x, d = 2) => (x == null || !Number.isFinite(x) ? x : Number(x.toFixed(d)));

async function setSpeed(page, stepsPerSecond) {
  // The "Speed" slider is log10(steps/s) (www/js/playback.mjs); fill() fires its input event.
  // A long timeout: right after stepping 10 runs to 100,000 points the first redraw can take
  // tens of seconds on a loaded 2-core machine.
  await page.getByLabel('Speed', { exact: true }).fill(String(Math.log10(stepsPerSecond)), { timeout: 180_000 });
}

/**
 * Runs `fn()` under a Chrome trace of `page` and returns the main thread's CPU time (the
 * trace's thread time, so a loaded machine's waiting does not count) per second of trace,
 * by layer: JavaScript by module, canvas rasterisation (\`FinalizeFrame\`, \`GetImageData\`)
 * by the module whose task drew, style and layout, paint and commit, GC. On software raster
 * the canvas rasterisation happens on the main thread at the end of the task that drew, so
 * this says which drawing layer a frame's (or a task's) time goes to.
 */
async function traceLayers(context, page, fn) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc'] } });
  try { await fn(); } finally { await cdp.send('Tracing.end'); await complete; await cdp.detach().catch(() => {}); }
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const main = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  if (!tasks.length) return null;
  const seconds = (tasks.at(-1).ts + tasks.at(-1).dur - tasks[0].ts) / 1e6;
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const file = (e) => (e.args?.data?.url || '').split('/').pop() || '(page)';
  const out = {};
  const add = (k, ms) => { out[k] = (out[k] || 0) + ms; };
  // The module of each task's first script call, for its rasterisation.
  const calls = main.filter((e) => e.name === 'FunctionCall').sort((a, b) => a.ts - b.ts);
  let c = 0;
  const firstCall = (t) => {
    while (c < calls.length && calls[c].ts < t.ts) c += 1;
    return c < calls.length && calls[c].ts <= t.ts + t.dur ? file(calls[c]) : 'browser';
  };
  const owner = new Map(tasks.map((t) => [t, firstCall(t)]));
  let k = 0;
  const taskOf = (e) => { // tasks are sorted and do not overlap
    while (k < tasks.length && tasks[k].ts + tasks[k].dur < e.ts) k += 1;
    return tasks[k];
  };
  for (const e of main.sort((a, b) => a.ts - b.ts)) {
    if (e.name === 'FunctionCall') add(`js ${file(e)}`, cpu(e));
    else if (e.name === 'CanvasRenderingContext2D::FinalizeFrame') add(`raster ${owner.get(taskOf(e)) ?? '?'}`, cpu(e));
    else if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') add('style and layout', cpu(e));
    else if (e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Commit') add('paint and commit', cpu(e));
    else if (e.name === 'MinorGC' || e.name === 'MajorGC') add('gc', cpu(e));
  }
  const total = tasks.reduce((a, t) => a + cpu(t), 0);
  // Each frame's rendering task (callbacks, style, layout, paint, commit) in CPU time: on a
  // loaded machine the wall-clock frame times are mostly waiting for a core, this is not.
  const frameCpu = main.filter((e) => e.name === 'ProxyMain::BeginMainFrame').map(cpu);
  const layers = Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]).filter(([, v]) => v / seconds >= 0.5).map(([n, v]) => [n, round(v / seconds, 1)]));
  return {
    seconds: round(seconds, 2), main_cpu_ms_per_s: round(total / seconds, 1), layers_ms_per_s: layers,
    frames: frameCpu.length, frame_cpu_p50_ms: round(quantile(frameCpu, 0.5)), frame_cpu_p95_ms: round(quantile(frameCpu, 0.95)),
  };
}

/** Loads the 10 runs and steps them to PATH_POINTS points; returns the step reached. */
async function loadTenRuns(page) {
  return page.evaluate(({ scenario, n }) => {
    window.gradscape.load(scenario);
    return window.gradscape.step(n - 1).step;
  }, { scenario: TEN_RUNS, n: PATH_POINTS });
}

/** Waits for the paths' first full drawing (sliced, between frames) to end, so that the
 *  frames measured are those of playing, not of that drawing. */
async function settleDrawing(page) {
  await page.waitForFunction(() => !window.gradscape.background().drawing, null, { timeout: 180_000, polling: 100 });
}

async function measureFrames(page, seconds) {
  return page.evaluate(async ({ seconds }) => {
    const gs = window.gradscape;
    // Time the engine calls the page makes per frame (same module instance as the page's).
    const mod = await import('/pkg/gradscape.js');
    const P = mod.Session.prototype;
    const calls = {};
    const saved = {};
    for (const name of ['advance', 'path', 'losses', 'rates', 'state']) {
      saved[name] = P[name];
      P[name] = function timed(...a) {
        const t0 = performance.now();
        try { return saved[name].apply(this, a); } finally { (calls[name] ??= []).push(performance.now() - t0); }
      };
    }
    // Time every animation-frame callback, by where it was registered from.
    const raf = window.requestAnimationFrame.bind(window);
    const callbacks = {};
    window.requestAnimationFrame = (cb) => {
      const key = String(cb).replace(/\s+/g, ' ').slice(0, 60);
      return raf((t) => {
        const t0 = performance.now();
        try { cb(t); } finally { (callbacks[key] ??= []).push(performance.now() - t0); }
      });
    };
    // The probe: registered first, so it runs first in each frame; its message runs after
    // the frame's callbacks, style, layout and paint: end − start is the frame's main-thread time.
    const frames = [];
    let on = true;
    const probe = (t) => {
      if (!on) return;
      const start = performance.now();
      raf(probe);
      const ch = new MessageChannel();
      ch.port1.onmessage = () => frames.push({ t, busy: performance.now() - start });
      ch.port2.postMessage(0);
    };
    raf(probe);
    await new Promise((r) => setTimeout(r, 100));
    const step0 = gs.state().step;
    const frames0 = frames.length;
    const t0 = performance.now();
    gs.play();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    gs.pause();
    const elapsed = (performance.now() - t0) / 1000;
    const step1 = gs.state().step;
    on = false;
    window.requestAnimationFrame = raf;
    Object.assign(P, saved);
    const sample = frames.slice(frames0 + 1);
    const intervals = sample.slice(1).map((f, i) => f.t - sample[i].t);
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const perFrame = (xs) => (xs ? sum(xs) / Math.max(1, sample.length) : 0);
    return {
      seconds: elapsed,
      frames: sample.length,
      steps: step1 - step0,
      busy: sample.map((f) => f.busy),
      intervals,
      engine_ms_per_frame: Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, perFrame(v)])),
      callbacks_ms_per_frame: Object.fromEntries(Object.entries(callbacks).map(([k, v]) => [k, perFrame(v)])),
    };
  }, { seconds });
}

async function memorySample(page) {
  return page.evaluate(async () => {
    window.gc?.();
    await new Promise((r) => setTimeout(r, 50));
    window.gc?.();
    const mod = await import('/pkg/gradscape.js');
    return {
      t: performance.now() / 1000,
      js_mb: performance.memory.usedJSHeapSize / 2 ** 20,
      wasm_mb: mod.wasmMemoryBytes() / 2 ** 20,
      step: window.gradscape.state().step,
    };
  });
}


// ---------------------------------------------------------------------------------------
// Figures of the views' own benchmarks: each file in scripts/bench-extra/ exports
// `default async ({ context, server, log, openPage, ready, errors }) => ({ figure: value })`,
// run in the page's browser after the soak; their figures join the JSON line.

async function benchExtras({ context, server, errors }) {
  const dir = path.join(ROOT, 'scripts', 'bench-extra');
  const files = fs.existsSync(dir) ? (await fsp.readdir(dir)).filter((f) => f.endsWith('.mjs')).sort() : [];
  const out = {};
  for (const file of files) {
    log(`${file}`);
    const { default: measure } = await import(path.join(dir, file));
    Object.assign(out, await measure({ context, server, log, openPage, ready, errors }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------

async function main() {
  const nativeFile = process.argv[2];
  const native = nativeFile ? parseDivan(await fsp.readFile(nativeFile, 'utf8')) : {};
  if (nativeFile && Object.keys(native).length === 0) throw new Error(`no divan results in ${nativeFile}`);

  const wasmFile = path.join(WWW, 'pkg', 'gradscape_bg.wasm');
  const wasmBytes = await fsp.readFile(wasmFile);
  // The shipped module's size (make bench measures it before adding the bench entry points).
  const wasmGz = Number(process.env.WASM_GZ_BYTES) || zlib.gzipSync(wasmBytes, { level: 9 }).length;

  const server = await startServer(WWW);
  // The kernels' page is cross-origin isolated, so that performance.now() ticks in 5 µs,
  // not 100 µs: the smallest kernel (100,000 SGD steps) takes about a millisecond, where
  // 100 µs ticks moved its ratio to native by ±10%. The page's own figures keep the plain
  // server, as a visitor gets them.
  const kernelServer = await startServer(WWW, { headers: CROSS_ORIGIN_ISOLATED });
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...MEASURE_ARGS], viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
  });
  const errors = [];
  // The machine's load (1-minute average, runnable tasks) before and after: on a shared
  // 2-core machine it says how much the absolute times can be trusted.
  const result = { errors, load_before: os.loadavg()[0] };
  // The kernels run in a browser of their own that compiles wasm with the optimising
  // compiler up front (--no-liftoff): V8 otherwise starts on its baseline compiler and tiers
  // hot functions up on a background thread, which on a loaded 2-core machine can finish
  // after the timed calls (seen: the same kernel 3× slower from one run to the next). The
  // page's own figures below keep V8's defaults, as a visitor gets them.
  const kernelProfile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-bench-kernels-'));
  const kernelContext = await chromium.launchPersistentContext(kernelProfile, {
    executablePath: CHROMIUM_PATH, headless: true, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
    args: [...CHROMIUM_ARGS, ...MEASURE_ARGS.filter((a) => !a.startsWith('--js-flags')), '--js-flags=--expose-gc --no-liftoff'],
  });
  try {
    if (ONLY === 'first') {
      const firsts = await firstFrames(context, server, errors);
      const ff = firsts.map((f) => f.first_frame);
      process.stdout.write(`${JSON.stringify({ first_frame_ms: round(quantile(ff, 0.5), 1), first_frame: ff.map((x) => round(x, 1)), fcp: firsts.map((f) => round(f.fcp, 1)), load: os.loadavg()[0], errors })}\n`);
      return;
    }
    if (ONLY === 'frames') {
      const page = await openPage(context, `${server.url}/`, errors);
      await ready(page, () => window.gradscape?.ready === true);
      result.stepped_to = await loadTenRuns(page);
      await settleDrawing(page);
      await setSpeed(page, 1000);
      result.frames = await measureFrames(page, FRAME_SECONDS);
      result.frame_layers = await traceLayers(context, page, () => measureFrames(page, Math.min(FRAME_SECONDS, 3))).catch((e) => ({ error: e.message }));
      const fr = result.frames;
      process.stdout.write(`${JSON.stringify({ frame_p50_ms: round(quantile(fr.busy, 0.5)), frame_p95_ms: round(quantile(fr.busy, 0.95)), frame_interval_p95_ms: round(quantile(fr.intervals, 0.95)), frame_cpu_p50_ms: result.frame_layers?.frame_cpu_p50_ms, frame_cpu_p95_ms: result.frame_layers?.frame_cpu_p95_ms, load: os.loadavg()[0], callbacks_ms_per_frame: fr.callbacks_ms_per_frame, frame_layers: result.frame_layers, errors })}\n`);
      return;
    }
    // 1. The wasm kernels and the peers, on bench.html.
    log('wasm kernels, d3-contour and plain-JS Adam (www/bench.html, wasm compiled with --no-liftoff)');
    const bench = await openPage(kernelContext, `${kernelServer.url}/bench.html`, errors);
    await ready(bench, () => window.gradscapeBench?.ready || window.gradscapeBench?.error);
    const err = await bench.evaluate(() => window.gradscapeBench.error);
    if (err) throw new Error(`bench.html: ${err}`);
    result.kernels_cross_origin_isolated = await bench.evaluate(() => self.crossOriginIsolated);
    if (!result.kernels_cross_origin_isolated) log('warning: bench.html is not cross-origin isolated (performance.now() in 100 µs ticks)');
    if (ONLY === 'adam' || ONLY === 'kernels') {
      if (ONLY === 'kernels') result.wasm = await kernelRounds(bench, native, nativeFile);
      result.adam = await bench.evaluate(() => window.gradscapeBench.adam({ reps: 7 }));
      const ratios = result.wasm ? kernelRatios(result.wasm, native) : null;
      const worstKernel = ratios?.worst ? { wasm_over_native: round(ratios.worst.ratio), wasm_over_native_kernel: ratios.worst.name,
        kernel_ratios: Object.fromEntries(ratios.kernels.map((k) => [k.name, round(k.ratio)])), cross_origin_isolated: result.kernels_cross_origin_isolated } : {};
      process.stdout.write(`${JSON.stringify({ ...worstKernel, ...adamRatios(result.adam), wasm: result.wasm, adam: result.adam })}\n`);
      return;
    }
    result.wasm = await kernelRounds(bench, native, nativeFile);
    result.contours = await bench.evaluate(() => window.gradscapeBench.contours({ reps: 5 }));
    result.adam = await bench.evaluate(() => window.gradscapeBench.adam({ reps: 5 }));
    result.render = await bench.evaluate(() => window.gradscapeBench.surfaceRender({ reps: 10 }));
    await bench.close();
    await kernelContext.close();

    // 2. First drawn frame of the page, five fresh loads.
    result.first_frame = await firstFrames(context, server, errors);

    // 3. Frame times: 10 runs, 100,000-point paths, playing at 1,000 steps/s.
    log(`frame times: 10 runs at ${PATH_POINTS} points, 1,000 steps/s, ${FRAME_SECONDS} s`);
    const page = await openPage(context, `${server.url}/`, errors);
    await ready(page, () => window.gradscape?.ready === true);
    const t0 = Date.now();
    result.stepped_to = await loadTenRuns(page);
    result.step_100k_ms = Date.now() - t0;
    await settleDrawing(page);
    await setSpeed(page, 1000);
    result.speed_label = await page.locator('#speed-out').textContent().catch(() => null);
    result.frames = await measureFrames(page, FRAME_SECONDS);
    // Where the main thread's time goes while playing, by drawing layer (a second, traced
    // run: tracing costs time of its own, so the frame figures above are untraced).
    result.frame_layers = await traceLayers(context, page, () => measureFrames(page, Math.min(FRAME_SECONDS, 3))).catch((e) => ({ error: e.message }));

    // 4. Memory while playing (same page, same race, continuing at 1,000 steps/s).
    log(`memory soak: ${SOAK_SECONDS} s of play`);
    const samples = [await memorySample(page)];
    await page.evaluate(() => window.gradscape.play());
    const every = Math.max(5, Math.min(30, SOAK_SECONDS / 10));
    const end = Date.now() + SOAK_SECONDS * 1000;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, Math.min(every * 1000, Math.max(0, end - Date.now()))));
      samples.push(await memorySample(page));
    }
    await page.evaluate(() => window.gradscape.pause());
    samples.push(await memorySample(page));
    result.memory_samples = samples;
    await page.close();

    // 5. The figures of each view's own benchmark (scripts/bench-extra/*.mjs).
    result.extra = await benchExtras({ context, server, errors });
  } finally {
    await kernelContext.close().catch(() => {});
    await fsp.rm(kernelProfile, { recursive: true, force: true }).catch(() => {});
    await context.close().catch(() => {});
    server.close();
    kernelServer.close();
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }

  // -------------------------------------------------------------------------------------
  // Figures

  const { kernels, worst } = kernelRatios(result.wasm, native);
  const ff = result.first_frame.map((f) => f.first_frame);
  const fr = result.frames;
  const mem = result.memory_samples;
  const first = mem[0], last = mem.at(-1);
  const soakSeconds = last.t - first.t;
  const growth = (last.js_mb + last.wasm_mb) - (first.js_mb + first.wasm_mb);
  const stepsDuringSoak = last.step - first.step;
  const expectedMb = (stepsDuringSoak * TEN_RUNS.runs.length * BYTES_PER_STEP_RUN) / 2 ** 20;
  const totalSlope = slopePerMinute(mem.map((s) => ({ ...s, total: s.js_mb + s.wasm_mb })), 'total');
  // The soak only says something if the page actually played (at 1,000 steps/s).
  const played = stepsDuringSoak / (1000 * soakSeconds);
  const flat = Math.abs(totalSlope) < 0.5;
  const extrapolate = soakSeconds < 590 && flat && played >= 0.5;
  const memoryGrowth = extrapolate ? growth * (600 / soakSeconds) : growth;

  const json = {
    surface_render_1024_ms: round(result.render.total.median),
    frame_p50_ms: round(quantile(fr.busy, 0.5)),
    frame_p95_ms: round(quantile(fr.busy, 0.95)),
    frame_interval_p50_ms: round(quantile(fr.intervals, 0.5)),
    frame_interval_p95_ms: round(quantile(fr.intervals, 0.95)),
    // (The traced run's rendering tasks in CPU time: comparable across machine loads.)
    frame_cpu_p50_ms: result.frame_layers?.frame_cpu_p50_ms ?? null,
    frame_cpu_p95_ms: result.frame_layers?.frame_cpu_p95_ms ?? null,
    first_frame_ms: round(quantile(ff, 0.5), 1),
    wasm_gz_bytes: wasmGz,
    wasm_bytes: wasmBytes.length,
    memory_growth_mb: round(memoryGrowth, 1),
    memory_soak_seconds: Math.round(soakSeconds),
    memory_growth_extrapolated_to_600s: extrapolate,
    memory_growth_mb_per_min: round(totalSlope, 2),
    memory_expected_data_mb: round(expectedMb, 1),
    memory_soak_steps: stepsDuringSoak,
    memory_soak_played_fraction: round(played, 4),
    frame_steps_per_s: round(fr.steps / fr.seconds, 1),
    wasm_over_native: round(worst?.ratio ?? NaN),
    wasm_over_native_kernel: worst?.name ?? null,
    d3_contour_over_ours: round(result.contours.d3.min / result.contours.ours.min),
    ...adamRatios(result.adam),
    ...result.extra,
    page_errors: errors.length,
  };
  result.load_after = os.loadavg()[0];
  result.kernels = kernels;
  result.summary = json;
  await fsp.mkdir(path.join(ROOT, 'target', 'bench'), { recursive: true });
  await fsp.writeFile(path.join(ROOT, 'target', 'bench', 'results.json'), JSON.stringify(result, null, 1));
  if (DOCS) await fsp.writeFile(DOCS, report(result, json, native));
  if (errors.length) log(`page errors:\n  ${errors.join('\n  ')}`);
  process.stdout.write(`${JSON.stringify(json)}\n`);
}

/**
 * The wasm kernels `KERNEL_ROUNDS` times, with a native divan run between rounds (its
 * results folded into `native`, in place); returns the wasm kernels folded the same way.
 */
async function kernelRounds(bench, native, nativeFile) {
  let wasm = null;
  for (let round = 1; round <= KERNEL_ROUNDS; round++) {
    if (round > 1 && nativeFile) {
      log(`kernels, round ${round} of ${KERNEL_ROUNDS}: native (cargo bench --bench kernels), then wasm`);
      const text = execFileSync('cargo', ['bench', '--bench', 'kernels'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      await fsp.appendFile(path.join(ROOT, 'target', 'bench', 'native-rounds.txt'), `# round ${round}\n${text}`);
      foldRounds(native, parseDivan(text));
    }
    const once = await bench.evaluate((reps) => window.gradscapeBench.kernels({ reps }), KERNEL_REPS);
    wasm = wasm ? foldRounds(wasm, once) : once;
  }
  return wasm;
}

/** `into` with each kernel's fastest and slowest over both, and the median of the rounds' medians. */
function foldRounds(into, more) {
  for (const [name, m] of Object.entries(more)) {
    const t = into[name];
    if (!t) { into[name] = { ...m }; continue; }
    t.medians = [...(t.medians ?? [t.median]), m.median];
    const sorted = [...t.medians].sort((a, b) => a - b);
    t.median = sorted[Math.floor((sorted.length - 1) / 2)];
    t.min = Math.min(t.min, m.min);
    t.max = Math.max(t.max, m.max);
    if (t.n != null) t.n += m.n;
  }
  return into;
}

/** Each kernel's wasm time against its native time (fastest of each), and the worst. */
function kernelRatios(wasm, native) {
  const kernels = Object.keys(wasm).map((name) => {
    const w = wasm[name], n = native[name];
    return { name, wasm_ms: w.min, wasm_median_ms: w.median, native_ms: n?.min, native_median_ms: n?.median,
      ratio: n ? w.min / n.min : null };
  });
  const worst = kernels.filter((k) => k.ratio != null).sort((a, b) => b.ratio - a.ratio)[0];
  return { kernels, worst };
}

/** The report's lines on where the main thread's CPU goes by layer (traceLayers). */
function layersText(l) {
  if (!l || l.error || !l.layers_ms_per_s) return `  (No trace of the drawing layers${l?.error ? `: ${l.error}` : ''}.)`;
  const rows = Object.entries(l.layers_ms_per_s).map(([n, v]) => `  | ${n} | ${v} |`);
  const cpu = l.frame_cpu_p50_ms == null ? '' : ` Each frame's rendering task (${l.frames} frames) took
  p50 ${l.frame_cpu_p50_ms} ms, p95 ${l.frame_cpu_p95_ms} ms of CPU time.`;
  return `  By layer, from a Chrome trace of ${l.seconds} s more of play (main-thread CPU time, ${l.main_cpu_ms_per_s} ms
  per second in all; \`raster X\` is the canvas rasterisation at the end of tasks that module drew in;
  \`js turns.mjs\` is the live readouts' updates, which run together there, between frames).${cpu}

  | layer | CPU ms per second |
  |---|---|
${rows.join('\n')}`;
}

/** The optimizer-loop ratios (JS time / wasm time, same 100,000 Adam steps, same run). */
function adamRatios(a) {
  return {
    js_loop_over_wasm: round(a.js.min / a.wasm.min),
    js_tuned_loop_over_wasm: round(a.js_tuned.min / a.wasm.min),
    // The batch kernel's figure is its many-runs throughput (MANY runs side by side, time
    // per run); one run alone through it is kept beside it.
    ...(a.batch_many ? { tuned_js_over_wasm_batch: round(a.js_tuned.min / a.batch_many.min) } : {}),
    ...(a.batch ? { tuned_js_over_wasm_batch_single_run: round(a.js_tuned.min / a.batch.min) } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// docs/benchmarks.md

function machine() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || 'unknown';
  let chromiumVersion = 'unknown';
  try { chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* kept unknown */ }
  let rustc = 'unknown';
  try { rustc = execFileSync('rustc', ['--version']).toString().trim(); } catch { /* kept unknown */ }
  return { nproc: os.cpus().length, cpu, chromium: chromiumVersion, node: process.version, rustc,
    mem_gb: (os.totalmem() / 2 ** 30).toFixed(1) };
}

function report(r, j, native) {
  const m = machine();
  const ms = (x) => (x == null ? '–' : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
  const verdict = (ok) => (ok ? '**met**' : '**missed**');
  const b = BUDGETS;
  const rows = [
    ['each wasm kernel vs native (worst, time ratio)', `${j.wasm_over_native}× (${j.wasm_over_native_kernel})`, `≤ ${b.wasm_over_native}×`, j.wasm_over_native <= b.wasm_over_native],
    ['surface render 1024×1024 (`Session.renderView` + `putImageData`, median)', `${j.surface_render_1024_ms} ms`, `≤ ${b.surface_render_1024_ms} ms`, j.surface_render_1024_ms <= b.surface_render_1024_ms],
    ['frame time p50 / p95 (main-thread time per frame, 10 runs × 100k points, 1,000 steps/s)', `${j.frame_p50_ms} / ${j.frame_p95_ms} ms`, `p95 ≤ ${b.frame_p95_ms} ms`, j.frame_p95_ms <= b.frame_p95_ms],
    ['interval between frames p95 (same run; 60 Hz is 16.7 ms)', `${j.frame_interval_p95_ms} ms`, `≤ ${b.frame_interval_p95_ms} ms`, j.frame_interval_p95_ms <= b.frame_interval_p95_ms],
    ['first drawn frame of `/` (median of 5 loads)', `${j.first_frame_ms} ms`, `≤ ${b.first_frame_ms} ms`, j.first_frame_ms <= b.first_frame_ms],
    ['wasm, gzip -9', `${(j.wasm_gz_bytes / 1024).toFixed(1)} KB (${j.wasm_gz_bytes} B)`, `≤ ${b.wasm_gz_bytes / 1024} KB`, j.wasm_gz_bytes <= b.wasm_gz_bytes],
    [`memory growth while playing (JS heap + wasm memory, ${j.memory_soak_seconds} s${j.memory_growth_extrapolated_to_600s ? ', flat: extrapolated to 600 s' : j.memory_soak_seconds < 590 ? ', not extrapolated: not flat or the page did not play' : ''})`, `${j.memory_growth_mb} MB (${j.memory_growth_mb_per_min} MB/min)${j.memory_soak_played_fraction < 0.5 ? `; but the page played only ${j.memory_soak_steps} of ${Math.round(1000 * j.memory_soak_seconds)} steps` : ''}`, `flat (≤ ${b.memory_growth_mb} MB over 10 min)`, j.memory_soak_played_fraction < 0.5 ? false : Math.abs(j.memory_growth_mb) <= b.memory_growth_mb],
    ['d3-contour time / ours, same 1024² grid and 10 levels', `${j.d3_contour_over_ours}×`, `≥ ${b.d3_contour_over_ours}×`, j.d3_contour_over_ours >= b.d3_contour_over_ours],
    ['plain-JS Adam loop time / ours (wasm `Runner::advance`, recording), 100k steps', `${j.js_loop_over_wasm}× (tuned JS: ${j.js_tuned_loop_over_wasm}×)`, `≥ ${b.js_loop_over_wasm}×`, j.js_loop_over_wasm >= b.js_loop_over_wasm],
    ['tuned plain-JS Adam loop time / ours (wasm batch kernel `run_batch`, no recording, time per run of 100k steps with 8 runs side by side)', `${j.tuned_js_over_wasm_batch}× (one run alone, \`run_to_end\`: ${j.tuned_js_over_wasm_batch_single_run}×)`, `≥ ${b.tuned_js_over_wasm_batch}×`, j.tuned_js_over_wasm_batch >= b.tuned_js_over_wasm_batch],
    ...Object.entries(r.extra || {}).map(([name, value]) => [`\`${name}\` (scripts/bench-extra)`, String(value), b[name] == null ? '–' : `≤ ${b[name]}`, b[name] == null || value <= b[name]]),
  ];
  const kernelRows = r.kernels.map((k) =>
    `| ${k.name} | ${ms(k.native_ms)} | ${ms(k.native_median_ms)} | ${ms(k.wasm_ms)} | ${ms(k.wasm_median_ms)} | ${k.ratio == null ? '–' : k.ratio.toFixed(2) + '×'} |`);
  const fr = r.frames;
  const engine = Object.entries(fr.engine_ms_per_frame).map(([k, v]) => `\`Session.${k}\` ${v.toFixed(2)} ms`).join(', ');
  const cbs = Object.entries(fr.callbacks_ms_per_frame).sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `| \`${k.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${v.toFixed(2)} |`);
  const mem = r.memory_samples;
  const memRows = mem.map((s) => `| ${(s.t - mem[0].t).toFixed(0)} | ${s.step} | ${s.js_mb.toFixed(1)} | ${s.wasm_mb.toFixed(1)} |`);
  const c = r.contours, a = r.adam, rd = r.render;
  return `# Benchmarks

Written by \`make bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}; every
figure below is from one run. The machine is shared and others build on it at the same time,
so absolute times are noisy: compare the **ratios within one run** (wasm against native,
d3-contour against ours, JS against wasm), which are measured back to back. Kernel times are
the fastest of ${KERNEL_ROUNDS} × 10 repetitions on both sides (divan's 10 samples natively, \`performance.now()\`
around 10 calls that loop inside Rust in the browser), the least disturbed estimate on a busy
machine, in ${KERNEL_ROUNDS} rounds that alternate the two sides (wasm, native, wasm, …), so that
a slow phase of the shared host hits both alike; medians (the rounds' median) are shown beside them. The kernels' page is cross-origin isolated
(COOP/COEP headers), so its \`performance.now()\` ticks in 5 µs rather than 100 µs. The browser kernels run with wasm compiled by V8's optimising compiler up
front (\`--js-flags=--no-liftoff\`), so that no timed call runs baseline code still waiting
for its background tier-up; the page's own figures use V8's defaults.

## Machine

| | |
|---|---|
| CPU | ${m.cpu}, ${m.nproc} cores (nproc), ${m.mem_gb} GB |
| Load average (1 min) | ${r.load_before?.toFixed(1)} at the start of the browser part, ${r.load_after?.toFixed(1)} at the end (runnable tasks; above ${m.nproc} the times are stretched by other work) |
| Browser | ${m.chromium}, headless, \`--disable-gpu\` (software raster) |
| Toolchain | ${m.rustc}; Node ${m.node} |

## Budgets

| figure | measured | budget | |
|---|---|---|---|
${rows.map(([f, v, bud, ok]) => `| ${f} | ${v} | ${bud} | ${ok == null ? '' : verdict(ok)} |`).join('\n')}

## Kernels: native against wasm

| kernel | native min (ms) | native median | wasm min (ms) | wasm median | wasm / native |
|---|---|---|---|---|---|
${kernelRows.join('\n')}

\`optimizer_steps/*\`: ${r.wasm['optimizer_steps/adam'] ? '100,000' : ''} steps of \`Runner::advance\` on Rosenbrock from a fresh
run (recording included). \`batch_steps/*\`: the same runs through the batch kernel
(\`run::run_to_end\`: no recording, surface and optimizer matched once per run; the same end
point bit for bit). \`batch_many/*\`: 8 such runs (learning rates spread over 25%, as a
hyper-parameter map has them) in one \`run::run_batch\` call, 100,000 steps each, which steps
independent runs side by side (4 lanes); the time is for all of them. \`surface_*\`: \`Grid::sample\` and \`Grid::colorize\` (log scale) at
1024×1024. \`isolines_1024\`: \`Grid::isolines\` at 10 levels of that grid.
\`regression_gradient_1m\`: \`Dataset::gradient(p, None)\` over 1,000,000 points.

## Side by side with the peers (same browser, same run)

- **Contours**: d3-contour ${JSON.stringify('4.0.3')} \`contours().size([1024, 1024]).thresholds(levels)\`
  on our grid's values: ${ms(c.d3.min)} ms (median ${ms(c.d3.median)}), ${c.d3.points} ring points;
  ours (\`Grid::isolines\`, wasm): ${ms(c.ours.min)} ms (median ${ms(c.ours.median)}), ${c.ours.points}
  line points. d3 builds filled polygons (isobands with holes), ours open polylines with the
  frame pieces cut: similar marching-squares work. Ratio d3 / ours: **${j.d3_contour_over_ours}×**.
- **Optimizer loop**: Adam on Rosenbrock, 100,000 steps, path and loss recorded. Plain JS as
  the peers write it (arrays per step, \`path.push([x, y])\`): ${ms(a.js.min)} ms; the same loop
  tuned (typed arrays, no allocation): ${ms(a.js_tuned.min)} ms; ours (wasm \`Runner::advance\`,
  which also records the learning rate, checks divergence, tolerance and early stopping
  each step): ${ms(a.wasm.min)} ms; ours without recording (the batch kernel,
  \`run::run_to_end\`, one run alone): ${ms(a.batch.min)} ms (median ${ms(a.batch.median)}); the batch
  kernel's many-runs case (\`run::run_batch\`, which \`batchRun\` exposes to the page, with
  ${a.batch_many.runs} Adam runs of 100,000 steps each in one call, stepped side by side):
  ${ms(a.batch_many.min)} ms per run (median ${ms(a.batch_many.median)}), i.e. the call's time divided by ${a.batch_many.runs}.
  End points: JS ${JSON.stringify(a.js.point)}, wasm
  ${JSON.stringify(a.wasm.point)} (the batch kernel's and \`batchRun\`'s are checked equal to it, bit for bit).
  Ratios JS / wasm: **${j.js_loop_over_wasm}×** (tuned ${j.js_tuned_loop_over_wasm}×); tuned JS / batch kernel
  per run of many: **${j.tuned_js_over_wasm_batch}×** (one run alone: ${j.tuned_js_over_wasm_batch_single_run}×).
  The JS loops keep \`beta ** t\` as running products (\`p1 *= beta1\`, not PyTorch's bits); so
  does ours (\`Power\` in \`src/optim/moments.rs\`, carried in the optimizer state).

## The page's own figures

- **Surface render, 1024×1024** (\`Session.renderView\` + \`new ImageData\` + \`putImageData\` on a
  1024×1024 canvas, as www/js/view.mjs draws): median ${ms(rd.total.median)} ms; \`Session.renderView\` alone ${ms(rd.render.median)} ms
  (sampling + colouring into a buffer the session keeps, handed to JS as a view of the wasm memory, no copy), \`putImageData\` alone ${ms(rd.put_image_data.median)} ms.
  The kernels above split \`render\`: sampling ${ms(r.wasm.surface_sample_1024.min)} ms and colouring
  ${ms(r.wasm.surface_colorize_1024.min)} ms in wasm. Per view change the page also asks for
  contours (\`Session.contours\`, 200 columns, 12 levels, serialised to JS): ${ms(rd.page_contours_200.median)} ms.
- **First frame**: time from navigation start to the end of the first animation frame after
  boot.mjs drew the surface (a draft; its \`gradscape:first-surface\` mark; index.html preloads
  the wasm and the first part's modules, and the rest of the page is built after that frame), five fresh
  loads from a localhost server with \`Cache-Control: no-store\`: ${r.first_frame.map((f) => f.first_frame.toFixed(0)).join(', ')} ms
  (DOMContentLoaded ${r.first_frame.map((f) => f.dom_content_loaded.toFixed(0)).join(', ')} ms; first contentful paint
  ${r.first_frame.map((f) => (f.fcp == null ? '–' : f.fcp.toFixed(0))).join(', ')} ms).
- **Frames**: the real page, \`gradscape.load\` of 10 runs (every optimizer), \`gradscape.step\` to
  ${r.stepped_to.toLocaleString('en-US')} steps (${PATH_POINTS.toLocaleString('en-US')}-point paths; that call took ${r.step_100k_ms} ms),
  the Speed slider at ${r.speed_label}, then \`play()\` for ${fr.seconds.toFixed(1)} s: ${fr.frames} frames, ${fr.steps} steps.
  Headless Chromium paces \`requestAnimationFrame\` at 60 Hz whatever the flags, so the deltas
  between frames (p50 ${j.frame_interval_p50_ms} ms, p95 ${j.frame_interval_p95_ms} ms) only show dropped frames; the frame
  time reported is each frame's main-thread time: from the first animation-frame callback to
  the end of that frame's rendering (a message posted from the callback), p50 ${j.frame_p50_ms} ms,
  p95 ${j.frame_p95_ms} ms. Where it goes, per frame on average:

  | animation-frame callback (source) | ms per frame |
  |---|---|
${cbs.map((l) => `  ${l}`).join('\n')}

  Engine calls inside them, per frame: ${engine}.
${layersText(r.frame_layers)}
- **Memory**: the same page and race, playing on at 1,000 steps/s for ${j.memory_soak_seconds} s
  (\`SOAK_SECONDS\`), \`gc()\` before each sample; \`performance.memory.usedJSHeapSize\`
  (\`--enable-precise-memory-info\`) and the wasm \`WebAssembly.Memory\` size (\`wasmMemoryBytes\`,
  src/web/bench.rs). Growth ${round(j.memory_growth_mb, 1)} MB${j.memory_growth_extrapolated_to_600s ? ' (extrapolated to 600 s: the trend is flat)' : j.memory_soak_seconds < 590 ? ' over the soak only (not extrapolated to 600 s: the trend is not flat, or the page did not play)' : ''}, slope ${j.memory_growth_mb_per_min} MB/min. The
  recorded history alone accounts for ${j.memory_expected_data_mb} MB: every step of every run keeps its point, loss and
  learning rate in Rust (32 B; the page keeps no copy), and wasm memory grows by doubling
  and never shrinks.

  | s | step | JS heap (MB) | wasm memory (MB) |
  |---|---|---|---|
${memRows.map((l) => `  ${l}`).join('\n')}

${NOTES}
## Reproduce

\`\`\`sh
make bench                       # builds, native benches, browser benches, this file; JSON last
SOAK_SECONDS=60 make bench       # shorter memory soak (extrapolated only if flat; said so above)
cargo bench --bench kernels      # the native kernels alone (divan)
\`\`\`

\`make bench\` runs \`scripts/bench.sh\`: \`cargo bench --bench kernels\` (benches/kernels.rs),
copies d3-array and d3-contour from node_modules into \`www/bench/vendor/\` (ignored by git),
then \`node scripts/bench.mjs\`, which serves \`www/\` under the same Content-Security-Policy as
the tests and drives \`www/bench.html\` (wasm kernels through \`src/web/bench.rs\`, the peers in
\`www/bench/kernels.mjs\`) and the page \`/\` in headless Chromium. Raw results:
\`target/bench/results.json\` and \`target/bench/native.txt\`.
`;
}

// What dominates where a budget is missed, found by profiling during development (CDP
// sampling profiler, timing breakdowns; `perf` cannot see into V8's wasm). Kept with the
// generator so a rerun keeps them; the figures above are from the run that wrote this file.
const NOTES = `## Where budgets are missed: what dominates, what was done, next steps

Profiling-driven work done in this round (before → after, same kind of run):

- **Frames with 10 runs × 100,000-point paths**: the page froze (13–20 s per frame): Skia
  rasterised every run's whole history twice on every redraw. Now \`www/js/paths.mjs\` draws
  only the new segments each frame on cached layers and re-strokes whole paths only when
  the view changes; charts keep a fixed-size min/max summary. The JS copy of the history is
  gone (43 MB → 5 MB of JS heap at 100k points). Frame p95 is now tens of ms, not seconds.
- **Frames while playing (10 runs × 100k points, 1,000 steps/s)**: a Chrome trace put the
  frame's time in style and layout (261 ms/s) and paint and commit (321 ms/s), not in JS.
  Causes (the CPU time of a forced layout after one change, from trace thread times,
  variants interleaved on one page): the side panel was a column flex holding nested column
  flexes (runs, run list, run cards), so any changed readout re-laid out all ten cards:
  1.6–2.3 ms per layout, 0.22–0.3 ms in block flow; the scrolling panel was one paint
  layer, so a changed readout repainted every card (Paint ~1 → 0.2 ms with each card
  isolated); the equation panel (MathML) and the leaderboard were rebuilt on every update
  (now morphed: only changed text is written, \`www/js/morph.mjs\`); the 2/λmax tick was
  removed and re-added and the panel's corner rewritten on every update;
  \`getComputedStyle\` in the drawing code forced 2.4–3.4 ms style passes (now cached in
  appearance.mjs); the step counter and timeline wrote every frame (now 10 Hz and 4 Hz while
  playing); the throttled readouts, each on its own clock, piled into the same frames (then
  they took turns, one per ~frame; now they change together: below); every slider's value text was recomputed on each readout change (~0.5 ms);
  both path canvases were stroked every frame for runs creeping by a sub-pixel (now only
  once a run's newest point leaves its dot). Main-thread CPU per frame (BeginMainFrame, trace thread time) on this machine
  at load 7–13, before and after in the same runs: p50 8.7–12.5 → 4.0–5.4 ms, p95
  18.8–29.2 → 7.3–11.2 ms; layout 3.2–4.7 → ~0.5 ms per frame.
- **Surface render 1024²**: \`Grid::colorize\` looked colours up through a per-pixel
  \`ln_1p\`; it now indexes a 2¹⁶-entry table by the linear position (65 → 4 ms natively).
  Render went from ~96 ms to ~19 ms in wasm.
- **Contours**: the \`contour\` crate (a d3-contour port with geo types and hash maps) was
  replaced by our marching squares: one pass over the squares for every level (each
  sample's band among the sorted levels), segments stitched through a zero-filled edge table.
  From ~0.4× to ~10× d3-contour's speed on the same grid.
- **Equation panel**: \`stepDetails\` replayed the whole run on every call (O(steps)); at the
  live end it now previews the next step (O(1)), so frames no longer slow as runs grow.
- **wasm size** (an earlier round): 200 KB → under 150 KB (own base64, no serde_path_to_error, no
  serde-wasm-bindgen, Box–Muller instead of rand_distr, opt-level "s", benchmark entry points
  behind a feature).

- **Optimizer loop (issue 10, Engine v2)**: a batch kernel, \`run::run_batch\` /
  \`run::run_to_end\` (\`batchRun\` on the page), runs many runs to their end without
  recording: the surface (\`SurfaceKind::visit\`) and the optimizer family are matched once
  per run and the step loop is generic over the concrete types, with point, loss and
  gradient in locals and no allocation; its outcomes equal the recording \`Runner\`'s bit for
  bit (tests in \`src/run/batch/tests.rs\`). Compare \`batch_steps/*\` with
  \`optimizer_steps/*\` above: the loop overhead is gone: in wasm SGD runs about 3×
  faster than through the runner, Adagrad, RMSprop and Adadelta about 2×, while Adam, NAdam
  and RAdam gain less (1.2–1.6×) because their own step dominates (next point). The recording
  \`Runner\` no longer allocates the minima on every step (\`Problem::distance_to_minimum\`
  built a \`Vec\` per call) and screens the tolerance test without \`hypot\`. Our crate is
  built at opt-level 3 instead of "s" (dependencies stay at "z"): faster loops in wasm for
  about 40 KB more gzipped module, inside the 300 KB budget.
- **Adam's powers (this round)**: the bias corrections \`1 − βᵗ\` came from two
  \`f64::powi(t)\` per step, compiler-rt's \`__powidf2\` (~17 dependent squarings with a
  data-dependent branch per bit of t), ~95 ns per step natively, most of Adam's step. Now
  \`AdamHyper\` holds \`Powers\` (\`src/optim/moments.rs\`): β^(2^i) squared once at
  construction and multiplied in over the set bits of t, lowest first, the very
  multiplications \`__powidf2\` performs, so the result is \`powi\`'s bit for bit (unit test
  against \`f64::powi\` for t < 3,000,000 and ten βs; the wasm end point of the 100,000 Adam
  steps is unchanged, \`make golden\` passes). Adam through the batch kernel went from
  ~10.5 to ~4.0 ms natively and from ~13 to ~5 ms in wasm; through the recording runner from
  ~17 to ~8 ms in wasm, so the plain-JS loop is now slower than ours. A branch-free variant
  (multiplying by 1 for clear bits) measured slower and was dropped. NAdam and RAdam use
  \`powf\` (PyTorch's \`beta ** step\` on floats): not the same bits as integer powers, so
  they keep it.
- **Many runs side by side (this round)**: \`run::run_batch\` groups the kernel's runs by
  family and steps up to 4 of them in turn (\`src/run/batch/lanes.rs\`), each lane through
  the single-run code, so every outcome stays the runner's bit for bit (tests with
  different hyper-parameters per lane, uneven counts and early divergence). Natively this
  gives RMSprop ~1.6× per run, Adam only ~1.1×, SGD nothing; in wasm Adam's time per run of
  many is no better than one run's. Why the ≥ 2× over tuned JS was missed then (a guess
  later proved wrong, see *Subnormal powers* below): the tuned JS loop does
  the same arithmetic (3 square roots and 5 divisions per step; PyTorch's order needs all
  of them) and both appear bound by the divide/square-root unit's throughput rather than by
  the chain's latency (runs with fewer roots and divisions per step, RMSprop, do gain from
  the lanes; this VM exposes no performance counters to confirm it), so interleaving runs
  cannot overlap what that unit serialises. Next,
  if pursued: shared bias corrections for lanes at the same step with the same βs (one
  \`sqrt(1 − β2ᵗ)\` and one \`lr / (1 − β1ᵗ)\` per step instead of per lane), or explicit wasm SIMD
  (\`f64x2.sqrt\` / \`f64x2.div\` for the two coordinates). Building the module with
  \`-C target-feature=+simd128\` alone (LLVM's auto-vectorisation; not shipped) was measured
  this round: 5.1 ms for one run and 6.0 ms per run of many, no gain. Across the three
  browser runs of this round tuned JS / batch kernel per run of many was 0.77–1.22× (tuned
  JS 4.6–6.8 ms, ours 5.0–6.0 ms per run, load 4–7 on 2 cores): the ≥ 2× target is missed by
  1.6–2.6×.
- **Powers carried, libm (issue 18 item 4, issue 10 item 5)**: \`βᵗ\` is now carried from
  step to step by one multiplication in the optimizer state (\`Power\` in
  \`src/optim/moments.rs\`, with the β it belongs to, so a live change of β restarts it
  with one \`pow\` at the current step): Adam, AdamW, RAdam (\`β1ᵗ\`, \`β2ᵗ\`) and NAdam
  (\`β2ᵗ\`, and \`0.96^(t·ψ)\` as \`(0.96^ψ)ᵗ\`) no longer call \`powf\`/\`powi\` per step.
  The product is within t·2⁻⁵³ relative of the exact power (unit test against \`pow\` for
  t ≤ 200,000); the reference check passes (worst tolerance ratio 6.6e-8, NAdam/RAdam).
  The surfaces (Ackley, Rastrigin), the expression evaluator and \`Vec2::norm\` call
  \`libm\` instead of std, so native and wasm compute the same bits (a test keeps std's
  transcendentals out of src/optim, src/surfaces, src/expr, src/vec2.rs; still std:
  \`schedule.rs\` (step/exponential/cosine) and \`regression/data.rs\` (Box–Muller), outside
  the kernels' files). Tried and measured, not kept: the lanes stepping in lockstep
  blocks of 4 (no \`Option\` test per lane and step). Measured with the renderer's CPU time
  (/proc utime, the machine at load ~20 on 2 cores, so wall-clock figures were useless),
  Adam, 100,000 steps, with those blocks: batch kernel 5.5–5.9 ms alone and 6.0–6.3 ms per
  run of 8 (before them, in a wall-clock run: 5.3 alone, 10.1 per run of 8), tuned JS
  5.5–5.9 ms, recording runner 8.6–9.0 ms, plain JS 13.6–15.1 ms (plain JS / ours
  1.54–1.75×). But LLVM unrolled the block into 4 inlined copies of the step for each of
  the ~120 surface × family instantiations: 332 KB gzipped, over the 300 KB budget, so
  \`lanes.rs\` is as before.
  \`+simd128\` again gave nothing (5.5 / 6.0 ms) and was not kept. Tuned JS / batch kernel
  stays at ~0.9–1.0× in that measurement: the ≥ 2× target is still missed. A perf profile
  of the native kernel (examples/batch_bench.rs) shows the lanes' loop is not interleaved:
  LLVM keeps one lane's step after another (the out-of-order window overlaps about 1.5
  lanes), and the square roots and divisions dominate. What it would take: the step
  arithmetic of 2–4 runs in one SIMD instruction stream (f64x2 across runs, not across x/y),
  which needs the family's step generic over its number type, rather than a second copy
  of each optimizer's maths.
- **Subnormal powers, wasm SIMD, the lanes' bookkeeping (issue 10 item 5, issue 18 item 4)**:
  the reason the lanes did not overlap and Adam's later steps were slow was a subnormal
  number. The carried \`β1ᵗ\` (0.9) never reached 0: from step ~6,700 it stuck at
  \`5·2⁻¹⁰⁷⁴\` (\`0.9\` is a little above 0.9 in binary, so 4.5 ulps round back to 5), and
  every later step multiplied a subnormal number, which the processor does in a slow
  assist that also drains the pipeline (per step, natively: 43 ns over the first 5,000
  steps, 61 ns from 50,000 to 100,000). NAdam's Π did the same. Now \`Power\` and Π are 0
  below the normal range (\`below_normal_to_zero\` in \`src/optim/moments.rs\`): their
  only uses are against 1 or larger numbers (\`1 − βᵗ\`, \`1 − Π\`, \`ρ∞ − 2tβᵗ/(1 − βᵗ)\`),
  so every result keeps its bits (unit test against the plain product at every step;
  batch tests, \`make golden\` and the wasm end point unchanged), and \`pow\` itself
  underflows to 0 there as PyTorch's \`β ** t\` does. Then, one change at a time, each
  measured in one browser run against the previous build (scratch driver alternating
  tuned JS, one run, 8 runs; 3 rounds of 30; load 1.5–7 on 2 cores) and natively
  (\`examples/batch_bench.rs\`, A/B binaries alternated):

  | change | wasm, one run (ms) | wasm, per run of 8 (ms) | native, per run of 8 (ms) |
  |---|---|---|---|
  | before (main) | 6.4–7.1 | 6.4–8.1 | 5.5 |
  | subnormal powers to 0 | 4.2–4.3 | 3.1–3.2 (no SIMD) | 2.44 |
  | \`Vec2\`'s element-wise \`+ − × ÷ √\` as wasm \`f64x2\` (\`+simd128\`) | 4.2–4.3 | 2.80–2.90 | (scalar natively) |
  | Adam: skip dividing by a bias correction that is 1.0 exactly | 4.3–4.4 | 2.60–2.63 | 2.44 |
  | lanes: one branch for the divergence test, a constant rate without the schedule's match | 4.0–4.2 | 2.13–2.34 | 2.28–2.34 |

  Tuned JS was 4.4–5.8 ms throughout, so tuned JS / batch per run of many went from
  0.6–0.9× to 2.1–2.3× in those runs. \`make bench\`'s own Adam section (7 reps, after
  the kernels) is bimodal on this shared machine: per run of many 2.1–2.2 ms in some
  browser sessions and 2.9–3.5 ms in others while one run alone and tuned JS stay put
  (\`BENCH_ONLY=adam\` three times: 1.54×, 2.31×, 2.50×; the scratch driver in six fresh browser
  sessions of 2 rounds each: 1.40–2.39×, 6 of 12 rounds ≥ 2 (median 2.0), with the
  slow rounds within sessions too; the many-runs loop is bound by
  the core's throughput, not by one chain's latency, so it is the figure a busy
  neighbour on the same physical core slows). Kept: all four. The SIMD build is also
  smaller (296,563 B gzipped against 300,404 B for the same code without \`+simd128\`):
  \`.cargo/config.toml\` sets it for every wasm32 build (page, figure module,
  wasm-bindgen tests); the wasm batch kernel's end points of 100,000 steps on Rosenbrock
  equal the native CLI's (\`gradscape run\`, the recording runner) bit for bit for all eight
  families, NAdam and RAdam included (scratch check, the bench's scenarios), and \`tests/browser/explore.test.mjs\` (page sweeps = CLI sweeps, exact)
  passes. Measured and dropped: the best-loss update as selects instead of a branch (no
  change), 2 or 8 lanes instead of 4 (no change natively: 2 lanes already saturate the
  core), the bias-correction fast path as whole arms of an \`if\` (native 2.44 → 2.37,
  wasm no change) or through an out-of-line call (native 2.36, wasm 2.6 → 3.3); the same
  exact fast path in NAdam (\`v / (1 − β2ᵗ)\`) and RAdam (\`m / (1 − β1ᵗ)\`, rectification
  1 once ρₜ = ρ∞): within the noise of a loaded machine (RAdam one run 3.08–3.12 →
  3.02–3.08 ms natively, wasm 4.2–4.4 → 3.9–4.2; NAdam's many-runs figure no better),
  not kept. Natively
  LLVM turns the kept fast path into a select (it still computes \`√(1 − β2ᵗ)\`); in wasm
  it measured 8% faster. Removing the divergence, tolerance and schedule code altogether
  (not valid, a bound) gives 1.87 ms natively: what remains is the step itself.

Missed in earlier runs, on slower machines (this run's verdicts: the budget table above):

- **Frame p95 ≤ 8 ms**. **This round**: the live readouts (step counter, timeline, run
  cards, leaderboard, equation panel) updated on their own clocks, taking turns, so that
  at 1,000 steps/s 112 of 240 frames carried a readout's change and paid a style, layout
  and paint pass for it; in Chromium that pass walks from the changed text to the document
  root whatever the containment (\`contain: strict\` on the panel and the leaderboard, and
  \`content-visibility: auto\` on the cards: still a full layout of ~1,000 objects, the same
  time, ~0.4 ms per pass here, 1 ms with the leaderboard's table). Now, while playing, they
  run together at most every 400 ms in an idle period (\`www/js/turns.mjs\`: their
  JavaScript delays no frame or input) and one frame in ~25 shows them all
  (\`tests/browser/readouts.test.mjs\`: ≤ 12 such frames in 4 s; steps slower than 2.5 a
  second still show at once); the charts draw in idle periods too. With the main thread
  slowed 2× (\`BENCH_CPU_THROTTLE=2 BENCH_ONLY=frames\`, standing in for the slower
  machines of earlier runs) frame p95 12.0–12.3 → 9.4–9.7 ms and frame CPU p95 7.1–7.3 →
  3.2–3.8 ms; unthrottled, on this round's machine (a faster Intel Xeon), 5.2–6.6 →
  5.4–5.5 ms. What the slowest 5% now hold there: the readouts' one pass (layout ~2 ms,
  prepaint and paint ~3 ms at 2×), and the throttled main thread's waits between tasks.
  Earlier: a trace of the commits while playing found Chromium, with
  software compositing (headless here; a laptop without GPU rasterisation likewise),
  producing a new resource for *every* visible 2D canvas at every commit, drawn or not: seven
  \`Canvas2DResourceProvider::ProduceCanvasResource\` per commit, ~0.3 ms each for the view's
  1200×684 layers (the surface, the two path canvases, the marks, the teaching overlay) —
  2.4 ms of a 4.8 ms median frame (a static page with one canvas showed it too: 60 per
  second). A \`desynchronized\` 2D context (\`canvas.mjs\` \`screenContext\`, on every canvas on
  screen) is presented without that copy: none per commit, commit 2.4 → 0.3 ms; back to back
  on a loaded machine (load 4–5) frame CPU p50 4.8 → 3.7 and 2.5 ms, p95 10.7 → 8.6 and
  5.9 ms. Stacking, CSS opacity, redraws and screenshots look the same (checked); browsers
  without the hint ignore it. What a frame costs otherwise: the step, the new path segments
  (at most a fixed budget of rasterisation per frame, see paths.mjs), and in about half the
  frames one readout's style, layout and paint (turns.mjs spreads them: the leaderboard's
  table the most, ~0.9 ms layout + 0.7 paint).
  Traced again on an Intel Xeon machine (2 cores; \`BENCH_ONLY=frames\` there: p95 10.4–14 ms,
  frame CPU p95 6.2–7.3 ms, where an AMD EPYC machine gave 8.8–9.8 and 5.2–5.9): the slowest
  5% of frames (~7.5 ms CPU) are those carrying DOM readout changes — ~15 text nodes and 13
  spans restyled, then a full-tree layout pass (1,009 layout objects, ~1.7 ms), prepaint and
  paint (~1.9 ms), layerize (~0.5 ms) — plus the race's step (~1 ms, up to 3 ms); the
  leaderboard's turn preceded 5 of 14 of them, yet hiding any one readout left the p95
  where it was. The probe's wall time also holds the tasks that run before its
  message (chart draws, ~2.5 ms each, and readouts, which take turns in their own tasks).
  Tried, no change beyond the run-to-run noise (±3 ms at p95): charts at 5 Hz instead of 15
  and taking turns with the readouts; \`contain: content\` on the readouts; \`contain: strict\`
  and a fixed table layout on the leaderboard. Chromium's display compositor (software,
  GPU process) spends ~0.45 core re-blending the view's seven stacked full-size layers
  every frame (root damage 880×608); without the marks canvas and the teaching overlay it
  halves (445 → 219 ms/s) but the main thread's p95 does not move. What would: readouts
  that change no layout (fixed-size cells, drawn text), and the paths and marks drawn in a
  worker on an OffscreenCanvas.
- **First frame ≤ 300 ms** (290–368 ms single loads on an earlier Intel Xeon machine; on this
  round's machine 142–173 ms, and 222–302 ms, medians 242 and 247, with the main thread
  slowed 2×, \`BENCH_CPU_THROTTLE=2 BENCH_ONLY=first\`; a trace there: the first style pass
  of the static page ~20 ms, boot's first part ~38 ms, modules arriving 30–70 ms after
  their requests from the test server): the first frame is the one after the surface is drawn by
  boot.mjs's first part (engine, catalog, race, view: 17 modules, preloaded by index.html
  with the wasm; js/engine-start.mjs instantiates the wasm and makes the first surface's
  engine calls once while the others arrive, so V8's lazy compilation of those wasm
  functions is off the path). That first surface is a draft: the heat map at 0.4 of the
  resolution and the minima, no contours. Paths, run list, playback and charts
  (boot-panel.mjs) and the full rendering follow right after it; the lab, teaching layer,
  classroom, Explore, grid, links and 3-D (boot-late.mjs) after those. Measured under load
  (1-min load 8–12 on the 2 shared cores), 15 interleaved fresh loads each: main before
  this work 976 ms median, now 523 ms (single loads 256–300 ms when the load dipped); the
  renderer's main-thread CPU time to the first frame (trace) 175 → 116 ms. Then the first
  frame waited for 35 requests (27 modules, 7 style sheets, the wasm) over HTTP/1.1's 6
  connections, each a few process hops that wait for a core on a loaded machine (the test
  server shares its event loop with Playwright: gaps of 50–150 ms were seen). Now 19: the
  style sheets are one generated \`page.css\`, the first part's 7 message areas one generated
  \`messages/first.mjs\` (\`scripts/preload.mjs\` writes both with index.html's block at every
  build; they are not committed; the first-frame test fails when one is stale), and the language menu (page-settings, widgets)
  and the worker client (engine-worker.mjs) left the first part. Interleaved fresh loads,
  never on a quiet machine: at load 9–11, 470 → 321 ms median (14 each, the merged files
  alone); at load 12–14, 674 → 517 ms (20 each, all of it). Tried, no gain measured: no
  warm-up in engine-start.mjs, the test server in a process of its own, \`blocking="render"\`
  on boot.mjs. What remains: the 19 requests (17 modules, each its own file by design: a
  bundle would give the later parts second copies of shared modules), boot (~35 ms:
  catalog, view, the draft) and the frame (~25 ms).
- **wasm / native ≤ 1.5× per kernel** (the run before this round's, on an Intel Xeon:
  2.30×, \`surface_sample_1024\`; the first full run of this round, on an AMD EPYC: 2.31×,
  \`batch_many/sgd\`, everything else ≤ 1.42×). **Sampling (this round)**: natively LLVM
  vectorised Rosenbrock's \`sample_grid\` (51 packed \`mulpd\`/\`subpd\`/\`addpd\`), while
  the wasm build, with LLVM's vectorisation off (\`.cargo/config.toml\`: V8 ran its simd128
  loops about 2× slower), sampled one value at a time: 3.38 ms against 1.47 natively. The
  separable surfaces' sampling closures now work on two columns at once in a \`Pair\`
  (\`src/lanes.rs\`: one wasm \`f64x2\`, natively \`[f64; 2]\`), bit for bit the scalar
  \`value\` (a native test and a wasm-bindgen test over signed zeros, infinities, NaN and
  an odd last column): in wasm 1.86–1.93 → 1.21–1.48 ms on the AMD machine, 0.76–0.90× native.
  **SGD side by side (this round)**: 8 plain SGD runs stepped 4 lanes at a time took
  14.6 ms in wasm, slower than one after the other (8 × 1.2 ms): SGD's step is so short
  that the lanes' state round trips through memory and their bookkeeping cost more
  instructions than overlapping their chains saves (natively the lanes barely help either:
  6.3 ms against 8 × 0.87). In wasm SGD's runs now go one at a time
  (\`run::batch::side_by_side\`; the other families gain from the lanes in wasm, e.g.
  Adagrad 8 × 2.4 → 11.1 ms): 14.6 → 9.0–9.3 ms, 1.44–1.48×. **SGD's single run** is
  bimodal from one browser launch to the next (fastest of 10 1.12 ms in some, 1.64 in
  others, both steady within the launch; natively 0.80–0.87 ms): 1.40× or 2.05×; not
  explained (the same module; code placement is the likely suspect). The ratios now
  take the fastest over alternating rounds of both sides (above); this machine's own speed
  drifts for seconds at a time (the same native SGD batch run 0.85 ms in one divan run,
  1.22 ms in the next). Not kept: \`Lane::new\` inlined (below).
  Earlier:
  NAdam's and RAdam's batch kernels were 2.4–3.7×:
  no longer a \`powf\` (the powers are carried), but the subnormal products above (β1ᵗ,
  NAdam's Π) on every step after ~7,000. With them at 0, in one loaded run (native divan
  and the wasm kernels minutes apart, so the ratios move by ±0.3): batch kernel one run
  NAdam 1.50×, RAdam 1.70×, Adam 1.26×; 8 runs NAdam 1.14×, RAdam 1.56×, Adam 1.46×,
  SGD 2.2× (its wasm many-runs figure is noisy: 8 single runs take 16 ms). Still over:
  RAdam's one run and SGD's many; not profiled further. Sampling (\`exp\`, \`cos\` in
  Ackley and Rastrigin through libm) as before.
  Afterwards (one \`BENCH_ONLY=kernels\` run on the quiet machine): with \`+simd128\` LLVM's
  auto-vectorisation made the field kernels about 2× slower in V8 (sampling 1024² 23.5 ms,
  colouring 8.7 ms); with \`-C no-vectorize-loops -C no-vectorize-slp\` (explicit f64x2 in
  \`Vec2\` kept) they are 12.9 and 4.8 ms again, and tuned JS / batch kernel per run of 8 was
  2.03× in that run (2.67× in the full run before the change).
  **The batch lane's store forwarding (this round)**: the full bench's worst was
  \`batch_steps/sgd\` at 2.28× (native ~0.95 ms). The lane lives in memory; each step
  stored its gradient as two \`f64\`s and the next step's \`gradient + l1_gradient\` (an
  \`f64x2\` add in wasm) read them back as one 16-byte load, which store forwarding cannot
  serve: a stall on every step's chain. In wasm that sum, and SGD's update, are now taken
  coordinate by coordinate (the same IEEE operations, so the same bits; natively
  \`Vec2\`'s operators stay: written out there, the native batch runs got ~2× slower).
  The measurement was checked first: the timed calls loop inside Rust on both sides (no
  copy or allocation at the boundary that native lacks), but the kernels' page ticked in
  100 µs (±10% on a 1 ms kernel) and kept the fastest of 7 calls against divan's 10
  samples; it is now cross-origin isolated (5 µs) with 10 calls. Before/after, 4 rounds
  each of native divan then \`BENCH_ONLY=kernels\` back to back (load 7–8 on 2 cores),
  median of the rounds' ratios: batch_steps SGD 1.61 → 1.35×, Adagrad 1.52 → 1.22×,
  RMSprop 1.44 → 1.21×, Adadelta 1.39 → 1.25×, Adam 1.22 → 1.09×, AdamW 1.24 → 1.02×,
  NAdam 1.26 → 1.18×, RAdam 1.07 → 0.85×; fastest over the rounds, SGD 1.945 → 1.240 ms
  in wasm against 0.949 / 0.943 ms natively. Tried and not kept: \`Lane::new\` inlined so
  the single run's lane could live in locals (SGD ~10% faster, +7 KB gzipped: over the
  budget). On this shared machine a single round's worst ratio still swings to ~2× on
  whichever kernel a neighbour slowed (seen: \`batch_many/sgd\`, \`surface_colorize_1024\`).
- **Surface kernels and render 1024²**: sampling matched \`Problem\` and \`SurfaceKind\` per
  point and found the range with \`f64::min\`/\`max\` (a call per value in wasm, which has no
  instruction with their NaN rules): 12.9 ms in wasm against 6.1 natively. Now
  \`Surface::sample_grid\` runs monomorphised, row by row, with terms of x or y alone once per
  column or row (Rosenbrock, Rastrigin, Ackley, Beale, six-hump camel), and the range is
  found in two f64x2 lanes (\`src/field/range.rs\`): ~1.2–1.6 ms in wasm, ~1.1–1.4 natively.
  Colouring spent 4.5 of its 4.8 ms building its 2¹⁶-entry table (a logarithm per entry); its
  runs of equal colour are now found by halving (~0.3 ms). Contours allocated and zeroed a
  16 MB table over every edge per call; segments are now linked to their neighbours as they
  are found. \`Session.renderView\` hands the pixels to the page as a view of wasm memory (no
  4 MB copy). Values, colours and contour polylines are the same bits as before. Still slow:
  Ackley (two \`exp\` per point through libm, ~26 ms at 1024² in wasm). Isolines in wasm
  took 6–8 ms in a fresh module but 13 ms after many large allocations in the same one
  (layout-dependent, not explained).
- **Memory flat over 10 minutes**: a live run keeps its record (point, loss, learning rate:
  32 B per step) only for its last two checkpoint intervals (2 × 1,024 steps) and replays
  older steps exactly from its checkpoints (every 1,024 steps, ~408 B each), so the history
  costs ~0.4 B per step and run (\`history_bytes_per_step\`, \`wasm_memory_mb_10x1m\` above).
  What remains of the soak's growth is those checkpoints (a 600 s soak at 1,000 steps/s
  with 10 runs is 6,000,000 run-steps: ~2.4 MB) and the wasm memory's doubling, which never
  shrinks. A past step costs at most one interval of replay (0.1–0.2 ms); a whole 1M-step
  path is re-read in 16,384-point parts across frames.
- **wasm size** is the shipped module, measured before the benchmark entry points are built
  in (they sit behind the \`bench\` feature).
`;

main().catch((e) => {
  console.error(`bench: ${e.stack || e}`);
  process.exit(1);
});
