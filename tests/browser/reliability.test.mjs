// Reliability: hostile share links, the strict Content-Security-Policy, no WebAssembly, and the
// user's data kept on this device (docs/reliability.md). Every test fails on any console
// error, uncaught exception or failed request, except where one is the point of the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openPage, waitForReady, assertNoErrors, screenshot, baseUrl, CSP, withPage as sharedWithPage } from './harness.mjs';
import { seededRandom as rng } from './serve.mjs';

const g = (page, expr, arg) => page.evaluate(expr, arg);

const withPage = (name, body, options) => sharedWithPage(`reliability-${name}`, body, options);

// ---------------------------------------------------------------------------------------
// Hostile links


const SCRIPTY = [
  '<img src=x onerror=alert(1)>', '<script>window.__pwned=1</script>', 'javascript:alert(1)',
  '"><svg onload=alert(1)>', '{{constructor.constructor("alert(1)")()}}', '${alert(1)}',
  '<iframe src="javascript:alert(1)"></iframe>', '\u202eevil\u202c', '𝔊𝔯𝔞𝔡 🚀 ✓ 中文 עברית',
  '\u0000\u0001\u001f', 'x'.repeat(5000), '</textarea><img src=x onerror=alert(1)>',
];
const ODD = [
  null, true, false, 0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 1e21, -0, 'NaN', 'Infinity', '', [], {},
  [1e308, -1e308], [[[[[]]]]], { __proto__: { polluted: true } }, 'a'.repeat(3000), ...SCRIPTY,
];

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64url');
const unb64 = (s) => Buffer.from(s, 'base64url').toString('utf8');

function deep(depth) { return '['.repeat(depth) + ']'.repeat(depth); }

/** Every path to a value in obj (as arrays of keys), for mutations. */
function paths(obj, pre = [], out = []) {
  out.push(pre);
  if (obj && typeof obj === 'object') for (const k of Object.keys(obj)) paths(obj[k], [...pre, k], out);
  return out;
}
function setPath(obj, p, v) {
  if (!p.length) return v;
  let o = obj;
  for (const k of p.slice(0, -1)) o = o[k];
  o[p.at(-1)] = v;
  return obj;
}

