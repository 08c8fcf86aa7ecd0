// Side by side (issue 17): the frame's main-thread time with 9 panels. Nine runs of the
// frame benchmark's race (tests/browser/serve.mjs TEN_RUNS, the first nine), stepped to
// GRID_POINTS-point paths, shown side by side with ghosts on and the teaching overlays as
// they start, played at 1,000 steps/s for GRID_SECONDS. A frame's time is measured as
// scripts/frames.mjs does: from the first animation-frame callback to the end of the frame's
// rendering (a message posted from that callback). Also how many surface paintings and
// engine renderings a view change costs (one each, whatever the number of panels), and the
// same nine runs on the overlay just after, as the reference on this machine at this load.
//
//   run by make bench (scripts/bench.mjs); alone: node scripts/bench-extra/grid.mjs

import { fileURLToPath } from 'node:url';
import { TEN_RUNS } from '../../tests/browser/serve.mjs';

const POINTS = Number(process.env.GRID_POINTS ?? 100_000);
const SECONDS = Number(process.env.GRID_SECONDS ?? 10);

function probe() {
  const raf = window.requestAnimationFrame.bind(window);
  const frames = [];
  window.__gridFrames = frames;
  const tick = (t) => {
    const start = performance.now();
    raf(tick);
    const ch = new MessageChannel();
    ch.port1.onmessage = () => frames.push(performance.now() - start);
    ch.port2.postMessage(0);
  };
  raf(tick);
}

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null; };
const r2 = (x) => (x == null ? x : Number(x.toFixed(2)));

export default async function measure({ context, server, log, openPage, ready, errors }) {
  const page = await openPage(context, `${server.url}/`, errors, probe);
  try {
    await ready(page, () => document.documentElement.dataset.ready === 'true' && window.gradscape?.grid);
    const scenario = { ...TEN_RUNS, runs: TEN_RUNS.runs.slice(0, 9) };
    const t0 = Date.now();
    await page.evaluate(({ scenario, n }) => {
      window.gradscape.load(scenario);
      window.gradscape.step(n - 1);
      window.gradscape.grid.setLayout('grid');
      window.gradscape.grid.ghosts(true);
    }, { scenario, n: POINTS });
    log(`grid: 9 runs stepped to ${POINTS} points in ${Date.now() - t0} ms`);
    // Let the full redraw and the surface rendering happen.
    await page.waitForTimeout(1500);
    // A view change: one engine rendering and one surface painting for all nine panels.
    const change = await page.evaluate(async () => {
      const g = window.gradscape.grid;
      const a = g.stats();
      const c = document.querySelector('#grid .grid-base').getBoundingClientRect();
      const t = performance.now();
      document.querySelector('#grid .grid-base').dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: c.left + c.width / 2, clientY: c.top + c.height / 2, bubbles: true, cancelable: true }));
      const sync = performance.now() - t;
      await new Promise((r) => setTimeout(r, 400));
      const b = g.stats();
      return { sync, renders: b.renders - a.renders, paints: b.surfacePaints - a.surfacePaints };
    });
    await page.getByLabel('Speed', { exact: true }).fill(String(Math.log10(1000)));
    const play = async () => {
      const f0 = await page.evaluate(() => { window.gradscape.play(); return window.__gridFrames.length; });
      await page.waitForTimeout(SECONDS * 1000);
      return page.evaluate((f0) => { window.gradscape.pause(); return window.__gridFrames.slice(f0 + 1); }, f0);
    };
    const busy = await play();
    // The same nine runs on the overlay, in the same browser just after: the reference.
    await page.evaluate(() => window.gradscape.grid.setLayout('overlay'));
    await page.waitForTimeout(1500);
    const overlay = await play();
    const out = {
      frame_grid9_p50_ms: r2(q(busy, 0.5)),
      frame_grid9_p95_ms: r2(q(busy, 0.95)),
      frame_overlay9_p95_ms: r2(q(overlay, 0.95)),
      grid9_zoom_input_ms: r2(change.sync),
      grid9_renders_per_view_change: change.renders,
      grid9_surface_paints_per_view_change: change.paints,
    };
    log(`grid: ${busy.length} frames, ${JSON.stringify(out)}`);
    return out;
  } finally {
    await page.close().catch(() => {});
  }
}

// Alone: the same browser set-up as make bench.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const fsp = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const { CHROMIUM_ARGS, CHROMIUM_PATH, MEASURE_ARGS, startServer } = await import('../../tests/browser/serve.mjs');
  const server = await startServer();
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-grid-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...MEASURE_ARGS], viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1,
  });
  const errors = [];
  const openPage = async (ctx, url, errs, init) => {
    const page = await ctx.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errs.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => errs.push(`uncaught: ${e.message}`));
    if (init) await page.addInitScript(init);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
  const ready = (page, what) => page.waitForFunction(what, null, { timeout: 60_000 });
  try {
    const out = await measure({ context, server, log: (...a) => console.error(...a), openPage, ready, errors });
    console.log(JSON.stringify({ ...out, errors }));
  } finally {
    await context.close().catch(() => {});
    server.close();
    await fsp.rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}
