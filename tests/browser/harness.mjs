// Shared helpers for the browser tests (`node --test tests/browser/`, run by `make test`).
//
// - serves www/ from an in-process static server on a free loopback port, always under a
//   strict Content-Security-Policy (the page must work without inline scripts or eval);
// - launches Debian's Chromium through playwright-core once per test file (node --test runs
//   each file in its own process) and closes it, the server and the profile directory in a
//   root `after` hook, so `node --test` exits;
// - collects console errors, uncaught page exceptions and failed requests per page.
//
//   import { openPage, waitForReady, assertNoErrors } from './harness.mjs';
//   test('boots', async () => {
//     const { page, errors, close } = await openPage('/');
//     try { await waitForReady(page, { errors }); assertNoErrors(errors); } finally { await close(); }
//   });
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), WWW_DIR (default <repo>/www).

import { after } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export {
  REPO_ROOT, WWW_DIR, RESULTS_DIR, CSP, CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT, startServer,
} from './serve.mjs';
import {
  WWW_DIR, RESULTS_DIR, CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT, startServer,
} from './serve.mjs';

// One server and one browser per test file (per process), started on first use.
let shared = null;

async function start() {
  const server = await startServer();
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    });
  } catch (err) {
    await server.close();
    await fsp.rm(profile, { recursive: true, force: true });
    throw err;
  }
  return { server, profile, context };
}

function session() {
  shared ??= start();
  return shared;
}

/** Closes the browser, the server and the profile directory (idempotent). */
export async function shutdown() {
  if (!shared) return;
  const pending = shared;
  shared = null;
  let s;
  try {
    s = await pending;
  } catch {
    return; // the launch failed: nothing to close
  }
  await s.context.close().catch(() => {});
  await s.server.close();
  await fsp.rm(s.profile, { recursive: true, force: true }).catch(() => {});
}

// Registered at import time, so it attaches to the file's root and runs after all its tests.
after(shutdown);

/** The base URL of this file's server, e.g. http://127.0.0.1:40123 */
export async function baseUrl() {
  return (await session()).server.url;
}

/**
 * Opens a new page at `urlPath` (relative to www/) and records every console error,
 * uncaught exception and failed request into `errors` (strings), from before navigation.
 * Returns {page, errors, close}; `close()` closes only this page. Throws at once if the page
 * itself answers with an HTTP error (pass `expectOk: false` to allow that).
 */
export async function openPage(urlPath = '/', { waitUntil = 'load', timeout = 30_000, expectOk = true } = {}) {
  const { server, context } = await session();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const { url, lineNumber } = msg.location() || {};
    errors.push(`console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.stack || err.message || err}`));
  page.on('requestfailed', (req) =>
    errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const url = new URL(urlPath, server.url).href;
  const response = await page.goto(url, { waitUntil, timeout });
  if (expectOk && response && !response.ok()) {
    await page.close().catch(() => {});
    throw new Error(`GET ${url}: HTTP ${response.status()} (served from ${WWW_DIR})`);
  }
  return { page, errors, close: () => page.close().catch(() => {}) };
}

/**
 * Waits until the page has booted: `window.gradscape.ready === true`. Pass the page's
 * `errors` to have them in the failure message if it never does.
 */
export async function waitForReady(page, { errors = [], timeout = 30_000 } = {}) {
  try {
    await page.waitForFunction(() => window.gradscape?.ready === true, null, { timeout });
  } catch (err) {
    const seen = errors.length ? `errors in the page:\n  ${errors.join('\n  ')}` : 'no errors in the page';
    throw new Error(`window.gradscape.ready did not become true (${err.message}); ${seen}`);
  }
}

/** Fails with the full list if any console error, page error or failed request was seen. */
export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `errors in the page:\n  ${errors.join('\n  ')}`);
}

/** Saves a PNG of the page (or of a locator/element handle) as test-results/<name>.png. */
export async function screenshot(pageOrLocator, name) {
  await fsp.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await pageOrLocator.screenshot({ path: file });
  return file;
}

/**
 * What an element (e.g. a canvas, 2-D or WebGL) shows on screen: takes an element screenshot
 * and decodes it in the page. Returns {width, height, distinctColours, dominantFraction}
 * where dominantFraction is the share of pixels that have the most common colour.
 */
export async function pictureStats(page, locator) {
  const png = await locator.screenshot();
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const pixels = data.length / 4;
    return {
      width: bitmap.width,
      height: bitmap.height,
      distinctColours: counts.size,
      dominantFraction: pixels ? Math.max(...counts.values()) / pixels : 1,
    };
  }, png.toString('base64'));
}

/**
 * Opens `url` (after `init`, an init script, if given), waits until the page is ready, runs
 * `body(page, errors)` and fails on any console or page error; on failure it saves a
 * screenshot `fail-<name>.png`. Closes the page in any case.
 */
export async function withPage(name, body, { url = '/', viewport, init } = {}) {
  const { page, errors, close } = await openPage(init ? 'about:blank' : url);
  try {
    if (init) {
      await page.addInitScript(init);
      await page.goto(new URL(url, await baseUrl()).href);
    }
    if (viewport) await page.setViewportSize(viewport);
    await waitForReady(page, { errors });
    await body(page, errors);
    assertNoErrors(errors);
  } catch (err) {
    await screenshot(page, `fail-${name}`).catch(() => {});
    throw err;
  } finally {
    await close();
  }
}