/** ~1,200 distinct hostile fragments (without '#') built from a valid one. */
function hostileLinks(valid) {
  const r = rng(20241128);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const body = valid.replace(/^s=/, '');
  const json = JSON.parse(unb64(body));
  const out = new Set();
  const add = (frag) => { if (frag !== valid) out.add(frag); };
  // Fixed cases.
  for (const f of ['s=', 's', '=', 's==', 'javascript:alert(1)', 's=javascript:alert(1)', 's=<img src=x onerror=alert(1)>',
    `s=${'A'.repeat(300_000)}`, `s=${body}${body}`, `s=${body.repeat(40)}`, 's=%00', 's=%E0%A4%A', 'q=1&s=', `x=1&s=${body}&s=AAAA`,
    `s=${b64('null')}`, `s=${b64('[]')}`, `s=${b64('"str"')}`, `s=${b64('1e999')}`, `s=${b64(deep(100_000))}`,
    `s=${b64(`{"a":${deep(5000)}}`)}`, `s=${b64('{"problem":{"surface":"rosenbrock"},"runs":[]}')}`,
    `s=${Buffer.from([0xff, 0xfe, 0xfd, 0x80]).toString('base64url')}`, `s=${b64('\ud800')}`]) add(f);
  // Mutations of the base64 text.
  for (let i = 0; i < 500; i += 1) {
    const k = Math.floor(r() * body.length);
    const kind = i % 7;
    let m;
    if (kind === 0) m = body.slice(0, k); // truncated
    else if (kind === 1) m = body.slice(0, k) + pick(['!', '=', '%', ' ', '+', '/', '\u00e9', '\ud83d\ude80', '#', '?']) + body.slice(k + 1);
    else if (kind === 2) m = body.slice(0, k) + body.slice(k + 1 + Math.floor(r() * 20)); // bytes dropped
    else if (kind === 3) m = body.slice(0, k) + String.fromCharCode(65 + Math.floor(r() * 58)) + body.slice(k + 1); // one char changed
    else if (kind === 4) m = body + body.slice(0, k); // junk appended
    else if (kind === 5) m = body.slice(k) + body.slice(0, k); // rotated
    else m = body.slice(0, k) + encodeURIComponent(pick(SCRIPTY)) + body.slice(k);
    add(`s=${m}`);
  }
  // Mutations of the decoded JSON, re-encoded.
  const all = paths(json);
  for (let i = 0; i < 800; i += 1) {
    const j = structuredClone(json);
    const kind = i % 10;
    let text;
    if (kind < 4) {
      const p = pick(all.filter((q) => q.length));
      text = JSON.stringify(setPath(j, p, pick(ODD)));
    } else if (kind === 4) {
      j.page = { ...(j.page || {}), title: pick(SCRIPTY), caption: pick(SCRIPTY), hide: [pick(SCRIPTY), 'lr', '__proto__'] };
      text = JSON.stringify(j);
    } else if (kind === 5) {
      j.runs[Math.floor(r() * j.runs.length)].name = pick(SCRIPTY);
      j.runs[0].color = pick(['red;background:url(javascript:alert(1))', '#fff', pick(SCRIPTY)]);
      text = JSON.stringify(j);
    } else if (kind === 6) {
      j.problem = pick([{ expr: pick(['x^2+y^2', 'exp(exp(exp(x)))', '1/0', 'x'.repeat(5000), pick(SCRIPTY), 'sin('.repeat(500) + 'x' + ')'.repeat(500)]) },
        { regression: { x: [1, 2, 'a'], y: [1, 2, 3] } }, { regression: { x: Array(50).fill(1e308), y: Array(50).fill(-1e308) } },
        { regression: { generate: { n: 1e12 } } }, { surface: pick(SCRIPTY) }, { surface: 'rosenbrock', regression: {} }]);
      text = JSON.stringify(j);
    } else if (kind === 7) {
      j.steps = pick([0, -5, 1e9, 1.5, 1e308, '100', null]);
      j.start = pick([[1e308, 1e308], [NaN, 1], [], [0], 'x', [0, 0, 0]]);
      j.page = { ...(j.page || {}), step: pick([1e15, -1, 0.5, 'x']), speed: pick([0, -1, 1e308, 'fast']),
        bounds: pick([{ min: [0, 0], max: [0, 0] }, { min: [1e308, 1], max: [-1e308, 2] }, { min: ['a'], max: [] }, null]) };
      text = JSON.stringify(j);
    } else if (kind === 8) {
      j.runs = pick([[], Array(200).fill(j.runs[0]), [{ optimizer: pick(SCRIPTY) }], [{ optimizer: 'adam', lr: pick(ODD) }], 'runs']);
      text = JSON.stringify(j);
    } else {
      const s = JSON.stringify(j);
      const k = Math.floor(r() * s.length);
      text = pick([s.slice(0, k), s.slice(0, k) + pick(['"', '}', ']', ',', ':', '\\', '\u0000']) + s.slice(k), `${s}${s}`, `{"__proto__":${s}}`, s.replace(/\d/g, '9'.repeat(400))]);
    }
    add(`s=${b64(text)}`);
  }
  return [...out];
}

