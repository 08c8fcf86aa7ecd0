// Reliability on the inputs a class produces (issue 11): values huge next to their spread
// (the tick loops that never ended), stored records of the wrong shape (start-up crashes),
// and bad arguments to every window.gradscape entry point. Each test tries several instances
// of its class; every one fails on any console error or uncaught exception.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage as sharedWithPage, openPage, waitForReady, assertNoErrors, screenshot } from './harness.mjs';

const g = (page, expr, arg) => page.evaluate(expr, arg);
const withPage = (name, body, options) => sharedWithPage(`reliability-inputs-${name}`, body, options);

/** Resolves if the page answers within `ms` (a hung tab never does). */
async function answers(page, label, ms = 5000) {
  const t = await Promise.race([
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now())))),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${label}: the page did not answer within ${ms} ms (hung)`)), ms)),
  ]);
  assert.ok(t > 0);
}

// ---------------------------------------------------------------------------------------
// 1. Values near 1e17 with a tiny range: every axis, grid and label loop ends.

// Near 1e17 the float spacing is 16, near 1e18 128: a loss range of a few spacings makes
// a tick step below half of one. Which instance hangs depends on the chart's height (how
// many ticks it asks for), so several bases, slopes and window sizes are tried.
const FORMULAS = [
  ...[1e17, 1e18, 4e18, -1e17].flatMap((b) => [10, 100, 1000].map((c) => `${b} + ${c}*x`)),
  '1e17 + x', '-1e17 + 0.001*y', '1e16 + x + y', '1e300*x', '1e17 + 100*x*x', '1e-310*x',
];
const SIZES = [{ width: 1280, height: 800 }, { width: 1000, height: 1400 }];

test('formulas whose values sit near 1e17 (and 1e300, 1e-310) with a tiny range: play a step, the page still answers', { timeout: 240_000 }, async () => {
  await withPage('huge-formula', async (page) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const [i, expr] of FORMULAS.entries()) {
        const log = i % 3 === 0;
        await g(page, ([expr, log]) => {
          const sc = JSON.parse(window.gradscape.exportScenario());
          sc.problem = { expr };
          sc.start = [0.5, 0.5];
          delete sc.page;
          window.gradscape.load(sc);
          const box = document.getElementById('log-scale');
          if (box.checked !== log) box.click();
        }, [expr, log]);
        const st = await Promise.race([
          g(page, () => window.gradscape.step(1)),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`${expr}: step(1) hung`)), 10_000)),
        ]);
        assert.equal(st.step, 1, expr);
        // Let the throttled charts and the debounced heat map draw, then check again.
        await page.waitForTimeout(250);
        await answers(page, `${expr} at ${size.width}×${size.height}`);
        await g(page, () => window.gradscape.step(3));
        await page.waitForTimeout(150);
        await answers(page, `${expr} at ${size.width}×${size.height}, step 4`);
      }
    }
    await screenshot(page, 'reliability-huge-formula');
  });
});

test('regression data with x or y near 1e17 (and equal values): the data view and charts draw, the page still answers', { timeout: 240_000 }, async () => {
  const sets = [
    { x: [1e17, 1e17 + 16, 1e17 + 32, 1e17 + 48], y: [1, 2, 3, 4] },
    { x: [0, 1, 2, 3], y: [1e17, 1e17 + 16, 1e17, 1e17 + 32] },
    { x: [1e17, 1e17, 1e17], y: [1e17, 1e17 + 16, 1e17] },
    { x: [5, 5, 5], y: [2, 2, 2] },
    { x: [-1e17, -1e17 + 16], y: [3e16, 3e16 + 8] },
    { x: [1e-310, 2e-310, 3e-310], y: [1, 2, 3] },
  ];
  await withPage('huge-data', async (page) => {
    await page.getByRole('radio', { name: 'Regression' }).check();
    for (const { x, y } of sets) {
      await g(page, ({ x, y }) => {
        const sc = JSON.parse(window.gradscape.exportScenario());
        sc.problem = { regression: { x, y } };
        for (const r of sc.runs) delete r.batch_size;
        delete sc.page;
        window.gradscape.load(sc);
      }, { x, y });
      await page.waitForTimeout(100);
      const st = await Promise.race([
        g(page, () => window.gradscape.step(1)),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${JSON.stringify(x)}: step(1) hung`)), 10_000)),
      ]);
      // (Such data diverges at once: then the race stays at step 0, all runs stopped.)
      assert.ok(st.step <= 1 && st.runs.every((r) => r.status === 'diverged' || st.step === 1), JSON.stringify(st));
      await page.waitForTimeout(250);
      await answers(page, `data ${JSON.stringify({ x, y })}`);
    }
    await screenshot(page, 'reliability-huge-data');
  });
});

// ---------------------------------------------------------------------------------------
// 4. Stored records of the wrong shape: dropped with a notice, never fatal.

