// The picture under every side-by-side panel: the View's one rendered surface bitmap
// (view.image, computed by the engine once per view change) scaled to the panels' transform,
// with the View's contours and minima drawn by view.mjs's own drawing code, painted ONCE
// into an offscreen canvas of a panel's size and copied into each panel's base canvas. No
// panel asks the engine for a picture of its own.

import { View } from '../view.mjs';
import { themeColors } from '../appearance.mjs';
import { screenContext } from '../canvas.mjs';

export class SharedSurface {
  constructor(race, view, geom) {
    this.race = race; this.view = view; this.geom = geom;
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d');
    this.key = '';
    this.paints = 0; // offscreen paintings (for tests: once per view change, not per panel)
    // view.mjs's contour and minimum drawing, on this canvas with the panels' transform.
    this.drawer = Object.create(geom, {
      ctx: { value: this.ctx },
      race: { value: race },
      contours: { get: () => view.contours },
      drawContours: { value: View.prototype.drawContours },
      drawMinima: { value: View.prototype.drawMinima },
    });
  }

  /** Paints the picture if the view, the rendering or the size changed; true if it did. */
  update() {
    const { view, geom, canvas, ctx } = this;
    const w = Math.max(1, Math.round(geom.W * geom.dpr)), h = Math.max(1, Math.round(geom.H * geom.dpr));
    const key = [view.cx, view.cy, view.scale, view.W, view.H, w, h, view.renders, view.log, this.race.version].join('|');
    if (key === this.key && view.image === this.image && view.contours === this.contours) return false;
    this.key = key; this.image = view.image; this.contours = view.contours;
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = themeColors().bg;
    ctx.fillRect(0, 0, w, h);
    this.paints += 1;
    if (!this.race.problem) return true;
    const im = view.image;
    if (im) {
      const dpr = geom.dpr;
      const [ax, ay] = geom.toScreen(im.x0, im.y1);
      const [bx, by] = geom.toScreen(im.x1, im.y0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(im.canvas, ax * dpr, ay * dpr, (bx - ax) * dpr, (by - ay) * dpr);
    }
    ctx.setTransform(geom.dpr, 0, 0, geom.dpr, 0, 0);
    this.drawer.drawContours();
    this.drawer.drawMinima();
    return true;
  }

  /** Copies the picture onto `target` (a panel's base canvas, of the same size). */
  copyTo(target) {
    const ctx = screenContext(target);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(this.canvas, 0, 0);
    ctx.globalCompositeOperation = 'source-over';
  }
}
