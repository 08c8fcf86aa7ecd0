// Soak: the real page playing continuously at full speed for a long time in headless
// Chromium, with memory and frame times sampled at intervals. Not part of `make test`.
//
//   node scripts/soak.mjs                 # 1800 s (30 minutes), a sample every 30 s
//   node scripts/soak.mjs 120 10          # 120 s, a sample every 10 s
//   SOAK_SECONDS=600 SOAK_EVERY=30 node scripts/soak.mjs
//
// The race: 10 runs (every optimizer; none diverges on Rosenbrock) with `steps: 1000000`
// (the engine's maximum), the Speed slider at its end (10,000 steps/s). At that speed a
// race reaches its 1,000,000 steps in about 100 s and playback stops by itself, as it does
// for a class; the soak then presses Reset and Play again (a "cycle") so that the page is
// always playing. Each sample: JS heap (performance.memory.usedJSHeapSize, precise, after
// gc()), wasm memory (the module's `memory` export: buffer.byteLength), the step, steps
// played since the last sample, and the frame intervals (requestAnimationFrame) since the
// last sample (p50, p95, max). Each cycle end is also recorded with its memory (the
// high-water mark of a cycle: every step of every run is kept until Reset).
//
// Progress goes to stderr; the last line on stdout is a JSON summary. Exit status 1 if the
// page logged an error or threw.
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), SOAK_SECONDS, SOAK_EVERY,
// SOAK_DIVERGE=1 (make one of the ten runs diverge, to see that path too).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, MEASURE_ARGS, startServer, TEN_RUNS } from '../tests/browser/serve.mjs';
import { slopePerMinute } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const SECONDS = Number(process.argv[2] ?? process.env.SOAK_SECONDS ?? 1800);
const EVERY = Number(process.argv[3] ?? process.env.SOAK_EVERY ?? 30);
const DIVERGE = process.env.SOAK_DIVERGE === '1';
const log = (...a) => console.error('soak:', ...a);


const RACE = DIVERGE
  ? { ...TEN_RUNS, runs: [...TEN_RUNS.runs.slice(0, 9), { optimizer: 'sgd', lr: 0.1 }] }
  : TEN_RUNS;


// Installed once in the page: frame intervals, and Reset + Play whenever playback stops
// (the race completed: every run finished, reached the minimum or diverged).
function monitor() {
  const m = { frames: [], cycles: [], t0: performance.now() };
  window.__soak = m;
  let last = performance.now();
  const frame = (t) => { m.frames.push(t - last); last = t; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  setInterval(async () => {
    const g = window.gradscape;
    if (g.playing) return;
    const st = g.state();
    const counts = {};
    for (const r of st.runs) counts[r.status] = (counts[r.status] || 0) + 1;
    const mod = await import('/pkg/gradscape.js');
    m.cycles.push({ t: (performance.now() - m.t0) / 1000, step: st.step, statuses: counts,
      js_mb: performance.memory.usedJSHeapSize / 2 ** 20,
      wasm_mb: (await mod.default()).memory.buffer.byteLength / 2 ** 20 });
    g.reset();
    g.play();
  }, 250);
}

async function sample(page) {
  return page.evaluate(async () => {
    const m = window.__soak;
    const frames = m.frames.splice(0).sort((a, b) => a - b);
    const q = (p) => (frames.length ? frames[Math.min(frames.length - 1, Math.floor(p * frames.length))] : null);
    window.gc?.();
    await new Promise((r) => setTimeout(r, 50));
    window.gc?.();
    const mod = await import('/pkg/gradscape.js');
    const exports = await mod.default(); // already initialised: returns the instance's exports
    return {
      t: (performance.now() - m.t0) / 1000,
      step: window.gradscape.state().step,
      playing: window.gradscape.playing,
      cycles: m.cycles.length,
      js_mb: performance.memory.usedJSHeapSize / 2 ** 20,
      wasm_mb: exports.memory.buffer.byteLength / 2 ** 20,
      frames: frames.length,
      frame_p50_ms: q(0.5), frame_p95_ms: q(0.95), frame_max_ms: frames.at(-1) ?? null,
      dom_nodes: document.getElementsByTagName('*').length,
    };
  });
}

const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);


