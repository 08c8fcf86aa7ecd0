// The teaching layer, part 2: custom formula, share links, lessons, export, presenter mode.
// Through accessible names; every test fails on any console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, waitForReady, assertNoErrors, screenshot, REPO_ROOT, withPage as sharedWithPage } from './harness.mjs';

const CLI = path.join(REPO_ROOT, 'target', 'release', 'gradscape');
const cliRaw = (scenario, steps, args = []) =>
  execFileSync(CLI, ['run', '-', ...args], { input: JSON.stringify({ ...scenario, steps }), maxBuffer: 1 << 28 }).toString();

const withPage = (name, body, options) => sharedWithPage(`teach-${name}`, body, options);
const g = (page, expr, arg) => page.evaluate(expr, arg);

test('a custom formula: the error is marked at its position; a good one runs like the CLI', { timeout: 90_000 }, async () => {
  await withPage('custom', async (page) => {
    await page.getByLabel('Surface', { exact: true }).selectOption({ label: 'Custom formula…' });
    const box = page.getByLabel('Formula f(x, y)');
    await box.fill('sin(x)*y + *x');
    await assert.doesNotReject(page.getByRole('status').getByText(/at character 12/).waitFor());
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('.expr-mirror .bad').textContent(), '*');
    await screenshot(page, 'teach-custom-error');
    await box.fill('x^2 + 3*y^2 + sin(x*y)');
    await page.waitForFunction(() => JSON.parse(window.gradscape.exportScenario()).problem.expr === 'x^2 + 3*y^2 + sin(x*y)');
    assert.equal(await box.getAttribute('aria-invalid'), 'false');
    await g(page, () => window.gradscape.step(40));
    const scenario = JSON.parse(await g(page, () => window.gradscape.exportScenario()));
    const ref = JSON.parse(cliRaw(scenario, 40)).runs;
    const st = await g(page, () => window.gradscape.state());
    st.runs.forEach((r, i) => assert.deepEqual(r.point, ref[i].trajectory.at(-1), `run ${i}`));
    await screenshot(page, 'teach-custom');
  });
});

test('a link reproduces the same numbers and page settings', { timeout: 90_000 }, async () => {
  let link, want, scenario;
  await withPage('link-make', async (page) => {
    await page.getByLabel('Log colour scale').uncheck();
    await g(page, () => window.gradscape.step(70));
    await page.getByLabel('Timeline').fill('50');
    link = await g(page, () => window.gradscape.link());
    want = await g(page, () => window.gradscape.path(2));
    scenario = JSON.parse(await g(page, () => window.gradscape.exportScenario()));
    await page.waitForFunction(() => location.hash.startsWith('#s='));
  });
  assert.equal(scenario.page.step, 50);
  assert.equal(scenario.page.log_scale, false);
  const u = new URL(link);
  await withPage('link-open', async (page) => {
    assert.equal(await g(page, () => window.gradscape.state().step), 50);
    assert.deepEqual(await g(page, () => window.gradscape.path(2)), want.slice(0, 51));
    assert.equal(await page.getByLabel('Log colour scale').isChecked(), false);
    const again = JSON.parse(await g(page, () => window.gradscape.exportScenario()));
    assert.deepEqual(again.runs, scenario.runs);
    for (const k of ['min', 'max']) again.page.bounds[k].forEach((v, j) => assert.ok(Math.abs(v - scenario.page.bounds[k][j]) < 1e-9 * (1 + Math.abs(v))));
  }, { url: u.pathname + u.hash });
});

test('a malformed link shows the engine notice and the default race', { timeout: 90_000 }, async () => {
  await withPage('bad-link', async (page) => {
    const notice = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await assert.doesNotReject(notice.waitFor());
    assert.match(await notice.textContent(), /damaged/);
    assert.equal(await g(page, () => window.gradscape.state().surface), 'rosenbrock');
    assert.equal(await g(page, () => window.gradscape.state().runs.length), 4);
    await screenshot(page, 'teach-bad-link');
  }, { url: '/#s=not-a-link!!' });
});

