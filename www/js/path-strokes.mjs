// How one run's path is stroked (for paths.mjs and path-redraw.mjs): world points are mapped
// to the screen and decimated (a vertex only when it moved at least DECIMATE_PX device pixels
// from the last one, and always the last point), and stroked in pieces of at most
// PIECE_VERTICES vertices: one stroke of a long, self-crossing zigzag costs the rasteriser
// seconds (a 64,000-vertex Adadelta path on Rosenbrock: 5–14 s), the same path in pieces
// well under a second, and a piece is a unit of work the sliced redraw can stop after.
//
// A track is what is drawn of a run: {cache, n (points walked), lx, ly (last vertex), len
// (stroked length, for the dash phase), pvx, pvy, plen (the vertex before), hx, hy (the
// run's head), vertices, next (the point index after the last walked)}.

import { canvasScale } from './appearance.mjs';

export const FAR = 1e6; // screen coordinates are clamped to ±FAR px (diverging runs fly far away)
const clamp = (v) => (v > FAR ? FAR : v < -FAR ? -FAR : v);
const DECIMATE_PX = 0.75; // device pixels between drawn vertices
export const PIECE_VERTICES = 256;
/** A stroke's rasterisation cost, in work units: VERTEX_UNITS per vertex plus one per CSS
 *  px of stroked length (short segments cost per vertex, long ones per pixel covered;
 *  measured in software raster, about 5,600 units per ms). */
export const VERTEX_UNITS = 4;
// Round joins on paths with more vertices than this cost noticeably more to rasterise than
// bevel joins (and look the same at 2.5 px).
const ROUND_JOIN_MAX = 20000;
const HALO = { width: 5, color: 'rgba(0,0,0,0.55)', solid: '#000' };
/** The opacity the halo canvas is shown at (its halos are painted opaque). */
export const HALO_OPACITY = 0.55;
const LINE_WIDTH = 2.5;
const DASH = [10, 6];

/** The screen transform of `view`, in CSS pixels. */
export function transform(view) {
  return { s: view.scale, cx: view.cx, cy: view.cy, hw: view.W / 2, hh: view.H / 2, gap: DECIMATE_PX / view.dpr };
}

/** World point (x, y) on the screen of transform `tf` (clamped like the strokes). */
export function toScreen(tf, x, y) {
  return [clamp(tf.hw + (x - tf.cx) / tf.s), clamp(tf.hh - (y - tf.cy) / tf.s)];
}

/** Sets ctx's transform to CSS pixels (and round caps). */
export function prepare(ctx, dpr) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.lineCap = 'round';
}

/** A new track for run `cache` at its first point xy[0], xy[1]. */
export function startTrack(cache, xy, tf) {
  const t = { cache, n: 0, lx: 0, ly: 0, len: 0, pvx: 0, pvy: 0, plen: 0, hx: 0, hy: 0, vertices: 0, next: 0 };
  if (xy.length < 2) return t;
  t.lx = clamp(tf.hw + (xy[0] - tf.cx) / tf.s); t.ly = clamp(tf.hh - (xy[1] - tf.cy) / tf.s);
  t.hx = t.lx; t.hy = t.ly; t.pvx = t.lx; t.pvy = t.ly;
  t.vertices = 1; t.next = 1; t.n = 1;
  return t;
}

/** Appends points xy[2·from ..] up to index `to` (or until `maxEmit` vertices, or until the
 *  piece is `maxLen` CSS px long) to `path` (which starts at the track's last vertex);
 *  updates the track (t.next: where it stopped). */
function walk(t, xy, from, to, path, tf, other, maxEmit, maxLen, last) {
  const { s, cx, cy, hw, hh, gap } = tf;
  const g2 = gap * gap;
  let { lx, ly, len, pvx, pvy, plen } = t, emitted = 0, px = lx, py = ly, k = from;
  const endLen = len + maxLen;
  for (; k < to; k += 1) {
    px = clamp(hw + (xy[2 * k] - cx) / s); py = clamp(hh - (xy[2 * k + 1] - cy) / s);
    const dx = px - lx, dy = py - ly;
    const d2 = dx * dx + dy * dy;
    if (d2 < g2 && k !== last) continue;
    path.lineTo(px, py);
    if (other) other.lineTo(px, py);
    pvx = lx; pvy = ly; plen = len;
    len += Math.sqrt(d2);
    lx = px; ly = py; emitted += 1;
    if (emitted >= maxEmit || len >= endLen) { k += 1; break; }
  }
  Object.assign(t, { lx, ly, len, pvx, pvy, plen, hx: px, hy: py, next: k });
  return emitted;
}

