// The equation panel substitutes the engine's derived quantities (stepDetails().derived): bias
// corrections, m̂, v̂, denominators, effective learning rates, NAdam's μ and Π, RAdam's ρ and
// branch, Adam's textbook step; no "…" placeholder is left. Every test fails on any console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForReady, assertNoErrors, screenshot } from './harness.mjs';
import { fmt } from '../../www/js/catalog.mjs';

// As the panel formats numbers (math.mjs num/vec): 3 significant digits, a true minus sign.
const f = (x, digits = 3) => fmt(x, digits).replace('-', '−');
const v = ([x, y]) => `(${f(x)},${f(y)})`;
const g = (page, expr, arg) => page.evaluate(expr, arg);

async function withPage(name, body) {
  const { page, errors, close } = await openPage('/');
  try {
    await waitForReady(page, { errors });
    await body(page, errors);
    assertNoErrors(errors);
  } catch (err) {
    await screenshot(page, `teach-derived-fail-${name}`).catch(() => {});
    throw err;
  } finally {
    await close();
  }
}
const panel = (page) => page.getByRole('region', { name: 'Update rule' });
const panelText = async (page) => (await panel(page).textContent()).replace(/\s+/g, '');
/** Selects run i at timeline step k; returns its stepDetails and the panel's text. */
async function at(page, i, k) {
  if (k !== undefined) await g(page, (s) => window.gradscape.timeline(s), k);
  const d = await g(page, (j) => window.gradscape.explain(j), i);
  return { d, text: await panelText(page) };
}
/** Screenshots of the page (panel at its top), then with the panel scrolled to its end. */
async function shots(page, name) {
  await screenshot(page, name);
  await panel(page).evaluate((e) => { e.scrollTop = e.scrollHeight; });
  await screenshot(page, `${name}-end`);
  await panel(page).evaluate((e) => { e.scrollTop = 0; });
}
const has = (text, s, what) => assert.ok(text.includes(s), `${what}: ${s} in the panel`);

const FAMILIES = [
  { optimizer: 'sgd', name: 'SGD', lr: 0.001, momentum: 0.9, nesterov: true, weight_decay: 0.1 },
  { optimizer: 'adagrad', name: 'Adagrad', lr: 0.1, lr_decay: 0.01 },
  { optimizer: 'rmsprop', name: 'RMSprop', lr: 0.01, momentum: 0.5, centered: true },
  { optimizer: 'adadelta', name: 'Adadelta' },
  { optimizer: 'adam', name: 'Adam', lr: 0.05, amsgrad: true, weight_decay: 0.01 },
  { optimizer: 'adamw', name: 'AdamW', lr: 0.05 },
  { optimizer: 'nadam', name: 'NAdam', lr: 0.01 },
  { optimizer: 'radam', name: 'RAdam', lr: 0.01 },
];
const families = (runs = FAMILIES) => ({ problem: { surface: 'rosenbrock' }, start: [-1.5, 2], runs });

test('Adam: bias corrections, m̂, v̂, D, effective rate and the textbook step are the engine numbers', { timeout: 90_000 }, async () => {
  await withPage('adam', async (page) => {
    await g(page, () => window.gradscape.step(12));
    await page.getByLabel('Explain run').selectOption({ label: 'Adam' });
    const d = await g(page, () => window.gradscape.explain());
    assert.equal(d.optimizer, 'adam');
    const x = d.derived;
    assert.equal(x.step, 13);
    const text = await panelText(page);
    has(text, `=${f(x.bias_correction1)}`, '1 − β₁ᵗ');
    has(text, `=${f(x.bias_correction2)}`, '1 − β₂ᵗ');
    has(text, `=${v(x.m_hat)}`, 'm̂');
    has(text, `=${v(x.v_hat)}`, 'v̂');
    has(text, `=${v(x.denominator)}`, 'D');
    has(text, `=${v(x.effective_lr)}`, 'effective learning rate');
    has(text, `=${v(x.textbook_update)}`, 'textbook step');
    assert.match(text, /Textbookstep,nobiascorrection/);
    assert.ok(!text.includes('…'));
    await shots(page, 'teach-derived-adam');
    // The textbook form names the same numbers.
    await panel(page).getByText('Textbook form').click();
    const tb = (await panel(page).locator('details.textbook').textContent()).replace(/\s+/g, '');
    has(tb, v(x.textbook_update), 'textbook form');
    has(tb, f(x.bias_correction1), 'textbook note');
    // The derived values are listed in the table too.
    await panel(page).getByText('All values').click();
    const table = await panel(page).locator('table').textContent();
    for (const n of [x.bias_correction1, ...x.m_hat, ...x.effective_lr, ...x.textbook_update]) assert.ok(table.includes(fmt(n, 6)), `${fmt(n, 6)} in the table`);
    await screenshot(page, 'teach-derived-adam-textbook');
  });
});

