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
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW_DIR = path.resolve(process.env.WWW_DIR || path.join(REPO_ROOT, 'www'));
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:";

// Flags measured on these machines (see shared/notes/web-toolchain.md): no sandbox as root,
// no GPU, no outside connections. The profile directory is given to launchPersistentContext.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1280, height: 800 };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Starts a static file server for `root` on 127.0.0.1 (free port). Returns {url, close}. */
export async function startServer(root = WWW_DIR) {
  const server = http.createServer(async (req, res) => {
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      let stat = await fsp.stat(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file);
      }
      headers['Content-Type'] = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      headers['Content-Length'] = stat.size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    } catch (err) {
      const status = err && (err.code === 'ENOENT' || err.code === 'ENOTDIR') ? 404 : 500;
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found\n' : 'server error\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// One server and one browser per test file (per process), started on first use.
let shared = null;

async function start() {
  const server = await startServer();
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'gradscape-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
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
