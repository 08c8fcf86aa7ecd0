// Heat-map colours and drawing for the Explore maps: a cell's colour by the chosen metric
// (steps to tolerance: bright = fast; final loss: log scale, bright = low; diverged or not),
// with fixed colours for "diverged" and "never reached". Cells are drawn one pixel each
// into an ImageData and scaled up without smoothing, so a 256² map is one drawImage.

// Viridis stops (dark purple → yellow), interpolated linearly.
const RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
export const DIVERGED = [214, 40, 40];
export const NOT_REACHED = [120, 120, 130];
export const REACHED = [87, 214, 141];

export function ramp(t) {
  const u = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(u));
  const f = u - k;
  return RAMP[k].map((a, c) => Math.round(a + f * (RAMP[k + 1][c] - a)));
}

export const diverged = (cell) => cell?.stop?.reason === 'diverged';

/** The metric's range over the cells computed so far: {lo, hi} (log10 for loss and steps). */
export function metricRange(cells, metric) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells) {
    if (!c || diverged(c)) continue;
    const v = metric === 'loss' ? (c.loss > 0 ? Math.log10(c.loss) : null) : metric === 'steps' ? (c.steps_to_tolerance != null ? Math.log10(1 + c.steps_to_tolerance) : null) : null;
    if (v == null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo <= hi ? { lo, hi } : { lo: 0, hi: 1 };
}

/** A cell's [r, g, b] under `metric` ('steps' | 'loss' | 'diverged'). */
export function cellColor(cell, metric, range) {
  if (diverged(cell)) return DIVERGED;
  const span = range.hi - range.lo || 1;
  if (metric === 'diverged') return cell.steps_to_tolerance != null ? REACHED : NOT_REACHED;
  if (metric === 'loss') {
    if (!(cell.loss > 0)) return cell.loss === 0 ? ramp(1) : NOT_REACHED;
    return ramp(1 - (Math.log10(cell.loss) - range.lo) / span);
  }
  if (cell.steps_to_tolerance == null) return NOT_REACHED;
  return ramp(1 - (Math.log10(1 + cell.steps_to_tolerance) - range.lo) / span);
}

let scratch = null; // the one-pixel-per-cell picture, reused

/**
 * Draws `cells` (row order: x fastest, row 0 at the bottom) as an nx × ny picture filling
 * (x, y, w, h) of `ctx`; missing cells stay transparent. `alpha` 0..255.
 */
export function drawCells(ctx, { cells, nx, ny, metric, range, rect, alpha = 255, shade = null }) {
  const img = new ImageData(nx, ny);
  for (let j = 0; j < ny; j += 1) {
    for (let i = 0; i < nx; i += 1) {
      const c = cells[j * nx + i];
      if (!c) continue;
      const rgb = shade ? shade(c) : cellColor(c, metric, range);
      const o = ((ny - 1 - j) * nx + i) * 4;
      img.data[o] = rgb[0]; img.data[o + 1] = rgb[1]; img.data[o + 2] = rgb[2]; img.data[o + 3] = alpha;
    }
  }
  scratch ??= document.createElement('canvas');
  const tmp = scratch;
  if (tmp.width !== nx || tmp.height !== ny) Object.assign(tmp, { width: nx, height: ny });
  tmp.getContext('2d').putImageData(img, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tmp, rect.x, rect.y, rect.w, rect.h);
  ctx.restore();
}

/** Where value `v` lies along an axis's values (0 = first cell's centre … n−1 = last's),
 *  following its log or linear spacing; null outside. */
export function axisPosition(axis, values, v) {
  const n = values.length;
  if (n < 2) return v === values[0] ? 0 : null;
  const f = axis.scale === 'log' ? (x) => Math.log(x) : (x) => x;
  if (axis.scale === 'log' && !(v > 0)) return null;
  const p = ((f(v) - f(values[0])) / (f(values[n - 1]) - f(values[0]))) * (n - 1);
  return p >= -0.5 && p <= n - 0.5 ? p : null;
}
