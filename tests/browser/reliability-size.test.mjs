// Pasted data too large for the link or the device (issue 11 item 2): 300,000 pasted rows
// made a share link of 6 million characters (over the engine's own MAX_LINK and the
// browser's URL limit) and were over the local-storage cap, said only in
// gradscape.storage(): gone after a reload, without a word. Now the link always stays within
// MAX_LINK and opens (written without the data when it must be, generated points standing
// in), and the user is told at once what will not be kept, with the exports that keep it.
// Sizes: two small ones (to measure a link's cost per point), just under and just over the
// link limit, over the link limit but kept on the device, and over both (300,000 rows).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import { withPage, openPage, waitForReady, assertNoErrors, baseUrl } from './harness.mjs';

const MAX_LINK = 256 * 1024; // src/link.rs
const g = (page, expr, arg) => page.evaluate(expr, arg);

// Fixed-width values: every point costs the link the same number of characters.
const csv = (n) => `x,y\n${Array.from({ length: n }, (_, i) => `${1_000_000 + i},${2_000_000 + (i % 1000)}`).join('\n')}\n`;

async function paste(page, n) {
  if (!(await page.getByLabel('CSV data').isVisible())) await page.getByText('Paste or load a CSV (x,y)').click();
  await page.getByLabel('CSV data').evaluate((t, v) => { t.value = v; }, csv(n));
  const before = await g(page, () => location.hash);
  await page.getByRole('button', { name: 'Load CSV' }).click();
  await page.waitForFunction((n) => window.gradscape.data()?.x.length === n, n, { timeout: 120_000 });
  // The link is rewritten (debounced) after the change: wait for the one written for these
  // n points (with the data, or without it and n generated points standing in), not a link
  // still on its way from an earlier change (switching mode, a previous paste).
  await page.waitForFunction(({ b, n }) => {
    const h = location.hash;
    if (h === b || !h.startsWith('#s=')) return false;
    try {
      const bin = atob(h.slice(3).replace(/-/g, '+').replace(/_/g, '/'));
      const reg = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))).problem?.regression;
      return (reg?.x?.length ?? reg?.generate?.n) === n;
    } catch { return false; }
  }, { b: before, n }, { timeout: 60_000 });
  const hash = await g(page, () => location.hash);
  const scenario = JSON.parse(Buffer.from(hash.slice(3), 'base64url').toString('utf8'));
  return { hash, reg: scenario.problem.regression };
}

const noticeText = (page) => g(page, () => [...document.querySelectorAll('.notice')].filter((e) => !e.hidden).map((e) => e.textContent).join(' '));

