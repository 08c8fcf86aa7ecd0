// The "Side by side" layout (issue 17): small multiples, one synchronised panel per run, in
// place of the overlay on the stage. Every panel is a window on the one shared View
// (geometry.mjs): wheel and drag in any panel zoom and pan the View, a click sets every
// run's start (interact.mjs, the overlay's own input code, on each panel's canvas); playback,
// the scrubber and live changes reach the panels through the race's events. The surface is
// the View's one rendering, painted once and copied (surface.mjs); paths are stroked
// incrementally (paths.mjs). The explained run's overlay arrows are drawn in its panel.
//
// Page settings `layout` ("overlay" | "grid") and `ghosts` (bool) go into share links and
// lessons through page-settings.mjs.

import { registerPageSetting } from '../page-settings.mjs';
import { onLanguageChange, language } from '../i18n.mjs';
import { onAppearanceChange } from '../appearance.mjs';
import { deviceScale } from '../canvas.mjs';
import { attachPointer } from '../interact.mjs';
import { chooseGrid, PanelView } from './geometry.mjs';
import { SharedSurface } from './surface.mjs';
import { GridPaths } from './paths.mjs';
import { drawMarks } from './marks.mjs';
import { makePanel, label, size } from './panels.mjs';
import { composite } from './picture.mjs';
import { GridExplain } from './explain.mjs';

const GAP = 6; // px between panels
const MAX_PANELS = 32;

export class Grid {
  constructor({ race, view, paths, catalog, explain, els }) {
    Object.assign(this, { race, view, overlayPaths: paths, catalog, explain, els });
    this.layout = 'overlay';
    this.ghosts = false;
    this.geom = new PanelView(view);
    this.surface = new SharedSurface(race, view, this.geom);
    this.paths = new GridPaths(race, this.geom);
    this.paths.onDone = () => this.request();
    this.teaching = new GridExplain(this, explain);
    this.pool = [];
    this.shown = [];
    this.pending = false;
    this.draws = 0;
    // (A link opened before the grid existed applies its values inside registerPageSetting.)
    this.layoutChanged = this.ghostsChanged = () => {};
    this.layoutChanged = registerPageSetting('layout', { read: () => this.layout, apply: (v) => this.setLayout(v, { linked: true }) });
    this.ghostsChanged = registerPageSetting('ghosts', { read: () => this.ghosts, apply: (v) => this.setGhosts(v) });
    for (const b of els.switch.querySelectorAll('button[data-layout]')) b.addEventListener('click', () => this.setLayout(b.dataset.layout));
    els.ghosts.addEventListener('change', () => this.setGhosts(els.ghosts.checked));
    const request = () => this.request();
    for (const e of ['data', 'cursor']) race.on(e, request);
    race.on('runs', () => this.relayout());
    // (A new race may have another number of runs: the panels first, then the view box.)
    race.on('load', () => { if (this.active) { this.relayout(); this.containView(); } });
    els.fit.addEventListener('click', () => { if (this.active) this.containView(); });
    view.onChange(request);
    view.onRender?.(request);
    explain?.onUpdate?.(() => this.teaching.explained());
    onLanguageChange(() => { for (const p of this.pool) p.sig = ''; request(); });
    onAppearanceChange(() => { this.surface.key = ''; this.paths.key = ''; for (const p of this.pool) p.marksSig = ''; request(); });
    new ResizeObserver(() => this.relayout()).observe(els.mount);
    new ResizeObserver(() => els.view.style.setProperty('--layout-switch-w', `${els.switch.offsetWidth}px`)).observe(els.switch);
  }

  get active() { return this.layout === 'grid'; }

  /** "overlay" or "grid" (anything else is ignored). A link's layout (`linked`) keeps the
   *  link's view box as it is. */
  setLayout(v, { linked = false } = {}) {
    if ((v !== 'overlay' && v !== 'grid') || v === this.layout) return;
    const was = this.active;
    this.layout = v;
    const { els } = this;
    els.mount.hidden = !this.active;
    els.view.classList.toggle('grid-on', this.active);
    for (const b of els.switch.querySelectorAll('button[data-layout]')) b.setAttribute('aria-pressed', String(b.dataset.layout === v));
    // The overlay's paths are not drawn while hidden (they catch up when shown again).
    this.overlayPaths.paused = this.active;
    if (this.active) {
      this.relayout();
      if (!linked) this.containView();
      this.teaching.explained();
    } else if (was) {
      this.teaching.left();
      // Back to the view box before the grid zoomed out to show it whole in a panel.
      const z = this.zoomedTo;
      if (z && z.cx === this.view.cx && z.cy === this.view.cy && z.scale === this.view.scale) this.view.zoomAt(this.view.W / 2, this.view.H / 2, 1 / z.factor);
      this.overlayPaths.request();
    }
    this.zoomedTo = this.active ? this.zoomedTo : null;
    this.layoutChanged();
  }

