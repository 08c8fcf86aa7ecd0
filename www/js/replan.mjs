// The planner: long engine work for the race goes to the engine worker (engine-worker.mjs),
// and its results come back into the race's Session one run per task, so that no main-thread
// task computes thousands of steps.
//
// - Re-plan from start (race.setRun(i, run, true)): a re-plan estimated to take more than
//   SYNC_MS here is taken (takes(i)); the race applies the new settings live at once (the old
//   path stays on screen and playing goes on), the worker computes the run from the start to
//   the race's step, and the run is adopted (Session.adoptRun) when it arrives; if the race
//   moved on meanwhile, the adopted run is brought up to the race's step in slices. A newer
//   change of the same run cancels the older re-plan.
// - catchUp(step): a link to a late step: the worker plays the linked race to that step and
//   every run is adopted.
// Without Session.runSnapshot/adoptRun in this build, or without a working worker, takes()
// and catchUp() decline and the callers do the work themselves as before.
//
// Progress shows in a status line under the Re-plan switch.

import { canHandOver } from './engine.mjs';
import { el } from './widgets.mjs';
import { t } from './i18n.mjs';

const SYNC_MS = 6; // a re-plan estimated cheaper than this is computed here, at once
// ... and so is any re-plan of fewer steps (the timing of a few steps is mostly call overhead)
const MIN_STEPS = 4096;
const DEFAULT_MS_PER_STEP = 5e-4; // before any step was timed (Adam on a surface: ~3e-4)
const SLICE_MS = 6; // main-thread budget per task when bringing an adopted run up to date
// A re-plan done within HOLD_MS of its request waits that long before it is adopted: while
// a slider is being dragged, the next request usually comes first and replaces it (each
// adoption costs a redraw of every path and chart — the loss chart's is the longest task of
// an adoption, 25–30 ms of CPU with ten zigzagging runs — so one per pause in the drag,
// not one per re-plan that happens to finish between two moves on a slow machine).
const HOLD_MS = 300;

export class Replanner {
  constructor(race, worker, replanEl) {
    this.race = race;
    this.worker = worker;
    this.pending = new Map(); // run cache -> {job, run, step, done, bytes}
    this.catching = null; // {job, target, done, total}
    this.watchers = []; // fn() on any change of the jobs or their progress
    this.line = el('p', { className: 'muted replan-status', hidden: true });
    this.line.setAttribute('role', 'status');
    replanEl?.closest('.toggles')?.after(this.line);
    race.on('load', () => this.cancelAll());
    race.on('runs', () => this.prune());
    race.on('data', ({ restart }) => { if (restart) this.prune(); });
  }

  /** fn() is called whenever a job starts, ends or reports progress. */
  onChange(fn) { this.watchers.push(fn); }

  /** Run i's re-plan progress (0..1), or null when it has none in the worker. */
  progressOf(i) {
    const e = this.pending.get(this.race.caches[i]);
    return e ? e.done / Math.max(1, e.step) : null;
  }

  /** Whether the worker is computing for this race (re-plans or a catch-up). */
  get busy() { return this.pending.size > 0 || this.catching != null; }

  get usable() { return canHandOver() && this.worker.usable; }

  /** Engine time per step of one run, as measured while playing. */
  msPerStep() {
    const race = this.race;
    let wall = 0, steps = 0;
    race.caches.forEach((c, i) => { if (c.wall > 0) { wall += c.wall; steps += race.state.runs[i]?.steps ?? 0; } });
    return steps > 0 ? wall / steps : DEFAULT_MS_PER_STEP;
  }

  /** Whether run i's re-plan goes to the worker. */
  takes(i) {
    if (!this.usable) return false;
    const step = this.race.step;
    return this.pending.has(this.race.caches[i]) || (step >= MIN_STEPS && step * this.msPerStep() > SYNC_MS);
  }

  /** Re-plans run i (whose new settings the race has just applied live). */
  request(i, run) {
    const race = this.race;
    const cache = race.caches[i];
    const entry = { run: JSON.stringify(run), step: race.step, done: 0, bytes: null, at: performance.now() };
    entry.job = this.worker.replan({
      version: race.version, base: () => race.exportScenario(), run: entry.run, step: entry.step,
    }, cache, {
      progress: (done) => { entry.done = done; this.show(); },
      snapshot: (_index, bytes) => { entry.bytes = bytes; },
    });
    this.pending.set(cache, entry);
    this.show();
    entry.job.promise.then(
      (ok) => { if (ok) this.finish(cache, entry); },
      (err) => this.failed(cache, entry, err),
    );
  }

  /** Drops run cache's re-plan (the race re-planned it itself). */
  forget(cache) {
    const entry = this.pending.get(cache);
    if (!entry) return;
    this.pending.delete(cache);
    this.worker.cancel(entry.job.id);
    this.show();
  }

