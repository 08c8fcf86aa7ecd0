// The loss surface: heatmap (viridis, from the engine) with labelled contours and the known
// minima, on a canvas sized in device pixels. Holds the world↔screen transform (equal scale on
// both axes, so gradients cross contours at right angles) and re-renders once per view change,
// debounced; meanwhile it shows the last rendering stretched to the new view.

import { fmt } from './catalog.mjs';
import { watchCanvas, screenContext } from './canvas.mjs';
import { canvasFont, canvasScale, themeColors, onAppearanceChange } from './appearance.mjs';

const RENDER_DELAY_MS = 90;
const CONTOUR_GRID = 200;
const CONTOUR_LEVELS = 12;
// Outer radius of a minimum's star, in CSS pixels (times the presenter's canvas scale).
const STAR_RADIUS = 11;
// The engine renders at most this many cells (src/field MAX_CELLS); a bigger canvas gets a
// picture rendered at this size and scaled up by drawImage.
const MAX_RENDER_CELLS = 4096 * 4096;

export class View {
  constructor(box, canvas, race) {
    this.box = box;
    this.canvas = canvas;
    this.ctx = screenContext(canvas);
    this.race = race;
    this.log = true;
    this.cx = 0; this.cy = 0; this.scale = 0.01; // world units per CSS pixel
    this.W = 1; this.H = 1; this.dpr = 1;
    this.image = null; // {canvas, x0, x1, y0, y1} the last rendering
    this.contours = [];
    this.timer = 0;
    this.listeners = [];
    this.renders = 0;
    this.refresh = watchCanvas(box, () => box.querySelectorAll('canvas'), ({ W, H, dpr }) => {
      Object.assign(this, { W, H, dpr });
      this.viewChanged();
    });
    onAppearanceChange(() => this.draw()); // theme background, presenter-sized labels
  }

  onChange(fn) { this.listeners.push(fn); }
  /** fn() after each new rendering of the surface (the side-by-side panels copy it). */
  onRender(fn) { (this.renderListeners ??= []).push(fn); }
  changed() { for (const fn of this.listeners) fn(); }

  /** Checks the box's size now (e.g. after the layout changed). */
  resize() { this.refresh(); }

  /** Fits the problem's bounds into the canvas with a small margin. */
  fit() {
    const { min, max } = this.race.problem.bounds;
    this.cx = (min[0] + max[0]) / 2;
    this.cy = (min[1] + max[1]) / 2;
    this.scale = Math.max((max[0] - min[0]) / this.W, (max[1] - min[1]) / this.H) * 1.04;
    this.image = null;
    this.viewChanged();
  }

  toScreen(x, y) { return [this.W / 2 + (x - this.cx) / this.scale, this.H / 2 - (y - this.cy) / this.scale]; }
  toWorld(sx, sy) { return [this.cx + (sx - this.W / 2) * this.scale, this.cy - (sy - this.H / 2) * this.scale]; }
  box4() {
    const [x0, y1] = this.toWorld(0, 0);
    const [x1, y0] = this.toWorld(this.W, this.H);
    return { x0, x1, y0, y1 };
  }

  pan(dx, dy) { this.cx -= dx * this.scale; this.cy += dy * this.scale; this.viewChanged(); }

  zoomAt(sx, sy, factor) {
    const [wx, wy] = this.toWorld(sx, sy);
    this.scale = Math.min(Math.max(this.scale * factor, 1e-9), 1e6);
    this.cx = wx - (sx - this.W / 2) * this.scale;
    this.cy = wy + (sy - this.H / 2) * this.scale;
    this.viewChanged();
  }

  setLog(log) { this.log = log; this.renderNow(); }