  setGhosts(v) {
    if (typeof v !== 'boolean') return;
    this.els.ghosts.checked = v;
    if (v === this.ghosts) return;
    this.ghosts = v;
    this.ghostsChanged();
    this.request();
  }

  /** Zooms the View out so that its whole box shows in a panel (a panel is a window on the
   *  middle of the View's box: on a stage of another shape it would crop the fitted view). */
  containView() {
    const f = this.geom.containFactor();
    this.zoomedTo = null;
    if (!(f > 1.02) || !Number.isFinite(f)) return;
    const { view } = this;
    view.zoomAt(view.W / 2, view.H / 2, f);
    this.zoomedTo = { cx: view.cx, cy: view.cy, scale: view.scale, factor: f };
  }

  /** Panels for the race's runs, in the rows and columns that fit the stage. */
  relayout() {
    if (!this.active || !this.race.scenario) return;
    const n = Math.min(this.race.runs.length, MAX_PANELS);
    while (this.pool.length < n) this.pool.push(this.makePanel(this.pool.length));
    this.shown = this.pool.slice(0, n);
    const { mount } = this.els;
    if (mount.children.length !== n || this.shown.some((p, i) => mount.children[i] !== p.root)) mount.replaceChildren(...this.shown.map((p) => p.root));
    const r = mount.getBoundingClientRect();
    const head = this.shown[0]?.root.firstChild.offsetHeight || 26;
    const g = chooseGrid(n, r.width, r.height, GAP, head + 2);
    const dpr = deviceScale(g.pw, g.ph);
    this.geom.resize(g.pw, g.ph, dpr);
    mount.style.gridTemplateColumns = `repeat(${g.cols}, ${g.pw}px)`;
    for (const p of this.shown) { size(p, g.pw, g.ph, dpr); p.marksSig = ''; p.painted = -1; }
    this.request();
  }

  makePanel(i) {
    const p = makePanel(() => this.explain?.select(i));
    attachPointer(this.geom.on(p.base, p.pic), this.race, this.els.hover);
    return p;
  }

  request() {
    if (this.pending || !this.active) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  draw() {
    const { race, shown, geom } = this;
    if (!this.active || !race.state || !race.scenario) return;
    if (shown.length !== Math.min(race.runs.length, MAX_PANELS)) { this.relayout(); return; }
    this.draws += 1;
    this.surface.update();
    for (const p of shown) if (p.painted !== this.surface.paints) { this.surface.copyTo(p.base); p.painted = this.surface.paints; }
    this.paths.draw(shown, this.ghosts);
    const heads = shown.map((_, i) => this.paths.head(i));
    const ghostHeads = this.ghosts ? shown.map((_, i) => this.paths.head(i, true)) : [];
    const all = heads.map((h) => (h ? `${h.x.toFixed(1)},${h.y.toFixed(1)},${h.live}` : '-')).join(';');
    const selected = this.explain?.index ?? -1;
    shown.forEach((p, i) => {
      const run = race.runs[i];
      const info = race.state.runs[i];
      label(p, { run, info, cursor: race.cursor, catalog: this.catalog, selected: i === selected, lang: language() });
      const sig = `${this.paths.key}|${race.scenario.start}|${all}|${info?.status.reason}|${run.color}|${this.ghosts}`;
      if (sig === p.marksSig) return;
      p.marksSig = sig;
      drawMarks(p.mctx, { geom, race, i, heads, ghosts: this.ghosts, ghostHeads });
    });
    this.teaching.drawOverlay();
  }

  /** For window.gradscape.grid (tests, scripts): the layout and what each panel shows. */
  api() {
    return {
      layout: () => this.layout,
      setLayout: (v) => this.setLayout(v),
      ghosts: (v) => { if (v !== undefined) this.setGhosts(v); return this.ghosts; },
      panels: () => this.shown.map((p, i) => ({
        label: p.base.getAttribute('aria-label'), status: p.state.textContent, box: this.geom.box4(), head: this.paths.head(i),
      })),
      picture: () => this.composite(document.createElement('canvas')).toDataURL('image/png'),
      stats: () => ({ draws: this.draws, surfacePaints: this.surface.paints, renders: this.view.renders, pathRedraws: this.paths.redraws }),
    };
  }

  /** The grid as one picture (the PNG export and the WebM recording), into `out`. */
  composite(out) { return composite(out, { mount: this.els.mount, panels: this.shown, overlay: this.teaching.overlay }); }
}
