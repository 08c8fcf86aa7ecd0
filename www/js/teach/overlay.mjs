// The teaching overlay above the paths: for the selected run at the shown step, the gradient
// (its descent direction −g), the update to the next point, the per-coordinate adaptive scale
// (the engine's effective learning rate) and the local curvature (Hessian eigen-directions,
// scaled by |λ|). Arrow colours match the equation panel (teach.css: .grad, .update).

import { fmt } from '../catalog.mjs';
import { canvasFont, canvasScale, onAppearanceChange } from '../appearance.mjs';
import { screenContext } from '../canvas.mjs';

export const COLORS = { grad: '#ff6b6b', update: '#4dd8ff', scale: '#ffd166', curvPos: '#ffffff', curvNeg: '#ff8ad8' };
const ARROW = 70; // px: the gradient arrow shows a direction (its length is not to scale)
const MIN_UPDATE = 18; // px: shorter updates are drawn this long, dashed

export class Overlay {
  constructor(view) {
    this.view = view;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'teach-overlay';
    this.canvas.setAttribute('aria-hidden', 'true');
    view.box.append(this.canvas);
    this.ctx = screenContext(this.canvas);
    this.on = { gradient: true, update: true, scale: false, curvature: false };
    this.details = null; this.curvature = null; this.color = '#fff';
    this.draws = 0;
    onAppearanceChange(() => this.draw());
  }

  draw() {
    const { canvas, ctx, view } = this;
    const w = Math.round(view.W * view.dpr), h = Math.round(view.H * view.dpr);
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    const d = this.details;
    this.draws += 1;
    if (!d) return;
    const [px, py] = view.toScreen(...d.point);
    if (!Number.isFinite(px) || !Number.isFinite(py)) return;
    if (this.on.curvature && this.curvature) this.drawCurvature(px, py);
    if (this.on.scale) this.drawScale(px, py, d);
    if (this.on.gradient && d.gradient) {
      const [gx, gy] = d.gradient;
      const len = Math.hypot(gx, gy);
      if (len > 0) this.arrow(px, py, px - (gx / len) * ARROW, py + (gy / len) * ARROW, COLORS.grad, false, '−g');
    }
    if (this.on.update && d.next) {
      let [nx, ny] = view.toScreen(...d.next);
      const len = Math.hypot(nx - px, ny - py);
      const short = len < MIN_UPDATE && len > 0;
      if (short) { nx = px + ((nx - px) / len) * MIN_UPDATE; ny = py + ((ny - py) / len) * MIN_UPDATE; }
      if (len > 0) this.arrow(px, py, nx, ny, COLORS.update, short, 'Δθ');
    }
  }

  arrow(x0, y0, x1, y1, color, dashed, label) {
    const { ctx } = this;
    const a = Math.atan2(y1 - y0, x1 - x0);
    const sc = canvasScale();
    for (const [stroke, width] of [['rgba(0,0,0,0.7)', 7], [color, 3.5]]) {
      ctx.strokeStyle = stroke; ctx.fillStyle = stroke; ctx.lineWidth = width * sc;
      ctx.setLineDash(dashed && width < 5 ? [5, 4] : []);
      ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
      ctx.setLineDash([]);
      const hl = (width > 5 ? 16 : 13) * sc;
      ctx.beginPath();
      ctx.moveTo(x1 + Math.cos(a) * 2, y1 + Math.sin(a) * 2);
      ctx.lineTo(x1 - hl * Math.cos(a - 0.42), y1 - hl * Math.sin(a - 0.42));
      ctx.lineTo(x1 - hl * Math.cos(a + 0.42), y1 - hl * Math.sin(a + 0.42));
      ctx.closePath(); ctx.fill();
    }
    this.text(label, x1 + Math.cos(a) * 16, y1 + Math.sin(a) * 16, color);
  }

  text(s, x, y, color) {
    const { ctx } = this;
    ctx.font = canvasFont(16, 700);
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.lineWidth = 4 * canvasScale(); ctx.strokeStyle = 'rgba(0,0,0,0.85)';
    ctx.strokeText(s, x, y);
    ctx.fillStyle = color; ctx.fillText(s, x, y);
  }

  /** Axis-aligned ellipse with the engine's per-coordinate effective learning rate
   *  (`derived.effective_lr`) as its half-axes, relative to the larger: wide along the
   *  coordinate that gets the larger step per unit of what the rate multiplies. */
  drawScale(px, py, d) {
    const eff = d.derived?.effective_lr;
    if (!eff) return;
    const [sx, sy] = eff.map(Math.abs);
    const big = Math.max(sx, sy);
    if (!(big > 0) || !Number.isFinite(big)) return;
    const R = 64;
    const rx = Math.max(4, (sx / big) * R), ry = Math.max(4, (sy / big) * R);
    const { ctx } = this;
    ctx.beginPath(); ctx.ellipse(px, py, rx, ry, 0, 0, 2 * Math.PI);
    ctx.fillStyle = 'rgba(255,209,102,0.16)'; ctx.fill();
    ctx.lineWidth = 5; ctx.strokeStyle = 'rgba(0,0,0,0.6)'; ctx.stroke();
    ctx.lineWidth = 2.5; ctx.strokeStyle = COLORS.scale; ctx.stroke();
    ctx.strokeRect(px - rx, py - ry, 2 * rx, 2 * ry);
  }

  drawCurvature(px, py) {
    const { eigenvalues: ev, eigenvectors: vecs } = this.curvature;
    const big = Math.max(...ev.map(Math.abs));
    if (!(big > 0) || !Number.isFinite(big)) return;
    const { ctx } = this;
    ev.forEach((lam, k) => {
      const [vx, vy] = vecs[k];
      const L = Math.max(8, (Math.abs(lam) / big) * 90);
      const color = lam >= 0 ? COLORS.curvPos : COLORS.curvNeg;
      const x0 = px - vx * L, y0 = py + vy * L, x1 = px + vx * L, y1 = py - vy * L;
      for (const [stroke, width] of [['rgba(0,0,0,0.65)', 6], [color, 2.5]]) {
        ctx.strokeStyle = stroke; ctx.lineWidth = width;
        ctx.setLineDash(lam < 0 && width < 5 ? [7, 5] : []);
        ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
      }
      ctx.setLineDash([]);
      this.text(`λ${k ? '₂' : '₁'} ${fmt(lam, 3)}`, x1 + vx * 26, y1 - vy * 26, color);
    });
  }
}
