// Smoke test: the page boots under the strict CSP without errors and draws the loss surface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForReady, assertNoErrors, pictureStats, screenshot } from './harness.mjs';

test('page boots and draws the loss surface', { timeout: 90_000 }, async () => {
  const { page, errors, close } = await openPage('/');
  try {
    await waitForReady(page, { errors });
    const canvas = page.locator('canvas[aria-label="Loss surface"]');
    await canvas.waitFor({ state: 'visible', timeout: 10_000 });
    const stats = await pictureStats(page, canvas);
    assert.ok(stats.width > 100 && stats.height > 100, `canvas too small: ${JSON.stringify(stats)}`);
    assert.ok(stats.distinctColours >= 32, `canvas looks blank: ${JSON.stringify(stats)}`);
    assert.ok(stats.dominantFraction < 0.5, `canvas is mostly one colour: ${JSON.stringify(stats)}`);
    assertNoErrors(errors);
  } finally {
    await screenshot(page, 'smoke').catch(() => {});
    await close();
  }
});
