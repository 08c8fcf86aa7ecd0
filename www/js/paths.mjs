// The overlay canvas above the heatmap: every run's path (decimated to about one device pixel
// between drawn points; the recorded data is never touched), its current point, a red ✕ where
// a run diverged, and the start marker. Redrawn only when the data or the view changed.

import { int } from './catalog.mjs';

const FAR = 1e6; // screen coordinates are clamped to ±FAR px (diverging runs fly far away)
const clamp = (v) => (v > FAR ? FAR : v < -FAR ? -FAR : v);

export class Paths {
  constructor(canvas, view, race) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.view = view;
    this.race = race;
    this.pending = false;
    this.drawn = 0; // points drawn in the last frame (for tests of decimation)
  }

  /** Asks for a redraw on the next animation frame (coalesced). */
  request() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const { ctx, view, race } = this;
    const dpr = view.dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!race.state) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    const minGap = 1 / dpr; // one device pixel, in CSS pixels
    const s = view.scale, cx = view.cx, cy = view.cy, hw = view.W / 2, hh = view.H / 2;
    let drawn = 0;
    const heads = [];
    race.caches.forEach((cache, i) => {
      const run = race.runs[i];
      const info = race.state.runs[i];
      const xy = cache.xy.data;
      const full = cache.xy.length / 2;
      // The timeline's cursor (null = live) shows the paths up to that step.
      const n = race.cursor == null ? full : Math.min(full, race.cursor + 1);
      if (!run || !info || n === 0) return;
      ctx.beginPath();
      let lx = clamp(hw + (xy[0] - cx) / s), ly = clamp(hh - (xy[1] - cy) / s);
      ctx.moveTo(lx, ly);
      drawn += 1;
      for (let k = 1; k < n; k += 1) {
        const px = clamp(hw + (xy[2 * k] - cx) / s), py = clamp(hh - (xy[2 * k + 1] - cy) / s);
        const dx = px - lx, dy = py - ly;
        if (dx * dx + dy * dy < minGap * minGap && k !== n - 1) continue;
        ctx.lineTo(px, py);
        lx = px; ly = py; drawn += 1;
      }
      ctx.setLineDash(i >= 8 ? [10, 6] : []);
      ctx.strokeStyle = 'rgba(0,0,0,0.55)';
      ctx.lineWidth = 5;
      ctx.stroke();
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 2.5;
      ctx.stroke();
      heads.push({ x: lx, y: ly, color: run.color, info: n === full ? info : { ...info, status: { reason: 'running' } } });
    });
    ctx.setLineDash([]);
    for (const h of heads) this.head(h);
    this.start();
    this.drawn = drawn;
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
