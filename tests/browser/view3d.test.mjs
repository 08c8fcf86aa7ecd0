// The 3-D view (www/js/view3d/): switching to 3-D draws the terrain in WebGL (Chromium's
// SwiftShader here: the harness's flags give WebGL2 without a GPU), playing moves the balls,
// a drag turns the camera, the choice is carried by share links and lessons, and without
// WebGL the choice says so and the 2-D view goes on. The engine's height field is checked
// against the loss at the mesh's corners.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, screenshot } from './harness.mjs';

// The 3-D canvas read back in the page (WebGL's readPixels right after a draw), as a grid of
// cells of mean colour; `cells` across, rows in proportion.
const picture = (page, cells = 48) => page.evaluate((n) => {
  const { width, height, pixels } = window.gradscape.view3d.scene().sample();
  const rows = Math.round((n * height) / width), size = width / n;
  const out = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < n; c += 1) {
      let sum = [0, 0, 0], count = 0;
      for (let y = Math.floor(r * size); y < Math.floor((r + 1) * size); y += 2) {
        for (let x = Math.floor(c * size); x < Math.floor((c + 1) * size); x += 2) {
          const k = ((height - 1 - y) * width + x) * 4; // readPixels' row 0 is the bottom
          sum = [sum[0] + pixels[k], sum[1] + pixels[k + 1], sum[2] + pixels[k + 2]]; count += 1;
        }
      }
      out.push(sum.map((v) => v / Math.max(1, count)));
    }
  }
  return { n, rows, cells: out, width, height };
}, cells);

const distinct = (p) => new Set(p.cells.map((c) => c.map((v) => Math.round(v / 8)).join(','))).size;
const diff = (a, b, i) => Math.max(...a.cells[i].map((v, k) => Math.abs(v - b.cells[i][k])));
const changedShare = (a, b) => a.cells.filter((_, i) => diff(a, b, i) > 12).length / a.cells.length;

async function to3d(page, label = '3-D') {
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.evaluate(() => window.gradscape.view3d.ready());
  await page.waitForFunction(() => window.gradscape.view3d.scene()?.stats().draws > 0);
}

