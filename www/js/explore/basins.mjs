// Explore → Basins: a run's start point swept over the view box (the sweep's axes are
// start[0] and start[1]); each start is coloured by the known minimum its run reaches
// (diverged: red, not reached: grey), darker the more steps it took, and drawn over the
// surface. On Himmelblau or the six-hump camel, momentum visibly moves the basins' borders.

import { t } from '../i18n.mjs';
import { el, labelled, select, numberInput, progressBar, fillSelect } from './form.mjs';
import { sweepSpec, short } from './spec.mjs';
import { runSweep } from './sweep-client.mjs';
import { drawCells, DIVERGED, NOT_REACHED, diverged } from './heat.mjs';
import { Overlay } from './overlay.mjs';

// Colours of the known minima, in the problem's order (distinct from the diverged red).
const MINIMA = [[230, 159, 0], [86, 180, 233], [0, 158, 115], [240, 228, 66], [204, 121, 167], [0, 114, 178]];

/** Index of the known minimum nearest to `p`. */
export function nearestMinimum(minima, p) {
  let best = -1;
  let d = Infinity;
  minima.forEach((m, k) => {
    const e = Math.hypot(m.point[0] - p[0], m.point[1] - p[1]);
    if (e < d) { d = e; best = k; }
  });
  return best;
}

export class BasinsView {
  constructor({ race, view, catalog, worker, changed }) {
    Object.assign(this, { race, view, catalog, worker, changed });
    this.result = null;
    this.run = el('select', { onchange: () => this.changed() });
    this.n = numberInput(64, { step: 1, min: 2, max: 256 });
    this.steps = numberInput(300, { step: 1, min: 1 });
    this.progress = progressBar(() => { this.job?.cancel(); this.progress.hide(); });
    this.error = el('p', { class: 'ex-error', role: 'alert' });
    this.legend = el('div', { class: 'ex-legend' });
    this.root = el('div', { class: 'ex-view ex-basins' }, [
      el('p', { class: 'ex-note', key: 'explore.basins.note' }),
      el('div', { class: 'ex-row' }, [labelled('explore.run', this.run), labelled('explore.resolution', this.n), labelled('explore.steps', this.steps)]),
      el('div', { class: 'ex-row' }, [el('button', { type: 'button', class: 'ex-go', key: 'explore.draw', onclick: () => this.compute() }),
        el('button', { type: 'button', key: 'explore.clear', onclick: () => this.clear() }), this.progress.root]),
      this.error, this.legend,
    ]);
    this.overlay = new Overlay(view, 'basins', (ctx, v) => this.paint(ctx, v));
    const runs = () => fillSelect(this.run, race.runs.map((r, i) => ({ value: i, label: r.name || r.optimizer })), Math.min(Number(this.run.value) || 0, race.runs.length - 1));
    race.on('runs', runs);
    race.on('load', () => { runs(); this.clear(); });
    runs();
  }

  spec() {
    const { x0, x1, y0, y1 } = this.view.box4();
    const { name, color, ...run } = this.race.runs[Number(this.run.value) || 0];
    const n = Number(this.n.value);
    // Cell centres across the visible box (so the picture lines up with the surface).
    const hx = (x1 - x0) / (2 * n);
    const hy = (y1 - y0) / (2 * n);
    return sweepSpec(this.race, {
      run, steps: Number(this.steps.value),
      x: { param: 'start[0]', from: x0 + hx, to: x1 - hx, n },
      y: { param: 'start[1]', from: y0 + hy, to: y1 - hy, n },
    });
  }

  settings() { return this.result ? { view: 'basins', sweep: this.result.spec } : null; }

  /** Shows a link's basin map: its resolution and steps in the form, the race run it sweeps
   *  selected when one has the same settings, then computes it. */
  apply({ sweep }) {
    this.n.value = String(sweep.x?.n ?? this.n.value);
    this.steps.value = String(sweep.steps ?? this.steps.value);
    const same = (r) => r.optimizer === sweep.run.optimizer && Object.entries(sweep.run).every(([k, v]) => JSON.stringify(r[k]) === JSON.stringify(v));
    const i = this.race.runs.findIndex(same);
    if (i >= 0) this.run.value = String(i);
    this.compute(sweep);
  }

