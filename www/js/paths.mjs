// The overlay above the heatmap, on three stacked canvases of the view: every run's path
// (a 5 px dark halo under a 2.5 px line in the run's colour; runs 9 and on dashed), then its
// current point, a red ✕ where a run diverged, and the start marker.
//
// Drawing costs what changed, not the whole history: the halo canvas (#paths-canvas, the
// halos of runs 1–8, painted opaque and shown at 55 % opacity, so pieces that overlap do
// not darken) and the line canvas (the lines, and the dashed runs' halos) keep
// what is already drawn, and each frame strokes only the segments recorded since the last
// one (fetched from the engine with `session.path(i, from)`), continuing each run's
// dash pattern. Everything is redrawn only when the view (pan, zoom, resize), the runs or
// their colours, the race's cursor (`race.cursor`) or the data (a restart) change; then
// each run's whole path is read from the engine once, decimated in screen space and stroked
// in pieces (path-strokes.mjs) into back canvases, shown in the same frame when it fits in one
// slice, else drawn in slices between frames while the old paths stay on screen, moved with
// the view (path-redraw.mjs, path-preview.mjs). New segments cost at most EXTEND_UNITS of
// rasterisation per frame. The small marks (dots, ✕, start) are redrawn when they change,
// on their own canvas. JS keeps per run only the last drawn vertex and point, never the path.

import { transform, prepare, startTrack, strokePiece, HALO_OPACITY, toScreen, unitsSince } from './path-strokes.mjs';
import { Redraw } from './path-redraw.mjs';
import { PathPreview, sizedPair } from './path-preview.mjs';
import { RunMarks } from './path-marks.mjs';
import { canvasScale, onAppearanceChange } from './appearance.mjs';
import { screenContext } from './canvas.mjs';

// While playing, the path canvases wait until some run's newest point is LAG_PX (CSS px ×
// canvas scale) from its last drawn vertex (or LAG_POINTS points came in): closer, the line
// still ends under the run's dot (radius 7 px), so nothing visible is missing, and a frame
// that strokes nothing does not commit the two 880×608 path canvases again.
const LAG_PX = 4;
const LAG_POINTS = 512;
// A frame strokes at most this many work units of new segments (VERTEX_UNITS per vertex plus
// one per CSS px: about 4 ms of software rasterisation in its commit), read in parts of at most
// EXTEND_POINTS points. A backlog — the points a race recorded while a sliced redraw was
// drawing, a chaotic run's segments crossing the whole valley — is drawn over the next frames
// (the run's dot follows its line), instead of rasterising 40,000 long segments in one
// commit (180 ms: Adam at lr 0.93 on Rosenbrock after a re-plan). A run at top speed strokes
// far less per frame (a chaotic one about 9,000 units), so a backlog drains.
const EXTEND_UNITS = 24000;
const EXTEND_POINTS = 32768;

function layer(after, className) {
  const c = document.createElement('canvas');
  c.className = className;
  c.setAttribute('aria-hidden', 'true');
  c.style.pointerEvents = 'none';
  c.width = after.width; c.height = after.height;
  after.after(c);
  return c;
}

export class Paths {
  constructor(canvas, view, race) {
    this.canvas = canvas; // halos (painted opaque, shown at HALO_OPACITY)
    canvas.style.opacity = String(HALO_OPACITY);
    this.lines = layer(canvas, 'paths-lines');
    this.marks = layer(this.lines, 'paths-marks');
    this.hctx = screenContext(canvas);
    this.lctx = screenContext(this.lines);
    this.runMarks = new RunMarks(this.marks, view, race);
    this.view = view;
    this.race = race;
    this.pending = false;
    this.key = '';
    this.tracks = []; // per run: what is drawn (see track())
    this.drawn = 0; // vertices in the drawn paths (for tests of decimation)
    this.redraws = 0; // full redraws (for tests)
    this.job = null; // the full redraw in progress (path-redraw.mjs)
    this.back = null; // the canvases redraws draw into
    this.preview = new PathPreview([canvas, this.lines]); // the old paths, moved, meanwhile
    this.behind = false; // some run's new segments wait for the next frames (extend())
    this.paused = false; // true while another layout hides the overlay (grid/index.mjs)
    onAppearanceChange(() => this.request()); // presenter scale: wider paths, larger marks
  }

  /** Whether a full redraw is under way (in slices; the old paths are on screen), or new
   *  segments wait for the next frames (see EXTEND_UNITS) — never while paused (hidden by
   *  another layout: they catch up when shown again). */
  get busy() { return !this.paused && (Boolean(this.job) || this.behind); }

