// The regression lab's data view: the scatter of (x, y) points (training filled, validation
// hollow), every run's current line y = w·x + b in its colour, the selected run's residuals
// (on demand) and last mini-batch, and the editing gestures: click to add a point, drag one to
// move it, right-click / Alt-click / select + Delete to remove it.
//
// Drawing only: at most MAX_DRAWN points are drawn (a deterministic stride through the data,
// said on screen); everything computed (losses, fits) always uses every point, in the engine.

import { fmt, int } from '../catalog.mjs';
import { watchCanvas, screenContext } from '../canvas.mjs';
import { canvasFont, themeColors, onAppearanceChange } from '../appearance.mjs';
import { niceTicks, axisRange } from '../ticks.mjs';
import { t } from '../i18n.mjs';

export const MAX_DRAWN = 50000;
const MAX_RESIDUALS = 5000;
const MAX_BATCH_RINGS = 2000;
const PICK_PX = 9;
const CLICK_SLOP = 4;
const PAD = { l: 52, r: 16, t: 16, b: 60 };

export class DataView {
  /**
   * box: positioned container; canvas: the drawing; lab: {race, data, selected, residuals,
   * commit(x, y)} (see lab.mjs).
   */
  constructor(box, canvas, lab) {
    this.box = box;
    this.canvas = canvas;
    this.ctx = screenContext(canvas);
    this.lab = lab;
    this.W = 1; this.H = 1; this.dpr = 1;
    this.frame = null; // {x0, x1, y0, y1}: world box shown
    this.cache = null; // offscreen canvas with axes + scatter
    this.dirty = true;
    this.pending = false;
    this.drawnIdx = null; // Uint32Array of original indices drawn
    this.selectedPoint = -1;
    this.drag = null;
    onAppearanceChange(() => { this.dirty = true; this.draw(); });
    watchCanvas(box, () => [canvas], ({ W, H, dpr }) => {
      Object.assign(this, { W, H, dpr });
      this.dirty = true;
      this.request();
    });
    this.attach();
  }

  /** New data: picks the drawn subsample and fits the frame around every point. */
  setData() {
    const d = this.lab.data;
    this.selectedPoint = -1;
    if (!d) { this.drawnIdx = null; this.frame = null; this.dirty = true; this.request(); return; }
    const n = d.x.length;
    const stride = n > MAX_DRAWN ? n / MAX_DRAWN : 1;
    const count = Math.min(n, MAX_DRAWN);
    const idx = new Uint32Array(count);
    for (let k = 0; k < count; k += 1) idx[k] = Math.floor(k * stride);
    this.drawnIdx = idx;
    if (!this.keepFrame || !this.frame) this.fit();
    this.keepFrame = false;
    this.dirty = true;
    this.request();
  }

  /** Keep the current frame for the next setData (a point edit must not jump the view). */
  holdFrame() { this.keepFrame = true; }

