// The lab's bottom row: training (solid) and validation (dashed) loss per run on a log scale
// with a marker at each early-stopping run's best step (the metrics table is metrics.mjs).

import { fmt, int } from '../catalog.mjs';
import { watchCanvas } from '../canvas.mjs';
import { niceTicks, logTicks } from '../ticks.mjs';

const PAD = { l: 58, r: 24, t: 8, b: 24 };
const FLOOR = 1e-16;

export class LossChart {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.W = 1; this.H = 1; this.dpr = 1;
    this.onResize = null;
    watchCanvas(canvas, () => [canvas], ({ W, H, dpr }) => {
      Object.assign(this, { W, H, dpr });
      this.onResize?.();
    });
  }

  /** series: [{values, length, color, dashed}] (index = step); markers: [{step, value, color}]. */
  draw({ series, markers, maxStep }) {
    const { ctx, dpr, W, H } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const pw = W - PAD.l - PAD.r, ph = H - PAD.t - PAD.b;
    if (pw < 20 || ph < 20) return;
    const tf = (v) => Math.log10(Math.max(v, FLOOR));
    let lo = Infinity, hi = -Infinity;
    for (const s of series) {
      for (let k = 0; k < s.length; k += 1) {
        const v = tf(s.values[k]);
        if (!Number.isFinite(v)) continue; // a diverged run: drawn off the chart
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!Number.isFinite(lo)) { lo = -3; hi = 1; }
    lo = Math.floor(lo); hi = Math.max(Math.ceil(hi), lo + 1);
    const xmax = Math.max(maxStep, 10);
    const X = (step) => PAD.l + (step / xmax) * pw;
    const Y = (v) => PAD.t + (1 - (tf(v) - lo) / (hi - lo)) * ph;
    // Axes.
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillStyle = '#8d98aa';
    ctx.strokeStyle = '#2a3240';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of logTicks(lo, hi, Math.max(2, Math.floor(ph / 22)))) {
      const y = Math.round(PAD.t + (1 - (t - lo) / (hi - lo)) * ph) + 0.5;
      ctx.beginPath(); ctx.moveTo(PAD.l, y); ctx.lineTo(PAD.l + pw, y); ctx.stroke();
      ctx.fillText(fmt(10 ** t, 2), PAD.l - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of niceTicks(0, xmax, Math.max(2, Math.floor(pw / 90)))) {
      const x = Math.round(X(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, PAD.t + ph); ctx.lineTo(x, PAD.t + ph + 4); ctx.stroke();
      ctx.fillText(int(t), x, PAD.t + ph + 6);
    }
    ctx.strokeStyle = '#4a5568';
    ctx.strokeRect(PAD.l + 0.5, PAD.t + 0.5, pw, ph);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.l, PAD.t, pw, ph);
    ctx.clip();
    ctx.lineJoin = 'round';
    const cols = Math.max(1, Math.round(pw * dpr));
    for (const s of series) {
      if (!s.length) continue;
      // Min and max per device-pixel column (spikes are never lost).
      ctx.beginPath();
      let col = -1, mn = 0, mx = 0, first = true;
      const flush = () => {
        const x = PAD.l + (col / cols) * pw;
        if (first) { ctx.moveTo(x, Y(mn)); first = false; } else ctx.lineTo(x, Y(mn));
        if (mx !== mn) ctx.lineTo(x, Y(mx));
      };
      for (let k = 0; k < s.length; k += 1) {
        const c = Math.floor((k / xmax) * cols);
        const v = s.values[k];
        if (c !== col) { if (col >= 0) flush(); col = c; mn = v; mx = v; } else { if (v < mn) mn = v; if (v > mx) mx = v; }
      }
      flush();
      ctx.setLineDash(s.dashed ? [7, 5] : []);
      ctx.lineWidth = s.dashed ? 2 : 2.2;
      ctx.strokeStyle = s.color;
      ctx.stroke();
    }
    ctx.setLineDash([]);
    for (const m of markers) {
      const x = X(m.step), y = Y(m.value);
      ctx.strokeStyle = m.color;
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([3, 4]);
      ctx.beginPath(); ctx.moveTo(x, PAD.t); ctx.lineTo(x, PAD.t + ph); ctx.stroke();
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.arc(x, y, 6, 0, 2 * Math.PI);
      ctx.fillStyle = m.color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      ctx.font = '700 12px system-ui, sans-serif';
      ctx.fillStyle = '#fff';
      ctx.textAlign = x > PAD.l + pw - 60 ? 'right' : 'left';
      ctx.textBaseline = 'bottom';
      ctx.fillText(`best ${int(m.step)}`, x + (ctx.textAlign === 'left' ? 8 : -8), y - 6);
    }
    ctx.restore();
  }
}
