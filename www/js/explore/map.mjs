// Explore → Map: a hyper-parameter map of one optimizer over two axes (e.g. Adam's lr and
// betas[0] on the race's surface), computed in the engine worker and drawn as it arrives;
// coloured by steps to tolerance, final loss or diverged; hover shows a cell's numbers; a
// click adds that cell's run to the race; the race's runs of that optimizer are ringed.

import { t } from '../i18n.mjs';
import { el, labelled, select, numberInput, axisEditor, progressBar } from './form.mjs';
import { paramChoices, baseRun, valueOf, withValues, sweepSpec, defaultAxis, short } from './spec.mjs';
import { runSweep } from './sweep-client.mjs';
import { drawCells, metricRange, axisPosition } from './heat.mjs';
import { cellText, Plot } from './plot.mjs';

export class MapView {
  constructor({ race, catalog, worker, changed }) {
    Object.assign(this, { race, catalog, worker, changed });
    this.result = null; // {x, y, spec, cells (flat)}
    this.job = null;
    this.optimizer = select(catalog.optimizers.map((o) => ({ value: o.name, label: o.label })), 'adam', () => this.resetAxes());
    this.metric = select(['steps', 'loss', 'diverged'].map((m) => ({ value: m, label: t(`explore.metric.${m}`) })), 'loss', () => { this.draw(); this.changed(); });
    for (const o of this.metric.options) o.dataset.i18n = `explore.metric.${o.value}`; // re-translated with the panel
    this.steps = numberInput(500, { step: 1, min: 1 });
    this.ax = axisEditor('x', [], { param: 'lr', from: 1e-4, to: 1, n: 64, scale: 'log' });
    this.ay = axisEditor('y', [], { param: 'betas[0]', from: 0, to: 0.99, n: 64, scale: 'linear' });
    this.progress = progressBar(() => this.cancel());
    this.error = el('p', { class: 'ex-error', role: 'alert' });
    this.plot = new Plot({ onHover: (i, j) => this.hover(i, j), onClick: (i, j) => this.addToRace(i, j) });
    this.info = el('p', { class: 'ex-info', 'aria-live': 'off' });
    this.root = el('div', { class: 'ex-view ex-map' }, [
      el('div', { class: 'ex-row' }, [labelled('explore.optimizer', this.optimizer), labelled('explore.steps', this.steps), labelled('explore.metric', this.metric)]),
      el('div', { class: 'ex-row' }, [this.ax.root, this.ay.root]),
      el('div', { class: 'ex-row' }, [el('button', { type: 'button', class: 'ex-go', key: 'explore.draw', onclick: () => this.compute() }), this.progress.root]),
      this.error, this.plot.root, this.info,
    ]);
    this.resetAxes(true);
    race.on('runs', () => this.draw());
    race.on('load', () => this.draw());
  }

  /** Axis choices for the chosen optimizer; the first two fields as the default axes. */
  resetAxes(keep = false) {
    const opt = this.optimizer.value;
    const choices = paramChoices(this.catalog, opt);
    const run = baseRun(this.race, this.catalog, opt);
    const pick = (path, k) => choices.find((c) => c.path === path) || choices[k] || choices[0];
    const cx = keep ? pick(this.ax.read().param, 0) : choices[0];
    const cy = keep ? pick(this.ay.read().param, 1) : choices.find((c) => c.path !== cx.path && (c.path.includes('[0]') || c.path === 'momentum')) || choices[1];
    this.ax.setChoices(choices, cx.path);
    this.ay.setChoices(choices, cy.path);
    if (!keep) {
      this.ax.set(defaultAxis(cx, valueOf(this.catalog, run, cx.path), 64));
      this.ay.set(defaultAxis(cy, valueOf(this.catalog, run, cy.path), 64));
    }
  }

  /** The sweep this view draws (its settings, for links and gradscape.sweep). */
  spec() {
    const run = baseRun(this.race, this.catalog, this.optimizer.value);
    return sweepSpec(this.race, { run, x: this.ax.read(), y: this.ay.read(), steps: Number(this.steps.value) });
  }

