// The small marks of one side-by-side panel, redrawn whenever they change: the other runs'
// heads as faint dots (with ghosts on), the panel's run's current point (a dot in its colour,
// or a red ✕ kept inside the panel where it diverged) and the start marker, as the overlay
// draws them (paths.mjs), at the panel's scale.

import { canvasScale } from '../appearance.mjs';
import { clearMarks, drawStartMarker } from '../path-strokes.mjs';

export function drawMarks(ctx, { geom, race, i, heads, ghosts, ghostHeads }) {
  const dpr = geom.dpr;
  const u = canvasScale();
  clearMarks(ctx, dpr);
  if (ghosts) {
    ghostHeads.forEach((h, j) => {
      if (!h || j === i) return;
      ctx.globalAlpha = 0.55;
      ctx.beginPath();
      ctx.arc(h.x, h.y, 3.5 * u, 0, 2 * Math.PI);
      ctx.fillStyle = race.runs[j]?.color ?? '#fff';
      ctx.fill();
      ctx.globalAlpha = 1;
    });
  }
  const h = heads[i];
  const info = race.state?.runs[i];
  if (h && info) {
    if (h.live && info.status.reason === 'diverged') cross(ctx, geom, h.x, h.y, u);
    else dot(ctx, h.x, h.y, race.runs[i].color, u);
  }
  const [sx, sy] = geom.toScreen(...race.scenario.start);
  drawStartMarker(ctx, sx, sy, 8 * u);
}

function dot(ctx, x, y, color, u) {
  ctx.beginPath();
  ctx.arc(x, y, 6 * u, 0, 2 * Math.PI);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 2.5 * u;
  ctx.strokeStyle = '#111';
  ctx.stroke();
}

function cross(ctx, geom, x, y, u) {
  const m = 14 * u;
  x = Math.min(Math.max(x, m), geom.W - m);
  y = Math.min(Math.max(y, m), geom.H - m);
  const r = 8 * u;
  for (const [color, width] of [['#111', 7], ['#ff4040', 4]]) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width * u;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r);
    ctx.stroke();
  }
}