test('3-D: terrain drawn, balls move when playing, a drag turns the camera, back to 2-D', async () => {
  await withPage('view3d', async (page) => {
    await page.evaluate(() => window.gradscape.load(JSON.parse(window.gradscape.exportScenario())));
    await to3d(page);
    assert.equal(await page.evaluate(() => document.querySelector('.stage').dataset.view), '3d');
    // The engine's heights: the corner vertices lie on the view box, in order of the loss.
    const corners = await page.evaluate(() => {
      const t = window.gradscape.view3d.scene().terrain;
      const { x0, x1, y0, y1 } = t.box;
      const h = (c, r) => t.heights[r * t.cols + c];
      return { heights: [h(0, 0), h(t.cols - 1, 0), h(0, t.rows - 1), h(t.cols - 1, t.rows - 1)], points: [[x0, y1], [x1, y1], [x0, y0], [x1, y0]], n: t.heights.length, cols: t.cols, rows: t.rows };
    });
    assert.equal(corners.n, corners.cols * corners.rows);
    assert.ok(corners.cols >= 128 && corners.rows >= 64, `${corners.cols} × ${corners.rows}`);
    const losses = await page.evaluate((pts) => pts.map(([x, y]) => window.gradscape.view3d.scene().race.session.lossAt(x, y)), corners.points);
    const byLoss = [0, 1, 2, 3].sort((a, b) => losses[a] - losses[b]);
    const byHeight = [0, 1, 2, 3].sort((a, b) => corners.heights[a] - corners.heights[b]);
    assert.deepEqual(byHeight, byLoss, `heights ${corners.heights} losses ${losses}`);
    assert.ok(corners.heights.every((h) => h >= 0 && h <= 1));

    const first = await picture(page);
    assert.ok(distinct(first) > 40, `a non-uniform picture (${distinct(first)} colours)`);
    await screenshot(page, 'view3d-start');

    // 100 steps: the picture changes where the balls went.
    const balls = () => page.evaluate(() => window.gradscape.state().runs.map((_, i) => window.gradscape.view3d.scene().ballOnScreen(i)));
    const before = await balls();
    await page.evaluate(() => window.gradscape.step(100));
    await page.waitForFunction(() => window.gradscape.state().step === 100);
    const after = await balls();
    const played = await picture(page);
    const cellOf = ([x, y]) => Math.floor(y / (played.height / played.rows)) * played.n + Math.floor(x / (played.width / played.n));
    const moved = after.filter((p, i) => p && before[i] && Math.hypot(p[0] - before[i][0], p[1] - before[i][1]) > 10);
    assert.ok(moved.length >= 2, `balls moved: ${JSON.stringify({ before, after })}`);
    const changedAtBalls = moved.filter((p) => diff(first, played, cellOf(p)) > 20);
    assert.ok(changedAtBalls.length >= 2, `the picture changed at ${changedAtBalls.length} of ${moved.length} balls`);

    // A drag orbits the camera: most of the picture changes.
    const box = await page.locator('.view3d-canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    const turned = await picture(page);
    assert.ok(changedShare(played, turned) > 0.2, `a drag changed ${changedShare(played, turned)} of the picture`);
    assert.equal(await page.evaluate(() => window.gradscape.state().step), 100, 'a drag in 3-D is not a click on the 2-D view');

    // The timeline's cursor: at step 10 the balls are back near where they started.
    const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const turnedBalls = await balls();
    await page.evaluate(() => window.gradscape.timeline(10));
    await frame();
    const scrubbed = await balls();
    const moved10 = scrubbed.filter((p, i) => p && turnedBalls[i] && Math.hypot(p[0] - turnedBalls[i][0], p[1] - turnedBalls[i][1]) > 10);
    assert.ok(moved10.length >= 2, `balls follow the cursor: ${JSON.stringify({ turnedBalls, scrubbed })}`);
    await page.evaluate(() => window.gradscape.timeline(100));
    await frame();
    assert.deepEqual(await balls(), turnedBalls, 'back at the live end');

    // The camera: the wheel zooms, a right-drag pans, two pointers pinch, Reset goes home.
    const cam = () => page.evaluate(() => { const o = window.gradscape.view3d.scene().orbit; return { dist: o.dist, target: o.target.toArray(), az: o.az }; });
    const c0 = await cam();
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.wheel(0, -300);
    const c1 = await cam();
    assert.ok(c1.dist < c0.dist * 0.9, `wheel: ${c0.dist} → ${c1.dist}`);
    await page.mouse.down({ button: 'right' });
    await page.mouse.move(box.x + 180, box.y + 140, { steps: 4 });
    await page.mouse.up({ button: 'right' });
    const c2 = await cam();
    assert.ok(Math.hypot(...c2.target.map((v, k) => v - c1.target[k])) > 0.05 && c2.az === c1.az, `right-drag pans: ${JSON.stringify([c1, c2])}`);
    const pinched = await page.evaluate(() => {
      const canvas = document.querySelector('.view3d-canvas');
      const o = window.gradscape.view3d.scene().orbit, before = o.dist;
      const fire = (type, id, x, y) => canvas.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: y, bubbles: true }));
      fire('pointerdown', 11, 400, 300); fire('pointerdown', 12, 440, 300);
      for (let k = 1; k <= 5; k += 1) { fire('pointermove', 11, 400 - 20 * k, 300); fire('pointermove', 12, 440 + 20 * k, 300); }
      fire('pointerup', 11, 300, 300); fire('pointerup', 12, 540, 300);
      return [before, o.dist];
    });
    assert.ok(pinched[1] < pinched[0] * 0.6, `pinch apart zooms in: ${pinched}`);
    await page.getByRole('button', { name: 'Reset camera' }).click();
    const home = await cam();
    assert.ok(home.dist > pinched[1] && Math.abs(home.az - c0.az) > 0.5, 'Reset camera: back to the home view (the drag above had turned it)');

    // Log height: the heights change, the mesh stays the engine's size.
    const heights = () => page.evaluate(() => Array.from(window.gradscape.view3d.scene().terrain.heights.subarray(0, 2000)));
    const logH = await heights();
    await page.getByRole('checkbox', { name: 'Log height' }).setChecked(false);
    await page.waitForFunction(() => window.gradscape.view3d.scene().stats().builds >= 2);
    const linH = await heights();
    assert.ok(logH.some((h, k) => Math.abs(h - linH[k]) > 0.05), 'log and linear heights differ');

    // The share link carries the choice.
    assert.equal(await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).page.view), '3d');

    // Back to 2-D: the 3-D view is hidden, the 2-D view shows.
    await page.getByRole('radio', { name: '2-D', exact: true }).check();
    assert.equal(await page.evaluate(() => window.gradscape.view3d.mode()), '2d');
    assert.equal(await page.locator('#view3d').isVisible(), false);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('surface-canvas')).visibility), 'visible');
    assert.equal(await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).page?.view ?? null), null);

    // Both: side by side, each half of the stage.
    await to3d(page, 'Both');
    const [w2, w3] = await page.evaluate(() => ['view', 'view3d'].map((id) => document.getElementById(id).getBoundingClientRect().width));
    assert.ok(Math.abs(w2 - w3) < 4 && w2 > 200, `${w2} and ${w3}`);
  });
});

test('3-D from a lesson: the saddle lesson opens in 3-D', async () => {
  await withPage('view3d-lesson', async (page) => {
    await page.getByRole('button', { name: /^Lessons/ }).click();
    await page.getByRole('button', { name: 'Open lesson: A mountain pass in 3-D' }).click();
    await page.waitForFunction(() => window.gradscape.view3d.mode() === '3d' && window.gradscape.view3d.scene()?.stats().draws > 0);
    assert.equal(await page.evaluate(() => window.gradscape.state().surface), 'saddle');
    assert.ok(distinct(await picture(page)) > 40);
  });
});

test('without WebGL the 3-D choice says so and the 2-D view goes on', async () => {
  const init = () => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return /webgl/i.test(kind) ? null : get.call(this, kind, ...rest);
    };
  };
  await withPage('view3d-no-webgl', async (page) => {
    await page.getByRole('radio', { name: '3-D', exact: true }).click();
    await page.waitForFunction(() => window.gradscape.view3d.message() !== '');
    assert.match(await page.evaluate(() => window.gradscape.view3d.message()), /WebGL/);
    assert.equal(await page.evaluate(() => window.gradscape.view3d.mode()), '2d');
    assert.equal(await page.locator('#view3d').isVisible(), false);
    assert.equal(await page.locator('#surface-canvas').isVisible(), true);
    assert.equal(await page.locator('#view-switch input[value="2d"]').isChecked(), true);
    // Three.js was never loaded.
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('vendor/three'))), false);
    await page.evaluate(() => window.gradscape.step(10));
    assert.equal(await page.evaluate(() => window.gradscape.state().step), 10);
  }, { init });
});
