// The live readouts while playing (www/js/turns.mjs): at top speed the step counter, run
// cards, leaderboard and timeline change together, a few times a second, so that few frames
// pay for a style and layout pass; played slowly every step shows at once; pausing shows
// the step reached at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from './harness.mjs';
import { TEN_RUNS } from './serve.mjs';

/** Plays `seconds` at the speed slider's value `log10Speed` and returns, per frame that
 *  showed a readout change, which readouts changed, and the frames counted meanwhile. */
async function playWatching(page, log10Speed, seconds) {
  await page.getByLabel('Speed', { exact: true }).fill(String(log10Speed));
  return page.evaluate(async (ms) => {
    const readouts = { step: '#step-count', cards: '#run-list .run-stats', board: '.leaderboard tbody', timeline: '.timeline input' };
    let frame = 0;
    let on = true;
    const count = () => { frame += 1; if (on) requestAnimationFrame(count); };
    requestAnimationFrame(count);
    const frames = new Map(); // frame → set of readouts changed before it was drawn
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
        for (const [name, sel] of Object.entries(readouts)) {
          if (node?.closest(sel)) (frames.get(frame) ?? frames.set(frame, new Set()).get(frame)).add(name);
        }
      }
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    window.gradscape.play();
    await new Promise((r) => setTimeout(r, ms));
    window.gradscape.pause();
    const shownAtPause = document.getElementById('step-count').textContent;
    const stepAtPause = window.gradscape.state().step;
    mo.disconnect();
    on = false;
    return { frames: frame, changed: [...frames.values()].map((s) => [...s].sort()), shownAtPause, stepAtPause };
  }, seconds * 1000);
}

test('readouts: together a few times a second at top speed, every step played slowly, the step reached on pause', { timeout: 120_000 }, async () => {
  await withPage('readouts', async (page) => {
    await page.evaluate((sc) => window.gradscape.load(sc), TEN_RUNS);
    await page.evaluate(() => window.gradscape.step(2000));

    // 1,000 steps/s for 4 s: ~240 frames, readouts at most every 400 ms (the pause's own
    // update is one more).
    const fast = await playWatching(page, 3, 4);
    assert.ok(fast.frames > 60, `frames kept coming (${fast.frames})`);
    assert.ok(fast.changed.length >= 5, `the readouts followed the race (${fast.changed.length} updates)`);
    assert.ok(fast.changed.length <= 4000 / 400 + 2, `readouts changed in ${fast.changed.length} of ${fast.frames} frames`);
    const together = fast.changed.filter((s) => s.includes('step') && s.includes('cards'));
    assert.ok(together.length >= fast.changed.length - 2, `step counter and cards changed in the same frames: ${JSON.stringify(fast.changed)}`);
    assert.equal(fast.shownAtPause, fast.stepAtPause.toLocaleString('en-US'), 'paused: the counter shows the step reached');

    // 2 steps/s (slider 0.3): each step on the counter within a frame or two of its taking.
    await page.getByLabel('Speed', { exact: true }).fill('0.3');
    const lags = await page.evaluate(async () => {
      const out = [];
      const count = document.getElementById('step-count');
      window.gradscape.play();
      const until = performance.now() + 2500;
      let last = window.gradscape.state().step;
      while (performance.now() < until) {
        await new Promise((r) => requestAnimationFrame(r));
        const step = window.gradscape.state().step;
        if (step === last) continue;
        last = step;
        const t0 = performance.now();
        while (count.textContent !== step.toLocaleString('en-US') && performance.now() - t0 < 1000) await new Promise((r) => requestAnimationFrame(r));
        out.push(performance.now() - t0);
      }
      window.gradscape.pause();
      return out;
    });
    assert.ok(lags.length >= 3, `steps taken while playing slowly: ${lags.length}`);
    assert.ok(Math.max(...lags) < 150, `each step shown promptly (ms after the step: ${lags.map((x) => x.toFixed(0)).join(', ')})`);
  });
});
