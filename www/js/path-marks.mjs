// The small marks over the paths (paths.mjs), on their own canvas: each run's current point
// (a dot in its colour; a red ✕ and a label where it diverged, kept inside the view and
// placed clear of the legend and of each other), then the start marker. Redrawn only when
// one of them moved or changed.

import { int } from './catalog.mjs';
import { drawStartMarker, clearMarks } from './path-strokes.mjs';
import { t } from './i18n.mjs';
import { canvasFont, canvasScale } from './appearance.mjs';
import { placeLabel } from './classroom/labels.mjs';
import { screenContext } from './canvas.mjs';

export class RunMarks {
  constructor(canvas, view, race) {
    this.ctx = screenContext(canvas);
    this.view = view;
    this.race = race;
    this.sig = ''; // what the canvas shows (see draw())
  }

  /** Draws run i's head at spots[i] (CSS px) for `tracks` (paths.mjs), then the start
   *  marker — unless nothing changed since the last call (`key`: the paths' drawing key). */
  draw(tracks, spots, key) {
    const { ctx, race } = this;
    const dpr = this.view.dpr;
    // Unchanged marks are not drawn again (a slider drag changes settings, not the marks).
    // Heads to 1/8 CSS px: a run creeping by less (converged) does not redraw the marks.
    const at = (v) => Math.round(v * 8);
    const heads = tracks.map((t, i) => {
      const info = race.state.runs[i];
      return `${at(spots[i][0])},${at(spots[i][1])},${t.lagging || t.n === t.cache.points},${race.runs[i]?.color},${info?.status.reason},${info?.name}`;
    });
    const sig = `${key}|${race.scenario.start}|${ctx.canvas.width}x${ctx.canvas.height}|${heads.join(';')}`;
    if (sig === this.sig) return;
    this.sig = sig;
    this.labels = []; // divergence labels placed so far (none overlaps another or the legend)
    clearMarks(ctx, dpr);
    tracks.forEach((t, i) => {
      const run = race.runs[i];
      const info = race.state.runs[i];
      if (!run || !info || t.n === 0) return;
      const live = t.lagging || t.n === t.cache.points;
      this.head({ x: spots[i][0], y: spots[i][1], color: run.color, info: live ? info : { ...info, status: { reason: 'running' } } });
    });
    this.start();
  }

  head({ x, y, color, info }) {
    const { ctx } = this;
    if (info.status.reason === 'diverged') {
      // Kept inside the view (a diverged point is usually far outside it).
      const s = canvasScale();
      const m = 22 * s, W = this.view.W, H = this.view.H;
      x = Math.min(Math.max(x, m), W - m);
      y = Math.min(Math.max(y, m), H - m);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 7 * s;
      this.cross(x, y);
      ctx.strokeStyle = '#ff4040';
      ctx.lineWidth = 4 * s;
      this.cross(x, y);
      this.label(t('controls.divergedNamed', { name: info.name, step: int(info.status.step) }), x, y, '#ff6b6b');
      return;
    }
    ctx.beginPath();
    ctx.arc(x, y, 7 * canvasScale(), 0, 2 * Math.PI);
    ctx.fillStyle = color;
    ctx.fill();
    ctx.lineWidth = 2.5 * canvasScale();
    ctx.strokeStyle = '#111';
    ctx.stroke();
  }

  cross(x, y) {
    const { ctx } = this;
    const r = 9 * canvasScale();
    ctx.beginPath();
    ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r);
    ctx.stroke();
  }

  label(text, x, y, color) {
    const { ctx } = this;
    ctx.font = canvasFont(15, 700);
    const s = canvasScale();
    const w = ctx.measureText(text).width;
    // Beside the marker where it overlaps neither the legend nor an earlier label
    // (classroom/labels.mjs).
    const boxes = this.view.box.querySelectorAll('.legend, .fit, .hint, .teach-top:not(.docked) > :not([hidden])');
    const o = this.view.box.getBoundingClientRect();
    const avoid = [...boxes].filter((b) => b.offsetHeight).map((b) => b.getBoundingClientRect())
      .map((r) => ({ x0: r.left - o.left, y0: r.top - o.top, x1: r.right - o.left, y1: r.bottom - o.top }));
    ({ x, y } = placeLabel(x, y, w, 24 * s, this.view.W, this.view.H, [...avoid, ...(this.labels ?? [])], 16 * s));
    this.labels?.push({ x0: x - 5, y0: y - 12 * s, x1: x + w + 5, y1: y + 12 * s });
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = 'rgba(13,16,23,0.85)';
    ctx.beginPath();
    ctx.roundRect(x - 5, y - 12 * s, w + 10, 24 * s, 6);
    ctx.fill();
    ctx.fillStyle = color;
    ctx.fillText(text, x, y + 1);
  }

  start() {
    const { ctx } = this;
    const [x, y] = this.view.toScreen(...this.race.scenario.start);
    drawStartMarker(ctx, x, y, 10 * canvasScale());
  }
}
