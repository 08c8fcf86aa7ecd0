// The race as data: the scenario object (the engine's JSON), the wasm Session that plays it,
// and per run a small JS-side summary: the engine keeps the recorded path, losses and rates
// (and is asked for them on demand), JS keeps only what drawing needs (min/max envelopes of
// the losses and rates for the charts, see Envelope; the path overlay keeps its own
// screen-space state, see paths.mjs). Listeners hear 'load' (new problem), 'runs' (runs
// added/removed), 'data' (new points or a restart).

import { PALETTE } from './catalog.mjs';

/**
 * One recorded series of a run, read from the engine on demand: `length` is the number of
 * values the engine holds (for the path: 2 per point, x and y), `data` a Float64Array of
 * them (at least `length` long), fetched on first use and then topped up with only the new
 * values (`session.path(i, from)` etc.). Nothing is fetched until someone reads `data`, so
 * playing keeps no copy of the history in JS; code that needs the full-precision record
 * (tests, exports, the regression lab's best-step markers) reads `data` as before.
 */
class EngineSeries {
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
function freshCache(race) {
  const c = { points: 0, wall: 0, lossEnv: new Envelope(), lrEnv: new Envelope() };
  c.xy = new EngineSeries(race, c, 'xy');
  c.loss = new EngineSeries(race, c, 'loss');
  c.lr = new EngineSeries(race, c, 'lr');
  return c;
}

export class Race {
  constructor(wasm, catalog) {
    this.wasm = wasm;
    this.catalog = catalog;
    this.session = null;
    this.scenario = null;
    this.caches = [];
    this.state = null;
    this.listeners = new Map();
  }

  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(fn);
  }
  emit(event, detail) { for (const fn of this.listeners.get(event) || []) fn(detail); }

  /** Loads a scenario (object or JSON string). Throws an Error naming the bad field and
   *  keeps the current race if it is invalid. */
  load(scenario) {
    const json = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
    const session = new this.wasm.Session(json); // throws on a bad scenario
    const data = JSON.parse(session.scenarioJson());
    data.runs.forEach((run, i) => {
      if (!run.color) {
        run.color = PALETTE[i % PALETTE.length];
        session.setRun(i, JSON.stringify(run), false); // colour only: no numbers change
      }
    });
    this.session?.free();
    this.session = session;
    this.scenario = data;
    this.problem = session.problem();
    this.caches = data.runs.map(() => freshCache(this));
    this.sync();
    this.emit('load');
    this.emit('runs');
    this.emit('data', { restart: true });
  }

  get surfaceName() { return this.scenario?.problem?.surface ?? null; }
  get step() { return this.state ? this.state.step : 0; }
  get maxSteps() { return this.scenario.steps; }
  get runs() { return this.scenario.runs; }
  get running() { return this.state.runs.some((r) => r.status.reason === 'running') && this.step < this.maxSteps; }

  /** The per-run summary, then the chart envelopes' new values (only those). */
  sync() {
    const s = this.session;
    this.state = s.state();
    this.caches.forEach((c, i) => {
      c.points = this.state.runs[i]?.points ?? 0;
      c.lossEnv.append(s.losses(i, c.lossEnv.length));
      c.lrEnv.append(s.rates(i, c.lrEnv.length));
    });
    return this.state;
  }

  advance(n) {
    if (n <= 0) return;
    // Run by run (the same as session.advance(n)), each timed for its wall-time metric.
    this.caches.forEach((c, i) => {
      const t0 = performance.now();
      this.session.advanceRun(i, n);
      c.wall += performance.now() - t0;
    });
    this.sync();
    this.emit('data', {});
  }

  restartData() {
    this.caches = this.runs.map(() => freshCache(this));
    this.sync();
    this.emit('data', { restart: true });
  }

  reset() { this.session.reset(); this.restartData(); }

  setStart(x, y) {
    this.session.setStart(x, y);
    this.scenario.start = [x, y];
    this.restartData();
  }

  /** Changes run i; throws (and changes nothing) if the engine rejects it. */
  setRun(i, run, replan) {
    this.session.setRun(i, JSON.stringify(run), replan);
    this.scenario.runs[i] = run;
    if (replan) this.caches[i] = freshCache(this);
    this.sync();
    this.emit('data', { restart: replan });
  }

  addRun(run) {
    const used = new Set(this.runs.map((r) => r.color));
    const color = run.color || PALETTE.find((c) => !used.has(c)) || PALETTE[this.runs.length % PALETTE.length];
    const full = { ...run, color };
    this.session.addRun(JSON.stringify(full));
    this.scenario.runs.push(full);
    this.caches.push(freshCache(this));
    this.sync();
    this.emit('runs');
    this.emit('data', {});
  }

  removeRun(i) {
    this.session.removeRun(i);
    this.scenario.runs.splice(i, 1);
    this.caches.splice(i, 1);
    this.sync();
    this.emit('runs');
    this.emit('data', { restart: true });
  }

  exportScenario() { return this.session.scenarioJson(); }
}
