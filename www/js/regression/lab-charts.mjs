// The lab's bottom row: training (solid) and validation (dashed) loss per run on a log scale
// with a marker at each early-stopping run's best step, and the metrics table (wall time,
// steps and epochs to tolerance, final training and validation loss, their gap).

import { fmt, int } from '../catalog.mjs';
import { watchCanvas } from '../canvas.mjs';
import { niceTicks, logTicks } from '../ticks.mjs';
import { el } from '../widgets.mjs';

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

const wall = (ms) => (ms >= 1000 ? `${fmt(ms / 1000, 3)} s` : ms > 0 ? `${fmt(ms, 2)} ms` : '< 0.1 ms');

const COLUMNS = [
  ['Run', ''], ['Wall', 'Wall time: engine time this run has taken (performance.now around its steps)'],
  ['To tol.', 'Steps to tolerance: the first step within the tolerance of the least-squares fit'],
  ['Epochs', 'Passes over the training data when the tolerance was reached'], ['Train', 'Training loss now'],
  ['Val.', 'Validation loss now'], ['Gap', 'Validation − training loss (overfitting shows as a growing gap)'],
];

export class Metrics {
  constructor(table) {
    this.table = table;
    const head = el('tr');
    for (const [name, help] of COLUMNS) head.append(el('th', { scope: 'col', textContent: name, title: help }));
    this.body = el('tbody');
    table.replaceChildren(el('caption', { className: 'sr-only', textContent: 'Metrics per run' }), el('thead', {}, head), this.body);
    this.rows = [];
  }

  update(race) {
    const st = race.state;
    if (!st) return;
    while (this.rows.length > st.runs.length) this.rows.pop().tr.remove();
    while (this.rows.length < st.runs.length) {
      const cells = COLUMNS.map((_, k) => el(k === 0 ? 'th' : 'td', k === 0 ? { scope: 'row' } : {}));
      const sw = el('i', { className: 'lab-sw' });
      const name = el('span');
      const stop = el('span', { className: 'lab-stop' });
      cells[0].append(sw, name, stop);
      const tr = el('tr', {}, ...cells);
      this.body.append(tr);
      this.rows.push({ tr, cells, sw, name, stop });
    }
    st.runs.forEach((r, i) => {
      const row = this.rows[i];
      const run = race.runs[i];
      row.sw.style.setProperty('--run', run.color);
      const stop = r.status.reason === 'early_stopped' ? `stopped at ${int(r.status.step)} · best ${int(r.status.best_step)}`
        : r.status.reason === 'diverged' ? `diverged at ${int(r.status.step)}` : '';
      if (row.stop.textContent !== stop) row.stop.textContent = stop;
      row.name.title = r.name;
      const text = [
        r.name,
        wall(race.caches[i]?.wall ?? 0),
        r.reached_at == null ? '–' : int(r.reached_at),
        r.reached_epochs == null ? '–' : fmt(r.reached_epochs, 3),
        fmt(r.loss, 4),
        r.validation_loss == null ? '–' : fmt(r.validation_loss, 4),
        r.gap == null ? '–' : fmt(r.gap, 3),
      ];
      text.forEach((t, k) => {
        const node = k === 0 ? row.name : row.cells[k];
        if (node.textContent !== t) node.textContent = t;
      });
      row.cells[6].className = r.gap != null && r.gap > 0 ? 'gap-pos' : '';
    });
  }
}
