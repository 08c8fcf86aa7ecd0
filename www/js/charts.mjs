// Line charts of a per-step series for every run (loss, learning rate): crisp at any
// devicePixelRatio, log or linear y, tick labels, run colours, decimated to the chart width
// (per device-pixel column the min and max are drawn, so spikes are never lost). The series
// come as min/max envelopes over blocks of steps (race.mjs's Envelope: at most a few
// thousand blocks however long the run), so a redraw costs the same at step 100 and at
// step 1,000,000.

import { fmt, int } from './catalog.mjs';
import { watchCanvas } from './canvas.mjs';
import { niceTicks, logTicks, axisRange } from './ticks.mjs';

export { niceTicks };

const PAD = { l: 58, r: 14, t: 8, b: 24 };
const FLOOR = 1e-16; // log scale: smaller values are drawn at the floor

export class Chart {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.W = 1; this.H = 1; this.dpr = 1;
    watchCanvas(canvas, () => [canvas], ({ W, H, dpr }) => {
      Object.assign(this, { W, H, dpr });
      this.onResize?.();
    });
  }

  /**
   * series: [{env, length, offset, tail, color, dashed}]: env an Envelope (race.mjs) of the
   * values, value k at step k + offset; `length` values are shown (fewer than env.length
   * when the timeline shows an earlier step: then `tail` holds the raw values from the
   * last complete block shown, env.size × ⌊length / env.size⌋, up to length).
   * maxStep: x range end; log: y scale; shift: subtracted from every value.
   */
  draw({ series, maxStep, log, shift = 0 }) {
    const { ctx, dpr, W, H } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const pw = W - PAD.l - PAD.r, ph = H - PAD.t - PAD.b;
    if (pw < 20 || ph < 20) return;
    const tf = log ? (v) => Math.log10(Math.max(v - shift, FLOOR)) : (v) => v - shift;
    // Per series, per device-pixel column: the min and max of the values shown (in raw
    // units; tf is monotonic), from the envelope's blocks and the raw tail. O(blocks).
    const xmax = Math.max(maxStep, 10);
    const cols = Math.max(1, Math.round(pw * dpr));
    const perCol = cols / xmax;
    let lo = Infinity, hi = -Infinity;
    const columns = series.map((s) => {
      const e = s.env;
      const cmin = new Float64Array(cols + 1).fill(Infinity);
      const cmax = new Float64Array(cols + 1).fill(-Infinity);
      const add = (k, a, b) => {
        const c = Math.min(cols, Math.floor((k + s.offset) * perCol));
        if (a < cmin[c]) cmin[c] = a;
        if (b > cmax[c]) cmax[c] = b;
      };
      const full = Math.min(e.blocks, Math.floor(s.length / e.size));
      const { mn, mx, size } = e;
      for (let j = 0; j < full; j += 1) add(j * size, mn[j], mx[j]);
      const at = full * size;
      if (s.tail) {
        const n = Math.min(s.tail.length, s.length - at);
        for (let k = 0; k < n; k += 1) add(at + k, s.tail[k], s.tail[k]);
      } else if (full === e.blocks && e.curN > 0 && s.length >= e.length) add(at, e.curMn, e.curMx);
      for (let c = 0; c <= cols; c += 1) {
        if (cmin[c] > cmax[c]) continue; // empty (or only NaN)
        cmin[c] = tf(cmin[c]); cmax[c] = tf(cmax[c]);
        // ±Infinity (a diverged run) is drawn off the chart, not into its range.
        if (cmin[c] < lo && Number.isFinite(cmin[c])) lo = cmin[c];
        if (cmax[c] > hi && Number.isFinite(cmax[c])) hi = cmax[c];
      }
      return { cmin, cmax };
    });
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) { lo = log ? -3 : 0; hi = 1; }
    if (log) { lo = Math.floor(lo); hi = Math.max(Math.ceil(hi), lo + 1); }
    // A flat series, or one too narrow for its magnitude (1e17 ± 100): a visible range.
    else [lo, hi] = axisRange(lo, hi, hi - lo < 1e-12 ? { minAbsolute: 1 } : {});
    const X = (step) => PAD.l + (step / xmax) * pw;
    const Y = (v) => PAD.t + (1 - (v - lo) / (hi - lo)) * ph;
    this.axes({ lo, hi, log, xmax, X, Y, pw, ph });
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.l, PAD.t, pw, ph);
    ctx.clip();
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    series.forEach((s, i) => {
      if (s.length === 0) return;
      const { cmin, cmax } = columns[i];
      ctx.beginPath();
      let first = true;
      for (let c = 0; c <= cols; c += 1) {
        const mn = cmin[c], mx = cmax[c];
        if (!(mn <= mx)) continue;
        const x = PAD.l + (c / cols) * pw;
        if (first) { ctx.moveTo(x, Y(mn)); first = false; } else ctx.lineTo(x, Y(mn));
        if (mx !== mn) ctx.lineTo(x, Y(mx));
      }
      ctx.setLineDash(s.dashed ? [8, 5] : []);
      ctx.strokeStyle = s.color;
      ctx.stroke();
    });
    ctx.restore();
  }

  axes({ lo, hi, log, xmax, X, Y, pw, ph }) {
    const { ctx } = this;
    ctx.font = '13px system-ui, sans-serif';
    ctx.fillStyle = '#8d98aa';
    ctx.strokeStyle = '#2a3240';
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const yt = log ? logTicks(lo, hi, Math.max(2, Math.floor(ph / 22))) : niceTicks(lo, hi, Math.max(2, Math.floor(ph / 30)));
    for (const t of yt) {
      const y = Math.round(Y(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(PAD.l, y); ctx.lineTo(PAD.l + pw, y); ctx.stroke();
      ctx.fillText(log ? fmt(10 ** t, 2) : fmt(t, 3), PAD.l - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of niceTicks(0, xmax, Math.max(2, Math.floor(pw / 90)))) {
      const x = Math.round(X(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, PAD.t + ph); ctx.lineTo(x, PAD.t + ph + 4); ctx.stroke();
      ctx.fillText(t >= 1e5 ? fmt(t, 3) : int(t), x, PAD.t + ph + 6);
    }
    ctx.strokeStyle = '#4a5568';
    ctx.strokeRect(PAD.l + 0.5, PAD.t + 0.5, pw, ph);
  }
}
