// The race as data: the scenario object (the engine's JSON), the wasm Session that plays it,
// and a JS-side cache of every run's recorded path, losses and rates (only new points are
// fetched each frame). Listeners hear 'load' (new problem), 'runs' (runs added/removed),
// 'data' (new points or a restart).

import { PALETTE } from './catalog.mjs';

/** A growable Float64Array that only ever appends. */
class Series {
  constructor() { this.data = new Float64Array(1024); this.length = 0; }
  append(values) {
    if (values.length === 0) return;
    if (this.length + values.length > this.data.length) {
      let cap = this.data.length;
      while (cap < this.length + values.length) cap *= 2;
      const next = new Float64Array(cap);
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }
}

// wall: milliseconds of engine work this run's steps took (the regression lab's metric).
const freshCache = () => ({ xy: new Series(), loss: new Series(), lr: new Series(), wall: 0 });

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
    this.caches = data.runs.map(freshCache);
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

  /** Fetches what is new since the last call, then the per-run summary. */
  sync() {
    const s = this.session;
    this.caches.forEach((c, i) => {
      c.xy.append(s.path(i, c.xy.length / 2));
      c.loss.append(s.losses(i, c.loss.length));
      c.lr.append(s.rates(i, c.lr.length));
    });
    this.state = s.state();
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
    this.caches = this.runs.map(freshCache);
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
    if (replan) this.caches[i] = freshCache();
    this.sync();
    this.emit('data', { restart: replan });
  }

  addRun(run) {
    const used = new Set(this.runs.map((r) => r.color));
    const color = run.color || PALETTE.find((c) => !used.has(c)) || PALETTE[this.runs.length % PALETTE.length];
    const full = { ...run, color };
    this.session.addRun(JSON.stringify(full));
    this.scenario.runs.push(full);
    this.caches.push(freshCache());
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
