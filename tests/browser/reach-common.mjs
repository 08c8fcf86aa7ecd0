// Shared setup of the reach tests (language, phone, embed, offline): each needs browser
// contexts of its own (a locale, a phone viewport with touch, offline), which the shared
// harness's one persistent context cannot give. One browser and server per test file.

import { after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS, CHROMIUM_PATH } from './serve.mjs';

let shared = null;

/** {browser, url} for this test file (started on first use, closed after the file). */
export async function browser() {
  shared ??= (async () => {
    const server = await startServer();
    const b = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    return { browser: b, url: server.url, server };
  })();
  return shared;
}

after(async () => {
  if (!shared) return;
  const { browser: b, server } = await shared;
  await b.close();
  await server.close();
});

/**
 * Opens `path` in a new context with `options` (locale, viewport, isMobile, …); returns
 * {page, context, errors, url} once the page is ready. Page errors are collected.
 */
export async function open(path, options = {}, { ready = true, init = null } = {}) {
  const { browser: b, url } = await browser();
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url + path);
  if (ready) await waitReady(page);
  return { page, context, errors, url };
}

/** Waits until the page booted (boot.mjs sets data-ready). */
export function waitReady(page) {
  return page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
}
