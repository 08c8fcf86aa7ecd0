// The per-run JS-side summary of a race (see race.mjs): EngineSeries reads a recorded series
// (path, losses, rates) from the engine on demand; freshCache builds one run's summary (the
// charts' min/max blocks live in the engine, src/figure/series.rs).

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
    return this.kind === 'xy' ? 2 * c.points : this.kind === 'loss' ? c.losses : c.rates;
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

// points: the number of path points the engine holds (from its state); losses / rates the
// numbers of losses and rates (one per point, one per step). wall: milliseconds of
// engine work this run's steps took (the regression lab's metric).
export function freshCache(race) {
  const c = { points: 0, losses: 0, rates: 0, wall: 0 };
  c.xy = new EngineSeries(race, c, 'xy');
  c.loss = new EngineSeries(race, c, 'loss');
  c.lr = new EngineSeries(race, c, 'lr');
  return c;
}
