// The Regression lab through its accessible names: the mode switch and the two views, data
// generation and editing, CSV, batch sizes against the CLI, early stopping, warm starts and a
// million points. Every test fails on any console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openPage, waitForReady, assertNoErrors, screenshot, REPO_ROOT, withPage as sharedWithPage } from './harness.mjs';

const CLI = path.join(REPO_ROOT, 'target', 'release', 'gradscape');

/** Runs a scenario (JSON string or object) through the CLI; returns its runs. */
function cli(scenario) {
  const input = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
  return JSON.parse(execFileSync(CLI, ['run', '-'], { input, maxBuffer: 1 << 28 })).runs;
}

const withPage = (name, body, viewport) => sharedWithPage(`regression-${name}`, body, { viewport });

const state = (page) => page.evaluate(() => window.gradscape.state());
const data = (page) => page.evaluate(() => window.gradscape.data());
const run = (page, i) => page.getByRole('group', { name: new RegExp(`^Run ${i + 1}:`) });
const toRegression = async (page) => {
  await page.getByRole('radio', { name: 'Regression' }).check();
  await page.waitForFunction(() => window.gradscape.state().mode === 'regression');
};
const exported = async (page) => JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));

test('switching to Regression shows the data and parameter views, and back', { timeout: 90_000 }, async () => {
  await withPage('switch', async (page) => {
    assert.equal((await state(page)).mode, 'surfaces');
    await assert.rejects(page.getByRole('img', { name: 'Data' }).waitFor({ state: 'visible', timeout: 500 }));
    await toRegression(page);
    const dataView = page.getByRole('img', { name: 'Data' });
    const paramView = page.getByRole('img', { name: 'Loss surface' });
    await dataView.waitFor({ state: 'visible' });
    await paramView.waitFor({ state: 'visible' });
    const a = await dataView.boundingBox(), b = await paramView.boundingBox();
    assert.ok(a.width > 300 && b.width > 300, 'both views are wide');
    assert.ok(a.x + a.width <= b.x + 1, 'the data view is left of the parameter view');
    await page.getByRole('region', { name: 'Data' }).waitFor();
    await page.getByRole('table', { name: 'Metrics' }).waitFor();
    const sc = await exported(page);
    assert.ok(sc.problem.regression.generate);
    await page.evaluate(() => window.gradscape.step(60));
    await page.waitForTimeout(200);
    await screenshot(page, 'regression-1280x800');
    await page.getByRole('radio', { name: 'Surfaces' }).check();
    await page.waitForFunction(() => window.gradscape.state().mode === 'surfaces');
    await dataView.waitFor({ state: 'hidden' });
    assert.ok((await state(page)).surface);
    // Back again: the regression race as it was left.
    await toRegression(page);
    assert.deepEqual((await exported(page)).problem, sc.problem);
  });
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`screenshot at ${viewport.width}×${viewport.height}`, { timeout: 90_000 }, async () => {
    await withPage(`shot-${viewport.width}`, async (page) => {
      await toRegression(page);
      await page.getByLabel('Residuals').check();
      await run(page, 2).getByText('Regularisation & early stopping').click();
      await run(page, 2).getByLabel('L1').fill('0.3');
      await run(page, 2).getByLabel('L1').press('Enter');
      await page.evaluate(() => window.gradscape.step(40));
      await page.evaluate(() => { document.querySelector('.panel').scrollTop = 0; });
      await page.waitForTimeout(300);
      await screenshot(page, `regression-${viewport.width}x${viewport.height}`);
    }, viewport);
  });
}

