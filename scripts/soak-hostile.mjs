// Hostile soak: the real page in headless Chromium for a long time under a seeded mix of the
// actions a class produces (issue 11): formulas (huge values next to their spread, bad
// syntax, 1e300), regression data (pasted CSV from 3 to 60,000 rows, values near 1e17, bad
// rows), links (valid, damaged, too long, by hash change), window resizes (1×1 to 2560×1600),
// rapid clicks on Play / Step / Reset at top speed, the speed slider, the log scale, the mode
// and surface switches, and bad API arguments. Not part of `make test`.
//
//   node scripts/soak-hostile.mjs              # 1800 s (30 minutes), a sample every 30 s
//   node scripts/soak-hostile.mjs 600 30       # 10 minutes
//
// After every action the page must answer (a requestAnimationFrame round trip) within
// HANG_MS, or the action counts as a hang. Each sample: JS heap (after gc()), wasm memory,
// frame intervals since the last sample (p50, p95, max), DOM nodes, actions so far. Progress
// goes to stderr; the last line on stdout is a JSON summary (also test-results/soak-hostile.json).
// Exit status 1 on any console error, uncaught exception, crash or hang.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, MEASURE_ARGS, seededRandom as rng, startServer } from '../tests/browser/serve.mjs';
import { slopePerMinute } from './measure.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.argv[2] ?? process.env.SOAK_SECONDS ?? 1800);
const EVERY = Number(process.argv[3] ?? process.env.SOAK_EVERY ?? 30);
const HANG_MS = 15_000;
const log = (...a) => console.error('soak-hostile:', ...a);

const r = rng(11);
const pick = (xs) => xs[Math.floor(r() * xs.length)];
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

const FORMULAS = ['1e17 + 100*x', '1e18 + 10*x', '-1e17 + x*y', '1e300*x', '1e-310*x + y', 'x^2 + 5*y^2', 'sin(3*x)*cos(3*y) + 0.1*(x^2+y^2)',
  '(1 - x)^2 + 100*(y - x^2)^2', 'exp(exp(exp(x)))', '1/0', 'x^2 + * y', 'sin('.repeat(60) + 'x' + ')'.repeat(60), 'x'.repeat(900), '<img src=x>'];

function csv() {
  const n = pick([3, 10, 200, 5000, 60_000]);
  const base = pick([0, 0, 1e17, -1e17, 1e-300]);
  const rows = Array.from({ length: n }, (_, i) => `${base + i * pick([1, 16, 0.001])},${base + (i % 7) * 16}`);
  if (r() < 0.2) rows.splice(Math.floor(n / 2), 0, 'oops,1');
  return `x,y\n${rows.join('\n')}\n`;
}

const ACTIONS = {
  async formula(page) {
    await page.evaluate((expr) => {
      const sc = JSON.parse(window.gradscape.exportScenario());
      sc.problem = { expr }; delete sc.page;
      try { window.gradscape.load(sc); } catch { /* a bad formula: refused with a message */ }
    }, pick(FORMULAS));
  },
  async data(page) {
    await page.getByRole('radio', { name: 'Regression' }).check({ timeout: 3000 });
    const text = csv();
    const box = page.getByLabel('CSV data');
    if (!(await box.isVisible())) await page.getByText('Paste or load a CSV (x,y)').click();
    await box.evaluate((t, v) => { t.value = v; }, text);
    await page.getByRole('button', { name: 'Load CSV' }).click();
  },
  async link(page) {
    const hash = await page.evaluate(() => new URL(window.gradscape.link()).hash);
    const bad = pick([hash, `${hash.slice(0, hash.length / 2)}`, '#s=eyJwcm9ibGVt', '#s=', `#s=${'A'.repeat(300_000)}`, '#s=%%%', hash]);
    await page.evaluate((h) => { location.hash = h; }, bad);
  },
  async resize(page) {
    await page.setViewportSize(pick([{ width: 1, height: 1 }, { width: 200, height: 150 }, { width: 1280, height: 800 }, { width: 2560, height: 1600 }, { width: 800, height: 2000 }]));
  },
  async clicks(page) {
    // As fast as the page takes them, also when a tiny window hides the buttons (a click
    // event then, not a pointer click that would wait for them to show).
    await page.locator('#speed').fill('4', { timeout: 1000 }).catch(() => page.evaluate(() => {
      const s = document.getElementById('speed'); s.value = '4'; s.dispatchEvent(new Event('input'));
    }));
    for (let k = 0; k < 40; k += 1) {
      await page.locator(pick(['#play', '#step', '#reset', '#play'])).dispatchEvent('click');
    }
  },
  async toggles(page) {
    await page.evaluate((u) => {
      document.getElementById('log-scale').click();
      const sel = document.getElementById('surface');
      const opts = [...sel.options].filter((o) => o.value);
      sel.value = opts[Math.floor(u * opts.length)].value;
      sel.dispatchEvent(new Event('change'));
    }, r());
    if (r() < 0.3) await page.getByRole('radio', { name: pick(['Surfaces', 'Regression']) }).check({ timeout: 3000 }).catch(() => {});
  },
  async api(page) {
    await page.evaluate(() => {
      const bad = [undefined, null, NaN, -1, 1e12, 'x', {}, [], Infinity];
      for (const name of ['load', 'step', 'path', 'timeline', 'explain', 'rates', 'play']) {
        for (const v of bad) { try { window.gradscape[name](v); } catch { /* refused with a message */ } }
      }
      window.gradscape.pause();
    });
  },
  async play(page) {
    await page.evaluate(() => window.gradscape.play());
    await page.waitForTimeout(2000);
  },
};

