// A valid link may ask for a late step (up to 1,000,000 steps × 32 runs): the page must show
// at once and stay responsive while it catches up, never freeze computing it in one go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForReady, assertNoErrors } from './harness.mjs';

test('a link to step 1,000,000 of ten runs opens at once and catches up in the background', { timeout: 120_000 }, async () => {
  const scenario = {
    problem: { surface: 'rosenbrock' }, start: [-1.5, 2], steps: 1_000_000,
    page: { step: 1_000_000 },
    runs: Array.from({ length: 10 }, (_, i) => ({ name: `Adam ${i}`, optimizer: 'adam', lr: 1e-3 * (i + 1) })),
  };
  const fragment = `#s=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
  const { page, errors, close } = await openPage(`/${fragment}`);
  try {
    await waitForReady(page, { errors });
    const first = await page.evaluate(() => window.gradscape.state().step);
    assert.ok(first > 0 && first < 1_000_000, `showing step ${first} while catching up`);
    // "Not frozen": a round trip to the page answers while the steps are computed.
    const trips = [];
    for (let k = 0; k < 5; k += 1) {
      const t = Date.now();
      await page.evaluate(() => 1);
      trips.push(Date.now() - t);
      await page.waitForTimeout(200);
    }
    assert.ok(Math.max(...trips) < 1500, `round trips while catching up: ${trips.join(', ')} ms`);
    const later = await page.evaluate(() => window.gradscape.state().step);
    assert.ok(later > first, `the page catches up (${first} → ${later})`);
    assertNoErrors(errors);
  } finally {
    await close();
  }
});
