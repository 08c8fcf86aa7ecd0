// One HiDPI canvas set-up for every drawing surface (the view's layers, the loss and
// learning-rate charts, the lab's loss chart, the data view): the canvases' backing stores
// follow a box's CSS size × devicePixelRatio, watched with a ResizeObserver (and window
// resizes, which is how a zoom changes the ratio).
//
// The backing store is capped at MAX_CANVAS_PIXELS device pixels: a 3840×2160 window at
// ratio 3 would otherwise ask for 75 million pixels per layer (300 MB each) and more than
// the engine renders (4096 × 4096 cells). Above the cap the canvas gets fewer device pixels
// than the screen has and the browser scales it up; `dpr` is then that lower scale, and
// everything drawn with setTransform(dpr, …) lands where it should.

/**
 * The 2D context of a canvas on screen, `desynchronized`: Chromium then presents the canvas
 * without copying its backing store into the compositor at every frame. Without the hint,
 * with software compositing (no GPU: headless Chromium, many classroom laptops) every
 * visible 2D canvas is copied at every frame's commit whether it was drawn or not — 0.3 ms
 * for a 1200×684 layer; the view's seven layers were 2.4 ms of a 4.8 ms frame while playing
 * (0.3 ms with it). Stacked, with CSS opacity, redrawn and in screenshots the canvases look
 * the same; browsers without the hint ignore it. Canvases never on screen (back buffers,
 * exports) keep the plain context.
 */
export function screenContext(canvas) {
  return canvas.getContext('2d', { desynchronized: true });
}

/** Largest backing store of one canvas, in device pixels (the engine's heat-map cap). */
export const MAX_CANVAS_PIXELS = 4096 * 4096;
// Ratios outside this are a broken browser report, not a screen.
const MAX_RATIO = 8;

/** The device pixels per CSS pixel for a W × H (CSS pixels) canvas at `ratio`. */
export function deviceScale(W, H, ratio = globalThis.devicePixelRatio) {
  const r = Number.isFinite(ratio) && ratio > 0 ? Math.min(ratio, MAX_RATIO) : 1;
  const w = Math.max(1, W), h = Math.max(1, H);
  if (w * h * r * r <= MAX_CANVAS_PIXELS) return r;
  return Math.sqrt(MAX_CANVAS_PIXELS / (w * h));
}

/** The backing-store size {width, height} of a W × H canvas at scale `dpr` (rounded, as
 *  the overlays that size themselves from view.W × view.dpr do: within a row and a column
 *  of pixels of the cap). */
export function backingSize(W, H, dpr) {
  return { width: Math.max(1, Math.round(W * dpr)), height: Math.max(1, Math.round(H * dpr)) };
}

/**
 * Keeps `canvases()` (a function: layers may be added later) at `box`'s size in device
 * pixels. `onResize({W, H, dpr})` is called after each change (W, H in CSS pixels, at least
 * 1). Runs once at once. Returns `refresh()`, which checks the size again now.
 */
export function watchCanvas(box, canvases, onResize) {
  const size = { W: 0, H: 0, dpr: 0 };
  const check = () => {
    const r = box.getBoundingClientRect();
    const W = Math.max(1, r.width || 0), H = Math.max(1, r.height || 0);
    const dpr = deviceScale(W, H);
    if (W === size.W && H === size.H && dpr === size.dpr) return;
    Object.assign(size, { W, H, dpr });
    const { width, height } = backingSize(W, H, dpr);
    for (const c of canvases()) {
      if (c.width !== width) c.width = width;
      if (c.height !== height) c.height = height;
    }
    onResize(size);
  };
  new ResizeObserver(check).observe(box);
  window.addEventListener('resize', check);
  check();
  return check;
}