async function answers(page) {
  return Promise.race([
    page.evaluate(() => new Promise((res) => requestAnimationFrame(() => res(true)))),
    new Promise((res) => setTimeout(() => res(false), HANG_MS)),
  ]);
}

function monitor() {
  const m = { frames: [], t0: performance.now() };
  window.__soak = m;
  let last = performance.now();
  const frame = (t) => { m.frames.push(t - last); last = t; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

async function sample(page, actions) {
  const s = await page.evaluate(async () => {
    const m = window.__soak;
    const frames = m.frames.splice(0).sort((a, b) => a - b);
    const q = (p) => (frames.length ? frames[Math.min(frames.length - 1, Math.floor(p * frames.length))] : null);
    window.gc?.();
    await new Promise((res) => setTimeout(res, 50));
    window.gc?.();
    const exports = await (await import('/pkg/gradscape.js')).default();
    return {
      t: (performance.now() - m.t0) / 1000, js_mb: performance.memory.usedJSHeapSize / 2 ** 20,
      wasm_mb: exports.memory.buffer.byteLength / 2 ** 20, frames: frames.length,
      frame_p50_ms: q(0.5), frame_p95_ms: q(0.95), frame_max_ms: frames.at(-1) ?? null,
      dom_nodes: document.getElementsByTagName('*').length,
    };
  });
  return { ...s, actions };
}

async function main() {
  const server = await startServer(path.join(ROOT, 'www'));
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-soak-hostile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...MEASURE_ARGS], viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
  });
  const errors = [], hangs = [], samples = [], counts = {};
  let actions = 0;
  try {
    const page = await context.newPage();
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text().slice(0, 300)}`); });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('crash', () => errors.push('page crashed'));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => window.gradscape?.ready === true, null, { timeout: 60_000 });
    await page.evaluate(monitor);
    const start = Date.now();
    let next = start + EVERY * 1000;
    samples.push(await sample(page, 0));
    while (Date.now() - start < SECONDS * 1000 && !errors.includes('page crashed')) {
      const name = pick(Object.keys(ACTIONS));
      const t0 = Date.now();
      try { await ACTIONS[name](page); } catch (e) { if (!/Timeout|timeout/.test(String(e))) log(`${name}: ${String(e).split('\n')[0]}`); }
      actions += 1;
      counts[name] = (counts[name] || 0) + 1;
      if (!(await answers(page))) { hangs.push({ action: name, t: (Date.now() - start) / 1000 }); log(`HANG after ${name}`); break; }
      if (Date.now() - t0 > 5000) log(`${name} took ${Date.now() - t0} ms`);
      if (Date.now() >= next) {
        next = Date.now() + EVERY * 1000;
        await page.setViewportSize({ width: 1280, height: 800 });
        const s = await sample(page, actions);
        samples.push(s);
        log(`t=${round(s.t, 0)} s actions=${actions} js=${round(s.js_mb)} MB wasm=${round(s.wasm_mb)} MB frame p50/p95/max=${round(s.frame_p50_ms)}/${round(s.frame_p95_ms)}/${round(s.frame_max_ms)} ms dom=${s.dom_nodes} errors=${errors.length}`);
      }
    }
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'soak-hostile-end.png') }).catch(() => {});
  } finally {
    await context.close().catch(() => {});
    server.close();
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }
  const later = samples.slice(Math.floor(samples.length / 2));
  const max = (k, xs = samples) => Math.max(...xs.map((s) => s[k] ?? 0));
  const summary = {
    seconds_asked: SECONDS, seconds_run: round(samples.at(-1)?.t ?? 0, 0), every_s: EVERY, actions, counts, hangs,
    samples: samples.map((s) => ({ ...s, t: round(s.t, 0), js_mb: round(s.js_mb), wasm_mb: round(s.wasm_mb),
      frame_p50_ms: round(s.frame_p50_ms), frame_p95_ms: round(s.frame_p95_ms), frame_max_ms: round(s.frame_max_ms) })),
    js_mb_max: round(max('js_mb')), js_mb_max_second_half: round(max('js_mb', later)),
    js_slope_mb_per_min_second_half: round(slopePerMinute(later, 'js_mb'), 2),
    wasm_mb_max: round(max('wasm_mb')), wasm_mb_final: round(samples.at(-1)?.wasm_mb),
    frame_p95_ms_max: round(max('frame_p95_ms')), frame_max_ms: round(max('frame_max_ms')),
    dom_nodes_max: max('dom_nodes'), errors,
  };
  await fsp.mkdir(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results', 'soak-hostile.json'), JSON.stringify(summary, null, 1));
  console.log(JSON.stringify(summary));
  if (errors.length || hangs.length) process.exitCode = 1;
}

main().catch((e) => { console.error(e); process.exit(2); });
