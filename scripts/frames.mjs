// Frame times and memory with long paths: the real page, 10 runs (every optimizer) stepped
// to 100,000-point paths with `gradscape.step`, the Speed slider at 1,000 steps/s, then
// `play()`. Prints the p50/p95 main-thread time per frame (from the first animation-frame
// callback to the end of that frame's rendering, as scripts/bench.mjs measures it) and the
// JS heap (after gc()) and wasm memory before and after PLAY_SECONDS of play.
//
//   node scripts/frames.mjs                      # 60 s of play
//   PLAY_SECONDS=10 node scripts/frames.mjs
//   WWW_DIR=/some/other/www node scripts/frames.mjs   # e.g. an older copy, for before/after
//
// Headless Chromium with the browser tests' flags (tests/browser/harness.mjs, software
// raster) plus precise heap sizes and gc(). Last line on stdout: a JSON summary.

import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, MEASURE_ARGS, startServer, TEN_RUNS } from '../tests/browser/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.resolve(process.env.WWW_DIR || path.join(ROOT, 'www'));
const SECONDS = Number(process.env.PLAY_SECONDS ?? 60);
const POINTS = Number(process.env.PATH_POINTS ?? 100_000);
const log = (...a) => console.error('frames:', ...a);

// tests/browser/harness.mjs's policy and flags (not imported: it registers node:test hooks).



const memory = (page) => page.evaluate(async () => {
  window.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  window.gc?.();
  return { js_mb: performance.memory.usedJSHeapSize / 2 ** 20, step: window.gradscape.state().step };
});

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null; };
const r2 = (x) => (x == null ? x : Number(x.toFixed(2)));

async function main() {
  const server = await startServer(WWW);
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-frames-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...MEASURE_ARGS], viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
  });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    // The frame probe, installed before the page's scripts: registered first in each frame,
    // its posted message runs after the frame's callbacks, style, layout and paint.
    await page.addInitScript(() => {
      const raf = window.requestAnimationFrame.bind(window);
      const frames = [];
      window.__frames = frames;
      const probe = (t) => {
        const start = performance.now();
        raf(probe);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => frames.push({ t, busy: performance.now() - start });
        ch.port2.postMessage(0);
      };
      raf(probe);
    });
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.gradscape?.ready === true, null, { timeout: 60_000 });
    const t0 = Date.now();
    const stepped = await page.evaluate(({ scenario, n }) => {
      window.gradscape.load(scenario);
      return window.gradscape.step(n - 1).step;
    }, { scenario: TEN_RUNS, n: POINTS });
    const stepMs = Date.now() - t0;
    log(`stepped to ${stepped} in ${stepMs} ms`);
    // Let the step's redraw (sliced, between frames: paths.mjs) end before measuring, as
    // scripts/bench.mjs does: the frames measured are those of playing, not of that drawing.
    await page.waitForFunction(() => !window.gradscape.background().drawing, null, { timeout: 180_000, polling: 100 });
    await page.getByLabel('Speed', { exact: true }).fill(String(Math.log10(1000)));
    const before = await memory(page);
    log(`before: ${JSON.stringify(before)}`);
    const f0 = await page.evaluate(() => { window.gradscape.play(); return window.__frames.length; });
    const end = Date.now() + SECONDS * 1000;
    while (Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(5000, end - Date.now())));
    const played = await page.evaluate((f0) => {
      window.gradscape.pause();
      return window.__frames.slice(f0 + 1).map((f) => f.busy);
    }, f0);
    const after = await memory(page);
    log(`after: ${JSON.stringify(after)}`);
    const out = {
      www: WWW,
      play_seconds: SECONDS,
      path_points: POINTS,
      step_to_100k_ms: stepMs,
      frames: played.length,
      steps_played: after.step - before.step,
      frame_p50_ms: r2(q(played, 0.5)),
      frame_p95_ms: r2(q(played, 0.95)),
      frame_max_ms: r2(Math.max(...played)),
      js_heap_before_mb: r2(before.js_mb),
      js_heap_after_mb: r2(after.js_mb),
      errors,
    };
    console.log(`frame main-thread time: p50 ${out.frame_p50_ms} ms, p95 ${out.frame_p95_ms} ms, max ${out.frame_max_ms} ms (${out.frames} frames, ${out.steps_played} steps in ${SECONDS} s)`);
    console.log(`JS heap: ${out.js_heap_before_mb} MB before, ${out.js_heap_after_mb} MB after ${SECONDS} s of play`);
    console.log(JSON.stringify(out));
    if (errors.length) process.exitCode = 1;
  } finally {
    await context.close().catch(() => {});
    server.close();
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

main().catch((e) => { console.error(`frames: ${e.stack || e}`); process.exit(1); });
