// The 3-D view's figures (joined to `make bench`'s JSON line, see README.md here): with the
// 10-run race playing in 3-D, the view's own main-thread time per frame (terrain updates,
// new path points, arrows and three.js's render call: `frame3d_p95_ms`, `frame3d_p50_ms`)
// and the frames per second the page reached (`fps3d`); the time from choosing 3-D to its
// first picture, three.js's download and compile included (`view3d_load_ms`); and the
// engine's 256 × 256 height field with the mesh update (`terrain256_ms`, median of view
// changes). In this headless Chromium WebGL is SwiftShader (the CPU), so frame figures are
// an upper bound of what a GPU gives.

import { TEN_RUNS } from '../../tests/browser/serve.mjs';

const PLAY_MS = Number(process.env.VIEW3D_PLAY_MS ?? 5000);

export default async function measure({ context, server, log, openPage, ready, errors }) {
  const page = await openPage(context, `${server.url}/`, errors);
  try {
    await ready(page, () => window.gradscape?.ready === true);
    await page.evaluate((sc) => window.gradscape.load(sc), TEN_RUNS);
    const load = await page.evaluate(async () => {
      const t0 = performance.now();
      await window.gradscape.view3d.setMode('3d');
      const scene = window.gradscape.view3d.scene();
      if (!scene) return null;
      await new Promise((resolve) => { const wait = () => (scene.draws > 0 ? resolve() : requestAnimationFrame(wait)); wait(); });
      return performance.now() - t0;
    });
    if (load == null) { log('view3d: no WebGL in this browser'); return {}; }
    // The height field: view changes (zoom steps) rebuilt at once, 8 times.
    const terrain = await page.evaluate(() => {
      const g = window.gradscape, s = g.view3d.scene(), times = [];
      for (let k = 0; k < 8; k += 1) {
        s.terrain.build({ box: s.terrain.box, source: { session: s.race.session, detail: 1 }, logHeight: k % 2 === 0, logColour: true, minima: [], canvasPixels: 1 });
        times.push(s.terrain.heightMs);
      }
      times.sort((a, b) => a - b);
      return { median: times[4], cols: s.terrain.cols, rows: s.terrain.rows };
    });
    log(`view3d: terrain ${terrain.cols} × ${terrain.rows}`);
    const play = await page.evaluate(async (ms) => {
      const g = window.gradscape, s = g.view3d.scene();
      s.frames.length = 0;
      let frames = 0, stop = false;
      const count = () => { frames += 1; if (!stop) requestAnimationFrame(count); };
      requestAnimationFrame(count);
      g.play();
      const t0 = performance.now();
      await new Promise((resolve) => setTimeout(resolve, ms));
      g.pause(); stop = true;
      const st = s.stats();
      return { fps: (frames * 1000) / (performance.now() - t0), p95: st.p95, p50: st.p50, step: g.state().step };
    }, PLAY_MS);
    log(`view3d: ${play.step} steps, ${play.fps.toFixed(1)} fps, frame p95 ${play.p95?.toFixed(2)} ms`);
    return {
      frame3d_p95_ms: play.p95,
      frame3d_p50_ms: play.p50,
      fps3d: play.fps,
      view3d_load_ms: load,
      terrain256_ms: terrain.median,
    };
  } finally {
    await page.close().catch(() => {});
  }
}
