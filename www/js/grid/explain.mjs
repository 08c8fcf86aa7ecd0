// The teaching layer in the side-by-side layout: the explained run's overlay arrows
// (teach/overlay.mjs, drawn with the panels' transform) in that run's panel, its panel
// marked as selected, and the equation panel (teach-top) inside that panel when the panel is
// big enough to hold it beside the run's point, else on the side of the stage away from it.

import { Overlay } from '../teach/overlay.mjs';

// Smallest panel picture (CSS px) the equation panel is put inside of.
const IN_PANEL = { w: 760, h: 420 };

export class GridExplain {
  constructor(grid, explain) {
    this.grid = grid;
    this.explain = explain;
    this.overlay = null;
    this.sig = '';
  }

  /** After the Explain card updated: the equations' place, then a redraw of the panels. */
  explained() {
    const { grid, explain } = this;
    if (!grid.active || !explain) return;
    const p = grid.shown[explain.index];
    const top = grid.els.view.querySelector('.teach-top');
    if (p && top) {
      const r = p.pic.getBoundingClientRect(), v = grid.els.view.getBoundingClientRect();
      const inside = r.width >= IN_PANEL.w && r.height >= IN_PANEL.h;
      top.classList.toggle('in-panel', inside);
      // style.css places an .in-panel teach-top from these.
      const put = (k, px) => top.style.setProperty(k, `${Math.round(px)}px`);
      put('--grid-left', r.left - v.left + 6);
      put('--grid-right', v.right - r.right + 6);
      put('--grid-top', r.top - v.top + 6);
      put('--grid-h', r.height - 12);
      const d = explain.current?.details;
      const right = inside ? Boolean(d) && grid.geom.toScreen(...d.point)[0] < grid.geom.W / 2
        : r.left + r.width / 2 - v.left < v.width / 2;
      if (!top.dataset.manual) top.classList.toggle('right', right); // (unless ⇆ placed it)
    }
    grid.request();
  }

  /** Leaving the grid: the equation panel back to the stage's own places. */
  left() { this.grid.els.view.querySelector('.teach-top')?.classList.remove('in-panel'); }

  /** The explained run's arrows in its panel (only when they changed). */
  drawOverlay() {
    const { grid, explain: ex } = this;
    const p = grid.shown[ex?.index ?? -1];
    if (!ex || !p) { if (this.overlay) this.overlay.canvas.hidden = true; return; }
    this.overlay ??= new Overlay(grid.geom.on(null, p.pic));
    const o = this.overlay;
    if (o.canvas.parentElement !== p.pic) { p.pic.append(o.canvas); this.sig = ''; }
    o.canvas.hidden = false;
    o.on = ex.overlay.on;
    o.details = ex.current?.details ?? null;
    o.curvature = ex.current?.curvature ?? null;
    o.color = ex.overlay.color;
    const sig = `${grid.paths.key}|${ex.index}|${JSON.stringify(o.on)}|${JSON.stringify(o.details?.point)}|${JSON.stringify(o.details?.next)}|${Boolean(o.curvature)}`;
    if (sig !== this.sig) { this.sig = sig; o.draw(); }
  }
}
