// The per-run JS-side summary of a race (see race.mjs): EngineSeries reads a recorded series
// (path, losses, rates) from the engine on demand; Envelope keeps a per-step series as min/max
// blocks for the charts; freshCache builds one run's summary.

/**
 * One recorded series of a run, read from the engine on demand: `length` is the number of
 * values the engine holds (for the path: 2 per point, x and y), `data` a Float64Array of
 * them (at least `length` long), fetched on first use and then topped up with only the new
 * values (`session.path(i, from)` etc.). Nothing is fetched until someone reads `data`, so
 * playing keeps no copy of the history in JS; code that needs the full-precision record
 * (tests, exports, the regression lab's best-step markers) reads `data` as before.
 */
export class EngineSeries {
  constructor(race, cache, kind) {
    this.race = race;
    this.cache = cache;
    this.kind = kind; // 'xy' | 'loss' | 'lr'
    this.buf = null;
    this.have = 0;
  }
  get index() { return this.race.caches.indexOf(this.cache); }
  get length() {
    const c = this.cache;
    return this.kind === 'xy' ? 2 * c.points : this.kind === 'loss' ? c.lossEnv.length : c.lrEnv.length;
  }
  get data() {
    const want = this.length;
    if (this.buf && this.have === want) return this.buf;
    const i = this.index;
    const s = this.race.session;
    if (i < 0 || !s) return this.buf || new Float64Array(0);
    if (this.have > want) { this.buf = null; this.have = 0; } // cannot shrink: refetch
    const from = this.kind === 'xy' ? this.have / 2 : this.have;
    const more = this.kind === 'xy' ? s.path(i, from) : this.kind === 'loss' ? s.losses(i, from) : s.rates(i, from);
    const need = this.have + more.length;
    if (!this.buf || need > this.buf.length) {
      const next = new Float64Array(Math.max(1024, need + (need >> 1)));
      if (this.buf) next.set(this.buf.subarray(0, this.have));
      this.buf = next;
    }
    this.buf.set(more, this.have);
    this.have = need;
    return this.buf;
  }
  /** Drops the fetched copy (the next `data` asks the engine again). */
  release() { this.buf = null; this.have = 0; }
}

/**
 * A per-step series kept only as min/max envelopes over blocks of `size` consecutive values
 * (a power of two, doubled whenever there would be more than CAP blocks): constant memory,
 * O(new values) per update, and enough resolution for charts of up to CAP / 2 device-pixel
 * columns. `lo`/`hi` are the extremes of every value seen (NaN ignored).
 */
const CAP = 4096;
export class Envelope {
  constructor() {
    this.size = 1; // values per block
    this.blocks = 0; // complete blocks
    this.mn = new Float64Array(CAP);
    this.mx = new Float64Array(CAP);
    this.length = 0; // values seen
    this.curMn = Infinity; this.curMx = -Infinity; this.curN = 0; // the open block
    this.lo = Infinity; this.hi = -Infinity;
  }
  append(values) {
    let { size, curMn, curMx, curN, lo, hi } = this;
    for (let k = 0; k < values.length; k += 1) {
      const v = values[k];
      if (v < curMn) curMn = v;
      if (v > curMx) curMx = v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      curN += 1;
      if (curN === size) {
        if (this.blocks === CAP) { this.halve(); size = this.size; }
        if (curN === size) {
          this.mn[this.blocks] = curMn; this.mx[this.blocks] = curMx; this.blocks += 1;
          curMn = Infinity; curMx = -Infinity; curN = 0;
        }
      }
    }
    Object.assign(this, { curMn, curMx, curN, lo, hi });
    this.length += values.length;
  }
  /** Merges pairs of blocks: half as many, twice as long. */
  halve() {
    const { mn, mx } = this;
    const n = this.blocks >> 1;
    for (let j = 0; j < n; j += 1) {
      mn[j] = Math.min(mn[2 * j], mn[2 * j + 1]);
      mx[j] = Math.max(mx[2 * j], mx[2 * j + 1]);
    }
    this.blocks = n;
    this.size *= 2;
  }
}

// points: the number of path points the engine holds (from its state); lossEnv/lrEnv.length
// the numbers of losses and rates it holds. wall: milliseconds of
// engine work this run's steps took (the regression lab's metric).
export function freshCache(race) {
  const c = { points: 0, wall: 0, lossEnv: new Envelope(), lrEnv: new Envelope() };
  c.xy = new EngineSeries(race, c, 'xy');
  c.loss = new EngineSeries(race, c, 'loss');
  c.lr = new EngineSeries(race, c, 'lr');
  return c;
}