async function main() {
  const server = await startServer(WWW);
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-soak-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...MEASURE_ARGS], viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
  });
  const errors = [];
  const samples = [];
  let cycles = [];
  try {
    const page = await context.newPage();
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`); });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('crash', () => errors.push('page crashed'));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => window.gradscape?.ready === true, null, { timeout: 60_000 });
    await page.evaluate((sc) => window.gradscape.load(sc), RACE);
    // The Speed slider at its end: 10^4 = 10,000 steps/s.
    await page.locator('#speed').fill('4');
    const speedLabel = await page.locator('#speed-out').textContent();
    log(`${SECONDS} s at ${speedLabel}, 10 runs, a sample every ${EVERY} s`);
    await page.evaluate(monitor);
    await page.evaluate(() => window.gradscape.play());
    const start = Date.now();
    samples.push(await sample(page));
    while (Date.now() - start < SECONDS * 1000) {
      await new Promise((r) => setTimeout(r, Math.min(EVERY * 1000, SECONDS * 1000 - (Date.now() - start))));
      const s = await sample(page);
      samples.push(s);
      log(`t=${round(s.t, 0)} s step=${s.step} cycles=${s.cycles} js=${round(s.js_mb)} MB wasm=${round(s.wasm_mb)} MB frame p50/p95/max=${round(s.frame_p50_ms)}/${round(s.frame_p95_ms)}/${round(s.frame_max_ms)} ms`);
    }
    cycles = await page.evaluate(() => window.__soak.cycles);
    await page.evaluate(() => window.gradscape.pause());
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'soak-end.png') }).catch(() => {});
  } finally {
    await context.close().catch(() => {});
    server.close();
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }
  // Steps played per run: every completed cycle's steps plus where the last cycle is.
  const steps = cycles.reduce((a, c) => a + c.step, 0) + (samples.at(-1)?.step ?? 0);
  const later = samples.slice(Math.floor(samples.length / 2));
  const max = (k, xs = samples) => Math.max(...xs.map((s) => s[k] ?? 0));
  const summary = {
    seconds: SECONDS, every_s: EVERY, runs: RACE.runs.length, steps_per_run: RACE.steps,
    speed_steps_per_s: 10_000, diverging_run: DIVERGE,
    samples: samples.map((s) => ({ ...s, t: round(s.t, 0), js_mb: round(s.js_mb), wasm_mb: round(s.wasm_mb),
      frame_p50_ms: round(s.frame_p50_ms), frame_p95_ms: round(s.frame_p95_ms), frame_max_ms: round(s.frame_max_ms) })),
    cycles: cycles.map((c) => ({ ...c, t: round(c.t, 0), js_mb: round(c.js_mb), wasm_mb: round(c.wasm_mb) })),
    js_mb_max_first_half: round(max('js_mb', samples.slice(0, Math.ceil(samples.length / 2)))),
    js_mb_max_second_half: round(max('js_mb', later)),
    wasm_mb_final: round(samples.at(-1)?.wasm_mb),
    wasm_mb_max: round(max('wasm_mb')),
    cycle_end_js_mb: cycles.map((c) => round(c.js_mb)),
    cycle_end_wasm_mb: cycles.map((c) => round(c.wasm_mb)),
    js_slope_mb_per_min_second_half: round(slopePerMinute(later, 'js_mb'), 2),
    frame_p95_ms_max: round(max('frame_p95_ms')),
    frame_p50_ms_median: round(samples.map((s) => s.frame_p50_ms).filter((x) => x != null).sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? null),
    approx_steps_per_run: steps,
    errors,
  };
  await fsp.mkdir(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results', 'soak.json'), JSON.stringify(summary, null, 1));
  console.log(JSON.stringify(summary));
  if (errors.length) process.exitCode = 1;
}

main().catch((e) => { console.error(e); process.exit(2); });