test('data just under and over the link limit, over the storage cap: the link stays valid, the user is told, the exports keep it', { timeout: 900_000 }, async () => {
  await withPage('reliability-size', async (page) => {
    await g(page, () => localStorage.clear());
    await page.getByRole('radio', { name: 'Regression' }).check();
    // A link's length is a + b·n: measured on two sizes that fit.
    const l1 = (await paste(page, 1000)).hash.length;
    const l2 = (await paste(page, 2000)).hash.length;
    const b = (l2 - l1) / 1000, a = l1 - 1000 * b;
    const under = Math.floor((MAX_LINK - a) / b) - 20, over = under + 40;
    const sizes = [under, over, 60_000, 300_000];
    for (const n of sizes) {
      const { hash, reg } = await paste(page, n);
      const label = `${n} points (link ${hash.length - 1} characters)`;
      assert.ok(hash.length - 1 <= MAX_LINK, `${label}: over MAX_LINK`);
      const stored = await g(page, () => JSON.parse(localStorage.getItem('gradscape:v1:data') || 'null')?.n ?? null);
      const text = await noticeText(page);
      if (n === under) {
        assert.equal(reg.x?.length, n, `${label}: the data is not in the link`);
        assert.ok(hash.length - 1 > MAX_LINK - 2000, `${label}: not just under the limit`);
        assert.equal(stored, n, label);
        assert.doesNotMatch(text, /too large|could not be kept/, label);
        continue;
      }
      // Over the link limit: written without the data, generated points of the same count.
      assert.equal(reg.x, undefined, label);
      assert.equal(reg.generate?.n, n, label);
      assert.match(text, new RegExp(`Your data \\(${n.toLocaleString('en-US')} points\\) is too large for the share link`), `${label}: ${text}`);
      assert.match(text, /holds the scenario without it/, label);
      if (n === 300_000) {
        assert.notEqual(stored, n, label);
        assert.match(text, /not kept on this device either: export it/, `${label}: ${text}`);
        assert.match((await g(page, () => window.gradscape.storage())).lastError, /too large/);
      } else {
        assert.equal(stored, n, label);
        assert.match(text, /It is kept on this device/, `${label}: ${text}`);
      }
      // The buttons in the notice export exactly what would be lost.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data (CSV)' }).click()]);
      const file = await fsp.readFile(await download.path(), 'utf8');
      const lines = file.trim().split('\n');
      assert.equal(lines.length, n + 1, label);
      assert.equal(lines[1], '1000000,2000000');
      assert.equal(lines.at(-1), `${1_000_000 + n - 1},${2_000_000 + ((n - 1) % 1000)}`);
      const [sdl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scenario file' }).click()]);
      const sc = JSON.parse(await fsp.readFile(await sdl.path(), 'utf8'));
      assert.equal(sc.problem.regression.x.length, n, label);
      // The link opens, in a fresh page, without a refusal.
      const other = await openPage(`/${hash}`);
      try {
        await waitForReady(other.page, { errors: other.errors });
        assert.equal(await g(other.page, () => window.gradscape.data()?.x.length), n, label);
        assert.doesNotMatch(await noticeText(other.page), /could not be opened/, label);
        // Whoever opens it is told the data is not in it (the link's caption).
        const caption = await g(other.page, () => document.querySelector('section.caption:not([hidden])')?.textContent ?? '');
        assert.match(caption, new RegExp(`does not carry the ${n.toLocaleString('en')} data points`), label);
        assertNoErrors(other.errors);
      } finally {
        await other.close();
      }
    }
  });
});

test('the paste over the storage cap is told at once, before any link is written', { timeout: 300_000 }, async () => {
  await withPage('reliability-size-now', async (page) => {
    await g(page, () => localStorage.clear());
    await page.getByRole('radio', { name: 'Regression' }).check();
    if (!(await page.getByLabel('CSV data').isVisible())) await page.getByText('Paste or load a CSV (x,y)').click();
    await page.getByLabel('CSV data').evaluate((t, v) => { t.value = v; }, csv(120_000));
    // The switch's own link is written 400 ms after its last change (teach/link.mjs), and
    // filling the box can take longer than that: the link must have settled before the
    // paste, or that write lands between the paste and its notice.
    await page.waitForFunction(() => location.hash.startsWith('#s='));
    await page.waitForTimeout(600);
    // Every notice shown, with the link in the address bar at that moment.
    const hashBefore = await g(page, () => {
      window.__notices = [];
      const box = document.querySelector('.notice');
      new MutationObserver(() => window.__notices.push({ text: box.textContent, hash: location.hash, buttons: box.querySelectorAll('button').length }))
        .observe(box, { childList: true, subtree: true, characterData: true });
      return location.hash;
    });
    await page.getByRole('button', { name: 'Load CSV' }).click();
    await page.waitForFunction(() => window.gradscape.data()?.x.length === 120_000, null, { timeout: 120_000 });
    await page.waitForFunction(() => window.__notices.length > 0);
    // With the load, before the link is rewritten: the notice says it, with the exports.
    const first = (await g(page, () => window.__notices)).find((n) => n.text);
    assert.match(first.text, /Your data \(120,000 points\) could not be kept on this device: too large/, first.text);
    assert.match(first.text, /Export data \(CSV\)Export scenario file/);
    assert.equal(first.hash, hashBefore);
  });
});

test('storage disabled: every accepted paste says it will not be kept', { timeout: 120_000 }, async () => {
  const url = new URL('/', await baseUrl()).href;
  await withPage('reliability-size-disabled', async (page) => {
    await page.getByRole('radio', { name: 'Regression' }).check();
    for (const n of [3, 500]) {
      if (!(await page.getByLabel('CSV data').isVisible())) await page.getByText('Paste or load a CSV (x,y)').click();
      await page.getByLabel('CSV data').evaluate((t, v) => { t.value = v; }, csv(n));
      await page.getByRole('button', { name: 'Load CSV' }).click();
      await page.waitForFunction((n) => window.gradscape.data()?.x.length === n, n);
      assert.match(await noticeText(page), new RegExp(`Your data \\(${n} points\\) could not be kept on this device: storage is disabled`));
    }
  }, { url, init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }) });
});
