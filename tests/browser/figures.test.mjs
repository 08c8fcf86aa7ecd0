// Figures: the page's Export → Figure (PNG, SVG) is the engine's figure layout, the one the
// CLI's `gradscape plot` draws (same size, legend rows and chart places for the same
// scenario and step); the charts show each run's value under the pointer; the Export menu
// stays inside a narrow window.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { withPage, screenshot } from './harness.mjs';
import { REPO_ROOT } from './serve.mjs';

const CLI = path.join(REPO_ROOT, 'target', 'release', 'gradscape');
const g = (page, fn, arg) => page.evaluate(fn, arg);

/** Width and height from a PNG's IHDR. */
const pngSize = (b) => [b.readUInt32BE(16), b.readUInt32BE(20)];

/** RGB pixels at `points` of PNG `bytes`, decoded by the page. */
const pixels = (page, bytes, points) => g(page, async ({ b64, points }) => {
  const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(bmp, 0, 0);
  return points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
}, { b64: bytes.toString('base64'), points });

/** How many pixels of PNG `bytes` inside `rect` are within 40 of each colour. */
const colourCounts = (page, bytes, rect, colours) => g(page, async ({ b64, rect, colours }) => {
  const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(bmp, 0, 0);
  const { data } = ctx.getImageData(rect[0], rect[1], rect[2], rect[3]);
  const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const n = rgb.map(() => 0);
  for (let p = 0; p < data.length; p += 4) {
    rgb.forEach((c, k) => { if (Math.abs(data[p] - c[0]) + Math.abs(data[p + 1] - c[1]) + Math.abs(data[p + 2] - c[2]) < 40) n[k] += 1; });
  }
  return n;
}, { b64: bytes.toString('base64'), rect, colours });

const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 40);
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

test('Export → Figure (PNG) of a 4-run race has the legend and both charts, laid out as the CLI draws it', { timeout: 90_000 }, async () => {
  await withPage('figure-png', async (page) => {
    await g(page, () => window.gradscape.step(200));
    const scenario = JSON.parse(await g(page, () => window.gradscape.exportScenario()));
    assert.equal(scenario.runs.length, 4);
    await page.getByText('Export', { exact: true }).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Figure (PNG)', exact: true }).click()]);
    assert.equal(dl.suggestedFilename(), 'gradscape-figure.png');
    const mine = fs.readFileSync(await dl.path());
    assert.deepEqual(pngSize(mine), [1600, 900]);
    // The CLI's figure of the same scenario at the same step, in the page's (dark) theme.
    const out = path.join(REPO_ROOT, 'test-results', `figure-cli-${process.pid}.png`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    execFileSync(CLI, ['plot', '-', '-o', out, '--theme', 'dark', '--step', '200'], { input: JSON.stringify(scenario) });
    const cli = fs.readFileSync(out);
    fs.rmSync(out);
    assert.deepEqual(pngSize(cli), [1600, 900]);
    // The legend's colour swatches: one row per run at the layout's places (1600 × 900:
    // legend at x 820, rows 50 apart from y 135), in both images.
    const swatches = scenario.runs.map((_, i) => [850, 135 + 50 * i]);
    const a = await pixels(page, mine, swatches), b = await pixels(page, cli, swatches);
    scenario.runs.forEach((r, i) => {
      assert.ok(near(a[i], hex(r.color)), `page legend row ${i}: ${a[i]} vs ${r.color}`);
      assert.ok(near(b[i], hex(r.color)), `CLI legend row ${i}: ${b[i]} vs ${r.color}`);
    });
    // Both charts (below the legend, right half) draw every run's colour, as the CLI's do.
    const colours = scenario.runs.map((r) => r.color);
    const loss = [820, 340, 750, 260], lr = [820, 610, 750, 260];
    for (const rect of [loss, lr]) {
      const n = await colourCounts(page, mine, rect, colours);
      const m = await colourCounts(page, cli, rect, colours);
      n.forEach((k, i) => assert.ok(k > 30, `page chart ${rect}: run ${i} has ${k} pixels`));
      m.forEach((k, i) => assert.ok(k > 30, `CLI chart ${rect}: run ${i} has ${k} pixels`));
    }
    fs.mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'test-results', 'figure-page.png'), mine);
    fs.writeFileSync(path.join(REPO_ROOT, 'test-results', 'figure-cli.png'), cli);

    // SVG: the runs' names and the axis titles as text, the heat map as an embedded PNG.
    await page.getByText('Export', { exact: true }).click();
    const [sv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Figure (SVG)' }).click()]);
    const svg = fs.readFileSync(await sv.path()).toString();
    const texts = svg.split('<text').slice(1).map((t) => t.slice(t.indexOf('>') + 1, t.indexOf('</text>')).trim());
    for (const r of scenario.runs) assert.ok(texts.includes(r.name), `SVG names ${r.name}: ${texts}`);
    for (const title of ['learning rate', 'step', 'loss']) assert.ok(texts.includes(title), `SVG has "${title}"`);
    assert.match(svg, /href="data:image\/png;base64,/);
    assert.ok(!svg.includes('#gradscape-image-'));
  });
});

test('hovering a chart shows each run\'s value at that step', { timeout: 60_000 }, async () => {
  await withPage('chart-hover', async (page) => {
    await g(page, () => window.gradscape.step(100));
    await page.waitForTimeout(300);
    const box = await page.locator('#loss-chart').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    const tip = page.locator('.chart-tip').first();
    await tip.waitFor({ state: 'visible' });
    const text = await tip.textContent();
    const names = await g(page, () => JSON.parse(window.gradscape.exportScenario()).runs.map((r) => r.name));
    assert.match(text, /Step \d+/);
    for (const n of names) assert.ok(text.includes(`${n}:`), `${n} in ${text}`);
    const step = Number(/Step ([\d,]+)/.exec(text)[1].replace(/,/g, ''));
    assert.ok(step > 20 && step < 90, `the step under 60 % of the chart: ${step}`);
    await page.mouse.move(box.x + box.width * 0.5, box.y - 40);
    await tip.waitFor({ state: 'hidden' });
    await screenshot(page, 'figures-hover');
  });
});

test('the Export menu stays inside a narrow window', { timeout: 60_000 }, async () => {
  await withPage('export-menu', async (page) => {
    await page.getByText('Export', { exact: true }).click();
    const r = await page.locator('.menu[open] .menu-body').boundingBox();
    const w = page.viewportSize().width;
    assert.ok(r.x >= 0 && r.x + r.width <= w, `menu ${r.x}..${r.x + r.width} in 0..${w}`);
  }, { viewport: { width: 480, height: 800 } });
});
