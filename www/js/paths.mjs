// The overlay above the heatmap, on three stacked canvases of the view: every run's path
// (a 5 px dark halo under a 2.5 px line in the run's colour; runs 9 and on dashed), then its
// current point, a red ✕ where a run diverged, and the start marker.
//
// Drawing costs what changed, not the whole history: the halo canvas (#paths-canvas, the
// halos of runs 1–8; each piece of halo first erases what is under it, so pieces that
// overlap do not darken) and the line canvas (the lines, and the dashed runs' halos) keep
// what is already drawn, and each frame strokes only the segments recorded since the last
// one (fetched from the engine with `session.path(i, from)`), continuing each run's
// dash pattern. Everything is redrawn only when the view (pan, zoom, resize), the runs or
// their colours, the timeline's cursor (`race.cursor`) or the data (a restart) change; then
// each run's whole path is read from the engine once and decimated in screen space (a vertex
// only when it moved at least DECIMATE_PX device pixels from the last one, and always the
// last point) into one Path2D. The small marks (dots, ✕, start) are redrawn every time on
// their own canvas. JS keeps per run only the last drawn vertex and point, never the path.

import { int } from './catalog.mjs';

const FAR = 1e6; // screen coordinates are clamped to ±FAR px (diverging runs fly far away)
const clamp = (v) => (v > FAR ? FAR : v < -FAR ? -FAR : v);
const DECIMATE_PX = 0.75; // device pixels between drawn vertices
// Round joins on paths with more vertices than this cost noticeably more to rasterise than
// bevel joins (and look the same at 2.5 px): see redraw().
const ROUND_JOIN_MAX = 20000;
const HALO = { width: 5, color: 'rgba(0,0,0,0.55)' };
const LINE_WIDTH = 2.5;
const DASH = [10, 6];

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
    this.canvas = canvas; // halos
    this.lines = layer(canvas, 'paths-lines');
    this.marks = layer(this.lines, 'paths-marks');
    this.hctx = canvas.getContext('2d');
    this.lctx = this.lines.getContext('2d');
    this.ctx = this.marks.getContext('2d'); // marks (head(), cross(), label(), start())
    this.view = view;
    this.race = race;
    this.pending = false;
    this.key = '';
    this.tracks = []; // per run: what is drawn (see track())
    this.drawn = 0; // vertices in the drawn paths (for tests of decimation)
    this.redraws = 0; // full redraws (for tests)
  }

  /** Asks for a redraw on the next animation frame (coalesced). */
  request() {
    if (this.pending) return;
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
      this.tracks = []; this.key = '';
      return;
    }
    const key = [view.cx, view.cy, view.scale, view.W, view.H, view.dpr, this.canvas.width, this.canvas.height,
      this.lines.width, this.lines.height, race.cursor, race.runs.map((r) => r.color).join(',')].join('|');
    const tracks = this.tracks;
    const same = key === this.key && tracks.length === race.caches.length &&
      race.caches.every((c, i) => tracks[i].cache === c && tracks[i].n <= c.points);
    if (same) this.extend(); else { this.key = key; this.redraw(); }
    this.drawMarks();
  }

  /** The screen transform, in CSS pixels. */
  transform() {
    const v = this.view;
    return { s: v.scale, cx: v.cx, cy: v.cy, hw: v.W / 2, hh: v.H / 2, gap: DECIMATE_PX / v.dpr };
  }

  prepare(ctx) {
    const dpr = this.view.dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.lineCap = 'round';
  }

  /** Appends run points xy[2·from ..] (screen-decimated against the track's last vertex) to
   *  `path` (a Path2D that already starts at that vertex); updates the track. */
  walk(t, xy, from, to, path, tf, other = null) {
    const { s, cx, cy, hw, hh, gap } = tf;
    const g2 = gap * gap;
    let { lx, ly, len, pvx, pvy, plen } = t, emitted = 0, px = lx, py = ly;
    for (let k = from; k < to; k += 1) {
      px = clamp(hw + (xy[2 * k] - cx) / s); py = clamp(hh - (xy[2 * k + 1] - cy) / s);
      const dx = px - lx, dy = py - ly;
      const d2 = dx * dx + dy * dy;
      if (d2 < g2 && k !== to - 1) continue;
      path.lineTo(px, py);
      if (other) other.lineTo(px, py);
      pvx = lx; pvy = ly; plen = len;
      len += Math.sqrt(d2);
      lx = px; ly = py; emitted += 1;
    }
    Object.assign(t, { lx, ly, len, pvx, pvy, plen, hx: px, hy: py });
    return emitted;
  }

  /** Halo, then colour. Solid runs put their halo on the halo canvas, under every line;
   *  dashed runs (9 and on) on the line canvas, so their halo dashes cut the lines under
   *  them as before (a dashed run shares its colour with an earlier solid one). When
   *  extending a dashed run, its colour is stroked from one vertex back (`line`, from dash
   *  offset `lineOffset`): the new halo's round cap covers the end of the old line. */
  stroke(path, i, color, offset, join, line = path, lineOffset = offset) {
    const dashed = i >= 8;
    const dash = dashed ? DASH : [];
    const { hctx, lctx } = this;
    const steps = dashed
      ? [[lctx, HALO.color, HALO.width, path, offset], [lctx, color, LINE_WIDTH, line, lineOffset]]
      // The halo: erase, then paint at 55 % (not painted twice where pieces overlap).
      : [[hctx, null, HALO.width, path, offset], [hctx, HALO.color, HALO.width, path, offset], [lctx, color, LINE_WIDTH, path, offset]];
    for (const [ctx, style, width, p, off] of steps) {
      ctx.setLineDash(dash);
      ctx.lineDashOffset = off;
      ctx.lineJoin = join;
      ctx.lineWidth = width;
      ctx.globalCompositeOperation = style ? 'source-over' : 'destination-out';
      ctx.strokeStyle = style || '#000';
      ctx.stroke(p);
    }
  }

  /** Everything again: each run's path (up to the cursor) from the engine, decimated. */
  redraw() {
    const { race } = this;
    for (const c of [this.canvas, this.lines]) {
      const ctx = c.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      this.prepare(ctx);
    }
    const tf = this.transform();
    let drawn = 0;
    this.tracks = race.caches.map((cache, i) => {
      const t = { cache, n: 0, lx: 0, ly: 0, len: 0, pvx: 0, pvy: 0, plen: 0, hx: 0, hy: 0, vertices: 0 };
      const run = race.runs[i];
      const full = cache.points;
      const n = race.cursor == null ? full : Math.min(full, race.cursor + 1);
      if (!run || n === 0) return t;
      const xy = race.session.path(i, 0);
      t.lx = clamp(tf.hw + (xy[0] - tf.cx) / tf.s); t.ly = clamp(tf.hh - (xy[1] - tf.cy) / tf.s);
      t.hx = t.lx; t.hy = t.ly; t.pvx = t.lx; t.pvy = t.ly;
      const path = new Path2D();
      path.moveTo(t.lx, t.ly);
      t.vertices = 1 + this.walk(t, xy, 1, n, path, tf);
      t.n = n;
      // Round joins are what the path looks like; on very long paths (hundreds of
      // thousands of tiny zigzags) bevel joins rasterise much faster and look the same.
      this.stroke(path, i, run.color, 0, t.vertices > ROUND_JOIN_MAX ? 'bevel' : 'round');
      drawn += t.vertices;
      return t;
    });
    this.drawn = drawn;
    this.redraws += 1;
  }

  /** Only what is new since the last frame: the segments from each run's last vertex. */
  extend() {
    const { race } = this;
    this.prepare(this.hctx);
    this.prepare(this.lctx);
    const tf = this.transform();
    race.caches.forEach((cache, i) => {
      const t = this.tracks[i];
      const run = race.runs[i];
      const upTo = race.cursor == null ? cache.points : Math.min(cache.points, race.cursor + 1);
      if (!run || t.n >= upTo) return;
      const xy = race.session.path(i, t.n);
      const count = Math.min(xy.length / 2, upTo - t.n);
      const path = new Path2D();
      let from = 0;
      if (t.n === 0) { // the first point of the run
        t.lx = clamp(tf.hw + (xy[0] - tf.cx) / tf.s); t.ly = clamp(tf.hh - (xy[1] - tf.cy) / tf.s);
        t.hx = t.lx; t.hy = t.ly; t.pvx = t.lx; t.pvy = t.ly;
        t.vertices = 1; from = 1;
      }
      path.moveTo(t.lx, t.ly);
      const len0 = t.len, plen0 = t.plen;
      let line = path;
      if (i >= 8) { line = new Path2D(); line.moveTo(t.pvx, t.pvy); line.lineTo(t.lx, t.ly); }
      const emitted = this.walk(t, xy, from, count, path, tf, line === path ? null : line);
      t.vertices += emitted;
      this.drawn += emitted + (from ? 1 : 0);
      t.n += count;
      this.stroke(path, i, run.color, len0, t.vertices > ROUND_JOIN_MAX ? 'bevel' : 'round', line, line === path ? len0 : plen0);
    });
  }

  /** Current dots (or ✕), then the start marker, on their own canvas. */
  drawMarks() {
    const { ctx, race } = this;
    const dpr = this.view.dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.marks.width, this.marks.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.setLineDash([]);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    this.tracks.forEach((t, i) => {
      const run = race.runs[i];
      const info = race.state.runs[i];
      if (!run || !info || t.n === 0) return;
      const live = t.n === t.cache.points;
      this.head({ x: t.hx, y: t.hy, color: run.color, info: live ? info : { ...info, status: { reason: 'running' } } });
    });
    this.start();
  }

  head({ x, y, color, info }) {
    const { ctx } = this;
    if (info.status.reason === 'diverged') {
      // Kept inside the view (a diverged point is usually far outside it).
      const m = 22, W = this.view.W, H = this.view.H;
      x = Math.min(Math.max(x, m), W - m);
      y = Math.min(Math.max(y, m), H - m);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 7;
      this.cross(x, y);
      ctx.strokeStyle = '#ff4040';
      ctx.lineWidth = 4;
      this.cross(x, y);
      this.label(`${info.name} diverged at step ${int(info.status.step)}`, x, y, '#ff6b6b');
      return;
    }
    ctx.beginPath();
    ctx.arc(x, y, 7, 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#111';
    ctx.stroke();
  }

  cross(x, y) {
    const { ctx } = this;
    const r = 9;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r);
    ctx.stroke();
  }

  label(text, x, y, color) {
    const { ctx } = this;
    ctx.font = '700 15px system-ui, sans-serif';
    const w = ctx.measureText(text).width;
    // Beside the marker, on whichever side has room (left of it near the right edge, below it
    // near the top, where the legend sits).
    x = x + 16 + w + 8 > this.view.W ? x - 16 - w : x + 16;
    y = y < 140 ? y + 26 : y - 22;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = 'rgba(13,16,23,0.85)';
    ctx.beginPath();
    ctx.roundRect(x - 5, y - 12, w + 10, 24, 6);
    ctx.fill();
    ctx.fillStyle = color;
    ctx.fillText(text, x, y + 1);
  }

  start() {
    const { ctx } = this;
    const [x, y] = this.view.toScreen(...this.race.scenario.start);
    ctx.beginPath();
    ctx.arc(x, y, 10, 0, 2 * Math.PI);
    ctx.lineWidth = 5;
    ctx.strokeStyle = 'rgba(0,0,0,0.6)';
    ctx.stroke();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x, y, 3, 0, 2 * Math.PI);
    ctx.fillStyle = '#fff';
    ctx.fill();
  }
}
