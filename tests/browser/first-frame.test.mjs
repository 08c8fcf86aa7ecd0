// The first frame: the surface is on the canvas before the parts of the page it does not need
// (boot-panel.mjs: paths, run list, playback, charts; boot-late.mjs: the lab, teaching layer,
// classroom, Explore, grid, 3-D, links) are even requested, and index.html's preload list
// (scripts/preload.mjs) is current, so the wasm and the first part's modules are fetched in
// parallel rather than one import level at a time; the stylesheets and the first part's
// message areas it merges (page.css, messages/first.mjs) are current too.
// How fast that is is a benchmark (`make bench`, first_frame_ms), not this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withPage } from './harness.mjs';
import { REPO_ROOT } from './serve.mjs';
import { preloadBlock, preloadedModules, stale, STYLESHEETS, FIRST_AREAS } from '../../scripts/preload.mjs';

test('index.html preloads the wasm and exactly the first part of booting', () => {
  const html = fs.readFileSync(path.join(REPO_ROOT, 'www', 'index.html'), 'utf8');
  assert.ok(html.includes(preloadBlock()), 'www/index.html preload block is out of date: run `node scripts/preload.mjs`');
  // One stylesheet: page.css, made of all of them (a link to one of them would load it twice).
  assert.deepEqual([...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]), ['page.css']);
  const first = preloadedModules();
  assert.ok(first.includes('js/engine.mjs') && first.includes('pkg/gradscape.js') && first.includes('js/boot.mjs'), first.join(' '));
  assert.ok(first.indexOf('js/engine-start.mjs') < first.indexOf('js/boot.mjs'), 'the engine is not preloaded first');
  // The later parts stay out of it (otherwise the split buys nothing).
  for (const late of ['js/boot-panel.mjs', 'js/controls.mjs', 'js/paths.mjs', 'js/boot-late.mjs', 'js/teach/index.mjs', 'js/explore/index.mjs', 'js/lab.mjs', 'js/messages/teach.mjs']) {
    assert.ok(!first.includes(late), `${late} is imported statically by the first part of booting`);
  }
  // The merged message areas stand in for their sources, which the first part does not fetch.
  for (const area of FIRST_AREAS) assert.ok(!first.includes(`js/messages/${area}.mjs`), `messages/${area}.mjs is fetched before the first frame`);
});

test('page.css and messages/first.mjs hold what their sources do now', async () => {
  assert.deepEqual(await stale(), [], 'generated files are out of date: run `node scripts/preload.mjs`');
  const css = fs.readFileSync(path.join(REPO_ROOT, 'www', 'page.css'), 'utf8');
  for (const f of STYLESHEETS) assert.ok(css.includes(fs.readFileSync(path.join(REPO_ROOT, 'www', f), 'utf8').trim()), `page.css lacks ${f}`);
  // Every stylesheet of www/ is in it (a new one added to index.html by hand would be lost).
  const sheets = fs.readdirSync(path.join(REPO_ROOT, 'www')).filter((f) => f.endsWith('.css') && f !== 'page.css').sort();
  assert.deepEqual(sheets, [...STYLESHEETS].sort(), 'a stylesheet in www/ is missing from STYLESHEETS in scripts/preload.mjs');
  // The copies say what the sources say, in both languages.
  const { firstAreas } = await import('../../www/js/messages/first.mjs');
  for (const [i, name] of FIRST_AREAS.entries()) {
    const { default: source } = await import(`../../www/js/messages/${name}.mjs`);
    assert.deepEqual(firstAreas[i], source, `messages/first.mjs's copy of ${name}.mjs differs`);
  }
});

// Before any page script: when boot.mjs marks the first surface, note what the surface canvas
// shows and which files have been requested so far.
function watchFirstSurface() {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    if (name === 'gradscape:first-surface') {
      const c = document.getElementById('surface-canvas');
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      window.__firstSurface = {
        colours: colours.size,
        requested: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
        api: typeof window.gradscape,
      };
    }
    return mark(name, ...rest);
  };
}

test('the surface is drawn before the rest of the page is fetched', { timeout: 90_000 }, async () => {
  await withPage('first-frame', async (page) => {
    const seen = await page.evaluate(() => window.__firstSurface);
    assert.ok(seen, 'boot.mjs never marked gradscape:first-surface');
    assert.ok(seen.colours >= 16, `the surface canvas was blank at the first-surface mark (${seen.colours} colours)`);
    // Only the first part's modules (index.html preloads them) had been requested.
    const first = new Set(preloadedModules().map((m) => `/${m}`));
    const late = seen.requested.filter((p) => /\.m?js$/.test(p) && !first.has(p));
    assert.deepEqual(late, [], 'modules of the later parts were requested before the first surface');
    assert.equal(seen.api, 'undefined', 'the JS API (built late) existed before the first surface');
    // The wasm was fetched once, by the preload (a second request means the preload did not
    // match wasm-bindgen's fetch and the module was downloaded twice).
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((r) => r.name.endsWith('/pkg/gradscape_bg.wasm')).map((r) => r.initiatorType));
    assert.deepEqual(wasm, ['link']);
    // And once booted, the late parts are there.
    assert.equal(await page.evaluate(() => typeof window.gradscape.link), 'function');
  }, { init: watchFirstSurface });
});