  /** Asks for a redraw on the next animation frame (coalesced). */
  request() {
    if (this.pending || this.paused) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const { view, race } = this;
    if (!race.state) {
      for (const c of [this.canvas, this.lines, this.marks]) {
        const ctx = c.getContext('2d');
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, c.width, c.height);
      }
      this.tracks = []; this.key = ''; this.preview.drawn(null);
      return;
    }
    const key = [view.cx, view.cy, view.scale, view.W, view.H, view.dpr, this.canvas.width, this.canvas.height,
      this.lines.width, this.lines.height, race.cursor, race.runs.map((r) => r.color).join(','), canvasScale()].join('|');
    const job = this.job;
    if (job && job.key === key && !job.done) { this.drawMarks(); return; } // still drawing
    if (job?.done && job.key === key) this.finish(job);
    const tracks = this.tracks;
    const same = key === this.key && !this.job && tracks.length === race.caches.length &&
      race.caches.every((c, i) => tracks[i].cache === c && tracks[i].n <= c.points);
    if (same) this.extend(); else { this.key = key; this.redraw(key); }
    this.drawMarks();
  }

  /** Everything again: each run's path (up to the cursor) from the engine (path-redraw.mjs:
   *  at once when it fits in a slice, else in slices while the old paths stay on screen,
   *  moved with the view). */
  redraw(key) {
    this.behind = false;
    this.job?.cancel();
    this.job = new Redraw({ race: this.race, view: this.view, back: (this.back = sizedPair(this.back, [this.canvas, this.lines], ['paths-back', 'paths-lines-back'])), key, onDone: () => this.request() });
    if (this.job.done) this.finish(this.job); else this.preview.show(this.view);
  }

  finish(job) {
    job.show([this.canvas, this.lines]);
    this.preview.drawn(job.tf);
    this.tracks = job.tracks;
    this.drawn = job.drawn;
    this.redraws += 1;
    this.job = null;
  }

  /** Only what is new since the last frame: the segments from each run's last vertex, at
   *  most EXTEND_UNITS of them per frame (the rest on the next frames: see EXTEND_UNITS). */
  extend() {
    const { race } = this;
    const dpr = this.view.dpr;
    prepare(this.hctx, dpr);
    prepare(this.lctx, dpr);
    const ctxs = { h: this.hctx, l: this.lctx };
    const tf = transform(this.view);
    this.behind = false;
    if (this.underDots(tf)) return;
    const n = race.caches.length;
    let units = 0, behind = false;
    // In the runs' order, as a redraw strokes them (later runs on top where paths cross); a
    // run's backlog holds back the runs after it for the few frames it lasts.
    for (let i = 0; i < n; i += 1) {
      const cache = race.caches[i], run = race.runs[i];
      const upTo = race.cursor == null ? cache.points : Math.min(cache.points, race.cursor + 1);
      let t = this.tracks[i];
      const n0 = t.n;
      if (!run || n0 >= upTo) continue;
      if (units >= EXTEND_UNITS) { behind = true; break; }
      // Only the new points up to what is shown (a ranged read, one part at most).
      const s = race.session;
      const end = Math.min(upTo, n0 + EXTEND_POINTS);
      const xy = typeof s.pathRange === 'function' ? s.pathRange(i, n0, end) : s.path(i, n0);
      const count = Math.min(xy.length / 2, end - n0);
      let from = 0;
      if (n0 === 0) { // the first point of the run
        t = this.tracks[i] = startTrack(cache, xy, tf);
        this.drawn += 1; from = 1;
      }
      t.lagging = false;
      const before = t.vertices;
      // The newest point is not forced (last = −1): a run that moved less than the
      // decimation gap since its last vertex (a converged run, at any speed) strokes
      // nothing, and the canvases it would dirty are not committed again this frame. Its
      // dot (marks) is drawn at the point itself and covers the sub-pixel rest.
      while (from < count && units < EXTEND_UNITS) {
        const v0 = t.vertices, len0 = t.len;
        from = strokePiece(t, i, run.color, xy, from, count, tf, ctxs, undefined, EXTEND_UNITS - units, -1);
        units += unitsSince(t, v0, len0);
      }
      this.drawn += t.vertices - before;
      t.n = n0 + from;
      // (A part shorter than asked: the engine holds fewer points than the summary said; not a
      // backlog, or every frame would ask again.)
      if (t.n < upTo && count === end - n0) behind = true;
    }
    this.behind = behind;
    if (behind) this.request(); // (paused, no other frame would come)
  }

  /** True (and the heads moved) when, live and playing, every run's new points stay within
   *  LAG_PX of its last drawn vertex: then this frame strokes nothing (see LAG_PX). */
  underDots(tf) {
    const { race } = this;
    const s = race.session;
    if (race.cursor != null || !race.running || typeof s.pathRange !== 'function') return false;
    const lag = LAG_PX * canvasScale();
    const heads = [];
    for (let i = 0; i < race.caches.length; i += 1) {
      const t = this.tracks[i], upTo = race.caches[i].points;
      if (t.n >= upTo) continue;
      if (t.n === 0 || upTo - t.n > LAG_POINTS) return false;
      const p = s.pathRange(i, upTo - 1, upTo);
      if (p.length < 2) return false;
      const [x, y] = toScreen(tf, p[0], p[1]);
      if (Math.hypot(x - t.lx, y - t.ly) >= lag) return false;
      heads.push([t, x, y]);
    }
    for (const [t, x, y] of heads) { t.hx = x; t.hy = y; t.lagging = true; } // (the head is the newest point)
    return true;
  }

  /** Current dots (or ✕), then the start marker, on their own canvas (path-marks.mjs);
   *  while a redraw is under way the old heads move with the old paths (path-preview.mjs). */
  drawMarks() {
    const { moved } = this.preview;
    const spots = this.tracks.map((t) => (moved ? moved(t.hx, t.hy) : [t.hx, t.hy]));
    this.runMarks.draw(this.tracks, spots, this.key);
  }
}
