// The race page through its accessible names: stepping matches the CLI, live changes, divergence,
// surfaces, the start point, playback and the keyboard. Every test fails on any console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openPage, waitForReady, assertNoErrors, screenshot, REPO_ROOT, withPage as sharedWithPage } from './harness.mjs';

const CLI = path.join(REPO_ROOT, 'target', 'release', 'gradscape');

/** Runs `scenario` (object) through the CLI for `steps` steps; returns its runs. */
function cli(scenario, steps) {
  const out = execFileSync(CLI, ['run', '-'], { input: JSON.stringify({ ...scenario, steps }), maxBuffer: 1 << 28 });
  return JSON.parse(out).runs;
}

/** Opens the page, runs `body(page)`, then checks the page logged no error. */
const withPage = (name, body, viewport) => sharedWithPage(`race-${name}`, body, { viewport });

const state = (page) => page.evaluate(() => window.gradscape.state());
const run = (page, i) => page.getByRole('group', { name: new RegExp(`^Run ${i + 1}:`) });
// The Add-run menu (a button and a menu: it adds only on a click or Enter).
const addRun = async (page, name) => {
  await page.getByRole('button', { name: '+ Add run' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
};

test('stepping matches the engine (CLI) numbers exactly', { timeout: 90_000 }, async () => {
  await withPage('cli', async (page) => {
    // A fifth run that diverges, to compare that too.
    await addRun(page, 'Nesterov');
    await run(page, 4).getByLabel('Learning rate', { exact: true }).fill('0.5');
    await page.evaluate(() => window.gradscape.step(250));
    const st = await state(page);
    assert.equal(st.step, 250);
    const scenario = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    const ref = cli(scenario, 250);
    assert.equal(ref.length, st.runs.length);
    st.runs.forEach((r, i) => {
      const want = ref[i].trajectory.at(-1);
      assert.deepEqual(r.point, want, `run ${r.name}: point`);
      assert.equal(r.loss, ref[i].loss.at(-1), `run ${r.name}: loss`);
      assert.equal(r.status === 'diverged', ref[i].stop.reason === 'diverged', `run ${r.name}: status`);
    });
    assert.equal(st.runs[4].status, 'diverged');
  });
});

test('a live learning-rate change alters the next steps and keeps the path so far', { timeout: 90_000 }, async () => {
  await withPage('live', async (page) => {
    await page.evaluate(() => window.gradscape.step(40));
    const before = await page.evaluate(() => window.gradscape.path(3));
    const original = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    const lr = run(page, 3).getByLabel('Learning rate', { exact: true });
    await lr.fill('0.2');
    await page.evaluate(() => window.gradscape.step(20));
    const after = await page.evaluate(() => window.gradscape.path(3));
    assert.equal(after.length, 61);
    assert.deepEqual(after.slice(0, 41), before, 'the recorded path is unchanged');
    const unchanged = cli(original, 60)[3].trajectory;
    assert.deepEqual(unchanged.slice(0, 41), before);
    assert.notDeepEqual(after[60], unchanged[60], 'the new rate changes the next steps');
    const exported = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.equal(exported.runs[3].lr, 0.2);
  });
});

test('"Re-plan from start" recomputes the whole path on a change', { timeout: 90_000 }, async () => {
  await withPage('replan', async (page) => {
    await page.evaluate(() => window.gradscape.step(30));
    const before = await page.evaluate(() => window.gradscape.path(3));
    await page.getByLabel('Re-plan from start').check();
    await run(page, 3).getByLabel('Learning rate', { exact: true }).fill('0.01');
    const after = await page.evaluate(() => window.gradscape.path(3));
    assert.equal(after.length, before.length, 'still at the same step');
    assert.deepEqual(after[0], before[0]);
    assert.notDeepEqual(after[1], before[1], 'changed from the first step on');
    const scenario = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.deepEqual(cli(scenario, 30)[3].trajectory, after, 'the same path as a fresh run');
  });
});

test('ten runs at once, each with its own colour', { timeout: 90_000 }, async () => {
  await withPage('ten', async (page) => {
    for (const p of ['Nesterov', 'Adagrad', 'Adadelta', 'AdamW', 'NAdam', 'RAdam']) await addRun(page, p);
    await run(page, 1).getByRole('button', { name: 'Duplicate run' }).click();
    await run(page, 10).getByRole('button', { name: 'Remove run' }).click();
    await page.evaluate(() => window.gradscape.step(200));
    const st = await state(page);
    assert.equal(st.runs.length, 10);
    const scenario = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.equal(new Set(scenario.runs.slice(0, 8).map((r) => r.color)).size, 8);
    await screenshot(page, 'race-ten-runs');
  });
});

test('a clear message when WebAssembly fails to load', { timeout: 90_000 }, async () => {
  const { page, close } = await openPage('/');
  try {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload();
    await page.getByRole('alert').getByText('could not be loaded').waitFor();
  } finally {
    await close();
  }
});

test('a huge learning rate shows "diverged" and the other runs go on', { timeout: 90_000 }, async () => {
  await withPage('diverge', async (page) => {
    await run(page, 0).getByLabel('Learning rate', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => window.gradscape.state().step >= 20);
    await page.getByRole('button', { name: 'Pause' }).click();
    await assert.doesNotReject(run(page, 0).getByText(/diverged at step \d+/).waitFor());
    const st = await state(page);
    assert.equal(st.runs[0].status, 'diverged');
    assert.ok(Number.isInteger(st.runs[0].diverged_at));
    assert.ok(st.runs[0].point.every(Number.isFinite));
    assert.ok(st.runs.slice(1).every((r) => r.status !== 'diverged'));
    await screenshot(page, 'race-diverged');
  });
});

test('switching surface redraws the view and loads its race', { timeout: 90_000 }, async () => {
  await withPage('surface', async (page) => {
    const canvas = page.getByRole('img', { name: 'Loss surface' });
    const before = await canvas.screenshot();
    await page.getByLabel('Surface', { exact: true }).selectOption('himmelblau');
    await page.waitForFunction(() => window.gradscape.state().surface === 'himmelblau');
    await page.waitForTimeout(300);
    const after = await canvas.screenshot();
    assert.notDeepEqual(after, before, 'the canvas pixels change');
    assert.equal((await state(page)).step, 0);
    await screenshot(page, 'race-himmelblau');
  });
});

test('a click on the surface sets the start point of every run', { timeout: 90_000 }, async () => {
  await withPage('start', async (page) => {
    await page.evaluate(() => window.gradscape.step(10));
    const canvas = page.getByRole('img', { name: 'Loss surface' });
    const box = await canvas.boundingBox();
    await canvas.click({ position: { x: box.width * 0.7, y: box.height * 0.3 } });
    const st = await state(page);
    assert.equal(st.step, 0);
    const { start } = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.notDeepEqual(start, [-1.5, 2]);
    for (const r of st.runs) assert.deepEqual(r.point, start);
  });
});

test('Play/Pause toggles the button name, Step and Reset work', { timeout: 90_000 }, async () => {
  await withPage('play', async (page) => {
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForFunction(() => window.gradscape.state().step > 5);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    const k = (await state(page)).step;
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal((await state(page)).step, k + 1);
    await page.getByRole('button', { name: 'Reset' }).click();
    assert.equal((await state(page)).step, 0);
  });
});

test('keyboard: Space plays/pauses, Right arrow steps, R resets, not while typing', { timeout: 90_000 }, async () => {
  await withPage('keys', async (page) => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal((await state(page)).step, 2);
    await page.keyboard.press('r');
    assert.equal((await state(page)).step, 0);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).waitFor();
    const k = (await page.evaluate(() => window.gradscape.step(3))).step;
    const name = run(page, 0).getByLabel('Run name');
    await name.fill('');
    await name.pressSequentially('r r');
    assert.equal((await state(page)).step, k, 'typing in a field is not a shortcut');
    assert.equal((await state(page)).runs[0].name, 'r r');
  });
});

