// While a sliced redraw of the paths is under way (path-redraw.mjs), the paths last drawn
// stay on screen, moved and scaled from the view they were drawn in to the current one: a
// pan or zoom of a long race keeps them in place under the surface (a little blurred when
// zoomed in) until the redraw sharpens them, instead of leaving them where the view was.

import { transform } from './path-strokes.mjs';

/** `pair` ([halo, line] canvases, made when missing and given the class names `names`)
 *  resized to the sizes of `like`. */
export function sizedPair(pair, like, names = []) {
  const out = pair ?? like.map((_, k) => Object.assign(document.createElement('canvas'), { className: names[k] ?? '' }));
  out.forEach((c, k) => {
    if (c.width !== like[k].width || c.height !== like[k].height) { c.width = like[k].width; c.height = like[k].height; }
  });
  return out;
}

export class PathPreview {
  /** `front`: the visible [halo, line] canvases. */
  constructor(front) {
    this.front = front;
    this.snap = null; // copies of the front canvases, kept at the first view change
    this.shownTf = null; // the transform the front canvases were drawn at
    this.snapTf = null; this.snapDpr = 0;
    /** (x, y) CSS px of the drawn paths → where the preview shows them; null: not moved. */
    this.moved = null;
  }

  /** The front canvases now show paths drawn at transform `tf` (null: nothing). */
  drawn(tf) {
    this.shownTf = tf;
    this.snapTf = null;
    this.moved = null;
  }

  /** Paints the paths last drawn, as they fall in `view` now. */
  show(view) {
    const { front } = this;
    const dpr = view.dpr;
    if (!this.shownTf) return;
    if (!this.snapTf) { // the first view change since they were drawn: keep them
      this.snap = sizedPair(this.snap, front);
      this.snap.forEach((c, k) => {
        const ctx = c.getContext('2d');
        ctx.globalCompositeOperation = 'copy';
        ctx.drawImage(front[k], 0, 0);
        ctx.globalCompositeOperation = 'source-over';
      });
      this.snapTf = this.shownTf; this.snapDpr = dpr;
    }
    // Screen x = hw + (wx − cx) / s in either view: the old screen maps to the new by a
    // scale k = s_old / s_new and an offset (bx, by), in CSS px.
    const a = this.snapTf, b = transform(view), k = a.s / b.s;
    const bx = b.hw - a.hw * k + (a.cx - b.cx) / b.s, by = b.hh - a.hh * k - (a.cy - b.cy) / b.s;
    const fits = this.snapDpr === dpr && this.snap.every((c, i) => c.width === front[i].width && c.height === front[i].height);
    this.moved = fits ? (x, y) => [k * x + bx, k * y + by] : null;
    front.forEach((c, i) => {
      const ctx = c.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, c.width, c.height);
      if (!fits) return; // (resized: nothing until the redraw is done)
      ctx.setTransform(k, 0, 0, k, bx * dpr, by * dpr);
      ctx.drawImage(this.snap[i], 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    });
  }
}
