// In front of a class: switching a run's optimizer gives it the new optimizer's settings and
// name (unless the user renamed it), and every list that shows run names follows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './harness.mjs';

const runs = (page) => page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).runs);
const explainNames = (page) => page.getByLabel('Explain run').locator('option').allTextContents();
const legendText = (page) => page.locator('#legend').textContent();
const optimizerSelect = (page, i) => page.locator('#run-list section.run').nth(i).getByLabel('Optimizer');
const presets = (page) => page.evaluate(() => window.gradscape.catalog().presets);

test('switching optimizer: new defaults and name, a renamed run keeps its name, lists follow', async () => {
  await withPage('switch-optimizer', async (page) => {
    const catalogPresets = await presets(page);
    const preset = (optimizer) => catalogPresets.find((p) => p.run.optimizer === optimizer);
    const before = await runs(page);
    assert.equal(before[0].name, 'SGD');

    // SGD → Adagrad: Adagrad's preset learning rate, its name, no SGD-only settings left.
    await optimizerSelect(page, 0).selectOption('adagrad');
    let now = await runs(page);
    assert.equal(now[0].optimizer, 'adagrad');
    assert.equal(now[0].name, preset('adagrad').name);
    assert.equal(now[0].lr, preset('adagrad').run.lr);
    assert.notEqual(now[0].lr, before[0].lr);
    assert.equal(now[0].color, before[0].color, 'the colour stays');
    assert.ok(!('momentum' in now[0]) && !('nesterov' in now[0]));
    assert.equal((await explainNames(page))[0], preset('adagrad').name);
    assert.match(await legendText(page), new RegExp(preset('adagrad').name));

    // "Momentum" (an SGD run with momentum 0.9) → Adadelta: lr 1.0 from the preset, no momentum.
    await optimizerSelect(page, 1).selectOption('adadelta');
    now = await runs(page);
    assert.equal(now[1].name, preset('adadelta').name);
    assert.equal(now[1].lr, preset('adadelta').run.lr);
    assert.ok(!('momentum' in now[1]));

    // A run the user renamed keeps its name through a switch; the Explain list shows renames.
    const name = page.locator('#run-list section.run').nth(2).getByLabel('Run name');
    await name.fill('My RMSprop');
    assert.equal((await explainNames(page))[2], 'My RMSprop');
    await optimizerSelect(page, 2).selectOption('adam');
    now = await runs(page);
    assert.equal(now[2].name, 'My RMSprop');
    assert.equal(now[2].optimizer, 'adam');
    assert.equal(now[2].lr, preset('adam').run.lr);
    assert.equal((await explainNames(page))[2], 'My RMSprop');

    // The switched runs race fairly: Adadelta at lr 1.0 moves visibly, unlike at SGD's 0.001.
    await page.evaluate(() => window.gradscape.step(500));
    const state = await page.evaluate(() => window.gradscape.state());
    const start = (await runs(page))[1] && (await page.evaluate(() => JSON.parse(window.gradscape.exportScenario()).start));
    const moved = Math.hypot(state.runs[1].point[0] - start[0], state.runs[1].point[1] - start[1]);
    assert.ok(moved > 0.05, `Adadelta moved ${moved}`);
  });
});
