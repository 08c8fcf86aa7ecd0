// Side by side (issue 17): with 4 runs the grid shows 4 panels named after their runs; a
// wheel over one panel zooms every panel (one shared view box, one engine rendering); a
// click in one panel moves every run's start; playing moves each panel's current point;
// the layout and the ghosts switch survive a share link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, openPage, waitForReady, assertNoErrors, screenshot } from './harness.mjs';

const grid = (page) => page.evaluate(() => window.gradscape.grid.panels());
const stats = (page) => page.evaluate(() => window.gradscape.grid.stats());
// Two animation frames and a pause: the panels have drawn what changed.
const settle = (page, ms = 250) => page.evaluate((ms) => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), ms)), ms);
// A fingerprint of each panel's canvas of class `cls` (what it shows).
const pixels = (page, cls) => page.evaluate((cls) => [...document.querySelectorAll(`#grid .grid-panel canvas.${cls}`)].map((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let h = 0;
  for (let k = 0; k < d.length; k += 4) h = (h * 31 + d[k] + 7 * d[k + 1] + 13 * d[k + 2] + 17 * d[k + 3]) % 2147483647;
  return h;
}), cls);

test('side by side: 4 labelled panels, synchronised zoom, start and playback; the link keeps it', async () => {
  let link;
  await withPage('grid', async (page) => {
    const runs = await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).runs.map((r) => r.name));
    assert.equal(runs.length, 4);
    await page.getByRole('button', { name: 'Side by side' }).click();
    assert.equal(await page.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed'), 'true');
    await settle(page);

    // Four panels, each canvas named after its run, each visible and of the same size.
    assert.equal(await page.locator('#grid .grid-panel').count(), 4);
    const boxes = [];
    for (const name of runs) {
      const canvas = page.getByRole('img', { name: new RegExp(`^${name}: `) });
      assert.equal(await canvas.count(), 1, `one panel named after ${name}`);
      const b = await canvas.boundingBox();
      assert.ok(b && b.width > 300 && b.height > 150, `${name}'s panel is readable: ${JSON.stringify(b)}`);
      boxes.push(b);
    }
    assert.ok(boxes.every((b) => Math.abs(b.width - boxes[0].width) < 1 && Math.abs(b.height - boxes[0].height) < 1));
    assert.ok(await page.locator('#surface-canvas').evaluate((c) => getComputedStyle(c).visibility === 'hidden'), 'the overlay is hidden');

    // Zoom one panel (RMSprop's): every panel's view box and picture change, with one
    // engine rendering for all of them.
    await settle(page, 300);
    const before = await grid(page);
    const surfBefore = await pixels(page, 'grid-base');
    const s0 = await stats(page);
    const rms = boxes[2];
    await page.mouse.move(rms.x + rms.width * 0.3, rms.y + rms.height * 0.6);
    await page.mouse.wheel(0, -240);
    await settle(page, 400);
    const after = await grid(page);
    const surfAfter = await pixels(page, 'grid-base');
    const s1 = await stats(page);
    after.forEach((p, i) => {
      assert.notDeepEqual(p.box, before[i].box, `panel ${i}'s view box changed`);
      assert.deepEqual(p.box, after[0].box, 'all panels show the same view box');
      assert.ok(p.box.x1 - p.box.x0 < before[i].box.x1 - before[i].box.x0, 'zoomed in');
      assert.notEqual(surfAfter[i], surfBefore[i], `panel ${i}'s picture changed`);
    });
    assert.equal(s1.renders - s0.renders, 1, 'one engine rendering for the four panels');

    // Click in the Momentum panel: every run starts from the clicked point.
    const mom = boxes[1];
    const [fx, fy] = [0.35, 0.4];
    const box = after[1].box;
    const want = [box.x0 + fx * (box.x1 - box.x0), box.y1 - fy * (box.y1 - box.y0)];
    await page.mouse.click(mom.x + fx * mom.width, mom.y + fy * mom.height);
    await settle(page);
    const start = await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).start);
    const px = (box.x1 - box.x0) / mom.width;
    assert.ok(Math.abs(start[0] - want[0]) < 2 * px && Math.abs(start[1] - want[1]) < 2 * px, `start ${start} near ${want}`);
    for (let i = 0; i < 4; i += 1) {
      const first = await page.evaluate((i) => window.gradscape.path(i)[0], i);
      assert.deepEqual(first, start, `run ${i} starts at the clicked point`);
    }

    // Play: each panel's current point moves, and its marks are redrawn.
    await page.evaluate(() => window.gradscape.step(20));
    await settle(page);
    const h0 = (await grid(page)).map((p) => p.head);
    const m0 = await pixels(page, 'grid-marks');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(700);
    await page.evaluate(() => window.gradscape.pause());
    await settle(page);
    const h1 = (await grid(page)).map((p) => p.head);
    const m1 = await pixels(page, 'grid-marks');
    h1.forEach((h, i) => {
      assert.ok(Math.hypot(h.x - h0[i].x, h.y - h0[i].y) > 0.5, `panel ${i}'s point moved: ${JSON.stringify(h0[i])} → ${JSON.stringify(h)}`);
      assert.notEqual(m1[i], m0[i], `panel ${i}'s marks were redrawn`);
    });
    const status = (await grid(page)).map((p) => p.status);
    assert.ok(status.every((s) => /^(running|reached at step [\d,]+|diverged at step [\d,]+)$/.test(s)), status.join('; '));

    // The explained run's arrows are in its panel; a panel's title explains its run.
    const overlayIn = () => page.evaluate(() => [...document.querySelectorAll('#grid .grid-panel')].findIndex((p) => p.querySelector('canvas.teach-overlay:not([hidden])')));
    assert.equal(await overlayIn(), 0);
    await page.getByRole('button', { name: `Explain ${runs[3]}` }).click();
    await settle(page, 300);
    assert.equal(await page.getByLabel('Explain run').inputValue(), '3');
    assert.equal(await overlayIn(), 3);
    assert.equal(await page.locator('#grid .grid-panel').nth(3).getAttribute('class'), 'grid-panel selected');

    await page.getByLabel('Ghosts').check();
    await settle(page);
    await screenshot(page, 'grid-4');
    link = await page.evaluate(() => window.gradscape.link());
  }, { viewport: { width: 1366, height: 768 } });

  // The link opens in the grid, ghosts on, with its four panels.
  const { page, errors, close } = await openPage(link.slice(link.indexOf('/', 8)));
  try {
    await waitForReady(page, { errors });
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await settle(page);
    assert.equal(await page.evaluate(() => window.gradscape.grid.layout()), 'grid');
    assert.equal(await page.evaluate(() => window.gradscape.grid.ghosts()), true);
    assert.ok(await page.locator('#grid').isVisible());
    assert.equal(await page.locator('#grid .grid-panel').count(), 4);
    assert.equal(await page.getByLabel('Ghosts').isChecked(), true);
    assert.equal(await page.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed'), 'true');
    assertNoErrors(errors);
  } finally {
    await close();
  }
});