  /** Redraws now with what we have, renders properly once the view stops changing. */
  viewChanged() {
    this.draw();
    this.changed();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.renderNow(), RENDER_DELAY_MS);
  }

  renderNow() {
    clearTimeout(this.timer);
    if (!this.race.session) return;
    const { x0, x1, y0, y1 } = this.box4();
    // `surfaceSource` (set by the regression lab) may draw from another session at a lower
    // resolution: a data loss costs one pass over the data per pixel.
    const src = this.surfaceSource?.() || { session: this.race.session, detail: 1, grid: CONTOUR_GRID };
    const fit = Math.min(1, Math.sqrt(MAX_RENDER_CELLS / (this.canvas.width * this.canvas.height)));
    const w = Math.max(1, Math.floor(this.canvas.width * src.detail * fit));
    const h = Math.max(1, Math.floor(this.canvas.height * src.detail * fit));
    const s = src.session;
    // A view of the engine's memory, not a copy: used at once (putImageData copies it).
    const pixels = s.renderView(x0, x1, y0, y1, w, h, this.log);
    // Anything but w × h pixels (an engine cap changed) keeps the last picture, never throws.
    if (pixels.length !== w * h * 4) return;
    const off = this.image?.canvas.width === w && this.image?.canvas.height === h
      ? this.image.canvas : Object.assign(document.createElement('canvas'), { width: w, height: h });
    off.getContext('2d').putImageData(new ImageData(pixels, w, h), 0, 0);
    this.image = { canvas: off, x0, x1, y0, y1 };
    // A tall narrow window must not ask for a huge grid: at most 4 × as tall as wide.
    const gh = Math.min(Math.max(20, Math.round((src.grid * this.H) / this.W)), 4 * src.grid);
    // (A grid of 0 draws no contours: boot.mjs's first-frame draft.)
    this.contours = src.grid ? s.contours(x0, x1, y0, y1, src.grid, gh, this.log, CONTOUR_LEVELS) : [];
    this.renders += 1;
    this.draw();
    for (const fn of this.renderListeners || []) fn();
  }

  draw() {
    const { ctx, dpr } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = themeColors().bg;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.race.problem) return;
    if (this.image) {
      const im = this.image;
      const [ax, ay] = this.toScreen(im.x0, im.y1);
      const [bx, by] = this.toScreen(im.x1, im.y0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(im.canvas, ax * dpr, ay * dpr, (bx - ax) * dpr, (by - ay) * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.drawContours();
    this.drawMinima();
  }

  drawContours() {
    const { ctx } = this;
    const labels = [];
    ctx.lineJoin = 'round';
    for (const { level, lines } of this.contours) {
      ctx.beginPath();
      for (const line of lines) {
        line.forEach(([x, y], k) => {
          const [sx, sy] = this.toScreen(x, y);
          if (k === 0) ctx.moveTo(sx, sy); else ctx.lineTo(sx, sy);
        });
      }
      ctx.strokeStyle = 'rgba(255,255,255,0.38)';
      ctx.lineWidth = 1;
      ctx.stroke();
      for (const line of lines) {
        if (line.length < 8) continue;
        const [sx, sy] = this.toScreen(...line[Math.floor(line.length / 2)]);
        if (sx < 40 || sy < 20 || sx > this.W - 40 || sy > this.H - 20) continue;
        labels.push({ sx, sy, text: fmt(level, 2) });
      }
    }
    ctx.font = canvasFont(13, 600);
    const s = canvasScale();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const placed = [];
    // A label never covers a minimum's star (the goal of every run; drawn after them).
    const stars = this.race.problem.minima.map((m) => {
      const [sx, sy] = this.toScreen(m.point[0], m.point[1]);
      const r = STAR_RADIUS * s + 3;
      return { x0: sx - r, x1: sx + r, y0: sy - r, y1: sy + r };
    });
    for (const l of labels) {
      const w = ctx.measureText(l.text).width + 8;
      const r = { x0: l.sx - w / 2, x1: l.sx + w / 2, y0: l.sy - 9 * s, y1: l.sy + 9 * s };
      if (placed.some((p) => r.x0 < p.x1 + 30 && r.x1 > p.x0 - 30 && r.y0 < p.y1 + 12 && r.y1 > p.y0 - 12)) continue;
      if (stars.some((p) => r.x0 < p.x1 && r.x1 > p.x0 && r.y0 < p.y1 && r.y1 > p.y0)) continue;
      placed.push(r);
      ctx.fillStyle = 'rgba(13,16,23,0.72)';
      ctx.beginPath();
      ctx.roundRect(r.x0, r.y0, w, 18 * s, 5);
      ctx.fill();
      ctx.fillStyle = '#f2f2f2';
      ctx.fillText(l.text, l.sx, l.sy + 0.5);
    }
  }

  drawMinima() {
    const { ctx } = this;
    for (const m of this.race.problem.minima) {
      const [sx, sy] = this.toScreen(m.point[0], m.point[1]);
      ctx.beginPath();
      for (let k = 0; k < 10; k += 1) {
        const r = (k % 2 ? 4.5 : STAR_RADIUS) * canvasScale();
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        ctx.lineTo(sx + r * Math.cos(a), sy + r * Math.sin(a));
      }
      ctx.closePath();
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.fill();
    }
  }
}
