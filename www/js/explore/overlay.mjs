// A canvas layer of the surface view for the Explore views that draw on the surface (basin
// maps, fan ghost paths): inserted just above the surface picture and below the race's paths,
// sized to the view's backing store on every draw (the view's watcher sizes only the canvases
// present when the size changes), redrawn when the view pans, zooms or resizes.
import { backingSize, screenContext } from '../canvas.mjs';

export class Overlay {
  /** `draw(ctx, view)` paints in CSS pixels (the device scale is set). */
  constructor(view, name, draw) {
    this.view = view;
    this.drawFn = draw;
    this.canvas = document.createElement('canvas');
    this.canvas.className = `ex-overlay ex-overlay-${name}`;
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.style.pointerEvents = 'none';
    view.canvas.after(this.canvas);
    view.onChange(() => this.draw());
    this.visible = false;
    this.canvas.hidden = true;
  }

  /** Shows the layer (only while a view has something on it) and draws it. */
  show(on) {
    this.visible = on;
    this.canvas.hidden = !on;
    this.draw();
  }

  draw() {
    if (!this.visible) return; // hidden (display: none): no layer for the compositor either
    const v = this.view;
    const { width, height } = backingSize(v.W, v.H, v.dpr);
    if (this.canvas.width !== width || this.canvas.height !== height) Object.assign(this.canvas, { width, height });
    const ctx = screenContext(this.canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(v.dpr, 0, 0, v.dpr, 0, 0);
    this.drawFn(ctx, v);
  }
}
