// Explore's other views through the panel: the fan draws one ghost per axis value and links
// carry it; the fair race tunes every run's lr by its stated search and races the tuned
// runs (each tuned result equals `gradscape sweep` of that lr); the learning-rate finder's
// "Use this lr" sets the suggested lr on the selected run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { withPage, REPO_ROOT } from './harness.mjs';

const CLI = path.join(REPO_ROOT, 'target', 'release', 'gradscape');
const cliSweep = (spec) => JSON.parse(execFileSync(CLI, ['sweep', '-'], { input: JSON.stringify(spec), maxBuffer: 1 << 26 }));
const scenario = (page) => page.evaluate(() => JSON.parse(window.gradscape.exportScenario()));

test('fan, fair race and lr finder', async () => {
  await withPage('explore-views', async (page) => {
    await page.evaluate(() => window.gradscape.pause());
    await page.getByRole('button', { name: 'Explore…' }).click();
    const panel = page.locator('#explore');

    // Fan: 9 ghosts of the first run's lr; the overlay is shown and links carry the fan.
    await panel.getByRole('tab', { name: 'Fan' }).click();
    await panel.getByLabel('Values').fill('9');
    await panel.getByRole('button', { name: 'Show fan' }).click();
    await page.evaluate(() => window.gradscape.step(60));
    const fan = (await page.evaluate(() => window.gradscape.explore())).settings;
    assert.equal(fan.view, 'fan');
    assert.equal(fan.sweep.x.param, 'lr');
    assert.equal(fan.sweep.x.n, 9);
    assert.equal(await page.locator('canvas.ex-overlay-fan').isVisible(), true);
    assert.match(await panel.locator('.ex-fan .ex-note').last().textContent(), /^9 ghosts, lr from/);
    assert.deepEqual((await scenario(page)).page.explore, fan);

    // Fair race: every run tuned, then raced with the tuned lr.
    const before = await scenario(page);
    await panel.getByRole('tab', { name: 'Fair race' }).click();
    await panel.getByLabel('Steps').fill('300');
    await panel.getByRole('button', { name: 'Tune and race' }).click();
    await page.waitForFunction(() => window.gradscape.explore().state === 'done', null, { timeout: 120_000 });
    const rows = await panel.locator('.ex-table tr').allTextContents();
    assert.equal(rows.length, before.runs.length + 1, 'a header and one row per run');
    const after = await scenario(page);
    assert.equal(after.steps, 300);
    const tunedRun = after.runs.findIndex((r, i) => r.lr !== before.runs[i].lr);
    assert.ok(tunedRun >= 0, 'some lr changed');
    // The table's result of that run is the CLI's cell at its tuned lr.
    const r = after.runs[tunedRun];
    const { name, color, ...run } = r;
    const cell = cliSweep({ problem: after.problem, start: after.start, steps: 300, tolerance: after.tolerance, run, x: { param: 'lr', from: r.lr, to: r.lr, n: 1 } }).cells[0];
    const text = rows[tunedRun + 1];
    if (cell.stop.reason === 'diverged') assert.match(text, /diverged/);
    else if (cell.steps_to_tolerance != null) assert.match(text, new RegExp(`${cell.steps_to_tolerance} steps$`));
    else assert.match(text, /not reached/);

    // Learning-rate finder on run 0: the suggestion is set by "Use this lr".
    await panel.getByRole('tab', { name: 'LR finder' }).click();
    await panel.getByRole('button', { name: 'Find lr' }).click();
    const said = await panel.locator('.ex-finder .ex-note').last().textContent();
    const m = said.match(/^Suggested lr: ([\d.e+-]+)/);
    assert.ok(m, said);
    await panel.getByRole('button', { name: 'Use this lr' }).click();
    const lr = (await scenario(page)).runs[0].lr;
    assert.ok(Math.abs(lr - Number(m[1])) <= 1e-3 * lr, `${lr} vs ${m[1]}`);
  });
});
