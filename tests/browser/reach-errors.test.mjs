// Engine errors in the user's language (www/js/reach/errors.mjs), against the engine's real
// messages: the wasm module is loaded in node, fed bad scenarios and formulas, and every
// message it gives is translated by a template (no English rule left), keeps the field's
// path and names the field in Chinese; English shows the engine's text unchanged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './serve.mjs';
import { setLanguage } from '../../www/js/i18n.mjs';
import { localError } from '../../www/js/reach/errors.mjs';

const pkg = path.join(REPO_ROOT, 'www', 'pkg');
const wasm = await import(path.join(pkg, 'gradscape.js'));
await wasm.default({ module_or_path: fs.readFileSync(path.join(pkg, 'gradscape_bg.wasm')) });

const ok = { problem: { surface: 'bowl' }, start: [1, 1], steps: 10, runs: [{ optimizer: 'adam', lr: 0.1 }] };
const bad = [
  [{ ...ok, runs: [{ optimizer: 'adam', lr: -1 }] }, 'runs[0].lr', '学习率'],
  [{ ...ok, runs: [{ optimizer: 'adam', betas: [0.9, 1.5] }] }, 'runs[0].betas[1]', 'β 系数'],
  [{ ...ok, runs: [{ optimizer: 'sgd', momentum: 'x' }] }, 'runs[0].momentum', '动量'],
  [{ ...ok, runs: [{ optimizer: 'sgd', weight_decay: -0.1 }] }, 'runs[0].weight_decay', '权重衰减'],
  [{ ...ok, steps: 1e12 }, 'steps', '步数'],
  [{ ...ok, tolerance: 0 }, 'tolerance', '容差'],
  [{ ...ok, runs: [{ optimizer: 'adam', schedule: { kind: 'wobble' } }] }, 'runs[0].schedule.kind', '类型'],
  [{ ...ok, runs: [{ optimizer: 'adam', colour: 'red' }] }, 'runs[0]', null],
  [{ ...ok, runs: [{ optimizer: 'sgd', nesterov: true }] }, 'runs[0].nesterov', 'Nesterov 动量'],
];

function engineMessage(scenario) {
  try {
    new wasm.Session(JSON.stringify(scenario)).free();
  } catch (e) {
    return String(e.message ?? e);
  }
  throw new Error(`the engine took ${JSON.stringify(scenario)}`);
}

// Words of the engine's English rules that a translated message must not keep.
const ENGLISH = /\b(must|got|at most|unknown|missing|expected|needs|formula|number)\b/;

test('the engine\'s scenario errors in Chinese: field named, path kept, no English rule', () => {
  for (const [scenario, path, name] of bad) {
    const message = engineMessage(scenario);
    setLanguage('en');
    assert.equal(localError(message), message, 'English shows the engine\'s text');
    setLanguage('zh-CN');
    const zh = localError(message);
    assert.ok(zh.includes(path), `${zh}: keeps ${path}`);
    if (name) assert.ok(zh.startsWith(`${name}（${path}）：`), `${zh}: names the field ${name}`);
    assert.doesNotMatch(zh.replace(/\([^)]*one of[^)]*\)/, ''), ENGLISH, `${message} → ${zh}`);
  }
  setLanguage('en');
});

test('formula errors in Chinese', () => {
  setLanguage('zh-CN');
  for (const src of ['', '2x', 'x +* y', 'foo(x)', '(x + y', 'x $ y', '1e999 * x', 'min(x)', 'sin x', 'x)', 'x, y', 'x − 1', 'x +', 'x²']) {
    const problem = wasm.checkExpr(src);
    assert.ok(problem?.message, `the engine refuses "${src}"`);
    const zh = localError(problem.message);
    assert.notEqual(zh, problem.message, `"${src}": ${problem.message} has a template`);
    assert.doesNotMatch(zh, /\b(expected|unknown|missing|type a formula|unexpected|too large)\b/, `${problem.message} → ${zh}`);
  }
  setLanguage('en');
});

test('CSV and link errors in Chinese, nested messages translated inside', () => {
  setLanguage('zh-CN');
  const refused = (fn) => { try { fn(); } catch (e) { return String(e.message ?? e); } throw new Error('accepted'); };
  for (const message of [refused(() => wasm.parseCsv('x,y\n1,abc\n')), refused(() => wasm.parseCsv('x,y\n1,2,3\n')),
    refused(() => wasm.scenarioFromLink('s=%%%')), refused(() => wasm.scenarioFromLink(`s=${'A'.repeat(40)}`))]) {
    const zh = localError(message);
    assert.notEqual(zh, message, `${message} has a template`);
    // (serde_json's own detail after "not valid JSON at …:" stays as the JSON parser wrote it.)
    assert.doesNotMatch(zh.replace(/(JSON（[^）]*）：).*$/, '$1'), /\b(line|link|expected|not a number|damaged|scenario)\b/, `${message} → ${zh}`);
  }
  setLanguage('en');
});