test('load() takes a scenario, rejects a bad one and keeps the race', { timeout: 90_000 }, async () => {
  await withPage('load', async (page) => {
    const scenario = { problem: { surface: 'beale' }, start: [1, 1], steps: 500, runs: [{ optimizer: 'adam', lr: 0.02, name: 'A' }] };
    await page.evaluate((s) => window.gradscape.load(s), scenario);
    await page.evaluate(() => window.gradscape.step(100));
    assert.equal((await state(page)).surface, 'beale');
    await assert.rejects(page.evaluate(() => window.gradscape.load({ problem: { surface: 'beale' }, runs: [{ optimizer: 'adam', lr: -1 }] })), /lr/);
    const st = await state(page);
    assert.equal(st.step, 100);
    assert.equal(st.runs[0].name, 'A');
    assert.equal(await page.getByLabel('Surface', { exact: true }).inputValue(), 'beale');
  });
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`screenshot at ${viewport.width}×${viewport.height}`, { timeout: 90_000 }, async () => {
    await withPage(`shot-${viewport.width}`, async (page) => {
      await page.getByLabel('Speed').fill('3');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => window.gradscape.state().step >= 1500);
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(300);
      await screenshot(page, `race-${viewport.width}x${viewport.height}`);
    }, viewport);
  });
}
