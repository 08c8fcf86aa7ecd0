// The race as data: the scenario object (the engine's JSON), the wasm Session that plays it,
// and per run a small JS-side summary: the engine keeps the recorded path, losses and rates
// (and is asked for them on demand, in ranges: it holds only its recent steps and replays
// older ones from checkpoints), JS keeps only what drawing needs (the counts of points,
// losses and rates, see series.mjs; the charts' blocks live in the engine; the path overlay
// keeps its own screen-space state, see paths.mjs).
//
// Events (race.on(name, fn)):
//   'load'    a new scenario (problem) was loaded
//   'runs'    runs were added or removed
//   'data'    {restart?, adopted?}: new points, or (restart) recorded data was replaced
//   'cursor'  {cursor}: the step shown changed (see setCursor)
//
// The cursor: `race.cursor` is the step the page shows (null = the live end); paths, dots,
// charts and the equations show that step. Only setCursor changes it (and emits 'cursor'); a
// restart (a 'data' event with restart: load, reset, new start, a run re-planned or removed)
// puts it back to live without a separate 'cursor' event.
//
// Re-plans may be computed elsewhere: with a planner (useReplanner, see replan.mjs) that
// takes a run, setRun(i, run, true) applies the new settings live at once and the planner
// later hands the re-planned run back through adopt().

import { freeColor, uniqueColors } from './classroom/palette.mjs';
import { freshCache } from './series.mjs';
import { Emitter } from './events.mjs';

export class Race extends Emitter {
  constructor(wasm, catalog) {
    super();
    this.wasm = wasm;
    this.catalog = catalog;
    this.session = null;
    this.scenario = null;
    this.caches = [];
    this.state = null;
    this.cursorStep = null;
    this.planner = null;
    this.version = 0; // bumped whenever the problem or the start changes
    this.frozen = false; // while runs are being adopted one per task (see adopt)
  }

  /** The planner asked about re-plans (an object with takes(i) and request(i, run)). */
  useReplanner(planner) { this.planner = planner; }

  /** The step shown (null = the live end). */
  get cursor() { return this.cursorStep; }

  /** Shows step k (null, or k at or past the live end: live); emits 'cursor' on a change.
   *  Returns the cursor. */
  setCursor(k) {
    const next = k == null || k >= this.step ? null : Math.max(0, Math.round(k));
    if (next !== this.cursorStep) {
      this.cursorStep = next;
      this.emit('cursor', { cursor: next });
    }
    return next;
  }

  /** Loads a scenario (object or JSON string). Throws an Error naming the bad field and
   *  keeps the current race if it is invalid. */
  load(scenario) {
    const json = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
    const session = new this.wasm.Session(json); // throws on a bad scenario
    const data = JSON.parse(session.scenarioJson());
    // Every run a colour of its own (a link's colours kept unless two runs share one).
    const colors = uniqueColors(data.runs);
    data.runs.forEach((run, i) => {
      if (run.color !== colors[i]) {
        run.color = colors[i];
        session.setRun(i, JSON.stringify(run), false); // colour only: no numbers change
      }
    });
    this.session?.free();
    this.session = session;
    this.scenario = data;
    this.problem = session.problem();
    this.version += 1;
    this.frozen = false;
    this.caches = data.runs.map(() => freshCache(this));
    this.cursorStep = null;
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

  /** The per-run summary (no series are read: the engine holds them). */
  sync() {
    this.state = this.session.state();
    this.caches.forEach((c, i) => {
      const r = this.state.runs[i];
      c.points = r?.points ?? 0;
      c.losses = c.points; // one loss per point
      c.rates = r?.steps ?? 0; // one rate per step
    });
    return this.state;
  }

  advance(n) {
    if (n <= 0 || this.frozen) return;
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
    this.cursorStep = null;
    this.sync();
    this.emit('data', { restart: true });
  }

  reset() { this.session.reset(); this.restartData(); }

  setStart(x, y) {
    this.session.setStart(x, y);
    this.scenario.start = [x, y];
    this.version += 1;
    this.restartData();
  }

  /** Changes run i; throws (and changes nothing) if the engine rejects it. A re-plan the
   *  planner takes is applied live now and re-planned in the background. A diverged run
   *  whose numbers change live goes on from its last finite point (the engine's revival);
   *  returns whether it did. */
  setRun(i, run, replan) {
    const json = JSON.stringify(run);
    const background = replan && this.planner?.takes(i);
    const revived = this.session.setRun(i, json, replan && !background);
    this.scenario.runs[i] = run;
    if (replan && !background) {
      this.planner?.forget(this.caches[i]);
      this.caches[i] = freshCache(this);
      this.cursorStep = null;
    }
    this.sync();
    this.emit('data', { restart: replan && !background });
    if (background) this.planner.request(i, run);
    return revived === true;
  }

  /**
   * Replaces run i with a run computed elsewhere (Session.runSnapshot bytes), without sync
   * or events: the caller adopts one run per task and then calls adopted(). Throws if the
   * engine refuses the bytes.
   */
  adopt(i, bytes) {
    this.session.adoptRun(i, bytes);
    this.caches[i] = freshCache(this);
  }

  /** After adopt(): the summary again and a 'data' restart for the runs adopted. */
  adopted(indices) {
    this.cursorStep = null;
    this.sync();
    this.emit('data', { restart: true, adopted: indices });
  }

  addRun(run) {
    const taken = this.runs.some((r) => r.color === run.color);
    const color = run.color && !taken ? run.color : freeColor(this.runs);
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
    this.cursorStep = null;
    this.sync();
    this.emit('runs');
    this.emit('data', { restart: true });
  }

  exportScenario() { return this.session.scenarioJson(); }
}
