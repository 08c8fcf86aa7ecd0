// The teaching layer, part 1: timeline, equation panel, overlays, stability tick, schedules.
// Through accessible names; every test fails on any console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openPage, waitForReady, assertNoErrors, screenshot, REPO_ROOT, withPage as sharedWithPage } from './harness.mjs';
import { fmt } from '../../www/js/catalog.mjs';

const CLI = path.join(REPO_ROOT, 'target', 'release', 'gradscape');
export const cli = (scenario, steps) =>
  JSON.parse(execFileSync(CLI, ['run', '-'], { input: JSON.stringify({ ...scenario, steps }), maxBuffer: 1 << 28 })).runs;

const withPage = (name, body, options) => sharedWithPage(`teach-${name}`, body, options);
const g = (page, expr) => page.evaluate(expr);
const run = (page, i) => page.getByRole('group', { name: new RegExp(`^Run ${i + 1}:`) });

test('the timeline scrubs back to recorded steps; back/forward buttons and keys', { timeout: 90_000 }, async () => {
  await withPage('timeline', async (page) => {
    await g(page, () => window.gradscape.step(80));
    const path = await g(page, () => window.gradscape.path(3));
    const slider = page.getByLabel('Timeline');
    await slider.fill('25');
    assert.equal(await g(page, () => window.gradscape.timeline()), 25);
    assert.equal(await page.locator('#step-count').textContent(), '25');
    const d = await g(page, () => window.gradscape.explain(3));
    assert.equal(d.step, 25);
    assert.deepEqual(d.point, path[25], 'the explained point is the recorded point at that step');
    await page.getByRole('button', { name: 'Back one step' }).click();
    assert.equal(await g(page, () => window.gradscape.timeline()), 24);
    await page.getByRole('button', { name: 'Forward one step' }).click();
    await page.getByRole('button', { name: 'Forward one step' }).click();
    assert.equal(await g(page, () => window.gradscape.timeline()), 26);
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await g(page, () => window.gradscape.timeline()), 24);
    await page.keyboard.press('ArrowRight');
    assert.equal(await g(page, () => window.gradscape.timeline()), 25);
    assert.equal((await g(page, () => window.gradscape.state())).step, 80, 'scrubbing does not advance the race');
    await screenshot(page, 'teach-timeline');
    // Playing continues from the live end.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => window.gradscape.state().step > 85);
    await page.getByRole('button', { name: 'Pause' }).click();
    assert.equal(await g(page, () => window.gradscape.timeline()), (await g(page, () => window.gradscape.state())).step);
    assert.deepEqual((await g(page, () => window.gradscape.path(3))).slice(0, 81), path);
  });
});

test('the equation panel shows the engine numbers of Adam and the textbook note', { timeout: 90_000 }, async () => {
  await withPage('equations', async (page) => {
    await g(page, () => window.gradscape.step(12));
    await page.getByLabel('Explain run').selectOption({ label: 'Adam' });
    const d = await g(page, () => window.gradscape.explain());
    assert.equal(d.optimizer, 'adam');
    const panel = page.getByRole('region', { name: 'Update rule' });
    const text = (await panel.textContent()).replace(/\s+/g, ' ');
    const m = d.state.moments.exp_avg, v = d.state.moments.exp_avg_sq;
    for (const x of [...m, ...v, ...d.gradient, ...d.next]) assert.ok(text.includes(fmt(x, 3).replace('-', '−')), `${fmt(x, 3)} in the panel`);
    assert.match(text, new RegExp(`t\\s*=\\s*${d.state.moments.step}`));
    await panel.getByText('All values').click();
    const table = await panel.locator('table').textContent();
    for (const x of [...m, ...v]) assert.ok(table.includes(fmt(x, 6)), `${fmt(x, 6)} in the table`);
    await panel.getByText('Textbook form').click();
    await assert.doesNotReject(panel.getByText(/without bias correction/).waitFor());
    assert.ok(await panel.locator('math').count() > 3, 'MathML');
    // SGD with momentum shows its textbook velocity and what differs.
    await page.getByLabel('Explain run').selectOption({ label: 'Momentum' });
    await assert.doesNotReject(panel.getByText(/v = η·b/).waitFor());
    await screenshot(page, 'teach-equations');
  });
});

test('overlays toggle and draw; the stability bound is marked on the slider', { timeout: 90_000 }, async () => {
  await withPage('overlays', async (page) => {
    await g(page, () => window.gradscape.step(20));
    await page.getByLabel('Explain run').selectOption({ label: 'RMSprop' });
    const layer = page.locator('canvas.teach-overlay');
    const before = await layer.screenshot();
    for (const name of ['Gradient arrow', 'Update arrow']) {
      await page.getByLabel(name).uncheck();
    }
    const none = await layer.screenshot();
    assert.notDeepEqual(before, none, 'arrows drawn, then removed');
    for (const name of ['Adaptive scale', 'Curvature']) {
      await page.getByLabel(name).check();
      const shot = await layer.screenshot();
      assert.notDeepEqual(shot, none, `${name} draws`);
      await page.getByLabel(name).uncheck();
    }
    const tick = run(page, 2).getByRole('img', { name: /Stability bound 2\/λmax/ });
    await assert.doesNotReject(tick.waitFor());
    await page.getByLabel('Curvature').check();
    await page.getByLabel('Adaptive scale').check();
    await page.getByLabel('Gradient arrow').check();
    await page.getByLabel('Update arrow').check();
    await screenshot(page, 'teach-overlays');
  });
});

test('a schedule changes the rates, as the CLI does for the exported scenario', { timeout: 90_000 }, async () => {
  await withPage('schedules', async (page) => {
    const card = run(page, 0);
    await card.getByText(/^Schedule:/).click();
    await card.getByLabel('Schedule').selectOption('step');
    await card.getByLabel('Step size').fill('10');
    await card.getByLabel('Step size').press('Tab');
    await card.getByLabel('Warm-up', { exact: true }).check();
    await g(page, () => window.gradscape.step(60));
    const scenario = JSON.parse(await g(page, () => window.gradscape.exportScenario()));
    assert.deepEqual(scenario.runs[0].schedule, { kind: 'step', step_size: 10, gamma: 0.1 });
    assert.ok(scenario.runs[0].warmup);
    const ref = cli(scenario, 60);
    const rates = await g(page, () => Array.from(window.gradscape.rates(0)));
    assert.deepEqual(rates, ref[0].lr);
    assert.ok(new Set(rates).size > 3, 'the rate changes over the steps');
    await screenshot(page, 'teach-schedules');
  });
});