test('the lesson gallery opens a lesson with its caption; a lesson link hides controls', { timeout: 90_000 }, async () => {
  let link;
  await withPage('lessons', async (page) => {
    await page.getByRole('button', { name: 'Lessons' }).click();
    const gallery = page.getByRole('dialog', { name: 'Lessons' });
    await screenshot(page, 'teach-lessons');
    await gallery.getByRole('button', { name: 'Open lesson: Momentum overshoots a narrow valley' }).click();
    const caption = page.getByRole('region', { name: 'Lesson' });
    await assert.doesNotReject(caption.getByText(/20 times steeper/).waitFor());
    assert.equal(await g(page, () => window.gradscape.state().surface), 'valley');
    await page.getByText('Share', { exact: true }).click();
    await page.getByLabel('Hide Learning rates').check();
    await page.getByLabel('Hide Surface picker').check();
    link = await page.getByLabel('Share link').inputValue();
    await screenshot(page, 'teach-share');
  });
  const u = new URL(link);
  await withPage('lesson-link', async (page) => {
    await assert.doesNotReject(page.getByRole('region', { name: 'Lesson' }).getByText(/20 times steeper/).waitFor());
    assert.equal(await page.getByLabel('Learning rate', { exact: true }).first().isVisible(), false);
    assert.equal(await page.getByLabel('Surface', { exact: true }).isVisible(), false);
    assert.equal(await page.getByRole('group', { name: /^Run 1:/ }).getByLabel('Optimizer').isVisible(), true);
    await screenshot(page, 'teach-lesson-link');
  }, { url: u.pathname + u.hash });
});

test('export buttons download PNG, CSV (as the CLI), JSON, scenario and WebM', { timeout: 120_000 }, async () => {
  await withPage('export', async (page) => {
    await g(page, () => window.gradscape.step(30));
    const get = async (name) => {
      await page.getByText('Export', { exact: true }).click();
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: dl.suggestedFilename(), body: fs.readFileSync(await dl.path()) };
    };
    const png = await get('View as PNG');
    assert.equal(png.name, 'gradscape-view.png');
    assert.deepEqual([...png.body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
    const scen = await get('Scenario JSON');
    const scenario = JSON.parse(scen.body);
    const csv = await get('Trajectories CSV');
    assert.equal(csv.body.toString(), cliRaw(scenario, 30, ['--format', 'csv']));
    const json = await get('Trajectories JSON');
    // The same numbers (the page's runs are not finished at step 30: stop.reason differs).
    const mine = JSON.parse(json.body).runs, ref = JSON.parse(cliRaw(scenario, 30)).runs;
    mine.forEach((r, i) => {
      for (const k of ['trajectory', 'loss', 'lr']) assert.deepEqual(r[k], ref[i][k], `run ${i} ${k}`);
    });
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('button', { name: 'Record video (WebM)' }).click();
    await page.waitForTimeout(1200);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Stop recording' }).click()]);
    assert.equal(dl.suggestedFilename(), 'gradscape-race.webm');
    const webm = fs.readFileSync(await dl.path());
    assert.deepEqual([...webm.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'a WebM (EBML) file');
  });
});

test('presenter mode: button and P toggle it, Escape leaves', { timeout: 90_000 }, async () => {
  await withPage('presenter', async (page) => {
    await g(page, () => window.gradscape.step(40));
    const btn = page.getByRole('button', { name: 'Present' });
    await btn.click();
    assert.equal(await g(page, () => document.documentElement.classList.contains('presenter')), true);
    await screenshot(page, 'teach-presenter');
    await page.keyboard.press('Escape');
    assert.equal(await g(page, () => window.gradscape.presenter), false);
    await page.keyboard.press('p');
    assert.equal(await g(page, () => window.gradscape.presenter), true);
    await page.keyboard.press('P');
    assert.equal(await g(page, () => window.gradscape.presenter), false);
  });
});
