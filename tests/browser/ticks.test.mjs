// The axis ticks and ranges (www/js/ticks.mjs) in node, no browser: every input ends, with
// a bounded number of finite, increasing ticks inside the range. The inputs are the ones that
// hung the page (values near 1e17 with a range below the float spacing's reach: t + step ===
// t) and their relatives: equal ends, NaN, ±Infinity, denormals, the whole double range.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceTicks, logTicks, axisRange, MAX_TICKS } from '../../www/js/ticks.mjs';
import { deviceScale, backingSize, MAX_CANVAS_PIXELS } from '../../www/js/canvas.mjs';

const BIG = [1e15, 1e16, 1e17, 2 ** 60, 1e20, 1e300, -1e17];
const SPREADS = [0, 1, 7, 100, 800, 1e3];
const COUNTS = [0, 1, 2, 5, 11, 40, 1e6, NaN, Infinity, -3];
const ODD = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -5e-324, 2.2e-308, 1e-310, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];

function checkTicks(ticks, lo, hi, label) {
  assert.ok(Array.isArray(ticks), label);
  assert.ok(ticks.length <= MAX_TICKS, `${label}: ${ticks.length} ticks`);
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  for (let i = 0; i < ticks.length; i += 1) {
    assert.ok(Number.isFinite(ticks[i]), `${label}: tick ${ticks[i]}`);
    if (i) assert.ok(ticks[i] > ticks[i - 1], `${label}: not increasing at ${i}: ${ticks}`);
  }
  // Inside the range (ticks are rounded to 12 digits: allow that much).
  if (Number.isFinite(a) && Number.isFinite(b)) {
    const slack = Math.max(Math.abs(a), Math.abs(b)) * 1e-11;
    for (const t of ticks) assert.ok(t >= a - slack && t <= b + slack, `${label}: ${t} outside [${a}, ${b}]`);
  }
}

test('niceTicks ends for values near 1e17 (and other magnitudes) with ranges below the float spacing', () => {
  for (const base of BIG) {
    for (const spread of SPREADS) {
      for (const count of COUNTS) {
        const lo = base, hi = base + spread;
        checkTicks(niceTicks(lo, hi, count), lo, hi, `niceTicks(${lo}, ${hi}, ${count})`);
        checkTicks(niceTicks(hi, lo, count), lo, hi, `niceTicks(${hi}, ${lo}, ${count})`);
      }
    }
  }
});

test('niceTicks answers every pair of odd values (NaN, ±Infinity, denormals, ±MAX_VALUE)', () => {
  for (const lo of ODD) {
    for (const hi of ODD) {
      for (const count of [1, 5, 1e9, NaN]) checkTicks(niceTicks(lo, hi, count), lo, hi, `niceTicks(${lo}, ${hi}, ${count})`);
    }
  }
  assert.deepEqual(niceTicks(NaN, NaN, 5), []);
  assert.deepEqual(niceTicks(-Infinity, Infinity, 5), []);
  assert.deepEqual(niceTicks(3, Infinity, 5), [3]);
  assert.deepEqual(niceTicks(1e17, 1e17, 5), [1e17]);
});

test('niceTicks still gives round ticks for ordinary ranges', () => {
  assert.deepEqual(niceTicks(0, 10, 5), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(niceTicks(-1, 1, 4), [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(niceTicks(0.1, 0.35, 5), [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  assert.deepEqual(niceTicks(0, 1e6, 4), [0, 500000, 1000000]);
  // The whole double range: finite ticks, no overflow.
  const all = niceTicks(-Number.MAX_VALUE, Number.MAX_VALUE, 4);
  assert.ok(all.length >= 2 && all.includes(0), String(all));
});

test('logTicks ends for every input and thins to the count asked', () => {
  for (const lo of [...ODD, -330, 17, 308.3]) {
    for (const hi of [...ODD, 18, 1e17, 309]) {
      for (const count of COUNTS) checkTicks(logTicks(lo, hi, count), lo, hi, `logTicks(${lo}, ${hi}, ${count})`);
    }
  }
  assert.deepEqual(logTicks(-3, 1, 10), [-3, -2, -1, 0, 1]);
  assert.deepEqual(logTicks(-16, 16, 4), [-16, -8, 0, 8, 16]);
  assert.deepEqual(logTicks(-2, Infinity, 5), []);
  assert.ok(logTicks(-1e17, 1e17, 1e9).length <= MAX_TICKS);
});

test('axisRange is always finite, increasing and resolvable at its magnitude', () => {
  const values = [...ODD, ...BIG, ...BIG.map((b) => b + 100)];
  for (const lo of values) {
    for (const hi of values) {
      for (const opts of [{}, { pad: 0.08, minAbsolute: 0 }, { minAbsolute: 1 }]) {
        const [a, b] = axisRange(lo, hi, opts);
        const label = `axisRange(${lo}, ${hi}, ${JSON.stringify(opts)}) = [${a}, ${b}]`;
        assert.ok(Number.isFinite(a) && Number.isFinite(b) && a < b, label);
        assert.ok(Number.isFinite(b - a), label);
        // Ticks of the range end and are distinct values.
        checkTicks(niceTicks(a, b, 6), a, b, label);
        for (const v of [lo, hi]) if (Number.isFinite(v) && Math.abs(v) < 1e300) assert.ok(v >= a && v <= b, `${label} leaves out ${v}`);
      }
    }
  }
  assert.deepEqual(axisRange(0, 10, { pad: 0.1 }), [-1, 11]);
  assert.deepEqual(axisRange(NaN, NaN, { fallback: [-1, 1] }), [-1, 1]);
  const [a, b] = axisRange(1e17, 1e17 + 32);
  assert.ok(b - a >= 1e17 * 1e-9, `${a} ${b}`);
});

test('deviceScale keeps every canvas within the cap and the backing store at least 1×1', () => {
  for (const [W, H] of [[1, 1], [0, 0], [200, 150], [1280, 800], [3840, 2160], [7680, 4320], [1, 100000], [1e6, 1e6]]) {
    for (const ratio of [1, 1.5, 2, 3, 4, 0, NaN, -1, Infinity, 1e9, undefined]) {
      const dpr = deviceScale(W, H, ratio);
      const { width, height } = backingSize(Math.max(1, W), Math.max(1, H), dpr);
      const label = `${W}×${H} at ${ratio}: dpr ${dpr}, ${width}×${height}`;
      assert.ok(Number.isFinite(dpr) && dpr > 0, label);
      assert.ok(width >= 1 && height >= 1, label);
      // Rounding may add up to a row and a column.
      assert.ok(width * height <= MAX_CANVAS_PIXELS + width + height + 1, label);
    }
  }
  assert.equal(deviceScale(1280, 800, 2), 2);
  assert.equal(deviceScale(1280, 800, NaN), 1);
  assert.ok(deviceScale(3840, 2160, 3) < 1.5);
});