test('side by side at 1920 × 1080 with 9 runs: a 3 × 3 grid of readable panels', async () => {
  await withPage('grid-9', async (page) => {
    await page.evaluate(() => {
      const sc = JSON.parse(window.gradscape.exportScenario());
      const more = [['adagrad', 0.5], ['radam', 0.01], ['adamw', 0.05], ['nadam', 0.02], ['adadelta', 1]];
      for (const [optimizer, lr] of more) sc.runs.push({ optimizer, lr });
      window.gradscape.load(sc);
      window.gradscape.grid.setLayout('grid');
      window.gradscape.step(300);
    });
    await settle(page, 300);
    const rects = await page.locator('#grid .grid-base').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().toJSON()));
    assert.equal(rects.length, 9);
    assert.equal(new Set(rects.map((r) => Math.round(r.left))).size, 3, 'three columns');
    assert.equal(new Set(rects.map((r) => Math.round(r.top))).size, 3, 'three rows');
    for (const r of rects) assert.ok(r.width >= 400 && r.height >= 200, `a readable panel: ${r.width} × ${r.height}`);
    const titles = await page.locator('#grid .grid-title').evaluateAll((bs) => bs.map((b) => b.scrollWidth <= b.clientWidth + 1));
    assert.ok(titles.every(Boolean), 'every title fits its panel');
    await screenshot(page, 'grid-9');
  }, { viewport: { width: 1920, height: 1080 } });
});
