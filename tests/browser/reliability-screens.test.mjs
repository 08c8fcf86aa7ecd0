// Every window size and pixel ratio starts and draws (issue 11 item 5): a view canvas over
// 16.7 million device pixels (3840×2160 at ratio 2 or 3) used to fail with "Failed to
// construct 'ImageData'" because the engine caps the heat map at 4096 × 4096 cells. Now the
// canvases are capped (canvas.mjs) and the picture is rendered within the engine's cap and
// scaled up. Each size × ratio gets its own browser context (deviceScaleFactor).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS, CHROMIUM_PATH, RESULTS_DIR } from './harness.mjs';

const CASES = [
  [1, 1, 1], [1, 1, 3], [200, 150, 1], [200, 150, 3], [1280, 800, 1.5], [1280, 800, 3],
  [3840, 2160, 1], [3840, 2160, 2], [3840, 2160, 3], [2560, 1440, 4], [900, 3000, 2],
];
const CAP = 4096 * 4096;

let browser, server;
after(async () => { await browser?.close(); await server?.close(); });

for (const [width, height, scale] of CASES) {
  test(`${width}×${height} at devicePixelRatio ${scale}: starts, renders, draws`, { timeout: 180_000 }, async () => {
    server ??= await startServer();
    browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    try {
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => window.gradscape?.ready === true || !document.getElementById('fatal').hidden, null, { timeout: 60_000 });
      assert.equal(await page.locator('#fatal').isVisible(), false, `fatal: ${await page.locator('#fatal').textContent()}`);
      assert.equal(await page.evaluate(() => window.devicePixelRatio), scale);
      const before = await page.evaluate(() => window.gradscape.renders);
      await page.evaluate(() => window.gradscape.step(20));
      await page.evaluate(() => document.getElementById('fit').click());
      await page.waitForFunction((n) => window.gradscape.renders > n, before, { timeout: 30_000 });
      const info = await page.evaluate(() => {
        const c = document.getElementById('surface-canvas');
        const r = c.getBoundingClientRect();
        const canvases = [...document.querySelectorAll('canvas')].map((k) => k.width * k.height);
        // Sample a 9 × 9 grid of the surface picture: a drawn heat map has many colours.
        const ctx = c.getContext('2d');
        const colours = new Set();
        for (let i = 1; i < 10; i += 1) {
          for (let j = 1; j < 10; j += 1) {
            const d = ctx.getImageData(Math.floor((c.width * i) / 10), Math.floor((c.height * j) / 10), 1, 1).data;
            colours.add(`${d[0]},${d[1]},${d[2]}`);
          }
        }
        return { css: [r.width, r.height], backing: [c.width, c.height], biggest: Math.max(...canvases), colours: colours.size };
      });
      assert.ok(info.biggest <= CAP + 2 * 4096 + 1, `a canvas of ${info.biggest} device pixels`);
      if (info.css[0] >= 100 && info.css[1] >= 100) {
        assert.ok(info.colours >= 5, `the surface shows ${info.colours} colours: ${JSON.stringify(info)}`);
        // Below the cap the canvas has every device pixel of the screen.
        const want = info.css[0] * info.css[1] * scale * scale;
        if (want <= CAP) assert.ok(Math.abs(info.backing[0] - info.css[0] * scale) <= 1, JSON.stringify(info));
      }
      if (width === 3840 && scale === 3) {
        await fsp.mkdir(RESULTS_DIR, { recursive: true });
        await page.screenshot({ path: path.join(RESULTS_DIR, 'reliability-screen-3840x2160@3.png'), scale: 'css' });
      }
      // The page still answers: play briefly and pause.
      await page.evaluate(() => window.gradscape.play());
      await page.waitForTimeout(300);
      await page.evaluate(() => window.gradscape.pause());
      assert.deepEqual(errors, [], errors.join('\n'));
    } finally {
      await context.close();
    }
  });
}