  fit() {
    const d = this.lab.data;
    if (!d || d.x.length === 0) { this.frame = { x0: -1, x1: 1, y0: -1, y1: 1 }; return; }
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < d.x.length; i += 1) {
      const x = d.x[i], y = d.y[i];
      if (x < x0) x0 = x; if (x > x1) x1 = x;
      if (y < y0) y0 = y; if (y > y1) y1 = y;
    }
    // Equal values (a unit-wide frame around them), or a spread below the float resolution at
    // their magnitude (x near 1e17): still a frame the axes can divide (ticks.mjs).
    const fx = axisRange(x0, x1, { pad: 0.08, minAbsolute: x0 === x1 ? 1 : 0, fallback: [-1, 1] });
    const fy = axisRange(y0, y1, { pad: 0.1, minAbsolute: y0 === y1 ? 1 : 0, fallback: [-1, 1] });
    this.frame = { x0: fx[0], x1: fx[1], y0: fy[0], y1: fy[1] };
  }

  sx(x) { const f = this.frame; return PAD.l + ((x - f.x0) / (f.x1 - f.x0)) * (this.W - PAD.l - PAD.r); }
  sy(y) { const f = this.frame; return PAD.t + (1 - (y - f.y0) / (f.y1 - f.y0)) * (this.H - PAD.t - PAD.b); }
  wx(px) { const f = this.frame; return f.x0 + ((px - PAD.l) / (this.W - PAD.l - PAD.r)) * (f.x1 - f.x0); }
  wy(py) { const f = this.frame; return f.y0 + (1 - (py - PAD.t) / (this.H - PAD.t - PAD.b)) * (f.y1 - f.y0); }

  request() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  /** Axes and the scatter, redrawn only when the data, the size or the selection change. */
  drawCache() {
    const { W, H, dpr } = this;
    const c = this.cache?.width === this.canvas.width && this.cache?.height === this.canvas.height
      ? this.cache : Object.assign(document.createElement('canvas'), { width: this.canvas.width, height: this.canvas.height });
    const ctx = c.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = themeColors().bg;
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.cache = c;
    this.dirty = false;
    if (!this.frame) return;
    this.axes(ctx);
    const d = this.lab.data;
    if (!d || !this.drawnIdx) return;
    const idx = this.drawnIdx;
    const many = idx.length > 3000;
    const r = many ? 1.2 : idx.length > 600 ? 2.6 : 4;
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.l, PAD.t, W - PAD.l - PAD.r, H - PAD.t - PAD.b);
    ctx.clip();
    // Training points: filled; validation points: hollow rings (with many points: lavender
    // squares drawn first, so the training cloud stays on top).
    const training = () => {
      ctx.fillStyle = many ? 'rgba(190,205,230,0.4)' : 'rgba(205,215,235,0.9)';
      ctx.beginPath();
      for (let k = 0; k < idx.length; k += 1) {
        const i = idx[k];
        if (d.mask[i]) continue;
        const px = this.sx(d.x[i]), py = this.sy(d.y[i]);
        if (many) { ctx.rect(px - r, py - r, 2 * r, 2 * r); continue; }
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    };
    const validation = () => {
      ctx.strokeStyle = '#b9a7ff';
      ctx.fillStyle = 'rgba(185,167,255,0.5)';
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      for (let k = 0; k < idx.length; k += 1) {
        const i = idx[k];
        if (!d.mask[i]) continue;
        const px = this.sx(d.x[i]), py = this.sy(d.y[i]);
        if (many) { ctx.rect(px - r, py - r, 2 * r, 2 * r); continue; }
        ctx.moveTo(px + r + 0.5, py);
        ctx.arc(px, py, r + 0.5, 0, 2 * Math.PI);
      }
      if (many) ctx.fill(); else ctx.stroke();
    };
    if (many) { validation(); training(); } else { training(); validation(); }
    ctx.restore();
  }

  axes(ctx) {
    const { W, H } = this;
    const f = this.frame;
    const pw = W - PAD.l - PAD.r, ph = H - PAD.t - PAD.b;
    ctx.font = canvasFont(13);
    ctx.lineWidth = 1;
    ctx.fillStyle = themeColors().muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(f.y0, f.y1, Math.max(2, Math.floor(ph / 45)))) {
      const y = Math.round(this.sy(t)) + 0.5;
      ctx.strokeStyle = t === 0 ? '#3d4757' : '#1f2631';
      ctx.beginPath(); ctx.moveTo(PAD.l, y); ctx.lineTo(PAD.l + pw, y); ctx.stroke();
      ctx.fillText(fmt(t, 3), PAD.l - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of niceTicks(f.x0, f.x1, Math.max(2, Math.floor(pw / 80)))) {
      const x = Math.round(this.sx(t)) + 0.5;
      ctx.strokeStyle = t === 0 ? '#3d4757' : '#1f2631';
      ctx.beginPath(); ctx.moveTo(x, PAD.t); ctx.lineTo(x, PAD.t + ph); ctx.stroke();
      ctx.fillText(fmt(t, 3), x, PAD.t + ph + 6);
    }
    ctx.fillStyle = themeColors().text;
    ctx.font = canvasFont(14, 'italic 600').replace(/px .*/, 'px Georgia, serif');
    ctx.textAlign = 'right';
    ctx.fillText('x', PAD.l + pw, PAD.t + ph + 19);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText('y', 8, PAD.t);
    ctx.strokeStyle = '#4a5568';
    ctx.strokeRect(PAD.l + 0.5, PAD.t + 0.5, pw, ph);
  }

  draw() {
    const { ctx, dpr, W, H } = this;
    if (this.dirty || !this.cache) this.drawCache();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.cache, 0, 0);
    const { race } = this.lab;
    const d = this.lab.data;
    if (!this.frame || !d || !race.state) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD.l, PAD.t, W - PAD.l - PAD.r, H - PAD.t - PAD.b);
    ctx.clip();
    const sel = this.lab.selected();
    const selInfo = race.state.runs[sel];
    if (selInfo && this.lab.residuals()) this.residuals(this.lab.point(sel), race.runs[sel].color);
    if (selInfo) this.batch(sel, race.runs[sel].color);
    const f = this.frame;
    race.state.runs.forEach((r, i) => {
      const [w, b] = this.lab.point(i);
      if (!Number.isFinite(w) || !Number.isFinite(b)) return;
      const lx0 = this.sx(f.x0), ly0 = this.sy(w * f.x0 + b);
      const lx1 = this.sx(f.x1), ly1 = this.sy(w * f.x1 + b);
      ctx.beginPath();
      ctx.moveTo(lx0, clampPx(ly0));
      ctx.lineTo(lx1, clampPx(ly1));
      ctx.strokeStyle = 'rgba(0,0,0,0.6)';
      ctx.lineWidth = i === sel ? 7 : 5.5;
      ctx.setLineDash(i >= 8 ? [10, 6] : []);
      ctx.stroke();
      ctx.strokeStyle = race.runs[i].color;
      ctx.lineWidth = i === sel ? 3.5 : 2.5;
      ctx.stroke();
    });
    ctx.setLineDash([]);
    if (this.selectedPoint >= 0 && this.selectedPoint < d.x.length) {
      const px = this.sx(d.x[this.selectedPoint]), py = this.sy(d.y[this.selectedPoint]);
      ctx.beginPath();
      ctx.arc(px, py, 9, 0, 2 * Math.PI);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
    ctx.restore();
  }

  residuals([w, b], color) {
    const { ctx } = this;
    const d = this.lab.data;
    const idx = this.drawnIdx;
    const step = Math.max(1, Math.ceil(idx.length / MAX_RESIDUALS));
    ctx.beginPath();
    for (let k = 0; k < idx.length; k += step) {
      const i = idx[k];
      const px = this.sx(d.x[i]);
      ctx.moveTo(px, this.sy(d.y[i]));
      ctx.lineTo(px, clampPx(this.sy(w * d.x[i] + b)));
    }
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.7;
    ctx.lineWidth = 1.3;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  /** Rings around the points of the selected run's last mini-batch. */
  batch(i, color) {
    const d = this.lab.data;
    if (!d.trainX) return;
    const idx = this.lab.race.session.lastBatch(i);
    if (!idx.length) return;
    const { ctx } = this;
    const step = Math.max(1, Math.ceil(idx.length / MAX_BATCH_RINGS));
    const r = idx.length > 200 ? 4 : 7;
    ctx.beginPath();
    for (let k = 0; k < idx.length; k += step) {
      const px = this.sx(d.trainX[idx[k]]), py = this.sy(d.trainY[idx[k]]);
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = 'rgba(0,0,0,0.7)';
    ctx.lineWidth = 4.5;
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.2;
    ctx.stroke();
  }

  /** The drawn point nearest (sx, sy) within PICK_PX, as an original index, or -1. */
  pick(px, py) {
    const d = this.lab.data;
    if (!d || !this.drawnIdx) return -1;
    let best = -1, bd = PICK_PX * PICK_PX;
    for (const i of this.drawnIdx) {
      const dx = this.sx(d.x[i]) - px, dy = this.sy(d.y[i]) - py;
      const dd = dx * dx + dy * dy;
      if (dd <= bd) { bd = dd; best = i; }
    }
    return best;
  }

  attach() {
    const canvas = this.canvas;
    const local = (e) => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
    const inside = (x, y) => x >= PAD.l && x <= this.W - PAD.r && y >= PAD.t && y <= this.H - PAD.b;
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('pointerdown', (e) => {
      if (!this.frame || !this.lab.data) return;
      const [x, y] = local(e);
      const hit = this.pick(x, y);
      if (e.button === 2 || (e.button === 0 && e.altKey)) {
        if (hit >= 0) this.remove(hit);
        return;
      }
      if (e.button !== 0) return;
      canvas.focus({ preventScroll: true });
      this.drag = { hit, x, y, moved: false };
      if (hit >= 0) { this.selectedPoint = hit; this.request(); }
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener('pointermove', (e) => {
      const [x, y] = local(e);
      if (!this.drag) {
        canvas.classList.toggle('over-point', this.pick(x, y) >= 0);
        this.lab.hover(inside(x, y) && this.frame ? `x ${fmt(this.wx(x), 3)}   y ${fmt(this.wy(y), 3)}` : '');
        return;
      }
      const g = this.drag;
      if (!g.moved && Math.hypot(x - g.x, y - g.y) > CLICK_SLOP) g.moved = true;
      if (g.moved && g.hit >= 0) {
        // Preview only; the engine gets the edit on release.
        this.lab.data.x[g.hit] = this.wx(x);
        this.lab.data.y[g.hit] = this.wy(y);
        this.dirty = true;
        this.request();
      }
    });
    const end = (e) => {
      const g = this.drag;
      this.drag = null;
      if (!g || e.type !== 'pointerup') return;
      const [x, y] = local(e);
      if (g.hit >= 0 && g.moved) {
        this.edit((xs, ys) => { xs[g.hit] = clean(this.wx(x), this.frame.x1 - this.frame.x0); ys[g.hit] = clean(this.wy(y), this.frame.y1 - this.frame.y0); });
        this.selectedPoint = g.hit;
      } else if (g.hit < 0 && !g.moved && inside(x, y)) {
        this.edit((xs, ys) => { xs.push(clean(this.wx(x), this.frame.x1 - this.frame.x0)); ys.push(clean(this.wy(y), this.frame.y1 - this.frame.y0)); });
      }
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', () => { if (!this.drag) this.lab.hover(''); });
    canvas.addEventListener('keydown', (e) => {
      if ((e.key === 'Delete' || e.key === 'Backspace') && this.selectedPoint >= 0) {
        e.preventDefault();
        this.remove(this.selectedPoint);
      } else if (e.key === 'Escape') {
        this.selectedPoint = -1;
        this.request();
      }
    });
  }

  remove(i) {
    if (this.lab.data.x.length <= 2) { this.lab.notice(t('regression.twoPoints')); return; }
    this.edit((xs, ys) => { xs.splice(i, 1); ys.splice(i, 1); });
    this.selectedPoint = -1;
  }

  /** Applies an edit to a plain copy of the engine's data and hands it to the lab. */
  edit(change) {
    const xs = Array.from(this.lab.race.session.dataX());
    const ys = Array.from(this.lab.race.session.dataY());
    change(xs, ys);
    const sel = this.selectedPoint;
    this.holdFrame();
    const ok = this.lab.commit(xs, ys);
    if (!ok) { this.lab.refresh(); return; } // restores the preview
    this.selectedPoint = sel;
  }

  /** A one-line description for the note under the view (subsampling). */
  note() {
    const d = this.lab.data;
    if (!d) return '';
    const n = d.x.length;
    return n > MAX_DRAWN ? t('regression.drawnSample', { m: int(MAX_DRAWN), n: int(n) }) : '';
  }
}

const clampPx = (v) => (v > 1e6 ? 1e6 : v < -1e6 ? -1e6 : v);

/** A clicked coordinate rounded to what a pixel resolves (clean numbers in the scenario). */
function clean(v, span) {
  const q = 10 ** Math.floor(Math.log10(span / 1000));
  return Number((Math.round(v / q) * q).toPrecision(12));
}
