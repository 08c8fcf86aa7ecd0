// Embed mode and offline use. Inside an iframe with ?embed=1 the page fills its frame, shows
// "Open in Gradscape" (the full page at the same state) and ignores Space until the frame
// has the focus; Share → Embed code gives an <iframe> of the state at the chosen size. After
// one visit with the service worker (scripts/build-stamp.mjs lists its files), a reload with
// the network cut still shows the page and plays, and a new build's worker replaces the
// old cache.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './serve.mjs';
import { open, waitReady } from './reach-common.mjs';

test('embedded in an iframe: fills the frame, Space only when focused, open-in-Gradscape link', async () => {
  const host = await open('/', {}, {});
  try {
    const { page, url } = host;
    await page.setContent(`<p id="slide" tabindex="0">A slide</p><iframe id="f" src="${url}/?embed=1" width="800" height="450" style="border:0"></iframe>`);
    const frame = page.frameLocator('#f');
    const inner = page.frames().find((f) => f.url().includes('embed=1')) ?? (await (await page.$('#f')).contentFrame());
    await waitReady(inner);
    assert.equal(await inner.evaluate(() => document.documentElement.classList.contains('embed')), true);
    const view = await inner.evaluate(() => { const r = document.getElementById('surface-canvas').getBoundingClientRect(); return { w: r.width, h: r.height }; });
    assert.ok(view.w >= 400 && view.h >= 400, `the view fills most of the 800×450 frame (${view.w}×${view.h})`);
    assert.ok(await inner.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling in the frame');

    // Space on the slide (the frame not focused): nothing plays.
    await page.focus('#slide');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    assert.equal(await inner.evaluate(() => window.gradscape.playing), false, 'Space outside the frame');
    // Focused (a click on the frame's panel), Space plays.
    await frame.locator('.runs-head h2').click();
    await page.keyboard.press('Space');
    await inner.waitForFunction(() => window.gradscape.playing === true, null, { timeout: 5000 });
    await page.keyboard.press('Space');

    const link = frame.locator('a.open-full');
    await link.waitFor({ state: 'visible' });
    const href = await link.getAttribute('href');
    assert.match(href, /#s=/, 'the link carries the state');
    assert.doesNotMatch(href, /embed=1/, 'and opens the full page');
  } finally {
    await host.context.close();
  }
});

test('Share → Embed code: an <iframe> of the current state at the chosen size', async () => {
  const { page, context } = await open('/');
  try {
    await page.evaluate(() => window.gradscape.step(25));
    await page.locator('summary', { hasText: 'Share' }).click();
    await page.getByLabel('Size', { exact: true }).selectOption({ label: '960 × 600' });
    const code = await page.getByLabel('Embed code').inputValue();
    const m = /^<iframe src="([^"]+)" width="960" height="600" [^>]*title="[^"]+"[^>]*><\/iframe>$/.exec(code);
    assert.ok(m, code);
    const src = m[1].replace(/&amp;/g, '&');
    assert.match(src, /\?embed=1#s=/);
    // The snippet's address opens that state, embedded.
    const again = await open(src.slice(new URL(src).origin.length));
    try {
      await again.page.waitForFunction(() => window.gradscape.state().step === 25);
      assert.equal(await again.page.evaluate(() => document.documentElement.classList.contains('embed')), true);
    } finally {
      await again.context.close();
    }
  } finally {
    await context.close();
  }
});

test('offline after one visit: a reload with the network cut shows the page and plays', async () => {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-stamp.mjs')]);
  const { page, context, errors } = await open('/', {}, { init: () => localStorage.setItem('gradscape:offline', 'on') });
  try {
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
    }, null, { timeout: 30000 });
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('gradscape-')));
      return { names, wasm: Boolean(await cache.match('pkg/gradscape_bg.wasm')), boot: Boolean(await cache.match('js/boot.mjs')) };
    });
    assert.equal(cached.names.filter((n) => n.startsWith('gradscape-')).length, 1, 'one versioned cache');
    assert.ok(cached.wasm && cached.boot, 'the wasm module and the modules are kept');

    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    await page.locator('#play').click();
    await page.waitForFunction(() => window.gradscape.state().step > 20, null, { timeout: 10000 });
    assert.deepEqual(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e)), []);

    // A new build (another stamp) replaces the old cache as a whole once online again.
    await context.setOffline(false);
    const stamp = path.join(REPO_ROOT, 'www', 'build-stamp.js');
    fs.writeFileSync(stamp, fs.readFileSync(stamp, 'utf8').replace(/GRADSCAPE_BUILD = "[^"]*"/, 'GRADSCAPE_BUILD = "next-build"'));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await page.waitForFunction(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('gradscape-'));
      return names.length === 1 && names[0] === 'gradscape-next-build';
    }, null, { timeout: 30000 });
  } finally {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-stamp.mjs')]);
    await context.close();
  }
});
