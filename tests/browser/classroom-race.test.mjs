// In front of a class, the race: a diverged run revives when its rate changes (from its last
// finite point with re-plan off, from the start with it on) and its card says which; the
// leaderboard lists every run in progress order; the Add-run menu adds only on Enter; the
// view moves the start from the keyboard; sliders speak real units; a removal is undone;
// divergence labels overlap neither the legend nor each other.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './harness.mjs';

const BOWL = {
  problem: { surface: 'bowl' }, start: [2, 1.5], steps: 2000,
  runs: [
    { name: 'Hot SGD', optimizer: 'sgd', lr: 3 },
    { name: 'Adam', optimizer: 'adam', lr: 0.05 },
    { name: 'Slow SGD', optimizer: 'sgd', lr: 0.001 },
  ],
};

const state = (page) => page.evaluate(() => window.gradscape.state());
const card = (page, i) => page.locator('#run-list section.run').nth(i);
const lrField = (page, i) => card(page, i).getByRole('spinbutton', { name: 'Learning rate' });

test('a diverged run goes on after a new rate: from its last finite point, or from the start with re-plan', async () => {
  await withPage('classroom-revive', async (page) => {
    await page.evaluate((sc) => window.gradscape.load(sc), BOWL);
    await page.evaluate(() => window.gradscape.step(300));
    let s = await state(page);
    assert.equal(s.runs[0].status, 'diverged');
    const finite = s.runs[0].diverged_at - 1; // the last finite point
    assert.ok(finite < 300, `diverged early (${finite})`);
    await card(page, 0).getByText(/Change a setting to go on from step/).waitFor();

    // Re-plan off: lr 3 → 0.3 goes on from the last finite point, caught up to the race.
    await lrField(page, 0).fill('0.3');
    s = await state(page);
    assert.notEqual(s.runs[0].status, 'diverged', 'going on (lr 0.3 reaches the bowl\'s minimum at once)');
    assert.equal(s.step, 300);
    assert.equal((await page.evaluate(() => window.gradscape.rates(0))).length, 300, 'caught up with the race');
    await card(page, 0).getByText(`Went on from step ${finite}`).waitFor();
    const path = await page.evaluate(() => window.gradscape.path(0));
    const rates = await page.evaluate(() => window.gradscape.rates(0));
    assert.equal(rates[finite - 1], 3, 'the old rate up to the last finite point');
    assert.equal(rates[finite], 0.3, 'the new rate from there');
    await page.evaluate(() => window.gradscape.step(200));
    s = await state(page);
    assert.ok(Math.hypot(...s.runs[0].point) < 1e-3, `reaches the minimum: ${s.runs[0].point}`);
    assert.ok(path.length > finite);

    // Re-plan on: a diverged run restarts from the start with the new rate.
    await page.evaluate((sc) => window.gradscape.load(sc), BOWL);
    await page.evaluate(() => window.gradscape.step(300));
    await page.locator('#replan').check();
    await card(page, 0).getByText(/run it again from the start/).waitFor();
    await lrField(page, 0).fill('0.2');
    s = await state(page);
    assert.notEqual(s.runs[0].status, 'diverged');
    await card(page, 0).getByText('Restarted from the start with the new settings.').waitFor();
    const r = await page.evaluate(() => window.gradscape.rates(0));
    assert.equal(r[0], 0.2, 'the whole path re-planned with the new rate');

    // "Restart run" on a diverged run: from the start with its settings (still diverges at lr 3).
    await page.locator('#replan').uncheck();
    await page.evaluate((sc) => window.gradscape.load(sc), BOWL);
    await page.evaluate(() => window.gradscape.step(300));
    await card(page, 0).getByRole('button', { name: 'Restart run' }).click();
    s = await state(page);
    assert.equal(s.runs[0].status, 'diverged', 'lr 3 diverges again');
  });
});

test('leaderboard: one row per run, in progress order, visible at 1366×768', async () => {
  await withPage('classroom-board', async (page) => {
    await page.evaluate((sc) => window.gradscape.load(sc), BOWL);
    await page.evaluate(() => window.gradscape.step(400));
    const board = page.getByRole('table', { name: 'Leaderboard' });
    // The board follows the race within its refresh interval.
    await page.waitForFunction(() => /diverged at/.test(document.querySelector('.leaderboard tbody tr:last-child')?.textContent ?? ''));
    const rows = await board.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const s = await state(page);
    // Adam reached the minimum; Slow SGD is running (distance > 0); Hot SGD diverged: last.
    assert.equal(s.runs[1].reached_at != null, true);
    assert.deepEqual(rows.map((r) => r[1]), ['Adam', 'Slow SGD', 'Hot SGD']);
    assert.deepEqual(rows.map((r) => r[0]), ['1', '2', '3']);
    assert.equal(rows[0][2], 'Adam');
    assert.equal(rows[0][4], s.runs[1].reached_at.toLocaleString('en-US'));
    assert.match(rows[2][3], new RegExp(`diverged at ${s.runs[0].diverged_at}`));
    assert.equal(rows[0][3], 'reached');
    assert.equal(rows[1][4], '–', 'Slow SGD has not reached the tolerance');
    // Visible without scrolling.
    const box = await board.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + 40 <= 768 && box.x + box.width <= 1366, JSON.stringify(box));
    assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0);
    // Colours: unique within the race, also after "Change colour" and added runs.
    await card(page, 0).getByRole('button', { name: 'Change colour' }).click();
    await card(page, 0).getByRole('button', { name: 'Change colour' }).click();
    for (let k = 0; k < 3; k += 1) await page.evaluate(() => window.gradscape.load(JSON.parse(window.gradscape.exportScenario())));
    const colours = await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).runs.map((r) => r.color));
    assert.equal(new Set(colours).size, colours.length, colours.join(' '));
  }, { viewport: { width: 1366, height: 768 } });
});

