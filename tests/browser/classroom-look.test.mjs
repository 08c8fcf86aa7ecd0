// In front of a class, what is on screen: the equation panel and the lesson caption cover no
// run's current point, no minimum and not the start (or dock beside the view) and collapse to
// a line; no contour label covers a minimum's star; the view's hint goes where it would be
// squeezed into a column; presenter mode draws canvas text, paths and markers larger; the
// light theme follows `prefers-color-scheme: light`, has a toggle, and goes into the link.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './harness.mjs';

// Canvas calls recorded per canvas (fonts of fillText, widths of strokes): the test reads
// what was drawn, not what the page's modules say they drew.
const RECORD = () => {
  const P = CanvasRenderingContext2D.prototype;
  const fillText = P.fillText, stroke = P.stroke;
  window.__drawn = { fonts: [], widths: [] };
  const who = (ctx) => ctx.canvas.id || ctx.canvas.className || '?';
  P.fillText = function (...a) { window.__drawn.fonts.push([who(this), this.font]); return fillText.apply(this, a); };
  P.stroke = function (...a) { window.__drawn.widths.push([who(this), this.lineWidth]); return stroke.apply(this, a); };
};

/** Screen points (relative to the view) of the minima, the start and every run's current
 *  point, from the problem's bounds as the view fits them (computed here, not by the page). */
async function points(page) {
  return page.evaluate(() => {
    const g = window.gradscape;
    const sc = JSON.parse(g.exportScenario());
    const surface = g.catalog().surfaces.find((s) => s.name === sc.problem.surface);
    const box = document.getElementById('view').getBoundingClientRect();
    const W = box.width, H = box.height;
    const { min, max } = surface.bounds;
    const cx = (min[0] + max[0]) / 2, cy = (min[1] + max[1]) / 2;
    const scale = Math.max((max[0] - min[0]) / W, (max[1] - min[1]) / H) * 1.04;
    const at = ([x, y]) => [W / 2 + (x - cx) / scale, H / 2 - (y - cy) / scale];
    const runs = g.state().runs.filter((r) => r.status !== 'diverged').map((r) => at(r.point));
    return { W, H, left: box.left, top: box.top, all: [...surface.minima.map((m) => at(m.point)), at(sc.start), ...runs] };
  });
}

async function covered(page) {
  const { all, left, top } = await points(page);
  const rects = await page.locator('#view .teach-top > :not([hidden])').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  const hits = [];
  for (const r of rects) for (const [x, y] of all) if (x + left > r.left && x + left < r.right && y + top > r.top && y + top < r.bottom) hits.push([x, y]);
  return { hits, panels: rects.length };
}

test('the equation panel and captions cover no current point, minimum or start; they collapse', { timeout: 90_000 }, async () => {
  await withPage('classroom-placement', async (page) => {
    // Rosenbrock's default race, the end of the race and the minimum in view.
    await page.evaluate(() => window.gradscape.step(3000));
    await page.waitForTimeout(400);
    const a = await covered(page);
    assert.deepEqual(a.hits, [], 'Rosenbrock 1920×1080');
    assert.equal(a.panels, 1, 'the equation panel is on the view');
    // Collapsed to one line.
    await page.getByRole('button', { name: 'Collapse the equations to one line' }).click();
    const h = await page.locator('.equations').evaluate((e) => e.getBoundingClientRect().height);
    assert.ok(h < 60, `collapsed height ${h}`);
    await page.getByRole('button', { name: 'Show the equations' }).click();

    // The saddle lesson at 1366×768: caption plus panel, Adam escaping to the right.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /Open lesson: .*[Ss]addle/ }).click();
    await page.evaluate(() => window.gradscape.step(400));
    await page.waitForTimeout(400);
    const b = await covered(page);
    const docked = await page.locator('.stage > .teach-top.docked').count();
    assert.deepEqual(b.hits, [], `saddle lesson 1366×768 (${docked ? 'docked' : 'on the view'})`);
    await page.locator('.caption').getByRole('button', { name: 'Collapse the caption to its title' }).click();
    assert.equal(await page.locator('.caption p').isVisible(), false);
  });
});