  /** Shows a link's map: its settings, then computes it. */
  apply({ sweep, metric }) {
    this.optimizer.value = sweep.run.optimizer;
    this.resetAxes(true);
    const choices = paramChoices(this.catalog, sweep.run.optimizer);
    this.ax.setChoices(choices, sweep.x.param); this.ax.set({ scale: 'linear', ...sweep.x });
    this.ay.setChoices(choices, sweep.y.param); this.ay.set({ scale: 'linear', ...sweep.y });
    this.steps.value = String(sweep.steps ?? 500);
    if (metric) this.metric.value = metric;
    this.compute(sweep);
  }

  settings() { return this.result ? { view: 'map', metric: this.metric.value, sweep: this.result.spec } : null; }

  compute(given = null) {
    const spec = given || this.spec();
    this.error.textContent = '';
    const flat = [];
    this.root.dataset.state = 'computing';
    this.job = runSweep(this.worker, spec, {
      key: 'explore-map',
      on: {
        axes: (a) => { this.result = { x: a.x, y: a.y, spec, cells: flat }; this.draw(); },
        rows: (start, cells) => { cells.forEach((c, k) => { flat[start * this.result.x.length + k] = c; }); this.drawSoon(); },
        progress: (done, total) => this.progress.show(done, total),
      },
    });
    this.job.promise.then((res) => {
      this.progress.hide();
      if (res) { this.root.dataset.state = 'done'; this.changed(); }
    }, (err) => {
      this.progress.hide();
      this.root.dataset.state = 'error';
      this.error.textContent = err.message;
    });
  }

  cancel() {
    this.job?.cancel();
    this.progress.hide();
    this.root.dataset.state = 'cancelled';
  }

  /** At most one redraw per 100 ms however many rows arrive (the main thread stays free). */
  drawSoon() {
    if (this.frame) return;
    this.frame = setTimeout(() => requestAnimationFrame(() => { this.frame = 0; this.draw(); }), 100);
  }

  draw() {
    const r = this.result;
    if (!r) return;
    const metric = this.metric.value;
    const nx = r.x.length;
    const ny = r.y.length;
    this.plot.draw(r, (ctx, rect) => {
      drawCells(ctx, { cells: r.cells, nx, ny, metric, range: metricRange(r.cells, metric), rect });
    }, this.marks(r));
  }

  /** The race's runs of this optimizer at their (x, y) values: [{i, j, color}]. */
  marks(r) {
    const out = [];
    for (const run of this.race.runs) {
      if (run.optimizer !== r.spec.run.optimizer) continue;
      const i = axisPosition(r.spec.x, r.x, valueOf(this.catalog, run, r.spec.x.param));
      const j = axisPosition(r.spec.y, r.y, valueOf(this.catalog, run, r.spec.y.param));
      if (i != null && j != null) out.push({ i, j, color: run.color });
    }
    return out;
  }

  hover(i, j) {
    const r = this.result;
    const c = r?.cells[j * r.x.length + i];
    this.info.textContent = c ? `${r.spec.x.param} = ${short(r.x[i])}, ${r.spec.y.param} = ${short(r.y[j])}: ${cellText(c)}` : '';
  }

  /** The run of cell (i, j), as it joins the race. */
  cellRun(i, j) {
    const r = this.result;
    const run = withValues(this.catalog, r.spec.run, [[r.spec.x.param, r.x[i]], [r.spec.y.param, r.y[j]]]);
    const label = this.catalog.optimizer(run.optimizer)?.label ?? run.optimizer;
    return { ...run, name: `${label} ${r.spec.x.param} ${short(r.x[i])}, ${r.spec.y.param} ${short(r.y[j])}` };
  }

  addToRace(i, j) {
    if (!this.result?.cells[j * this.result.x.length + i]) return;
    try { this.race.addRun(this.cellRun(i, j)); } catch (e) { this.error.textContent = e.message; }
  }
}

