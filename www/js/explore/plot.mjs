// The canvas of an Explore map: a square plot area with the axes' names and end values, the
// cells drawn by the caller, rings where the race's runs sit, and pointer → cell (i, j) for
// hover and click. Colours and text sizes follow the page's theme (appearance.mjs).

import { t } from '../i18n.mjs';
import { el } from './form.mjs';
import { short } from './spec.mjs';
import { themeColors, canvasFont, onAppearanceChange } from '../appearance.mjs';
import { screenContext } from '../canvas.mjs';

const SIZE = 360; // CSS pixels of the plot area
const PAD = { l: 46, b: 34, t: 8, r: 8 };

/** A cell's numbers as hover text. */
export function cellText(c) {
  const stop = c.stop?.reason;
  if (stop === 'diverged') return t('explore.cell.diverged', { step: c.stop.step ?? '?' });
  const loss = c.loss == null ? '—' : short(c.loss);
  return c.steps_to_tolerance != null
    ? t('explore.cell.reached', { steps: c.steps_to_tolerance, loss, x: short(c.final[0]), y: short(c.final[1]) })
    : t('explore.cell.not_reached', { loss, x: short(c.final?.[0]), y: short(c.final?.[1]) });
}

export class Plot {
  constructor({ onHover, onClick }) {
    this.canvas = el('canvas', { class: 'ex-plot', role: 'img', 'aria-label': t('explore.map') });
    this.root = this.canvas;
    this.last = null;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = (SIZE + PAD.l + PAD.r) * dpr;
    this.canvas.height = (SIZE + PAD.t + PAD.b) * dpr;
    this.canvas.style.width = `${SIZE + PAD.l + PAD.r}px`;
    this.canvas.style.height = `${SIZE + PAD.t + PAD.b}px`;
    this.dpr = dpr;
    const at = (e) => this.cellAt(e);
    this.canvas.addEventListener('pointermove', (e) => { const c = at(e); if (c) onHover(c.i, c.j); });
    this.canvas.addEventListener('click', (e) => { const c = at(e); if (c) onClick(c.i, c.j); });
    onAppearanceChange(() => this.last && this.draw(...this.last));
  }

  /** The plot area in CSS pixels. */
  get rect() { return { x: PAD.l, y: PAD.t, w: SIZE, h: SIZE }; }

  /** The cell under a pointer event, or null. */
  cellAt(e) {
    if (!this.last) return null;
    const r = this.last[0];
    const box = this.canvas.getBoundingClientRect();
    const px = e.clientX - box.left - PAD.l;
    const py = e.clientY - box.top - PAD.t;
    if (px < 0 || py < 0 || px >= SIZE || py >= SIZE) return null;
    const nx = r.x.length;
    const ny = r.y?.length ?? 1;
    return { i: Math.min(nx - 1, Math.floor((px / SIZE) * nx)), j: Math.min(ny - 1, Math.floor(((SIZE - py) / SIZE) * ny)) };
  }

  /** The CSS-pixel centre of cell (i, j) (fractional positions allowed). */
  centre(r, i, j) {
    const nx = r.x.length;
    const ny = r.y?.length ?? 1;
    return [PAD.l + ((i + 0.5) / nx) * SIZE, PAD.t + SIZE - ((j + 0.5) / ny) * SIZE];
  }

  /** Draws result `r` ({x, y, spec}): `cells(ctx, rect)` paints the area, then the marks
   *  [{i, j, color}] and the axes. */
  draw(r, cells, marks = []) {
    this.last = [r, cells, marks];
    const ctx = screenContext(this.canvas);
    const col = themeColors();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.fillStyle = col.panel;
    ctx.fillRect(PAD.l, PAD.t, SIZE, SIZE);
    cells(ctx, this.rect);
    for (const m of marks) {
      const [x, y] = this.centre(r, m.i, m.j);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#000';
      ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = m.color || '#fff';
      ctx.beginPath(); ctx.arc(x, y, 7, 0, 2 * Math.PI); ctx.stroke();
    }
    ctx.fillStyle = col.muted || '#8d98aa';
    ctx.font = canvasFont(11);
    const xs = r.x;
    ctx.textAlign = 'left';
    ctx.fillText(short(xs[0]), PAD.l, PAD.t + SIZE + 14);
    ctx.textAlign = 'right';
    ctx.fillText(short(xs[xs.length - 1]), PAD.l + SIZE, PAD.t + SIZE + 14);
    ctx.textAlign = 'center';
    ctx.fillText(`${r.spec.x.param}${r.spec.x.scale === 'log' ? ' (log)' : ''}`, PAD.l + SIZE / 2, PAD.t + SIZE + 28);
    if (r.y) {
      ctx.textAlign = 'right';
      ctx.fillText(short(r.y[0]), PAD.l - 4, PAD.t + SIZE);
      ctx.fillText(short(r.y[r.y.length - 1]), PAD.l - 4, PAD.t + 10);
      ctx.save();
      ctx.translate(12, PAD.t + SIZE / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.fillText(`${r.spec.y.param}${r.spec.y.scale === 'log' ? ' (log)' : ''}`, 0, 0);
      ctx.restore();
    }
  }
}