  clear() {
    this.job?.cancel();
    this.result = null;
    this.legend.replaceChildren();
    this.overlay.show(false);
    this.changed();
  }

  compute(given = null) {
    let spec;
    try { spec = given || this.spec(); } catch (e) { this.error.textContent = e.message; return; }
    this.error.textContent = '';
    this.root.dataset.state = 'computing';
    const flat = [];
    this.job = runSweep(this.worker, spec, {
      key: 'explore-basins',
      on: {
        axes: (a) => { this.result = { ...a, spec, cells: flat }; this.overlay.show(true); },
        rows: (start, cells) => {
          cells.forEach((c, k) => { flat[start * this.result.x.length + k] = c; });
          this.frame ||= requestAnimationFrame(() => { this.frame = 0; this.overlay.draw(); }); // one redraw per frame
        },
        progress: (done, total) => this.progress.show(done, total),
      },
    });
    this.job.promise.then((res) => {
      this.progress.hide();
      if (!res) return;
      this.root.dataset.state = 'done';
      this.showLegend();
      this.changed();
    }, (err) => { this.progress.hide(); this.root.dataset.state = 'error'; this.error.textContent = err.message; });
  }

  /** A cell's colour: its minimum's, darker the slower; diverged red; not reached grey. */
  shade(c) {
    if (diverged(c)) return DIVERGED;
    if (c.steps_to_tolerance == null) return NOT_REACHED;
    const k = nearestMinimum(this.race.problem.minima, c.final);
    const base = MINIMA[k % MINIMA.length];
    const steps = this.result.spec.steps;
    const f = 1 - 0.65 * (Math.log(1 + c.steps_to_tolerance) / Math.log(1 + steps));
    return base.map((v) => Math.round(v * f));
  }

  paint(ctx, v) {
    const r = this.result;
    if (!r) return;
    const nx = r.x.length;
    const ny = r.y.length;
    const hx = nx > 1 ? (r.x[nx - 1] - r.x[0]) / (2 * (nx - 1)) : 0.5;
    const hy = ny > 1 ? (r.y[ny - 1] - r.y[0]) / (2 * (ny - 1)) : 0.5;
    const [ax, ay] = v.toScreen(r.x[0] - hx, r.y[ny - 1] + hy);
    const [bx, by] = v.toScreen(r.x[nx - 1] + hx, r.y[0] - hy);
    ctx.globalAlpha = 0.62;
    drawCells(ctx, { cells: r.cells, nx, ny, rect: { x: ax, y: ay, w: bx - ax, h: by - ay }, shade: (c) => this.shade(c) });
    ctx.globalAlpha = 1;
  }

  showLegend() {
    const r = this.result;
    const count = new Map();
    for (const c of r.cells) {
      const k = diverged(c) ? 'd' : c.steps_to_tolerance == null ? 'n' : nearestMinimum(this.race.problem.minima, c.final);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    const item = (rgb, text) => {
      const swatch = el('i');
      swatch.style.background = `rgb(${rgb.join(',')})`; // CSSOM: the CSP forbids style attributes
      return el('span', { class: 'ex-key' }, [swatch, text]);
    };
    const rows = this.race.problem.minima.map((m, k) => item(MINIMA[k % MINIMA.length], t('explore.basins.minimum', { x: short(m.point[0]), y: short(m.point[1]), n: count.get(k) ?? 0 })));
    rows.push(item(NOT_REACHED, t('explore.basins.not_reached', { n: count.get('n') ?? 0 })));
    rows.push(item(DIVERGED, t('explore.basins.diverged', { n: count.get('d') ?? 0 })));
    this.legend.replaceChildren(...rows);
  }
}