/** Halo, then colour. Solid runs put their halo on the halo canvas (ctxs.h), under every
 *  line, opaque (the canvas is shown at HALO_OPACITY: an erase-then-paint at 55 % per piece
 *  made the rasteriser composite each piece's whole bounding box); dashed runs (9 and on) on the line canvas (ctxs.l), so their halo dashes cut the
 *  lines under them (a dashed run shares its colour with an earlier solid one). A dashed
 *  run's colour is stroked from one vertex back (`line`, from dash offset `lineOffset`): the
 *  new halo's round cap covers the end of the line before it. */
function stroke(ctxs, path, i, color, offset, join, line, lineOffset) {
  const dashed = i >= 8;
  const dash = dashed ? DASH : [];
  const steps = dashed
    ? [[ctxs.l, HALO.color, HALO.width, path, offset], [ctxs.l, color, LINE_WIDTH, line, lineOffset]]
    // The halo canvas is painted opaque and shown at HALO_OPACITY (paths.mjs), so pieces
    // that overlap do not darken each other.
    : [[ctxs.h, HALO.solid, HALO.width, path, offset], [ctxs.l, color, LINE_WIDTH, path, offset]];
  for (const [ctx, style, width, p, off] of steps) {
    ctx.setLineDash(dash);
    ctx.lineDashOffset = off;
    ctx.lineJoin = join;
    ctx.lineWidth = width * canvasScale(); // wider paths in presenter mode
    ctx.strokeStyle = style;
    ctx.stroke(p);
  }
}

/**
 * Strokes run i's points xy[from .. to) (indices into xy's points) after track t's last
 * vertex as one piece of at most `maxEmit` vertices (default PIECE_VERTICES) and about
 * `maxLen` CSS px of length (the rasteriser's cost grows with the stroked length: a few
 * hundred vertices zigzagging across a whole valley cost as much as thousands of short
 * ones) on ctxs {h, l}. The point at index `last` (default to − 1: the path's last point)
 * is always drawn; when xy holds only a part of the path, pass the path's last index
 * relative to the part (beyond it: none in this part). Returns the index of the next point
 * to walk (to when the range is done).
 */
export function strokePiece(t, i, color, xy, from, to, tf, ctxs, maxEmit = PIECE_VERTICES, maxLen = Infinity, last = to - 1) {
  const path = new Path2D();
  path.moveTo(t.lx, t.ly);
  const len0 = t.len, plen0 = t.plen;
  let line = path;
  if (i >= 8) { line = new Path2D(); line.moveTo(t.pvx, t.pvy); line.lineTo(t.lx, t.ly); }
  const emitted = walk(t, xy, from, to, path, tf, line === path ? null : line, maxEmit, maxLen, last);
  t.vertices += emitted;
  if (emitted) stroke(ctxs, path, i, color, len0, t.vertices > ROUND_JOIN_MAX ? 'bevel' : 'round', line, line === path ? len0 : plen0);
  return t.next;
}

/** The work units (see VERTEX_UNITS) track t has stroked since it had `vertices` vertices
 *  and `len` px of length. */
export function unitsSince(t, vertices, len) {
  return VERTEX_UNITS * (t.vertices - vertices) + (t.len - len);
}

/** The start marker: a white ring of outer radius `r` (CSS pixels × scale) with a dark halo
 *  and a white dot, the same in the overlay and in every grid panel. */
export function drawStartMarker(ctx, x, y, r) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.lineWidth = r / 2;
  ctx.strokeStyle = 'rgba(0,0,0,0.6)';
  ctx.stroke();
  ctx.lineWidth = r / 4;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, y, r * 0.3, 0, 2 * Math.PI);
  ctx.fillStyle = '#fff';
  ctx.fill();
}

/** Clears a marks canvas and sets it up for round, solid strokes in CSS pixels. */
export function clearMarks(ctx, dpr) {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.setLineDash([]);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
}