const KEYS = { data: 'gradscape:v1:data', formula: 'gradscape:v1:formula' };
const validScenario = { problem: { expr: 'x^2 + y^2' }, start: [1, 1], runs: [{ optimizer: 'sgd', lr: 0.1 }] };
const dataScenario = { problem: { regression: { x: [0, 1, 2], y: [1, 3, 5] } }, start: [0, 0], runs: [{ optimizer: 'sgd', lr: 0.1 }] };

/** Wrong shapes for `kind`, as the raw text stored. */
function wrongShapes(kind) {
  const big = 'x'.repeat(1_600_000);
  const rec = kind === 'data' ? { n: 3, scenario: dataScenario } : { expr: 'x^2 + y^2', scenario: validScenario };
  const raw = [
    'null', '42', '"a string"', 'true', '[]', '[1,2,3]', '{}', '{"scenario": null}', '{"scenario": 5}', '{"scenario": []}',
    '{not json', '{"expr": "x"', '\u0000\u0001', '', `"${big}"`, 'NaN', 'undefined',
  ];
  const mutate = (patch) => JSON.stringify({ ...rec, ...patch });
  const common = [
    mutate({ v: 2 }), mutate({ v: 'one' }), mutate({ saved: { when: 1 } }), mutate({ scenario: { problem: null } }),
    mutate({ scenario: { problem: 'x' } }), mutate({ scenario: 'x^2' }),
  ];
  const specific = kind === 'data' ? [
    mutate({ n: undefined }), mutate({ n: '3' }), mutate({ n: { a: 1 } }), mutate({ n: 4 }), mutate({ n: -1 }),
    mutate({ scenario: { problem: { regression: null } } }),
    mutate({ scenario: { problem: { regression: { x: [0, 1], y: [1] } } } }),
    mutate({ scenario: { problem: { regression: { x: 'abc', y: 'def' } } } }),
    mutate({ scenario: { problem: { regression: { x: [0, null, 2], y: [1, 2, 3] } } } }),
    mutate({ scenario: { problem: { regression: { x: [0, [1], 2], y: [1, 2, 3] } } } }),
    mutate({ scenario: { problem: { regression: { x: [{}, {}, {}], y: [1, 2, 3] } } } }),
    mutate({ n: 0, scenario: { problem: { regression: { x: [], y: [] } } } }),
  ] : [
    mutate({ expr: null }), mutate({ expr: 42 }), mutate({ expr: { toString: 'x' } }), mutate({ expr: ['x'] }),
    mutate({ expr: '' }), mutate({ expr: 'x'.repeat(5000) }), mutate({ expr: 'x^2', scenario: validScenario }),
    mutate({ expr: undefined }), mutate({ scenario: { problem: { expr: 7 } } }),
  ];
  return [...raw, ...common, ...specific];
}

