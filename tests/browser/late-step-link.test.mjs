// A valid link may ask for a late step (up to 1,000,000 steps × 32 runs): the page must show
// at once and stay responsive while it catches up, never freeze computing it in one go. The
// catch-up runs in the engine worker (www/js/worker.mjs) and every run is then adopted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForReady, assertNoErrors } from './harness.mjs';

test('a link to step 1,000,000 of ten runs opens at once and catches up in the background', { timeout: 300_000 }, async () => {
  const scenario = {
    problem: { surface: 'rosenbrock' }, start: [-1.5, 2], steps: 1_000_000,
    page: { step: 1_000_000 },
    runs: Array.from({ length: 10 }, (_, i) => ({ name: `Adam ${i}`, optimizer: 'adam', lr: 1e-3 * (i + 1) })),
  };
  const fragment = `#s=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
  const { page, errors, close } = await openPage(`/${fragment}`);
  try {
    await waitForReady(page, { errors });
    const first = await page.evaluate(() => ({ step: window.gradscape.state().step, bg: window.gradscape.background() }));
    assert.ok(first.step < 1_000_000, `showing step ${first.step} while catching up`);
    assert.equal(first.bg.catchUp, 1_000_000, 'catching up in the engine worker');
    assert.match(await page.locator('.replan-status').textContent(), /Catching up to step 1,000,000/);
    // "Not frozen": round trips to the page answer while the steps are computed, until the
    // race is at the linked step.
    const trips = [];
    let now = first.step;
    const t0 = Date.now();
    while (now < 1_000_000 && Date.now() - t0 < 240_000) {
      const t = Date.now();
      now = await page.evaluate(() => window.gradscape.state().step);
      trips.push(Date.now() - t);
      await page.waitForTimeout(200);
    }
    assert.equal(now, 1_000_000, 'the page catches up to the linked step');
    // The adoption of ten 1,000,000-step runs (32 MB each) on the main thread is allowed
    // more than a frame; "frozen" would be seconds.
    assert.ok(Math.max(...trips) < 1500, `round trips while catching up: worst ${Math.max(...trips)} ms of ${trips.length}`);
    const st = await page.evaluate(() => window.gradscape.state());
    assert.ok(st.runs.every((r) => r.status !== 'diverged' && r.point.every(Number.isFinite)));
    const last = await page.evaluate(() => { const p = window.gradscape.path(9); return { n: p.length, last: p.at(-1) }; });
    assert.equal(last.n, 1_000_001);
    assert.deepEqual(last.last, st.runs[9].point);
    assertNoErrors(errors);
  } finally {
    await close();
  }
});
