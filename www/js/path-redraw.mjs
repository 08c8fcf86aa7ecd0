// A full redraw of every run's path (paths.mjs), as a job that runs in slices. It draws into
// two back canvases (CPU-backed: willReadFrequently) and forces the rasteriser to do each
// piece's share at once (a one-pixel getImageData), so the cost of a piece — a chaotic run's
// segments crossing the whole valley cost far more than their count says — is paid inside
// the slice that stroked it, never in one frame's commit. The first slice runs at once
// (FIRST_SLICE_MS): a redraw that fits is on screen in the same frame (paths.mjs copies
// the back canvases over); a longer one goes on in slices of SLICE_MS between frames while
// the visible canvases show the old paths (paths.mjs moves them with the view meanwhile). A
// job reads each path from the engine in parts (Session.pathRange), one part per slice at most.

import { transform, prepare, startTrack, strokePiece, VERTEX_UNITS, unitsSince } from './path-strokes.mjs';
import { nextTask } from './tasks.mjs';

// A job fetches a long path in parts of this many points (256 KB; where the engine no longer
// holds a part, it replays it from a checkpoint: a few ms).
const PART_POINTS = 16384;
const FIRST_SLICE_MS = 10;
const SLICE_MS = 4;
// A piece's rasterisation can take long (a zigzag crossing a whole valley): the piece size
// adapts so that one piece costs about PIECE_MS. Its cost is measured in work units
// (path-strokes.mjs), and a slower piece than expected shrinks the next one at once (a
// loaded machine, a zigzag starting).
const PIECE_MS = 0.5;
// The rasteriser's speed a job starts from, in work units per ms (measured in software
// raster: 2,000–5,000); each job starts from the last one's measure.
let startRate = 1000;

export class Redraw {
  /** `back`: [halo canvas, line canvas] to draw into (the size of the visible ones);
   *  `onDone()` is called when a job that did not finish in its first slice is done. */
  constructor({ race, view, back, key, onDone }) {
    this.race = race;
    this.view = view;
    this.key = key;
    this.onDone = onDone;
    this.done = false;
    this.cancelled = false;
    this.tf = transform(view);
    this.caches = race.caches.slice(); // the runs as they were when the job started
    this.colors = race.runs.map((r) => r.color);
    this.tracks = [];
    this.i = 0; // the run being drawn
    this.xy = null; this.upTo = 0; this.k = 0;
    this.rate = startRate; // work units rasterised per ms (measured)
    this.piece = Math.max(8 * VERTEX_UNITS, Math.round(this.rate * PIECE_MS)); // work units per piece
    this.parts = typeof race.session.pathRange === 'function';
    this.base = 0; // the index of xy's first point in the run's path
    this.canvases = back;
    const [h, l] = back.map((c) => c.getContext('2d', { willReadFrequently: true }));
    this.ctxs = { h, l };
    for (const ctx of [h, l]) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      prepare(ctx, view.dpr);
    }
    if (this.work(FIRST_SLICE_MS)) this.done = true;
    else nextTask(() => this.slice());
  }

  cancel() { this.cancelled = true; }

  /** Run `at`'s points from `from`, in parts of PART_POINTS (one copy of a 1,000,000-point
   *  path is 16 MB, tens of ms in one call). */
  fetch(at, from) {
    const s = this.race.session;
    return this.parts ? s.pathRange(at, from, Math.min(this.upTo, from + PART_POINTS)) : s.path(at, from);
  }

  slice() {
    if (this.cancelled) return;
    if (this.work(SLICE_MS)) { this.done = true; this.onDone(); } else nextTask(() => this.slice());
  }

  /** Strokes pieces until `budget` ms have passed; true when every run is drawn. */
  work(budget) {
    const { race, tf, ctxs } = this;
    const t0 = performance.now();
    while (this.i < this.caches.length) {
      const i = this.i;
      const cache = this.caches[i];
      if (!this.xy) {
        const full = cache.points;
        const at = race.caches.indexOf(cache); // -1: gone since (then paths.mjs redraws)
        this.upTo = race.cursor == null ? full : Math.min(full, race.cursor + 1);
        this.base = 0;
        this.xy = at >= 0 && this.upTo > 0 ? this.fetch(at, 0) : new Float64Array(0);
        // (Fewer points recorded than the summary said: a part shorter than asked.)
        if (this.xy.length / 2 < Math.min(this.upTo, this.parts ? PART_POINTS : Infinity)) this.upTo = this.xy.length / 2;
        this.track = startTrack(cache, this.xy, tf);
        this.k = 1;
        if (performance.now() - t0 > budget / 2) break; // (a long path's fetch)
      } else if (this.k >= this.base + this.xy.length / 2 && this.k < this.upTo) {
        // The next part of a long path, from the first point not walked yet.
        const at = race.caches.indexOf(cache);
        const next = at >= 0 ? this.fetch(at, this.k) : new Float64Array(0);
        if (next.length === 0) this.upTo = this.k;
        else { this.base = this.k; this.xy = next; }
        if (performance.now() - t0 > budget / 2) break;
      }
      const t = this.track;
      const p0 = performance.now();
      const v0 = t.vertices, len0 = t.len;
      if (this.k < this.upTo) {
        const { base } = this;
        const end = Math.min(this.upTo, base + this.xy.length / 2);
        // Indices relative to the part held; the path's last point is always drawn.
        this.k = base + strokePiece(t, i, this.colors[i], this.xy, this.k - base, end - base, tf, ctxs,
          Math.max(8, Math.floor(this.piece / VERTEX_UNITS)), this.piece, this.upTo - 1 - base);
      }
      if (this.k >= this.upTo) {
        t.n = this.upTo;
        this.tracks.push(t);
        this.i += 1;
        this.xy = null;
      }
      const units = unitsSince(t, v0, len0);
      if (units > 0) {
        ctxs.h.getImageData(0, 0, 1, 1); // rasterise now, inside this slice
        ctxs.l.getImageData(0, 0, 1, 1);
        // Work units per ms of this piece size the next one: smoothed when it was as fast
        // or faster than expected, at once when slower.
        const rate = units / Math.max(performance.now() - p0, 0.05);
        this.rate = rate < this.rate ? rate : 0.5 * this.rate + 0.5 * rate;
        startRate = this.rate;
        this.piece = Math.round(Math.min(4096 * VERTEX_UNITS, Math.max(8 * VERTEX_UNITS, this.rate * PIECE_MS)));
      }
      if (performance.now() - t0 > budget) break;
    }
    return this.i >= this.caches.length;
  }

  /** Copies the job's canvases onto the visible ones. */
  show(front) {
    front.forEach((c, k) => {
      const ctx = c.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(this.canvases[k], 0, 0);
      ctx.globalCompositeOperation = 'source-over';
    });
  }

  get drawn() { return this.tracks.reduce((a, t) => a + t.vertices, 0); }
}
