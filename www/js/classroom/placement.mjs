// Where the equation panel and the lesson caption (together in .teach-top) go: in the corner
// of the view that covers none of what matters (every run's current point, the minima, the
// start), else the corner covering the fewest of them; when every corner covers something
// the panels dock beside the view (a column of the stage), where they cover nothing.

import { onAppearanceChange } from '../appearance.mjs';

const MARGIN = 16; // px of room kept around each point
const CORNERS = ['tl', 'tr', 'bl', 'br'];
const INSET = 12;

/** The screen points the panels must not cover. */
export function keepOut(view, race) {
  const pts = [];
  const add = (x, y) => { if (Number.isFinite(x) && Number.isFinite(y)) pts.push(view.toScreen(x, y)); };
  for (const r of race.state?.runs ?? []) if (r.status.reason !== 'diverged') add(r.point[0], r.point[1]);
  for (const m of race.problem?.minima ?? []) add(m.point[0], m.point[1]);
  if (race.scenario?.start) add(...race.scenario.start);
  return pts.filter(([x, y]) => x >= 0 && y >= 0 && x <= view.W && y <= view.H);
}

/** The rectangle of a w×h box in `corner` of a W×H view: clear of the hover readout (top
 *  right), the Fit button (bottom left) and the legend (bottom right, `legendH` tall). */
export function cornerRect(corner, w, h, W, H, legendH = 0) {
  const x0 = corner[1] === 'l' ? INSET : W - INSET - w;
  const below = corner[1] === 'l' ? 56 : legendH + 2 * INSET;
  const y0 = corner[0] === 't' ? (corner[1] === 'r' ? 52 : INSET) : Math.max(INSET, H - below - h);
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

const covers = (r, [x, y]) => x > r.x0 - MARGIN && x < r.x1 + MARGIN && y > r.y0 - MARGIN && y < r.y1 + MARGIN;

const overlaps = (a, b) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/** The best corner for a w×h box (fewest covered points and controls of the view, the
 *  current corner on a tie), and how many it covers. */
export function bestCorner(points, w, h, W, H, current = 'tl', legendH = 0, furniture = []) {
  let best = null;
  for (const c of [current, ...CORNERS.filter((k) => k !== current)]) {
    const rect = cornerRect(c, w, h, W, H, legendH);
    const n = points.filter((p) => covers(rect, p)).length + furniture.filter((f) => overlaps(rect, f)).length;
    if (!best || n < best.n) best = { corner: c, n, rect };
  }
  return best;
}

/**
 * Places `top` (the .teach-top box): a corner class (`at-tl` … `at-br`) inside `viewEl`, or
 * docked in `stage` (class `docked` on both) when no corner is free. Once docked it stays
 * until `undock()` (a new scenario, or the view grew), so the view does not jump back and
 * forth. Returns the placement.
 */
export class Placement {
  constructor(top, viewEl, stage, view, race) {
    Object.assign(this, { top, viewEl, stage, view, race });
    this.corner = 'tl';
    this.docked = false;
    race.on('load', () => { delete this.top.dataset.manual; this.undock(); });
    // A new size or scale (presenter mode, the window) moves what the panels must avoid.
    view.onChange(() => this.soon());
    onAppearanceChange(() => this.soon());
  }

  /** place() in the next frame (once). */
  soon() {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => { this.queued = false; this.place(); });
  }

  place() {
    const { top, view } = this;
    if (top.classList.contains('squeezed')) top.classList.remove('squeezed'); // (a write restyles)
    if (top.dataset.manual || this.docked) return this.state();
    const kids = [...top.children].filter((c) => !c.hidden);
    if (!kids.length) return this.state();
    const points = keepOut(view, this.race), furniture = this.furniture();
    const find = () => bestCorner(points, top.offsetWidth, top.offsetHeight, view.W, view.H, this.corner, this.legendH(), furniture);
    let best = find();
    if (best.n > 0 && this.dockable()) { this.dock(); return this.state(); }
    // No free corner and no room beside the view: the panels shrink to their title lines.
    if (best.n > 0) { top.classList.add('squeezed'); best = find(); }
    this.setCorner(best.corner, best.rect);
    return this.state();
  }

  /** The controls over the view the panels must not cover (the regression lab's switches,
   *  presenter mode's Controls button). */
  furniture() {
    const o = this.viewEl.getBoundingClientRect();
    const els = [...this.viewEl.querySelectorAll('.lab-param-tools'), document.querySelector('.panel-toggle')];
    return els.filter((e) => e && e.offsetHeight && !this.top.contains(e))
      .map((e) => e.getBoundingClientRect()).map((r) => ({ x0: r.left - o.left, y0: r.top - o.top, x1: r.right - o.left, y1: r.bottom - o.top }));
  }

  legendH() { return this.viewEl.querySelector('.legend')?.offsetHeight ?? 0; }

  /** Docking makes sense only where the stage has room for a column beside the view (beside
   *  both views in 2-D + 3-D, where each is half the stage), and not in the regression lab,
   *  whose stage is already two columns. */
  dockable() {
    const need = this.stage.dataset.view === 'both' ? 1260 : 760;
    return this.stage.clientWidth >= need && !document.querySelector('.app.lab');
  }

  /** The ⇆ button: the next corner, kept until a new scenario. */
  next() {
    if (this.docked) this.undock();
    const c = CORNERS[(CORNERS.indexOf(this.corner) + 1) % CORNERS.length];
    this.top.dataset.manual = 'true';
    const { W, H } = this.view;
    this.setCorner(c, cornerRect(c, this.top.offsetWidth, this.top.offsetHeight, W, H, this.legendH()));
  }

  setCorner(c, rect) {
    this.corner = c;
    // Written only on change (placed several times a second while playing; an unchanged
    // attribute write still restyles the panels).
    const { top } = this;
    if (top.dataset.corner !== c) top.dataset.corner = c;
    if (top.style.left !== `${rect.x0}px`) top.style.left = `${rect.x0}px`;
    if (top.style.top !== `${rect.y0}px`) top.style.top = `${rect.y0}px`;
  }

  dock() {
    this.docked = true;
    this.stage.classList.add('docked');
    this.top.classList.add('docked');
    this.top.style.left = this.top.style.top = '';
    this.top.dataset.corner = 'docked';
    this.stage.append(this.top);
    this.view.resize?.();
  }

  undock() {
    if (!this.docked) return;
    this.docked = false;
    this.stage.classList.remove('docked');
    this.top.classList.remove('docked');
    this.viewEl.append(this.top);
    this.view.resize?.();
  }

  state() { return { corner: this.docked ? 'docked' : this.corner, docked: this.docked, squeezed: this.top.classList.contains('squeezed') }; }
}