test('1,000+ hostile links: refused with a notice or loaded; never an error, never run', { timeout: 240_000 }, async () => {
  await withPage('hostile-links', async (page, errors) => {
    const valid = new URL(await g(page, () => window.gradscape.link())).hash.replace(/^#/, '');
    assert.match(valid, /^s=[\w-]+$/);
    const links = hostileLinks(valid);
    assert.ok(links.length >= 1000, `${links.length} links`);
    await g(page, () => {
      window.__pwned = 0;
      window.alert = window.confirm = window.prompt = () => { window.__pwned += 1; };
    });
    const t0 = Date.now();
    const tally = { refused: 0, loaded: 0 };
    const BATCH = 50;
    for (let i = 0; i < links.length; i += BATCH) {
      const res = await g(page, async (batch) => {
        const { scenarioFromLink } = await import('/pkg/gradscape.js');
        const notice = () => document.querySelector('.notice');
        const out = [];
        for (const frag of batch) {
          notice().hidden = true;
          let expectRefused = false, decoded = '';
          try { decoded = scenarioFromLink(frag); } catch { expectRefused = true; }
          const changed = new Promise((res) => {
            const t = setTimeout(() => res('timeout'), 2000);
            window.addEventListener('hashchange', () => { clearTimeout(t); res('hashchange'); }, { once: true });
          });
          location.hash = `#${frag}`;
          const how = await changed;
          const st = window.gradscape.state();
          const shown = !notice().hidden && /could not be opened/.test(notice().textContent);
          const bad = [];
          if (how !== 'hashchange' && location.hash !== `#${frag}`) bad.push(`no hashchange (${how})`);
          if (expectRefused && !shown) bad.push('refused without the notice');
          if (!st.runs.length) bad.push('no runs');
          if (st.runs.some((r) => r.loss != null && typeof r.loss !== 'number')) bad.push('odd loss');
          if (window.__pwned) bad.push('ran script');
          if (document.querySelectorAll('img, script:not([src]), iframe, svg, object, embed').length) bad.push('element from link text');
          // NaN on screen (unless the link's own text says "NaN", e.g. as a run name).
          // (The refusal notice may quote the bad value: it is not a computed number.)
          if (!expectRefused) window.__lastLoaded = decoded;
          if (!/NaN/.test(window.__lastLoaded || '')) {
            const where = [...document.querySelectorAll('body *')].filter((e) => e.children.length === 0 && !e.closest('.notice') &&
              e.checkVisibility() && /\bNaN\b/.test(e.textContent)).map((e) => `${e.tagName}#${e.id}.${e.className} in ${e.parentElement.className}/${e.parentElement.parentElement.className}: ${e.textContent.slice(0, 80)}`);
            if (where.length) bad.push(`NaN shown in ${where.join(' | ')} (last loaded link ${window.__lastLoaded?.slice(0, 600)})`);
          }
          out.push({ frag: frag.slice(0, 120), refused: shown, bad });
          if (bad.length) break;
        }
        return out;
      }, links.slice(i, i + BATCH));
      for (const r of res) {
        assert.deepEqual(r.bad, [], `link ${r.frag}: ${r.bad.join(', ')}`);
        tally[r.refused ? 'refused' : 'loaded'] += 1;
      }
      assertNoErrors(errors);
    }
    const seconds = (Date.now() - t0) / 1000;
    console.log(`hostile links: ${links.length} in ${seconds.toFixed(1)} s, ${tally.refused} refused, ${tally.loaded} loaded`);
    assert.ok(tally.refused > 500, `most are refused (${tally.refused})`);
    // Still a working page: a good link loads, steps, plays.
    await g(page, (v) => { location.hash = '#' + v; }, valid);
    await page.waitForFunction(() => window.gradscape.state().runs.length === 4);
    await g(page, () => window.gradscape.reset());
    const st = await g(page, () => window.gradscape.step(5));
    assert.equal(st.step, 5);
    assert.ok(st.runs.every((r) => Number.isFinite(r.loss)));
    await g(page, () => window.gradscape.play());
    await page.waitForFunction(() => window.gradscape.state().step > 10);
    await g(page, () => window.gradscape.pause());
    assert.equal(await g(page, () => window.__pwned), 0);
    await screenshot(page, 'reliability-after-hostile-links');
  });
});

test('a refused link by hash change keeps the current race and says so', { timeout: 60_000 }, async () => {
  await withPage('hashchange-refused', async (page) => {
    await page.getByLabel('Surface', { exact: true }).selectOption('himmelblau');
    await g(page, () => window.gradscape.step(7));
    await g(page, () => { location.hash = '#s=eyJicm9rZW4'; });
    const notice = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /Nothing was changed/);
    assert.equal(await g(page, () => window.gradscape.state().surface), 'himmelblau');
    assert.equal(await g(page, () => window.gradscape.state().step), 7);
  });
});

// ---------------------------------------------------------------------------------------
// Content-Security-Policy

test('the strict CSP header is sent and nothing violates it: load, play, lessons, formula, regression, PNG', { timeout: 120_000 }, async () => {
  const res = await fetch(new URL('/', await baseUrl()));
  assert.equal(res.headers.get('content-security-policy'), CSP);
  await withPage('csp', async (page) => {
    await g(page, () => window.gradscape.play());
    await page.waitForFunction(() => window.gradscape.state().step > 20);
    await g(page, () => window.gradscape.pause());
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^Open lesson:/ }).first().click();
    await page.getByLabel('Surface', { exact: true }).selectOption({ label: 'Custom formula…' });
    await page.getByLabel('Formula f(x, y)').fill('x^2 + 2*y^2 + sin(3*x)');
    await page.waitForFunction(() => window.gradscape.state().surface === null);
    await g(page, () => window.gradscape.step(10));
    await page.getByText('Export', { exact: true }).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'View as PNG' }).click()]);
    assert.equal(dl.suggestedFilename(), 'gradscape-view.png');
    await page.getByRole('radio', { name: 'Regression' }).check();
    await page.waitForFunction(() => window.gradscape.state().mode === 'regression');
    await g(page, () => window.gradscape.step(10));
    await page.waitForTimeout(300);
    await screenshot(page, 'reliability-csp');
    const v = await g(page, () => window.__cspViolations);
    assert.deepEqual(v, [], `CSP violations: ${JSON.stringify(v)}`);
  }, {
    init: () => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    },
  });
});

