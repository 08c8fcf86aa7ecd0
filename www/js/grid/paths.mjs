// The runs' paths in the side-by-side panels: panel i strokes run i's path (halo canvas
// shown at HALO_OPACITY under a line canvas, as the overlay does, with path-strokes.mjs's
// decimation and pieces), and the ghosts, every run's path as a faint line, are stroked
// ONCE into a shared offscreen canvas that each panel's ghost canvas copies (the panel's own
// run lies on top, so including it changes nothing).
//
// Like paths.mjs, a frame strokes only the points recorded since the last one (each run's
// new points are read from the engine once, for its panel and its ghost); everything is
// redrawn only when the view, the panels' size, the cursor, the colours, the runs or the
// ghost switch change, for long races a part of a run per task. JS keeps per run only the tracks'
// last vertices, never the path.

import { transform, prepare, startTrack, strokePiece } from '../path-strokes.mjs';
import { nextTask } from '../tasks.mjs';

// More recorded points than this (all runs) are redrawn a part of a run per task.
const DIRECT_POINTS = 60000;
// A long path is read in parts of this many points (the engine replays a part it no
// longer holds from a checkpoint: a few ms per part).
const PART_POINTS = 16384;

/** The opacity of the ghost canvases (the other runs' paths, faint). */
export const GHOST_OPACITY = 0.45;

const clear = (ctx) => {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
};

export class GridPaths {
  constructor(race, geom) {
    this.race = race; this.geom = geom;
    this.ghost = document.createElement('canvas');
    this.gctx = this.ghost.getContext('2d');
    // Ghosts have no halo: path-strokes.mjs strokes halos of solid runs here (1 × 1: free).
    this.sink = document.createElement('canvas').getContext('2d');
    this.key = '';
    this.own = []; // per run: its panel's track
    this.ghosts = []; // per run: its ghost's track
    this.redraws = 0;
    this.job = null; // a long redraw in progress (a part of a run per task)
    this.onDone = null; // called when a long redraw is done (grid/index.mjs draws the marks)
  }

  upTo(cache) {
    const c = this.race.cursor;
    return c == null ? cache.points : Math.min(cache.points, c + 1);
  }

  /** Brings every panel's paths (and, if `ghosts`, the ghost canvases) up to date. */
  draw(panels, ghosts) {
    const { race, geom } = this;
    const size = panels[0] ? `${panels[0].line.width}x${panels[0].line.height}` : '';
    const key = [geom.cx, geom.cy, geom.scale, geom.W, geom.H, geom.dpr, size, race.cursor, ghosts, panels.length,
      race.runs.map((r) => r.color).join(',')].join('|');
    if (this.job) {
      if (this.job.key === key && this.job.caches.every((c, i) => race.caches[i] === c)) return; // still drawing
      this.job.cancelled = true;
      this.job = null;
    }
    const same = key === this.key && this.own.length === race.caches.length &&
      race.caches.every((c, i) => this.own[i].cache === c && this.own[i].n <= c.points);
    if (same) this.extend(panels, ghosts); else { this.key = key; this.full(panels, ghosts, key); }
  }