test('stored records of the wrong shape, for every record kind: the page starts, drops them with a notice, never fatal', { timeout: 600_000 }, async () => {
  const { page, errors, close } = await openPage('/');
  try {
    await waitForReady(page, { errors });
    for (const kind of ['data', 'formula']) {
      const shapes = wrongShapes(kind);
      for (const [i, text] of shapes.entries()) {
        const label = `${kind} #${i}: ${text.slice(0, 80)}`;
        await g(page, ([key, text]) => { localStorage.clear(); localStorage.setItem(key, text); }, [KEYS[kind], text]);
        await page.goto(new URL('/', page.url()).href.replace(/#.*/, ''));
        await waitForReady(page, { errors });
        assert.equal(await page.locator('#fatal').isVisible(), false, `${label}: fatal`);
        const out = await g(page, () => ({
          notice: [...document.querySelectorAll('.notice')].filter((n) => !n.hidden).map((n) => n.textContent).join(' '),
          stored: { data: localStorage.getItem('gradscape:v1:data'), formula: localStorage.getItem('gradscape:v1:formula') },
          status: window.gradscape.storage(),
        }));
        assert.doesNotMatch(out.notice, /\[object|undefined|NaN|null points/, `${label}: ${out.notice}`);
        assert.match(out.notice, /damaged and has been removed/, `${label}: no notice (${out.notice})`);
        assert.equal(out.stored[kind], null, `${label}: not removed`);
        assert.equal(out.status[kind], null, label);
        assert.equal(await page.getByRole('button', { name: /Restore my last/ }).count(), 0, label);
      }
    }
    // A valid record of each kind is still offered (the validation is not a blanket refusal).
    await g(page, ([k, d, f]) => { localStorage.clear(); localStorage.setItem(k.data, d); localStorage.setItem(k.formula, f); },
      [KEYS, JSON.stringify({ n: 3, scenario: dataScenario }), JSON.stringify({ expr: 'x^2 + y^2', scenario: validScenario })]);
    await page.reload();
    await waitForReady(page, { errors });
    await page.getByRole('button', { name: 'Restore my last data' }).waitFor();
    await page.getByRole('button', { name: 'Restore my last formula' }).click();
    await page.waitForFunction(() => JSON.parse(window.gradscape.exportScenario()).problem.expr === 'x^2 + y^2');
    assertNoErrors(errors);
  } catch (err) {
    await screenshot(page, 'fail-reliability-inputs-records').catch(() => {});
    throw err;
  } finally {
    await close();
  }
});

// ---------------------------------------------------------------------------------------
// 6. Bad arguments to every API entry point: an Error naming what is wrong.

const BAD = {
  undefined: undefined, null: null, string: 'abc', emptyString: '', bool: true, object: { a: 1 }, array: [1],
  NaN: NaN, negative: -1, fraction: 0.5, huge: 1e12, infinity: Infinity, minusInfinity: -Infinity,
};

test('every window.gradscape entry point answers bad arguments with an Error naming it and the argument', { timeout: 240_000 }, async () => {
  await withPage('api-args', async (page) => {
    const results = await g(page, (BADKEYS) => {
      const bad = {
        undefined: undefined, null: null, string: 'abc', emptyString: '', bool: true, object: { a: 1 }, array: [1],
        NaN: NaN, negative: -1, fraction: 0.5, huge: 1e12, infinity: Infinity, minusInfinity: -Infinity,
      };
      const api = window.gradscape;
      const out = [];
      const tryIt = (name, args, tag) => {
        const before = api.state().step;
        try {
          const v = api[name](...args);
          out.push({ name, tag, ok: true, value: v === undefined ? 'undefined' : typeof v, before, after: api.state().step });
        } catch (e) {
          out.push({ name, tag, ok: false, error: String(e && e.message), isError: e instanceof Error, before, after: api.state().step });
        }
      };
      // Index and count arguments: every bad value (undefined is the default for step,
      // timeline and explain, so it is allowed there).
      for (const name of ['step', 'path', 'timeline', 'explain', 'rates']) {
        for (const k of BADKEYS) tryIt(name, [bad[k]], k);
        tryIt(name, [99], '99'); // an index with no run (a step count that is fine)
      }
      // load(): every bad value.
      for (const k of BADKEYS) tryIt('load', [bad[k]], k);
      const cyclic = {}; cyclic.self = cyclic;
      tryIt('load', [cyclic], 'cyclic');
      tryIt('load', [() => 1], 'function');
      // Entry points without arguments: any argument is refused.
      for (const name of ['play', 'pause', 'reset', 'state', 'catalog', 'exportScenario', 'regression', 'data', 'link', 'overlayDraws', 'storage']) {
        tryIt(name, ['surprise'], 'string');
        tryIt(name, [NaN], 'NaN');
      }
      api.pause();
      return out;
    }, Object.keys(BAD));
    // Allowed: step() is step(1); timeline() and explain() are getters; 99 steps, step 99.
    const fine = new Set(['step:undefined', 'timeline:undefined', 'explain:undefined', 'step:99', 'timeline:99']);
    const problems = [];
    for (const r of results) {
      const key = `${r.name}:${r.tag}`;
      if (fine.has(key)) continue;
      if (r.ok) { problems.push(`${key} did not throw (returned ${r.value})`); continue; }
      if (!r.isError) problems.push(`${key} threw a non-Error`);
      // A string or an object is a scenario: the engine's message names the bad field.
      const engine = r.name === 'load' && (r.tag === 'string' || r.tag === 'object');
      if (!engine && !r.error.startsWith(`gradscape.${r.name}(`)) problems.push(`${key}: the message does not name the entry point: ${r.error}`);
      if (/Cannot read|undefined is not|is not a function|\[object/.test(r.error)) problems.push(`${key}: an internal message: ${r.error}`);
      if (r.before !== r.after) problems.push(`${key} changed the step`);
    }
    assert.deepEqual(problems, [], problems.join('\n'));
    // The messages say what is wrong: a sample.
    const msg = (name, tag) => results.find((r) => r.name === name && r.tag === tag)?.error;
    assert.match(msg('load', 'undefined'), /scenario is missing/);
    assert.match(msg('step', 'NaN'), /n must be a whole number from 0 to 1000000 \(got NaN\)/);
    assert.match(msg('path', 'null'), /run index i must be a whole number from 0 to \d+ \(got null\)/);
    assert.match(msg('rates', '99'), /run index i must be a whole number from 0 to \d+ \(got 99\)/);
    assert.match(msg('play', 'string'), /takes no arguments/);
    assert.match(msg('load', 'object'), /unknown field/);
    // And the page still works after all of that.
    const st = await g(page, () => window.gradscape.step(2));
    assert.ok(st.step >= 2);
  });
});