// ---------------------------------------------------------------------------------------
// No WebAssembly

test('without WebAssembly the page says so instead of staying blank', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openPage('about:blank');
  try {
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(new URL('/', await baseUrl()).href);
    const box = page.getByRole('alert').filter({ hasText: 'WebAssembly is not available' });
    await box.waitFor();
    assert.match(await box.textContent(), /needs a browser with WebAssembly enabled/);
    assert.equal(await g(page, () => window.gradscape), undefined);
    await screenshot(page, 'reliability-no-wasm');
    // The only error is the page's own explanation, logged once.
    const rest = errors.filter((e) => !/WebAssembly is not available/.test(e));
    assert.deepEqual(rest, []);
  } finally {
    await close();
  }
});

// ---------------------------------------------------------------------------------------
// The user's data and formula on this device

const CSV = 'x,y\n0,1\n1,3.1\n2,4.9\n3,7.2\n4,8.8\n5,11.1\n';

async function pasteCsv(page, text) {
  const box = page.getByText('Paste or load a CSV (x,y)');
  if (!(await page.getByLabel('CSV data').isVisible())) await box.click();
  if (text.length > 10_000) { // typing megabytes through fill() is slow: paste it at once
    await page.getByLabel('CSV data').evaluate((t, v) => { t.value = v; }, text);
  } else await page.getByLabel('CSV data').fill(text);
  await page.getByRole('button', { name: 'Load CSV' }).click();
}

test('pasted data survives a reload and a bad CSV changes neither the data nor the kept copy', { timeout: 120_000 }, async () => {
  await withPage('data-reload', async (page) => {
    await g(page, () => localStorage.clear());
    await page.getByRole('radio', { name: 'Regression' }).check();
    await pasteCsv(page, CSV);
    await page.waitForFunction(() => window.gradscape.data()?.x.length === 6);
    const kept = await g(page, () => JSON.parse(localStorage.getItem('gradscape:v1:data')));
    assert.equal(kept.n, 6);
    assert.deepEqual(kept.scenario.problem.regression.y, [1, 3.1, 4.9, 7.2, 8.8, 11.1]);
    // A bad paste: the error shows, nothing changes.
    await pasteCsv(page, 'x,y\n1,2\n3,oops\n');
    await page.getByRole('alert').filter({ hasText: /CSV not loaded/ }).waitFor();
    assert.deepEqual((await g(page, () => window.gradscape.data())).y, [1, 3.1, 4.9, 7.2, 8.8, 11.1]);
    assert.deepEqual(await g(page, () => JSON.parse(localStorage.getItem('gradscape:v1:data'))), kept);
    // Reload without the link (the worst case: the address bar lost it): one click restores it.
    await page.goto(new URL('/', await baseUrl()).href);
    await waitForReady(page);
    const restore = page.getByRole('button', { name: 'Restore my last data' });
    await restore.waitFor();
    await screenshot(page, 'reliability-restore-offer');
    await restore.click();
    await page.waitForFunction(() => window.gradscape.data()?.x.length === 6);
    assert.deepEqual((await g(page, () => window.gradscape.data())).y, [1, 3.1, 4.9, 7.2, 8.8, 11.1]);
    // An ordinary reload keeps the link in the address bar: the same data, no offer needed.
    await page.waitForFunction(() => location.hash.startsWith('#s='));
    await page.reload();
    await waitForReady(page);
    assert.deepEqual((await g(page, () => window.gradscape.data())).y, [1, 3.1, 4.9, 7.2, 8.8, 11.1]);
    assert.equal(await page.getByRole('button', { name: 'Restore my last data' }).count(), 0);
  });
});