  finish(cache, entry) {
    if (this.pending.get(cache) !== entry) return;
    const hold = entry.at + HOLD_MS - performance.now();
    if (hold > 0) { setTimeout(() => this.finish(cache, entry), hold); return; }
    this.pending.delete(cache);
    const race = this.race;
    const i = race.caches.indexOf(cache);
    if (i < 0 || !entry.bytes) { this.show(); return; }
    const target = race.step;
    race.adopt(i, entry.bytes);
    // Changed live since the request (a rename, a colour, or a change without re-plan):
    // those settings apply from here on.
    const now = JSON.stringify(race.runs[i]);
    if (now !== entry.run) race.session.setRun(i, now, false);
    // The summary, the events and what they redraw in a task of their own.
    race.frozen = true;
    setTimeout(() => this.bringUp(i, target, () => { race.adopted([i]); this.show(); }), 0);
  }

  /** Advances run i to `target` in slices of SLICE_MS (the race holds still meanwhile). */
  bringUp(i, target, done) {
    const race = this.race;
    const s = race.session;
    let chunk = 500;
    race.frozen = true;
    const slice = () => {
      if (race.session !== s) { race.frozen = false; return; } // a new race was loaded
      const t0 = performance.now();
      let at = Number(s.advanceRun(i, 0));
      while (at < target && performance.now() - t0 < SLICE_MS) {
        const next = Number(s.advanceRun(i, Math.min(chunk, target - at)));
        if (next <= at) { at = target; break; } // the run stopped
        at = next;
        chunk = Math.min(chunk * 2, 50000);
      }
      if (at < target) { setTimeout(slice, 0); return; }
      race.frozen = false;
      done();
    };
    slice();
  }

  failed(cache, entry, err) {
    if (this.pending.get(cache) !== entry) return;
    this.pending.delete(cache);
    console.warn(`Gradscape: re-plan in the engine worker failed (${err.message}); re-planning here`);
    const i = this.race.caches.indexOf(cache);
    this.show();
    if (i >= 0) this.race.setRun(i, this.race.runs[i], true);
  }

  /** Plays the current race to `target` in the worker and adopts every run; false if the
   *  worker cannot or the work is small (the caller then catches up itself). */
  catchUp(target) {
    const race = this.race;
    if (!this.usable || target < MIN_STEPS || target * race.runs.length * this.msPerStep() <= SYNC_MS) return false;
    this.cancelCatchUp();
    const runs = race.runs.map((r) => JSON.stringify(r));
    const session = race.session;
    const adopted = [];
    const c = { target, done: 0, total: 1 };
    c.job = this.worker.catchUp({ scenario: race.exportScenario(), step: target }, 'catch-up', {
      progress: (done, total) => { c.done = done; c.total = total; this.show(); },
      // One run per message, so one adoption per task.
      snapshot: (index, bytes) => {
        if (race.session !== session || index >= race.runs.length) return;
        race.frozen = true;
        race.adopt(index, bytes);
        const now = JSON.stringify(race.runs[index]);
        if (now !== runs[index]) session.setRun(index, now, false);
        adopted.push(index);
      },
    });
    this.catching = c;
    this.show();
    const end = (ok, err) => {
      if (this.catching === c) this.catching = null;
      if (race.session === session && adopted.length) { race.frozen = false; race.adopted(adopted); }
      if (err) console.warn(`Gradscape: catching up in the engine worker failed (${err.message})`);
      this.show();
    };
    c.job.promise.then((ok) => end(ok), (err) => end(false, err));
    return true;
  }

  cancelCatchUp() {
    if (!this.catching) return;
    this.worker.cancel(this.catching.job.id);
    this.catching = null;
  }

  cancelAll() {
    for (const entry of this.pending.values()) this.worker.cancel(entry.job.id);
    this.pending.clear();
    this.cancelCatchUp();
    this.race.frozen = false;
    this.show();
  }

  /** Cancels the re-plans of runs that are gone (removed, or the race restarted). */
  prune() {
    for (const [cache, entry] of [...this.pending]) {
      if (!this.race.caches.includes(cache)) { this.pending.delete(cache); this.worker.cancel(entry.job.id); }
    }
    this.show();
  }

  /** For window.gradscape.background(). */
  status() {
    const replans = [...this.pending.keys()].map((c) => this.race.caches.indexOf(c)).filter((i) => i >= 0);
    const c = this.catching;
    let progress = null;
    if (c) progress = c.done / Math.max(1, c.total);
    else if (this.pending.size) {
      const e = [...this.pending.values()];
      progress = e.reduce((a, x) => a + x.done, 0) / Math.max(1, e.reduce((a, x) => a + x.step, 0));
    }
    // (What takes() weighs: the re-plan from the start estimated at the race's step, in ms.)
    const estimateMs = this.race.step * this.msPerStep();
    return { replans, catchUp: c ? c.target : null, progress, estimateMs, syncMs: SYNC_MS };
  }

  show() {
    const st = this.status();
    // (In steps of 5 %: each new text lays the panel out again.)
    const pct = st.progress == null ? '' : ` ${5 * Math.floor(20 * st.progress)} %`;
    let text = '';
    if (st.catchUp != null) text = t('controls.catchingUp', { step: st.catchUp.toLocaleString('en-US'), pct });
    else if (st.replans.length) {
      const names = st.replans.map((i) => this.race.runs[i]?.name || t('controls.runN', { n: i + 1 })).join(', ');
      text = t('controls.replanningNames', { names, pct });
    }
    if (this.line.textContent !== text) this.line.textContent = text;
    this.line.hidden = !text;
    for (const fn of this.watchers) fn();
  }
}