test('RAdam: early steps take the un-rectified branch, later ones the rectified one with r', { timeout: 90_000 }, async () => {
  await withPage('radam', async (page) => {
    await g(page, (s) => window.gradscape.load(s), families([FAMILIES[7]]));
    await g(page, () => window.gradscape.step(30));
    const early = await at(page, 0, 2);
    assert.equal(early.d.derived.rectified, false);
    assert.equal(early.d.derived.rectification, undefined);
    has(early.text, 'un-rectified', 'branch');
    has(early.text, `=${f(early.d.derived.rho_t, 5)}≤5`, 'ρₜ');
    has(early.text, `=${v(early.d.derived.m_hat)}`, 'm̂');
    has(early.text, `=${v(early.d.derived.effective_lr)}`, 'η_eff = η');
    await screenshot(page, 'teach-derived-radam-early');
    const late = await at(page, 0, 20);
    const x = late.d.derived;
    assert.equal(x.rectified, true);
    assert.ok(!late.text.includes('un-rectified'));
    has(late.text, 'rectifiedstep', 'branch');
    has(late.text, `=${f(x.rho_t, 5)}>5`, 'ρₜ');
    has(late.text, `=${f(x.rho_inf, 6)}`, 'ρ∞');
    has(late.text, `=${f(x.rectification)}`, 'r');
    has(late.text, `=${v(x.effective_lr)}`, 'effective learning rate');
    await shots(page, 'teach-derived-radam');
  });
});

test('every optimizer family: no "…" left, the effective rate and the derived terms substituted', { timeout: 120_000 }, async () => {
  await withPage('families', async (page) => {
    await g(page, (s) => window.gradscape.load(s), families());
    await g(page, () => window.gradscape.step(12));
    for (const k of [0, 1, 7]) {
      for (let i = 0; i < FAMILIES.length; i++) {
        const { d, text } = await at(page, i, k);
        const x = d.derived;
        const what = `${FAMILIES[i].name} at step ${k}`;
        assert.equal(d.optimizer, FAMILIES[i].optimizer);
        assert.ok(x && Array.isArray(x.effective_lr), `${what}: derived`);
        assert.ok(!text.includes('…'), `${what}: no … in ${text}`);
        if (d.optimizer !== 'sgd') has(text, `=${v(x.effective_lr)}`, `${what}: effective rate`);
        for (const key of ['denominator', 'rms_update', 'rms_gradient', 'm_hat', 'v_hat']) if (x[key]) has(text, `=${v(x[key])}`, `${what}: ${key}`);
        if (x.clr != null) has(text, `=${f(x.clr)}`, `${what}: clr`);
        if (x.decay_factor != null) has(text, `=${f(x.decay_factor, 6)}`, `${what}: 1 − ηλ`);
        if (x.mu != null) for (const n of [x.mu, x.mu_next]) has(text, `=${f(n, 5)}`, `${what}: μ`);
        for (const key of ['mu_product', 'gradient_coefficient', 'momentum_coefficient', 'bias_correction1', 'bias_correction2']) {
          if (x[key] != null) has(text, `=${f(x[key])}`, `${what}: ${key}`);
        }
        if (d.optimizer === 'nadam' && k === 7) await shots(page, 'teach-derived-nadam');
      }
    }
  });
});

test('the adaptive-scale overlay draws from the engine\'s effective rate for every family', { timeout: 90_000 }, async () => {
  await withPage('scale', async (page) => {
    await g(page, (s) => window.gradscape.load(s), families());
    await g(page, () => window.gradscape.step(10));
    const layer = page.locator('canvas.teach-overlay');
    for (const name of ['Gradient arrow', 'Update arrow']) await page.getByLabel(name).uncheck();
    for (let i = 0; i < FAMILIES.length; i++) {
      await g(page, (j) => window.gradscape.explain(j), i);
      const none = await layer.screenshot();
      await page.getByLabel('Adaptive scale').check();
      assert.notDeepEqual(await layer.screenshot(), none, `${FAMILIES[i].name}: the scale is drawn`);
      await page.getByLabel('Adaptive scale').uncheck();
    }
  });
});

test('a run that stopped early is explained at its last step', { timeout: 90_000 }, async () => {
  await withPage('stopped', async (page) => {
    await g(page, (s) => window.gradscape.load(s), families([{ optimizer: 'sgd', name: 'Wild', lr: 0.05 }, FAMILIES[4]]));
    await g(page, () => window.gradscape.step(40));
    const st = await g(page, () => window.gradscape.state());
    assert.equal(st.runs[0].status, 'diverged', 'the first run stopped');
    const { d, text } = await at(page, 0);
    assert.ok(d.next && d.derived, 'the last step taken');
    assert.ok(d.step < st.step);
    assert.ok(!text.includes('Noruletoshow') && !text.includes('takesnofurtherstep') && !text.includes('…'));
  });
});
