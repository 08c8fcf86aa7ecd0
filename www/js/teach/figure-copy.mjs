// The figure export's copy of the race: the figure layout lives in a second wasm module
// (gradscape_figure, loaded the first time a figure is exported) so that the page's module
// stays inside its size budget. That module has its own memory, so it draws a copy of the
// page's session: built from the session's scenario (every live change) with each run moved
// over as a snapshot — bit for bit the page's runs, nothing recomputed. While a video
// records, the copy catches up by stepping itself (the engine is deterministic) and is
// checked against the page's state each frame; any difference (an edit, a reload) makes a
// fresh copy.

import { loadFigureEngine } from '../engine.mjs';

const sameState = (a, b) => a.runs.length === b.runs.length
  && a.runs.every((r, i) => r.steps === b.runs[i].steps && Object.is(r.loss, b.runs[i].loss)
    && r.point[0] === b.runs[i].point[0] && r.point[1] === b.runs[i].point[1]);

export class FigureCopy {
  constructor() { this.module = null; this.copy = null; this.of = null; }

  /** Loads the figure module (once). */
  async ready() {
    this.module ??= await loadFigureEngine();
    return this;
  }

  /** A fresh, exact copy of `session` (snapshots of every run). */
  fresh(session) {
    this.copy?.free();
    const copy = new this.module.Session(session.scenarioJson());
    const n = session.state().runs.length;
    for (let i = 0; i < n; i += 1) copy.adoptRun(i, session.runSnapshot(i));
    this.copy = copy; this.of = session;
    return copy;
  }

  /** The copy of `session` now: caught up by stepping when it can be, else made afresh.
   *  Call ready() first. */
  current(session) {
    const copy = this.copy;
    if (!copy || this.of !== session) return this.fresh(session);
    const want = session.state();
    let have = copy.state();
    if (want.runs.length === have.runs.length) {
      want.runs.forEach((r, i) => {
        const behind = r.steps - have.runs[i].steps;
        if (behind > 0) copy.advanceRun(i, Math.min(behind, 0xffffffff));
      });
      have = copy.state();
      if (sameState(want, have)) return copy;
    }
    return this.fresh(session);
  }

  /** Frees the copy (the module stays loaded). */
  drop() { this.copy?.free(); this.copy = null; this.of = null; }
}
