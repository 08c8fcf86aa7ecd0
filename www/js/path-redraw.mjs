// A full redraw of every run's path (paths.mjs), as a job that can run in slices. Small
// redraws run at once on the visible canvases. Large ones (more than DIRECT_POINTS recorded
// points) draw into two hidden canvases in slices of about SLICE_MS between frames — each
// slice forces the rasteriser to do its share at once (a one-pixel getImageData), so no
// main-thread task, this one or the frame's commit, holds a long rasterisation — while the
// visible canvases keep showing the old paths; when the job is done, paths.mjs copies the
// hidden canvases over in one frame. A sliced job reads each path from the engine in parts
// (Session.pathRange), one part per slice at most.

import { transform, prepare, startTrack, strokePiece } from './path-strokes.mjs';
import { nextTask } from './tasks.mjs';

const DIRECT_POINTS = 60000;
// A sliced job fetches a long path in parts of this many points (256 KB; where the engine
// no longer holds a part, it replays it from a checkpoint: a few ms).
const PART_POINTS = 16384;
const SLICE_MS = 4;
// A piece's rasterisation can take long (a zigzag crossing a whole valley): in slices, the
// piece size adapts so that one piece costs about PIECE_MS. Its cost is measured in work
// units of VERTEX_UNITS per vertex plus one per CSS px of stroked length (a piece of short
// segments costs per vertex, one of long segments per pixel covered), and a slower piece
// than expected shrinks the next one at once (a loaded machine, a zigzag starting).
const PIECE_MS = 0.5;
const VERTEX_UNITS = 4;

function hidden(like) {
  const c = document.createElement('canvas');
  c.width = like.width; c.height = like.height;
  return c;
}


export class Redraw {
  /** `front`: [halo canvas, line canvas]; `onDone()` is called when a sliced job is done. */
  constructor({ race, view, front, key, onDone }) {
    this.race = race;
    this.view = view;
    this.key = key;
    this.onDone = onDone;
    this.done = false;
    this.cancelled = false;
    this.tf = transform(view);
    this.tracks = [];
    this.caches = race.caches.slice(); // the runs as they were when the job started
    this.colors = race.runs.map((r) => r.color);
    this.i = 0; // the run being drawn
    this.xy = null; this.upTo = 0; this.k = 0;
    this.piece = 32 * VERTEX_UNITS; // work units per piece (sliced jobs adapt it)
    this.rate = 64; // work units rasterised per ms (measured)
    const points = race.caches.reduce((a, c) => a + c.points, 0);
    this.sliced = points > DIRECT_POINTS;
    this.parts = this.sliced && typeof race.session.pathRange === 'function';
    this.base = 0; // the index of xy's first point in the run's path
    this.canvases = this.sliced ? front.map(hidden) : front;
    const [h, l] = this.canvases.map((c) => c.getContext('2d', this.sliced ? { willReadFrequently: true } : undefined));
    this.ctxs = { h, l };
    for (const ctx of [h, l]) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      prepare(ctx, view.dpr);
    }
    if (this.sliced) nextTask(() => this.slice());
    else { this.work(Infinity); this.done = true; }
  }

  cancel() { this.cancelled = true; }

  /** Run `at`'s points from `from`: in parts of PART_POINTS for a sliced job (one copy of a
   *  1,000,000-point path is 16 MB, tens of ms in one call), else all of them. */
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
        if (this.sliced && performance.now() - t0 > budget / 2) break; // (a long path's fetch)
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
        const [emit, len] = this.sliced ? [Math.max(8, Math.floor(this.piece / VERTEX_UNITS)), this.piece] : [32, Infinity];
        const { base } = this;
        const end = Math.min(this.upTo, base + this.xy.length / 2);
        // Indices relative to the part held; the path's last point is always drawn.
        this.k = base + strokePiece(t, i, this.colors[i], this.xy, this.k - base, end - base, tf, ctxs, emit, len, this.upTo - 1 - base);
      }
      if (this.k >= this.upTo) {
        t.n = this.upTo;
        this.tracks.push(t);
        this.i += 1;
        this.xy = null;
      }
      if (this.sliced) {
        ctxs.h.getImageData(0, 0, 1, 1); // rasterise now, inside this slice
        ctxs.l.getImageData(0, 0, 1, 1);
        // Work units per ms of this piece size the next one: smoothed when it was as fast
        // or faster than expected, at once when slower.
        const units = VERTEX_UNITS * (t.vertices - v0) + (t.len - len0);
        const rate = units / Math.max(performance.now() - p0, 0.05);
        this.rate = rate < this.rate ? rate : 0.5 * this.rate + 0.5 * rate;
        this.piece = Math.round(Math.min(4096 * VERTEX_UNITS, Math.max(8 * VERTEX_UNITS, this.rate * PIECE_MS)));
      }
      if (performance.now() - t0 > budget) break;
    }
    return this.i >= this.caches.length;
  }

  /** Copies a sliced job's canvases onto the visible ones. */
  show(front) {
    if (!this.sliced) return;
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
