// Where the side-by-side panels go and what each one shows. chooseGrid picks rows and
// columns for n panels on a stage; PanelView is the panels' window on the ONE shared view
// box: it keeps no centre or scale of its own but reads the page's View (view.mjs) each time,
// so zooming or panning any panel moves the View and with it every panel (and the overlay,
// and the share link's bounds).
//
// A panel shows the View's centre at the View's scale times k = min(W/pw, H/ph) (the View's
// W × H is the whole stage; pw × ph a panel): the panel is covered by what the View renders,
// so the one surface picture the View computes is drawn, scaled, into every panel.

/**
 * Rows and columns for n panels in a W × H box (CSS px, `gap` between panels and around
 * them, `header` px of title above each picture): the layout whose panels hold the largest
 * copy of a W × H view box (the stage's aspect); ties go to fewer empty cells, then to more
 * columns. Returns {rows, cols, pw, ph} with the picture's size pw × ph (whole px, ≥ 1).
 */
export function chooseGrid(n, W, H, gap = 6, header = 0) {
  const count = Math.max(1, Math.floor(n) || 1);
  let best = null;
  for (let cols = 1; cols <= count; cols += 1) {
    const rows = Math.ceil(count / cols);
    const pw = Math.max(1, Math.floor((W - gap * (cols + 1)) / cols));
    const ph = Math.max(1, Math.floor((H - gap * (rows + 1)) / rows) - header);
    const fit = Math.min(pw / W, ph / H);
    const empty = rows * cols - count;
    const better = !best || fit > best.fit + 1e-9 ||
      (Math.abs(fit - best.fit) <= 1e-9 && (empty < best.empty || (empty === best.empty && cols > best.cols)));
    if (better) best = { rows, cols, pw, ph, fit, empty };
  }
  const { rows, cols, pw, ph } = best;
  return { rows, cols, pw, ph };
}

/** The panels' transform over the shared View: same centre, scale × k (see the header). */
export class PanelView {
  constructor(view) {
    this.view = view;
    this.W = 1; this.H = 1; this.dpr = 1;
  }

  /** Sets the panels' picture size (CSS px) and device-pixel scale. */
  resize(W, H, dpr) { this.W = Math.max(1, W); this.H = Math.max(1, H); this.dpr = dpr; }

  /** Main-view pixels per panel pixel. */
  get k() { return Math.min(this.view.W / this.W, this.view.H / this.H); }
  /** World units per panel CSS pixel. */
  get scale() { return this.view.scale * this.k; }
  get cx() { return this.view.cx; }
  get cy() { return this.view.cy; }

  toScreen(x, y) {
    const s = this.scale;
    return [this.W / 2 + (x - this.view.cx) / s, this.H / 2 - (y - this.view.cy) / s];
  }

  toWorld(sx, sy) {
    const s = this.scale;
    return [this.view.cx + (sx - this.W / 2) * s, this.view.cy - (sy - this.H / 2) * s];
  }

  /** A panel point in the main view's pixels (where the same world point is there). */
  toMain(sx, sy) {
    const { k, view } = this;
    return [view.W / 2 + (sx - this.W / 2) * k, view.H / 2 + (sy - this.H / 2) * k];
  }

  box4() {
    const [x0, y1] = this.toWorld(0, 0);
    const [x1, y0] = this.toWorld(this.W, this.H);
    return { x0, x1, y0, y1 };
  }

  /** Pans the shared View by a drag of (dx, dy) panel pixels. */
  pan(dx, dy) { const k = this.k; this.view.pan(dx * k, dy * k); }

  /** Zooms the shared View about a panel point. */
  zoomAt(sx, sy, factor) { this.view.zoomAt(...this.toMain(sx, sy), factor); }

  /** How much the View must zoom out so that its whole box shows in a panel (1: it does). */
  containFactor() {
    const { view } = this;
    return Math.max(view.W / this.W, view.H / this.H) / this.k;
  }

  /** The same transform for input and drawing on one panel's canvas (interact.mjs and the
   *  teaching overlay take a view with `canvas`/`box`). */
  on(canvas, box) {
    return Object.create(this, { canvas: { value: canvas }, box: { value: box } });
  }
}