test('presenter mode draws canvas text, paths and markers larger', async () => {
  await withPage('classroom-presenter', async (page) => {
    await page.evaluate(() => window.gradscape.step(200));
    await page.waitForTimeout(300);
    const drawn = () => page.evaluate(() => { const d = window.__drawn; window.__drawn = { fonts: [], widths: [] }; return d; });
    await drawn();
    await page.evaluate(() => window.gradscape.explain(0)); // the overlay
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    await page.waitForTimeout(600);
    const after = await drawn();
    const px = (font) => Number(/(\d+)px/.exec(font)?.[1]);
    const contour = after.fonts.filter(([c]) => c === 'surface-canvas').map(([, f]) => px(f));
    assert.ok(contour.length > 0, 'contour labels drawn again');
    assert.ok(contour.every((p) => p >= 20), `contour labels at ${[...new Set(contour)]} px (13 px normally)`);
    // (Paths are redrawn in the line canvas's back canvas, then copied: path-redraw.mjs.)
    const lines = after.widths.filter(([c]) => c === 'paths-lines' || c === 'paths-lines-back').map(([, w]) => w);
    assert.ok(lines.length > 0 && Math.min(...lines) >= 2.5 * 1.5, `path widths ${[...new Set(lines)]}`);
    const marks = after.widths.filter(([c]) => c === 'paths-marks').map(([, w]) => w);
    assert.ok(Math.max(...marks) >= 2.5 * 1.5, `marker outlines ${[...new Set(marks)]}`);
    // At the presenter's sizes (the page's 1280-pixel viewport) the equations wrap between
    // terms: no line runs out of the panel.
    const overflow = await page.evaluate(() => [...document.querySelectorAll('.equations .eq-sub, .equations .eq-line')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className}: ${e.scrollWidth} > ${e.clientWidth}`));
    assert.deepEqual(overflow, [], 'equation lines wider than the panel');
    // The control panel is behind a toggle; the view and the leaderboard stay.
    assert.equal(await page.locator('.panel').isVisible(), false);
    await page.getByRole('table', { name: 'Leaderboard' }).waitFor();
    await page.getByRole('button', { name: 'Controls' }).click();
    assert.equal(await page.locator('.panel').isVisible(), true);
    // Leaving: normal sizes again.
    await page.waitForTimeout(300);
    await drawn();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    const back = await drawn();
    const normal = back.fonts.filter(([c]) => c === 'surface-canvas').map(([, f]) => px(f));
    assert.ok(normal.length && normal.every((p) => p === 13), `back to 13 px: ${[...new Set(normal)]}`);
  }, { init: RECORD });
});

// What the surface canvas's last drawing (each starts by filling the background) put on
// screen: its contour labels (text, centre, width) and the minima's stars (the centres of
// the white ten-point polygons).
const RECORD_LABELS = () => {
  const P = CanvasRenderingContext2D.prototype;
  const { fillText, fillRect, beginPath, lineTo, fill } = P;
  const mine = (ctx) => ctx.canvas.id === 'surface-canvas';
  let path = [];
  window.__labels = [];
  window.__stars = [];
  P.fillRect = function (...a) {
    if (mine(this)) { window.__labels = []; window.__stars = []; }
    return fillRect.apply(this, a);
  };
  P.beginPath = function () { if (mine(this)) path = []; return beginPath.call(this); };
  P.lineTo = function (x, y) { if (mine(this)) path.push([x, y]); return lineTo.call(this, x, y); };
  P.fill = function (...a) {
    if (mine(this) && this.fillStyle === '#ffffff' && path.length === 10) {
      window.__stars.push([path.reduce((t, p) => t + p[0], 0) / 10, path.reduce((t, p) => t + p[1], 0) / 10]);
    }
    return fill.apply(this, a);
  };
  P.fillText = function (text, x, y, ...rest) {
    if (mine(this)) window.__labels.push({ text, x, y, w: this.measureText(text).width });
    return fillText.call(this, text, x, y, ...rest);
  };
};

test('no contour label covers a minimum\'s star, on any surface', { timeout: 90_000 }, async () => {
  await withPage('classroom-labels', async (page) => {
    const surfaces = await page.evaluate(() => window.gradscape.catalog().surfaces.filter((s) => s.minima.length).map((s) => ({ label: s.label, count: s.minima.length })));
    const select = page.locator('select').filter({ hasText: 'Rosenbrock' }).first();
    let labelled = 0;
    for (const { label, count } of surfaces) {
      await select.selectOption({ label });
      // The view fits the new surface and re-renders after its short delay.
      await page.waitForFunction((n) => window.__stars.length === n && window.__labels.length > 0, count, { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(300);
      const { labels, stars } = await page.evaluate(() => ({ labels: window.__labels, stars: window.__stars }));
      assert.equal(stars.length, count, `${label}: one star per minimum`);
      if (labels.length) labelled += 1;
      // A star's outer radius is 11 px; a label's box is its text plus 4 px a side, 18 px tall.
      const over = labels.filter((l) => stars.some(([sx, sy]) => Math.abs(l.x - sx) < l.w / 2 + 4 + 11 && Math.abs(l.y - sy) < 9 + 11));
      assert.deepEqual(over.map((l) => `${l.text} at ${Math.round(l.x)},${Math.round(l.y)}`), [], `${label}: labels over a star at ${JSON.stringify(stars)}`);
    }
    assert.ok(labelled >= surfaces.length - 1, `labels seen on ${labelled} of ${surfaces.length} surfaces`);
  }, { init: RECORD_LABELS });
});

test('the view\'s hint shows where it has room and goes where it would be a column a word wide', async () => {
  await withPage('classroom-hint', async (page) => {
    const hint = page.locator('#hint');
    assert.ok(await hint.isVisible(), 'hint at 1280 px');
    const box = await hint.boundingBox();
    assert.ok(box.width > 200, `hint ${Math.round(box.width)} px wide`);
    // 1000 px: the panel leaves the view ~600 px, the hint's room between switch and legend ~100.
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.waitForTimeout(200);
    const view = await page.locator('#view').boundingBox();
    assert.ok(view.width < 760, `view ${Math.round(view.width)} px wide`);
    assert.equal(await hint.isVisible(), false, 'hint hidden in a narrow view');
  });
});

test('light theme under prefers-color-scheme: light, a toggle, kept in the link', async () => {
  await withPage('classroom-light', async (page) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b > 600, `light page background ${bg}`);
    const panel = await page.locator('.panel').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.match(panel, /rgb\(2[45]\d, 2[45]\d, 2[45]\d\)/);
    // The toggle: dark, and the link carries it; a dark link wins over the light preference.
    await page.locator('#theme-toggle').click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const link = await page.evaluate(() => window.gradscape.link());
    const sc = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.equal(sc.page?.theme, 'dark');
    await page.goto(link);
    await page.waitForFunction(() => window.gradscape?.ready === true);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the link\'s theme');
  });
});