test('Regenerate and the generator fields change the data', { timeout: 90_000 }, async () => {
  await withPage('generate', async (page) => {
    await toRegression(page);
    const before = await data(page);
    assert.equal(before.x.length, 200);
    const seed = page.getByRole('region', { name: 'Data' }).getByLabel('Seed');
    const s0 = Number(await seed.inputValue());
    await page.getByRole('button', { name: 'Regenerate' }).click();
    const after = await data(page);
    assert.equal(after.x.length, 200);
    assert.notDeepEqual(after.x, before.x, 'a new sample');
    assert.equal(Number(await seed.inputValue()), s0 + 1);
    assert.equal((await exported(page)).problem.regression.generate.seed, s0 + 1);
    const points = page.getByRole('region', { name: 'Data' }).getByLabel('Points');
    await points.fill('500');
    await points.press('Enter');
    assert.equal((await data(page)).x.length, 500);
    const slope = page.getByRole('region', { name: 'Data' }).getByLabel('Slope');
    await slope.fill('-3');
    await slope.press('Enter');
    const sc = await exported(page);
    assert.equal(sc.problem.regression.generate.slope, -3);
    assert.equal(sc.problem.regression.generate.n, 500);
    // The validation split: 0.5 holds out half.
    await page.getByRole('spinbutton', { name: 'Validation split' }).fill('0.5');
    await page.getByRole('spinbutton', { name: 'Validation split' }).press('Enter');
    const d = await data(page);
    assert.equal(d.validation.filter(Boolean).length, 250);
    await page.getByText('500 points · 250 training · 250 validation').waitFor();
  });
});

test('clicking the data view adds a point; right-click removes it; the data become explicit', { timeout: 90_000 }, async () => {
  await withPage('edit', async (page) => {
    await toRegression(page);
    const before = await data(page);
    const view = page.getByRole('img', { name: 'Data' });
    const box = await view.boundingBox();
    // Upper left (below the view's tool bar): far from the data, which rise to the right.
    const at = { x: box.width * 0.22, y: box.height * 0.26 };
    await view.click({ position: at });
    const after = await data(page);
    assert.equal(after.x.length, before.x.length + 1);
    // The other points are unchanged, up to one unit in the last place: the engine's JSON
    // parser (serde_json without its float_roundtrip feature) may round a decimal 1 ulp off.
    after.x.slice(0, -1).forEach((v, i) => assert.ok(Math.abs(v - before.x[i]) <= 2e-16 * Math.max(1, Math.abs(v)), `x[${i}]`));
    assert.ok(after.x.at(-1) < 0 && after.y.at(-1) > 0, `new point at (${after.x.at(-1)}, ${after.y.at(-1)})`);
    const reg = (await exported(page)).problem.regression;
    assert.deepEqual(reg.x, after.x, 'the exported scenario holds exactly the engine\'s data');
    assert.equal(reg.validation_split, 0.2);
    assert.ok(!reg.generate);
    // Drag it somewhere else.
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.down();
    await page.mouse.move(box.x + at.x + 30, box.y + at.y + 40, { steps: 5 });
    await page.mouse.up();
    const moved = await data(page);
    assert.equal(moved.x.length, after.x.length);
    assert.ok(moved.x.at(-1) > after.x.at(-1) && moved.y.at(-1) < after.y.at(-1), 'moved right and down');
    await view.click({ position: { x: at.x + 30, y: at.y + 40 }, button: 'right' });
    assert.equal((await data(page)).x.length, before.x.length);
    // Select + Delete.
    await view.click({ position: at });
    await view.click({ position: at });
    await page.keyboard.press('Delete');
    assert.equal((await data(page)).x.length, before.x.length);
  });
});

test('a bad CSV row names its line and keeps the data; a good CSV loads', { timeout: 90_000 }, async () => {
  await withPage('csv', async (page) => {
    await toRegression(page);
    const before = await data(page);
    await page.getByText('Paste or load a CSV').click();
    const box = page.getByLabel('CSV data');
    await box.fill('x,y\n0.1,0.3\n0.2,abc\n0.4,0.9');
    await page.getByRole('button', { name: 'Load CSV' }).click();
    await page.getByRole('alert').filter({ hasText: /line 3: .*not a number/ }).waitFor();
    assert.deepEqual(await data(page), before, 'the data are unchanged');
    const rows = ['x,y'];
    for (let k = 0; k < 10; k += 1) rows.push(`${k / 10},${(3 * k) / 10 + 0.5}`);
    await box.fill(rows.join('\n'));
    await page.getByRole('button', { name: 'Load CSV' }).click();
    const d = await data(page);
    assert.equal(d.x.length, 10);
    assert.deepEqual(d.y, Array.from({ length: 10 }, (_, k) => (3 * k) / 10 + 0.5));
    assert.ok(await page.getByRole('alert').filter({ hasText: /line/ }).count() === 0, 'the error is gone');
    await page.getByText('10 points · 8 training · 2 validation').waitFor();
    // Mini-batch sizes larger than the data became full batch; the race still runs.
    await page.evaluate(() => window.gradscape.step(20));
    assert.equal((await state(page)).step, 20);
  });
});

