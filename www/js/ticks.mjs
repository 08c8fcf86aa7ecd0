// Axis ticks and axis ranges for every chart and the data view, pure (no DOM, so node tests
// import it directly).
//
// Why a module of its own: a loop `for (t = start; t <= hi; t += step)` never ends when the
// step is below half the float spacing at t (values near 1e17 with a range of a few hundred:
// t + step === t), nor when hi is Infinity. Here every tick loop counts an integer index
// between bounds computed once, never more than MAX_TICKS times, and a range too narrow for
// the float resolution at its magnitude falls back to its two ends. Every function answers
// every finite input, ±Infinity and NaN.

/** No axis draws more ticks than this, whatever it is asked for. */
export const MAX_TICKS = 100;
// Steps finer than the values' magnitude / RESOLUTION give ticks that neither the float
// format nor a 12-digit rounding tells apart: the two ends are shown instead.
const RESOLUTION = 1e11;

const clampCount = (count) => (Number.isFinite(count) ? Math.min(Math.max(Math.floor(count), 1), MAX_TICKS) : 5);

/** Round ticks (1, 2, 5 × 10^k) covering [lo, hi], about `count` of them (at most
 *  MAX_TICKS). Non-finite ends are left out; equal ends give that one value. */
export function niceTicks(lo, hi, count) {
  const ends = [lo, hi].filter(Number.isFinite);
  if (ends.length < 2) return ends.slice(0, 1);
  [lo, hi] = lo <= hi ? [lo, hi] : [hi, lo];
  if (lo === hi) return [lo];
  const n = Math.max(2, clampCount(count));
  const raw = hi / n - lo / n; // no overflow for a span of the whole double range
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  if (!(step > 0) || !Number.isFinite(step) || magnitude / step > RESOLUTION) return [lo, hi];
  const first = Math.ceil(lo / step - 1e-9), last = Math.floor(hi / step + 1e-9);
  const out = [];
  for (let i = first; i <= last && out.length < MAX_TICKS; i += 1) {
    const t = Number((i * step).toPrecision(12));
    if (Number.isFinite(t) && t !== out[out.length - 1]) out.push(t);
  }
  return out.length ? out : [lo, hi];
}

/** Whole decades in [lo, hi] (log10 units), every k-th one so that at most `count` (and
 *  at most MAX_TICKS) are drawn. */
export function logTicks(lo, hi, count) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  [lo, hi] = lo <= hi ? [lo, hi] : [hi, lo];
  const first = Math.ceil(lo), last = Math.floor(hi);
  if (first > last) return [];
  const n = clampCount(count);
  const every = Math.max(1, Math.ceil((last - first) / n));
  const out = [];
  for (let k = 0; k * every <= last - first && out.length < MAX_TICKS; k += 1) out.push(first + k * every);
  return out;
}

// Ends beyond this are clamped, so that spans and margins never overflow to Infinity.
const BIG = 1e300;

/**
 * A drawable range [lo, hi] around the values from lo to hi: finite, lo < hi, and wide
 * enough to be told apart at its magnitude (at least `minRelative` of it, and `minAbsolute`),
 * padded by `pad` × its span on each side. Non-finite ends are replaced by the other end
 * (by `fallback` when both are): an axis always has something to show.
 */
export function axisRange(lo, hi, { pad = 0, minAbsolute = 1e-12, minRelative = 1e-9, fallback = [0, 1] } = {}) {
  const fin = [lo, hi].filter(Number.isFinite).map((v) => Math.min(Math.max(v, -BIG), BIG));
  if (!fin.length) return fallback.slice();
  let a = Math.min(...fin), b = Math.max(...fin);
  const magnitude = Math.max(Math.abs(a), Math.abs(b));
  const least = Math.max(minAbsolute, magnitude * minRelative);
  if (b - a < least) { const mid = a / 2 + b / 2; a = mid - least / 2; b = mid + least / 2; }
  const m = (b - a) * pad;
  a -= m; b += m;
  // Still equal (e.g. minAbsolute 0 at 0): one unit around the value.
  return a < b ? [a, b] : [a - 0.5, b + 0.5];
}