test('Add-run menu: arrows and letters move, only Enter adds; keyboard moves the start; sliders speak units; undo of a removal', async () => {
  await withPage('classroom-keys', async (page) => {
    const count = async () => (await state(page)).runs.length;
    const before = await count();
    const add = page.getByRole('button', { name: '+ Add run' });
    await add.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('a');
    assert.equal(await count(), before, 'no run added by arrows or letters');
    const focused = await page.evaluate(() => document.activeElement.textContent);
    assert.match(focused, /^A/i, 'a letter jumps to an item starting with it');
    await page.keyboard.press('Enter');
    assert.equal(await count(), before + 1, 'Enter adds one run');
    const added = (await state(page)).runs.at(-1).name;
    assert.equal(added, focused);
    await page.keyboard.press('Escape');

    // The view takes the focus; arrows move the start, Shift+arrows pan, + zooms.
    const start0 = await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).start);
    await page.locator('#surface-canvas').focus();
    const ring = await page.locator('#surface-canvas').evaluate((c) => getComputedStyle(c).outlineStyle);
    assert.notEqual(ring, 'none', 'visible focus ring');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    const start1 = await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).start);
    assert.ok(start1[0] > start0[0], `moved right: ${start0} → ${start1}`);
    assert.ok(start1[1] > start0[1], 'moved up');
    assert.equal((await state(page)).step, 0, 'ArrowRight on the view does not step the race');
    const v0 = await page.evaluate(() => window.gradscape.view?.() ?? null);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('+');
    const v1 = await page.evaluate(() => window.gradscape.view?.() ?? null);
    if (v0) assert.notDeepEqual(v1, v0);

    // aria-valuetext in real units.
    const lr = await card(page, 0).getByRole('slider', { name: 'Learning rate slider' }).getAttribute('aria-valuetext');
    const sc = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.equal(lr, `learning rate ${sc.runs[0].lr}`);
    const speed = await page.locator('#speed').getAttribute('aria-valuetext');
    assert.match(speed, /steps\/s/);
    for (const text of await page.locator('input[type=range]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuetext')))) {
      assert.ok(text && !/^-?\d+(\.\d+)?$/.test(text), `a slider speaks "${text}"`);
    }

    // Remove a run, then Ctrl+Z brings it back where it was; Ctrl+Shift+Z removes it again.
    const names = (await state(page)).runs.map((r) => r.name);
    await card(page, 1).getByRole('button', { name: 'Remove run' }).click();
    assert.deepEqual((await state(page)).runs.map((r) => r.name), names.filter((_, i) => i !== 1));
    await page.getByRole('status').getByText(`Removed “${names[1]}”`).waitFor();
    await page.keyboard.press('Control+z');
    assert.deepEqual((await state(page)).runs.map((r) => r.name), names);
    await page.keyboard.press('Control+Shift+z');
    assert.deepEqual((await state(page)).runs.map((r) => r.name), names.filter((_, i) => i !== 1));
    await page.keyboard.press('Control+z');
    // The start moves are undone too.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    const back = await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()));
    assert.deepEqual(back.start, start0);
    assert.equal(back.runs.length, before, 'and the added run');

    // The help overlay.
    await page.locator('body').press('?');
    await page.getByRole('dialog', { name: 'Keyboard' }).waitFor();
  });
});

// Divergence labels as drawn on the marks canvas: their text, place and width.
const RECORD_LABELS = () => {
  const P = CanvasRenderingContext2D.prototype;
  const fillText = P.fillText;
  window.__labels = [];
  P.fillText = function (text, x, y, ...rest) {
    if (this.canvas.classList.contains('paths-marks') && /diverged/.test(text)) {
      const m = this.measureText(text);
      window.__labels.push({ text, x0: x, x1: x + m.width, y0: y - m.actualBoundingBoxAscent, y1: y + m.actualBoundingBoxDescent });
    }
    return fillText.call(this, text, x, y, ...rest);
  };
};

test('divergence labels overlap neither the legend nor each other', async () => {
  await withPage('classroom-labels', async (page) => {
    // Three runs blowing up the same way: their ✕ marks sit in the same corner of the view.
    const runs = [3, 3.2, 3.4].map((lr, k) => ({ name: `Hot ${k + 1}`, optimizer: 'sgd', lr }));
    await page.evaluate((sc) => window.gradscape.load(sc), { ...BOWL, runs: [...runs, BOWL.runs[1]] });
    await page.evaluate(() => { window.__labels = []; window.gradscape.step(200); });
    await page.waitForFunction(() => new Set(window.__labels.map((l) => l.text)).size === 3);
    await page.waitForTimeout(200);
    const { labels, legend, view } = await page.evaluate(() => {
      const v = document.getElementById('view').getBoundingClientRect();
      const l = document.getElementById('legend').getBoundingClientRect();
      // The last drawing of each label.
      const last = new Map(window.__labels.map((x) => [x.text, x]));
      return { labels: [...last.values()], legend: { x0: l.left - v.left, x1: l.right - v.left, y0: l.top - v.top, y1: l.bottom - v.top }, view: { W: v.width, H: v.height } };
    });
    const hit = (a, b) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
    for (const [k, a] of labels.entries()) {
      assert.ok(!hit(a, legend), `${a.text} overlaps the legend`);
      assert.ok(a.x0 >= 0 && a.x1 <= view.W && a.y0 >= 0 && a.y1 <= view.H, `${a.text} inside the view`);
      for (const b of labels.slice(k + 1)) assert.ok(!hit(a, b), `${a.text} overlaps ${b.text}`);
    }
  }, { init: RECORD_LABELS });
});
