// The side-by-side grid as one picture, for the page's PNG export and WebM recording: each
// panel's header (colour, name, settings, status) as text and its canvases (surface, ghosts,
// halo at its opacity, line, marks, the explained run's arrows) where they are on screen.

import { themeColors, canvasFont } from '../appearance.mjs';
import { HALO_OPACITY } from '../path-strokes.mjs';
import { GHOST_OPACITY } from './paths.mjs';

const STATUS = { running: 'muted', reached: 'good', diverged: 'bad', completed: 'muted' };

/** Draws the grid in `mount` (panels `panels`) into canvas `out`; returns `out`. */
export function composite(out, { mount, panels, overlay }) {
  const m = mount.getBoundingClientRect();
  const dpr = panels[0] ? panels[0].base.width / Math.max(1, panels[0].pic.getBoundingClientRect().width) : 1;
  const w = Math.max(1, Math.round(m.width * dpr)), h = Math.max(1, Math.round(m.height * dpr));
  if (out.width !== w || out.height !== h) { out.width = w; out.height = h; }
  const ctx = out.getContext('2d');
  const c = themeColors();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, w, h);
  for (const p of panels) {
    const head = p.root.firstChild.getBoundingClientRect();
    const pic = p.pic.getBoundingClientRect();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const x = head.left - m.left, y = head.top - m.top, mid = y + head.height / 2;
    ctx.fillStyle = c.panel;
    ctx.fillRect(x, y, head.width, head.height);
    ctx.beginPath();
    ctx.arc(x + 10, mid, 5, 0, 2 * Math.PI);
    ctx.fillStyle = getComputedStyle(p.root).getPropertyValue('--run') || c.text;
    ctx.fill();
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.font = canvasFont(12, '600');
    ctx.fillStyle = c[STATUS[p.state.className.split(' ').pop()] || 'muted'];
    ctx.fillText(p.state.textContent, x + head.width - 6, mid);
    const statusW = ctx.measureText(p.state.textContent).width + 12;
    ctx.textAlign = 'left';
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, head.width - statusW, head.height);
    ctx.clip();
    ctx.font = canvasFont(13, '700');
    ctx.fillStyle = c.text;
    ctx.fillText(p.name.textContent, x + 20, mid);
    const nameW = ctx.measureText(p.name.textContent).width;
    ctx.font = canvasFont(12);
    ctx.fillStyle = c.muted;
    ctx.fillText(p.params.textContent, x + 28 + nameW, mid);
    ctx.restore();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const px = (pic.left - m.left) * dpr, py = (pic.top - m.top) * dpr;
    const layers = [[p.base, 1], [p.ghost, GHOST_OPACITY], [p.halo, HALO_OPACITY], [p.line, 1], [p.marks, 1]];
    if (overlay && !overlay.canvas.hidden && overlay.canvas.parentElement === p.pic) layers.push([overlay.canvas, 1]);
    for (const [layer, alpha] of layers) {
      ctx.globalAlpha = alpha;
      ctx.drawImage(layer, px, py, pic.width * dpr, pic.height * dpr);
    }
    ctx.globalAlpha = 1;
  }
  return out;
}
