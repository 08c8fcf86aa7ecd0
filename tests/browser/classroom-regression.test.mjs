// In front of a class, regression: Train is the data loss (mean squared error) for every run,
// equal to the CLI's `data_loss` on the same scenario, with the L1 penalty in its own column;
// one control per setting (no second L2 field beside the optimizer's weight decay); no wall
// time column.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPage, REPO_ROOT } from './harness.mjs';

const CLI = path.join(REPO_ROOT, 'target/release/gradscape');
const STEPS = 150;

test('Train equals the CLI\'s data loss for an L1 run; the penalty has its own column', { timeout: 90_000 }, async () => {
  await withPage('classroom-regression', async (page) => {
    await page.getByRole('radio', { name: 'Regression' }).check();
    await page.waitForFunction(() => window.gradscape.state().mode === 'regression');
    const card = page.getByRole('group', { name: /^Run 1:/ });
    await card.getByText('Regularisation & early stopping').click();
    // One L2 control: the optimizer's own Weight decay (no "L2 (weight decay)" field here).
    assert.equal(await card.getByLabel('L2 (weight decay)').count(), 0);
    const l1 = card.getByLabel('L1', { exact: true });
    await l1.fill('0.5');
    await l1.press('Enter');
    await l1.blur();
    // The metrics follow the lab's charts, at most every CHART_INTERVAL_MS (lab.mjs): after
    // a quick L1 change the steps' row comes a moment later, so wait for the row to change.
    const before = await page.evaluate(() => document.querySelector('.lab-metrics tbody tr')?.textContent);
    await page.evaluate((n) => window.gradscape.step(n), STEPS);
    await page.waitForFunction((old) => document.querySelector('.lab-metrics tbody tr')?.textContent !== old, before);
    const sc = JSON.parse(await page.evaluate(() => window.gradscape.exportScenario()));
    assert.equal(sc.runs[0].l1, 0.5);

    const table = page.getByRole('table', { name: 'Metrics' });
    const heads = await table.locator('thead th').allTextContents();
    assert.deepEqual(heads, ['Run', 'To tol.', 'Epochs', 'Train', 'Val.', 'Gap', 'Penalty']);
    assert.ok(!heads.includes('Wall'));
    await page.waitForFunction(() => document.querySelector('.lab-metrics tbody tr td:nth-child(7)')?.textContent !== '–');
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    const [train, val, gap, penalty] = [cells[2], cells[3], cells[4], cells[5]].map(Number);

    // The CLI on the same scenario, the same number of steps.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradscape-l1-'));
    const file = path.join(dir, 'scenario.json');
    fs.writeFileSync(file, JSON.stringify({ ...sc, steps: STEPS, page: undefined }));
    const out = JSON.parse(execFileSync(CLI, ['run', file], { maxBuffer: 1 << 28 }).toString());
    fs.rmSync(dir, { recursive: true, force: true });
    const run = out.runs[0];
    assert.equal(run.stop.steps, STEPS);
    const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-3 * Math.abs(b) + 1e-12, `${what}: page ${a}, CLI ${b}`);
    close(train, run.data_loss, 'Train is the data loss');
    close(penalty, run.penalty, 'Penalty');
    const cliLoss = run.loss.at(-1);
    assert.ok(Math.abs(cliLoss - (run.data_loss + run.penalty)) < 1e-9, 'the CLI loss includes the penalty');
    assert.ok(Math.abs(train - cliLoss) > 0.05 * cliLoss, `Train (${train}) is not the penalised loss (${cliLoss})`);
    const cliVal = run.validation_loss.at(-1);
    close(val, cliVal, 'Val.');
    // The gap compares like with like: validation − training data loss.
    assert.ok(Math.abs(gap - (cliVal - run.data_loss)) <= 2e-3 * Math.max(1, Math.abs(gap)), `gap ${gap}`);

    // A run without L1: no penalty, Train is its loss.
    const plain = await table.locator('tbody tr').nth(2).locator('td').allTextContents();
    assert.equal(plain[5], '–');
    close(Number(plain[2]), out.runs[2].loss.at(-1), 'plain Train');
  });
});