test('batch size 1 and full batch take different paths, equal to the CLI', { timeout: 90_000 }, async () => {
  await withPage('batch', async (page) => {
    await toRegression(page);
    const kinds = await page.locator('.lab-kind').allTextContents();
    assert.deepEqual(kinds, ['SGD', 'mini-batch', 'full batch']);
    // A fourth run: batch size 4 set through its field.
    await run(page, 1).getByRole('button', { name: 'Duplicate run' }).click();
    const size = run(page, 3).getByRole('spinbutton', { name: 'Batch size' });
    await size.fill('4');
    await size.press('Enter');
    await page.evaluate(() => window.gradscape.step(150));
    const paths = await page.evaluate(() => [0, 1, 2, 3].map((i) => window.gradscape.path(i)));
    assert.notDeepEqual(paths[0][1], paths[2][1], 'SGD and full batch differ from the first step');
    const scenario = await page.evaluate(() => window.gradscape.exportScenario());
    const sc = JSON.parse(scenario);
    assert.equal(sc.runs[0].batch_size, 1);
    assert.equal(sc.runs[3].batch_size, 4);
    assert.ok(!('batch_size' in sc.runs[2]) || sc.runs[2].batch_size >= 160);
    const ref = cli({ ...sc, steps: 150 });
    ref.forEach((r, i) => assert.deepEqual(paths[i], r.trajectory, `run ${i}: the CLI's trajectory exactly`));
    const st = await state(page);
    st.runs.forEach((r, i) => assert.equal(r.loss, ref[i].loss.at(-1)));
    // The gradients at the head: the mini-batch one differs from the full one.
    const g = await page.evaluate(() => window.gradscape.regression().gradients);
    assert.ok(g[0].batch && g[0].full);
    assert.notDeepEqual(g[0].batch, g[0].full);
    assert.ok(g[2].full.every(Number.isFinite));
  });
});

test('early stopping stops the run and marks its best step', { timeout: 90_000 }, async () => {
  await withPage('early', async (page) => {
    await toRegression(page);
    const card = run(page, 2);
    await card.getByText('Regularisation & early stopping').click();
    await card.getByLabel('Early stopping').check();
    await card.getByLabel('Patience').fill('15');
    await card.getByLabel('Patience').press('Enter');
    await card.getByLabel('Min delta').fill('0.0001');
    await card.getByLabel('Min delta').press('Enter');
    await page.evaluate(() => window.gradscape.step(1000));
    const st = await page.evaluate(() => window.gradscape.state());
    const sc = await exported(page);
    assert.deepEqual(sc.runs[2].early_stopping, { patience: 15, min_delta: 0.0001, restore_best: true });
    const ref = cli(sc)[2];
    assert.equal(ref.stop.reason, 'early_stopped');
    const info = await page.evaluate(() => window.gradscape.regression());
    assert.deepEqual(info.bestMarkers, [{ run: 2, step: ref.stop.best_step }]);
    await page.getByRole('table', { name: 'Metrics' }).getByText(`stopped at ${ref.stop.step}`).waitFor();
    // The page shows the restored best parameters (the CLI's final point); the engine's
    // state().point stays at the last step taken.
    assert.deepEqual(info.points[2], ref.stop.final_point);
    assert.deepEqual(st.runs[2].point, ref.trajectory.at(-1));
    // Early-stopped runs read "completed", or "reached" when they came within tolerance.
    assert.equal(st.runs[2].status, ref.stop.reached_at == null ? 'completed' : 'reached');
    await page.waitForTimeout(200);
    await screenshot(page, 'regression-early-stopping');
  });
});