  /** Every panel again, each run's path read from the engine once for its panel and its
   *  ghost. Long races are redrawn a part of a run per task (a panel at a time; the ghosts
   *  into a hidden canvas shown when all are drawn), so that a zoom never holds the page. */
  full(panels, ghosts, key) {
    const { race, geom } = this;
    const tf = transform(geom);
    this.redraws += 1;
    const job = { key, caches: race.caches.slice(), own: [], ghosts: [], cancelled: false, onDone: this.onDone };
    const w = Math.round(geom.W * geom.dpr), h = Math.round(geom.H * geom.dpr);
    const sliced = race.caches.reduce((a, c) => a + this.upTo(c), 0) > DIRECT_POINTS;
    const ghost = sliced ? document.createElement('canvas') : this.ghost;
    const gctx = sliced ? ghost.getContext('2d') : this.gctx;
    if (ghosts) {
      if (ghost.width !== w) ghost.width = w;
      if (ghost.height !== h) ghost.height = h;
      clear(gctx);
      prepare(gctx, geom.dpr);
    }
    // Run i's points from `from` to the next part's end (all of them when not sliced),
    // stroked into its panel and its ghost; returns where the next part starts (upTo: done).
    const one = (i, from) => {
      const cache = job.caches[i], p = panels[i];
      if (!p) return Infinity;
      const upTo = this.upTo(cache);
      if (from === 0) for (const ctx of [p.hctx, p.lctx]) { clear(ctx); prepare(ctx, geom.dpr); }
      const to = sliced ? Math.min(upTo, from + PART_POINTS) : upTo;
      const xy = to > from ? this.read(i, from, to) : new Float64Array(0);
      const n = Math.min(to - from, xy.length / 2);
      if (from === 0) {
        job.own[i] = startTrack(cache, xy, tf);
        if (ghosts) job.ghosts[i] = startTrack(cache, xy, tf);
      }
      const end = from + n, last = upTo - 1;
      this.stroke(job.own[i], 0, race.runs[i].color, xy, from, end, tf, { h: p.hctx, l: p.lctx }, last);
      if (ghosts) this.stroke(job.ghosts[i], i, race.runs[i].color, xy, from, end, tf, { h: this.sink, l: gctx }, last);
      return n < to - from ? upTo : end; // (fewer points than the summary said: done)
    };
    const done = () => {
      this.own = job.own; this.ghosts = job.ghosts;
      if (sliced) { this.ghost = ghost; this.gctx = gctx; }
      this.showGhosts(panels, ghosts);
      this.job = null;
    };
    if (!sliced) { job.caches.forEach((_, i) => one(i, 0)); done(); return; }
    this.job = job;
    let i = 0, from = 0;
    // A part of one run per task: a long path is read (and, where the engine no longer
    // holds it, replayed) a part at a time, never as one long task.
    const slice = () => {
      if (job.cancelled) return;
      from = one(i, from);
      if (from >= this.upTo(job.caches[i])) { i += 1; from = 0; }
      if (i < job.caches.length) nextTask(slice);
      else { done(); this.onDone?.(); }
    };
    nextTask(slice);
  }

  /** Run i's points from .. to, as [x0, y0, ...] (a ranged read where the build has it). */
  read(i, from, to) {
    const s = this.race.session;
    return typeof s.pathRange === 'function' ? s.pathRange(i, from, to) : s.path(i, from);
  }

  /** Strokes xy's points (xy[0] is point `base`) up to point n after track t's last
   *  vertex; point `last` (the path's last) is always drawn; returns t. */
  stroke(t, index, color, xy, base, n, tf, ctxs, last = n - 1) {
    let k = t.n;
    while (k < n) k = base + strokePiece(t, index, color, xy, k - base, n - base, tf, ctxs, undefined, undefined, last - base);
    if (n > 0) t.n = n;
    return t;
  }

  extend(panels, ghosts) {
    const { race, geom } = this;
    const tf = transform(geom);
    let moved = false;
    for (const p of panels) { prepare(p.hctx, geom.dpr); prepare(p.lctx, geom.dpr); }
    prepare(this.gctx, geom.dpr);
    race.caches.forEach((cache, i) => {
      const p = panels[i];
      const t = this.own[i];
      const upTo = this.upTo(cache);
      if (!p || t.n >= upTo) return;
      const n0 = t.n;
      const xy = this.read(i, n0, upTo);
      const count = Math.min(xy.length / 2, upTo - n0);
      const color = race.runs[i].color;
      const grow = (track, index, ctxs) => {
        let from = 0;
        if (n0 === 0) { Object.assign(track, startTrack(cache, xy, tf)); from = 1; }
        while (from < count) from = strokePiece(track, index, color, xy, from, count, tf, ctxs);
        track.n = n0 + count;
      };
      grow(t, 0, { h: p.hctx, l: p.lctx });
      if (ghosts) { grow(this.ghosts[i], i, { h: this.sink, l: this.gctx }); moved = true; }
    });
    if (moved) this.showGhosts(panels, ghosts);
  }

  /** Each panel's ghost canvas: a copy of the shared one (or empty). */
  showGhosts(panels, ghosts) {
    for (const p of panels) {
      clear(p.gctx);
      if (ghosts) p.gctx.drawImage(this.ghost, 0, 0);
    }
  }

  /** Where run i's head is drawn in the panels (CSS px), with whether it is at the live end. */
  head(i, ghost = false) {
    const t = (ghost ? this.ghosts : this.own)[i];
    if (!t || t.n === 0) return null;
    return { x: t.hx, y: t.hy, live: t.n === t.cache.points };
  }
}