test('a typed formula is kept; a bad link or another link does not replace the kept copy', { timeout: 120_000 }, async () => {
  let other;
  await withPage('formula-keep', async (page) => {
    await g(page, () => localStorage.clear());
    other = new URL(await g(page, () => window.gradscape.link())).hash; // the default race
    await page.getByLabel('Surface', { exact: true }).selectOption({ label: 'Custom formula…' });
    await page.getByLabel('Formula f(x, y)').fill('x^2 + 5*y^2');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('gradscape:v1:formula') || 'null')?.expr === 'x^2 + 5*y^2');
    // A bad formula is marked and not kept.
    await page.getByLabel('Formula f(x, y)').fill('x^2 + * y');
    await page.waitForTimeout(600);
    assert.equal(await g(page, () => JSON.parse(localStorage.getItem('gradscape:v1:formula')).expr), 'x^2 + 5*y^2');
  });
  // A bad link: the notice, with the kept formula one click away.
  await withPage('formula-bad-link', async (page) => {
    const notice = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await notice.waitFor();
    await page.getByRole('button', { name: 'Restore my last formula' }).click();
    await page.waitForFunction(() => JSON.parse(window.gradscape.exportScenario()).problem.expr === 'x^2 + 5*y^2');
    assert.equal(await page.getByLabel('Formula f(x, y)').inputValue(), 'x^2 + 5*y^2');
  }, { url: '/#s=eyJwcm9ibGVt' });
  // A good link wins (the user opened it) and the kept copy stays, offered in the notice.
  await withPage('formula-other-link', async (page) => {
    assert.equal(await g(page, () => window.gradscape.state().surface), 'rosenbrock');
    await page.getByRole('alert').filter({ hasText: 'Showing the link you opened' }).waitFor();
    assert.equal(await g(page, () => JSON.parse(localStorage.getItem('gradscape:v1:formula')).expr), 'x^2 + 5*y^2');
    await screenshot(page, 'reliability-link-wins');
  }, { url: `/${other}` });
});

test('storage full, disabled or the data over the cap: the page works and says why nothing was kept', { timeout: 120_000 }, async () => {
  await withPage('storage-disabled', async (page) => {
    await page.getByRole('radio', { name: 'Regression' }).check();
    await pasteCsv(page, CSV);
    await page.waitForFunction(() => window.gradscape.data()?.x.length === 6);
    const st = await g(page, () => window.gradscape.storage());
    assert.equal(st.available, false);
    assert.match(st.lastError, /disabled/);
  }, { init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }) });
  await withPage('storage-full', async (page) => {
    await g(page, () => localStorage.clear());
    await page.getByRole('radio', { name: 'Regression' }).check();
    await g(page, () => { Storage.prototype.setItem = function full() { throw new DOMException('full', 'QuotaExceededError'); }; });
    await pasteCsv(page, CSV);
    await page.waitForFunction(() => window.gradscape.data()?.x.length === 6);
    assert.match((await g(page, () => window.gradscape.storage())).lastError, /full/);
  });
  await withPage('storage-cap', async (page) => {
    await g(page, () => localStorage.clear());
    await page.getByRole('radio', { name: 'Regression' }).check();
    await pasteCsv(page, CSV);
    await page.waitForFunction(() => window.gradscape.data()?.x.length === 6);
    const n = 50_000;
    const big = `x,y\n${Array.from({ length: n }, (_, i) => `${i / 7},${(i % 97) / 3 + 0.123456789}`).join('\n')}\n`;
    await pasteCsv(page, big);
    await page.waitForFunction((n) => window.gradscape.data()?.x.length === n, n);
    const st = await g(page, () => window.gradscape.storage());
    assert.match(st.lastError, /too large/);
    assert.equal(st.data.n, 6, 'the previous copy is kept');
  });
});

// ---------------------------------------------------------------------------------------
// Static: no HTML from strings, no eval, no inline script or style

test('static scan: no innerHTML/outerHTML/insertAdjacentHTML/document.write/eval/new Function, no inline handlers, scripts or styles', () => {
  const www = new URL('../../www/', import.meta.url);
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
      if (e.isDirectory()) { if (e.name !== 'pkg') walk(p); } else if (/\.(mjs|js|html)$/.test(e.name)) files.push(p);
    }
  };
  walk(www);
  assert.ok(files.length > 20);
  const bad = [];
  const JS = [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /(^|[^.\w])eval\s*\(/, /new\s+Function\b/, /setTimeout\(\s*['"`]/, /setInterval\(\s*['"`]/];
  const HTML = [/<[^>]*\son[a-z]+\s*=/i, /<script(?![^>]*\ssrc=)[^>]*>/i, /<[^>]*\sstyle\s*=/i, /javascript:/i];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const rules = f.pathname.endsWith('.html') ? HTML : JS;
    text.split('\n').forEach((line, i) => {
      for (const re of rules) if (re.test(line)) bad.push(`${f.pathname.replace(/.*\/www\//, 'www/')}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(bad, []);
});