test('a warm-started run starts at the pre-trained point and reaches tolerance sooner', { timeout: 90_000 }, async () => {
  await withPage('warm', async (page) => {
    await toRegression(page);
    const warm = page.getByRole('region', { name: 'Warm start' });
    await warm.getByLabel('Copy of').selectOption({ label: 'Full batch' });
    await warm.getByRole('button', { name: 'Add warm-started run' }).click();
    await run(page, 3).waitFor();
    const sc = await exported(page);
    assert.equal(sc.runs.length, 4);
    assert.match(sc.runs[3].name, /warm start/);
    assert.equal(sc.runs[3].warm_start.steps, 300);
    const ref = cli(sc);
    const path = await page.evaluate(() => window.gradscape.path(3));
    assert.deepEqual(path[0], ref[3].stop.start, 'the path starts at the pre-trained point');
    assert.notDeepEqual(path[0], sc.start);
    await page.evaluate(() => window.gradscape.step(2000));
    const st = await state(page);
    assert.ok(st.runs[2].reached_at > 0 && st.runs[3].reached_at > 0, 'both reach the tolerance');
    assert.ok(st.runs[3].reached_at < st.runs[2].reached_at, `warm ${st.runs[3].reached_at} < scratch ${st.runs[2].reached_at}`);
    assert.equal(st.runs[3].reached_at, ref[3].stop.reached_at);
    const table = page.getByRole('table', { name: 'Metrics' });
    await table.getByRole('row', { name: /warm start/ }).getByRole('cell', { name: String(st.runs[3].reached_at), exact: true })
      .first().waitFor(); // full-batch epochs to tolerance equal the steps: two such cells
    await screenshot(page, 'regression-warm-start');
  });
});

test('a million points: load, ten full-batch steps, the page stays responsive', { timeout: 120_000 }, async () => {
  await withPage('million', async (page) => {
    const scenario = {
      problem: { regression: { generate: { n: 1_000_000, slope: 2, intercept: -1, noise: 0.5, x_range: [-1, 1], seed: 3 }, validation_split: 0.1 } },
      start: [-1, 2], steps: 1000,
      runs: [{ name: 'Full batch', optimizer: 'sgd', lr: 0.1 }, { name: 'Mini-batch 256', optimizer: 'sgd', lr: 0.05, batch_size: 256, seed: 2 }],
    };
    const loadMs = await page.evaluate((s) => { const t = performance.now(); window.gradscape.load(s); return performance.now() - t; }, scenario);
    assert.equal((await state(page)).mode, 'regression');
    assert.ok(await page.getByRole('radio', { name: 'Regression' }).isChecked());
    const stepMs = await page.evaluate(() => { const t = performance.now(); window.gradscape.step(10); return performance.now() - t; });
    assert.equal((await state(page)).step, 10);
    const info = await page.evaluate(() => window.gradscape.regression());
    assert.equal(info.n, 1_000_000);
    assert.equal(info.drawn, 50_000);
    await page.getByText('Drawing a fixed sample of 50,000 of 1,000,000 points').waitFor();
    // Playing: each frame's engine work is budgeted, so the page answers promptly.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(600);
    const trips = [];
    for (let k = 0; k < 5; k += 1) {
      const t = Date.now();
      await page.evaluate(() => 1);
      trips.push(Date.now() - t);
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: 'Pause' }).click();
    const st = await state(page);
    assert.ok(st.step > 10, 'playback advanced');
    // "Not frozen", with room for a busy CI machine; speed figures belong to make bench.
    assert.ok(Math.max(...trips) < 1500, `round trips while playing: ${trips.join(', ')} ms`);
    console.log(`1M points: load ${loadMs.toFixed(0)} ms, 10 steps ${stepMs.toFixed(0)} ms, round trips ${trips.join(', ')} ms, step ${st.step}`);
    await screenshot(page, 'regression-million');
  });
});
