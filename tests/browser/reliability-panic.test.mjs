// A Rust panic in the engine: the page shows its engine-stopped overlay with a Reload button
// and stays on screen (docs/reliability.md). Needs a second wasm module with the deliberate
// `panicForTest` entry point (cargo feature `panic-test`, src/web/testing.rs), built here into
// target/panic-test/ (cargo caches it: seconds on a re-run) and served in place of
// www/pkg/gradscape{_bg.wasm,.js} through page.route. The shipped www/pkg is never touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, waitForReady, screenshot, baseUrl, REPO_ROOT, pictureStats } from './harness.mjs';

const DIR = path.join(REPO_ROOT, 'target', 'panic-test');
const PKG = path.join(DIR, 'pkg');

function buildPanicModule() {
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  run('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--features', 'panic-test', '--target-dir', DIR]);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--remove-name-section', '--out-dir', PKG,
    path.join(DIR, 'wasm32-unknown-unknown', 'release', 'gradscape.wasm')]);
  assert.notEqual(path.resolve(PKG), path.resolve(REPO_ROOT, 'www', 'pkg'));
}

test('a panic in the engine shows the engine-stopped overlay with Reload, not a dead page', { timeout: 900_000 }, async () => {
  buildPanicModule();
  const shipped = fs.readFileSync(path.join(REPO_ROOT, 'www', 'pkg', 'gradscape.js'), 'utf8');
  assert.ok(!shipped.includes('panicForTest'), 'the shipped module has no panic entry point');
  const { page, errors, close } = await openPage('about:blank');
  try {
    await page.route('**/pkg/gradscape_bg.wasm', (r) => r.fulfill({ path: path.join(PKG, 'gradscape_bg.wasm'), contentType: 'application/wasm' }));
    await page.route('**/pkg/gradscape.js', (r) => r.fulfill({ path: path.join(PKG, 'gradscape.js'), contentType: 'text/javascript' }));
    await page.goto(new URL('/', await baseUrl()).href);
    await waitForReady(page, { errors });
    assert.equal(await page.evaluate(() => typeof window.__gradscapeWasm?.panicForTest), 'function');
    await page.evaluate(() => window.gradscape.play());
    await page.waitForFunction(() => window.gradscape.state().step > 5);
    // From a timer, as a panic in a frame or an event handler would be: uncaught.
    await page.evaluate(() => setTimeout(() => window.__gradscapeWasm.panicForTest()));
    const overlay = page.getByRole('alertdialog', { name: 'The engine stopped' });
    await overlay.waitFor();
    assert.match(await overlay.textContent(), /engine stopped: deliberate panic for the test\./);
    assert.match(await overlay.textContent(), /kept in the link/);
    assert.equal(await page.evaluate(() => window.gradscape.playing), false, 'playback stopped');
    const reload = overlay.getByRole('button', { name: 'Reload' });
    assert.equal(await reload.isVisible(), true);
    // Not blank: the page (view, controls) is still drawn under the overlay.
    const stats = await pictureStats(page, page.locator('body'));
    assert.ok(stats.distinctColours > 50, `the page is still drawn (${stats.distinctColours} colours)`);
    await screenshot(page, 'reliability-panic');
    // The errors are the panic itself (console_error_panic_hook, then the trap); nothing else.
    const other = errors.filter((e) => !/deliberate panic for the test|unreachable|RuntimeError/.test(e));
    assert.deepEqual(other, []);
    assert.ok(errors.some((e) => /deliberate panic for the test/.test(e)));
    // Reload brings a working page back (the link in the address bar is kept).
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await waitForReady(page);
    assert.equal(await page.getByRole('alertdialog', { name: 'The engine stopped' }).count(), 0);
    assert.equal((await page.evaluate(() => window.gradscape.step(3))).step > 0, true);
  } catch (err) {
    await screenshot(page, 'reliability-fail-panic').catch(() => {});
    throw err;
  } finally {
    await close();
  }
});
