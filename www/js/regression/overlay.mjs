// The lab's layer on the parameter view (between the heatmap and the paths): each regularised
// run's penalty contours (|w| + |b| = c diamonds for L1, w² + b² = c² circles for L2, plain
// geometry around the origin), at each run's current point its mini-batch gradient (dashed)
// beside the full gradient (solid), both pointing downhill and drawn on one scale per run so
// the noise shows, and a ring at an early-stopping run's best step.

import { t } from '../i18n.mjs';
import { screenContext } from '../canvas.mjs';

const ARROW_PX = 70;

export class Overlay {
  constructor(canvas, view, lab) {
    this.canvas = canvas;
    this.ctx = screenContext(canvas);
    this.view = view;
    this.lab = lab;
    this.pending = false;
  }

  request() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const { ctx, view, lab } = this;
    const dpr = view.dpr;
    const w = Math.round(view.W * dpr), h = Math.round(view.H * dpr);
    if (this.canvas.width !== w || this.canvas.height !== h) { this.canvas.width = w; this.canvas.height = h; }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const race = lab.race;
    if (lab.mode !== 'regression' || !race.state) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.axes();
    if (lab.showPenalty()) this.penalties();
    if (lab.showGradients()) {
      race.state.runs.forEach((r, i) => {
        if (r.status.reason === 'diverged') return;
        let g;
        try { g = race.session.gradients(i); } catch { return; }
        this.arrows(r.point, g, race.runs[i].color);
      });
    }
    race.state.runs.forEach((r, i) => {
      const run = race.runs[i];
      if (!run.early_stopping || !r.steps) return;
      const best = r.status.best_step ?? r.best_step;
      const cache = race.caches[i];
      if (!cache || best + 1 > cache.points) return;
      // The best point alone (a ranged read, kept per run and best step): the whole path
      // is never copied to draw one marker.
      if (cache.bestAt?.[0] !== best) {
        const s = race.session;
        const xy = typeof s.pathRange === 'function' ? s.pathRange(i, best, best + 1) : cache.xy.data.subarray(2 * best);
        cache.bestAt = [best, xy[0], xy[1]];
      }
      const [x, y] = view.toScreen(cache.bestAt[1], cache.bestAt[2]);
      ctx.beginPath();
      ctx.arc(x, y, 11, 0, 2 * Math.PI);
      ctx.lineWidth = 4.5; ctx.strokeStyle = 'rgba(0,0,0,0.6)'; ctx.stroke();
      ctx.lineWidth = 2; ctx.strokeStyle = run.color; ctx.setLineDash([4, 3]); ctx.stroke(); ctx.setLineDash([]);
    });
  }

  /** What the axes are: w across, b up (the parameter view has no tick labels). */
  axes() {
    const { ctx, view } = this;
    ctx.textBaseline = 'middle';
    // A small axes key above the Fit view button (bottom-left).
    const x = 22, y = view.H - 70;
    ctx.fillStyle = 'rgba(13,16,23,0.78)';
    ctx.beginPath();
    ctx.roundRect(x - 10, y - 58, 150, 70, 8);
    ctx.fill();
    ctx.strokeStyle = '#e8ecf2';
    ctx.fillStyle = '#e8ecf2';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, y - 46); ctx.lineTo(x, y); ctx.lineTo(x + 40, y);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x + 46, y); ctx.lineTo(x + 38, y - 4); ctx.lineTo(x + 38, y + 4); ctx.closePath();
    ctx.moveTo(x, y - 52); ctx.lineTo(x - 4, y - 44); ctx.lineTo(x + 4, y - 44); ctx.closePath();
    ctx.fill();
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(t('regression.axisW'), x + 52, y);
    ctx.fillText(t('regression.axisB'), x + 10, y - 44);
  }

  /** Penalty level sets through round radii spanning the view. */
  penalties() {
    const { ctx, view } = this;
    const { x0, x1, y0, y1 } = view.box4();
    const far = Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
    const step = niceStep(far / 5);
    const [ox, oy] = view.toScreen(0, 0);
    const px = (c) => c / view.scale;
    const seen = new Set();
    this.lab.race.runs.forEach((run) => {
      const kinds = [];
      if (run.l1 > 0) kinds.push('l1');
      if (run.weight_decay > 0) kinds.push('l2');
      for (const kind of kinds) {
        const key = `${kind}${run.color}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.beginPath();
        for (let c = step; c <= far * 1.5 && c / step < 40; c += step) {
          const r = px(c);
          if (kind === 'l2') { ctx.moveTo(ox + r, oy); ctx.arc(ox, oy, r, 0, 2 * Math.PI); } else {
            ctx.moveTo(ox + r, oy); ctx.lineTo(ox, oy - r); ctx.lineTo(ox - r, oy); ctx.lineTo(ox, oy + r); ctx.closePath();
          }
        }
        ctx.strokeStyle = run.color;
        ctx.globalAlpha = 0.55;
        ctx.lineWidth = 1.6;
        ctx.setLineDash(kind === 'l1' ? [2, 4] : [9, 5]);
        ctx.stroke();
        ctx.globalAlpha = 1;
        ctx.setLineDash([]);
      }
    });
  }

  arrows([x, y], g, color) {
    const { view } = this;
    const [sx, sy] = view.toScreen(x, y);
    const full = g.full, batch = g.batch;
    const len = (v) => (v ? Math.hypot(v[0], v[1]) : 0);
    const m = Math.max(len(full), len(batch));
    if (!(m > 0) || !Number.isFinite(m)) return;
    const k = ARROW_PX / m; // px per gradient unit, shared by the two arrows
    // Downhill: −g; screen y grows downwards.
    if (batch) this.arrow(sx, sy, -batch[0] * k, batch[1] * k, color, true);
    this.arrow(sx, sy, -full[0] * k, full[1] * k, color, false);
  }

  arrow(x, y, dx, dy, color, dashed) {
    const { ctx } = this;
    const L = Math.hypot(dx, dy);
    if (L < 2) return;
    const ux = dx / L, uy = dy / L;
    const ex = x + dx, ey = y + dy;
    const head = 10;
    for (const [stroke, width] of [['rgba(0,0,0,0.7)', 5], [dashed ? '#ffffff' : color, 2.5]]) {
      ctx.beginPath();
      ctx.moveTo(x + ux * 9, y + uy * 9);
      ctx.lineTo(ex - ux * 4, ey - uy * 4);
      ctx.setLineDash(dashed ? [5, 4] : []);
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - ux * head - uy * head * 0.5, ey - uy * head + ux * head * 0.5);
      ctx.lineTo(ex - ux * head + uy * head * 0.5, ey - uy * head - ux * head * 0.5);
      ctx.closePath();
      ctx.fillStyle = stroke;
      ctx.fill();
      if (width === 5) { ctx.lineWidth = 3; ctx.strokeStyle = stroke; ctx.stroke(); }
    }
  }
}

function niceStep(raw) {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
}
