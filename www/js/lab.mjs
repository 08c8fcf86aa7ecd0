// The Regression lab: a mode beside Surfaces. In this mode the race runs on a linear-
// regression problem and the stage shows two linked views: the data (scatter, each run's
// current line, residuals, the mini-batch) and the parameter space (the race page's own view
// of the (w, b) loss with every path, plus penalty contours and gradient arrows). The side
// panel gains Data and Warm start cards and per-run training settings; the bottom row shows
// training/validation loss and the metrics table.
//
// All numbers come from the engine (Session and parseCsv); this module only moves data
// between the engine, the scenario and the screen.
//
// Events (lab.on(name, fn)): 'data-changed' — an accepted change of the regression data or
// its split (CSV, generator, data-view edits, split slider) was loaded.

import { Session, parseCsv } from './engine.mjs';
import { PALETTE, int } from './catalog.mjs';
import { el } from './widgets.mjs';
import { DataView } from './regression/data-view.mjs';
import { DataPanel, WarmStartPanel } from './regression/panels.mjs';
import { RunExtras } from './regression/run-extras.mjs';
import { LossChart } from './regression/lab-charts.mjs';
import { Metrics } from './regression/metrics.mjs';
import { Overlay } from './regression/overlay.mjs';
import { Emitter } from './events.mjs';
import { t } from './i18n.mjs';
import { localError } from './reach/errors.mjs';

const DEFAULTS = {
  generate: { n: 200, slope: 2, intercept: -1, noise: 0.5, x_range: [-1, 1], seed: 0 },
  warm: { n: 200, slope: 1.8, intercept: -0.7, noise: 0.5, seed: 7, steps: 300 },
};

/** The lab's first scenario: the same data trained three ways. */
export function defaultScenario() {
  return {
    problem: { regression: { generate: { ...DEFAULTS.generate }, validation_split: 0.2, split_seed: 0 } },
    start: [-1, 2],
    steps: 2000,
    tolerance: 0.01,
    runs: [
      { name: 'SGD (batch 1)', optimizer: 'sgd', lr: 0.02, batch_size: 1, seed: 1, color: PALETTE[0] },
      { name: 'Mini-batch 16', optimizer: 'sgd', lr: 0.05, batch_size: 16, seed: 1, color: PALETTE[1] },
      { name: 'Full batch', optimizer: 'sgd', lr: 0.1, color: PALETTE[2] },
    ],
  };
}

// The (w, b) heatmap costs one pass over the training data per pixel: the view draws it from
// at most SURFACE_SAMPLE points (a fixed stride) at a resolution within these budgets.
const SURFACE_SAMPLE = 1000;
const HEATMAP_EVALS = 2e7;
const CONTOUR_EVALS = 1e7;
const CHART_INTERVAL_MS = 80;
const REPLAY_BUDGET = 2e7; // point-steps replayed after a data edit (else the race restarts)

export class Lab extends Emitter {
  constructor({ race, view, catalog, app, panel, stage, replan }) {
    super();
    this.Session = Session;
    this.parseCsv = parseCsv;
    this.race = race;
    this.view = view;
    this.catalog = catalog;
    this.app = app;
    this.defaults = DEFAULTS;
    this.replan = () => replan.checked;
    this.data = null;
    this.counts = { n: 0, train: 0, validation: 0 };
    this.val = [];
    this.lastRegression = null;
    this.lastSurface = null;
    this.shadow = null; // {for: session, session, m}

    this.buildSwitch(panel);
    this.dataPanel = new DataPanel(this);
    this.warm = new WarmStartPanel(this);
    const playCard = panel.querySelector('#play')?.closest('section');
    panel.insertBefore(this.dataPanel.root, playCard || null);
    const runsSection = panel.querySelector('#run-list')?.closest('section');
    runsSection?.after(this.warm.root);
    this.extras = new RunExtras(panel.querySelector('#run-list'), this);
    this.buildStage(stage);

    view.surfaceSource = () => this.surfaceSource();
    view.onChange(() => this.overlay.request());
    race.on('load', () => this.loaded());
    race.on('runs', () => { this.val = []; this.runsChanged(); });
    race.on('data', (d) => {
      if (d?.restart) this.val = [];
      if (this.mode !== 'regression') return;
      this.dataView.request();
      this.overlay.request();
      this.chartsSoon();
    });
  }

  get mode() { return this.race.scenario?.problem?.regression ? 'regression' : 'surfaces'; }

  buildSwitch(panel) {
    const group = el('div', { className: 'modes' });
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', t('regression.mode'));
    this.radios = {};
    for (const [value, label] of [['surfaces', t('regression.surfaces')], ['regression', t('regression.regression')]]) {
      const input = el('input', { type: 'radio', name: 'mode', value });
      input.addEventListener('change', () => { if (input.checked) this.switchTo(value); });
      this.radios[value] = input;
      group.append(el('label', { className: 'mode' }, input, el('span', { textContent: label })));
    }
    this.radios.surfaces.checked = true;
    const brand = panel.querySelector('.brand');
    if (brand) brand.after(group); else panel.prepend(group);
  }

  buildStage(stage) {
    // Data view, left of the parameter view.
    const canvas = el('canvas', { tabIndex: 0 });
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', t('regression.data'));
    this.residualBox = el('input', { type: 'checkbox' });
    this.selectRun = el('select');
    this.selectRun.setAttribute('aria-label', t('regression.selectedRun'));
    this.selectRun.addEventListener('change', () => this.dataView.request());
    this.residualBox.addEventListener('change', () => this.dataView.request());
    const legend = el('div', { className: 'lab-key' },
      el('span', {}, el('i', { className: 'dot' }), el('span', { textContent: t('regression.training') })),
      el('span', {}, el('i', { className: 'ring' }), el('span', { textContent: t('regression.validation') })),
      el('span', {}, el('i', { className: 'batch' }), el('span', { textContent: t('regression.lastBatch') })));
    const tools = el('div', { className: 'lab-tools lab-data-tools' },
      el('div', { className: 'lab-tools-row' },
        el('label', { className: 'switch' }, this.residualBox, el('span', { textContent: t('regression.residuals') })),
        this.selectRun),
      legend);
    this.dataNote = el('div', { className: 'lab-note' });
    tools.append(this.dataNote);
    this.dataHover = el('div', { className: 'hover lab-hover' });
    this.noticeEl = el('div', { className: 'lab-notice', hidden: true });
    this.noticeEl.setAttribute('role', 'status');
    const hint = el('div', { className: 'hint lab-hint', textContent: t('regression.hint'),
      title: t('regression.hintTitle') });
    this.dataBox = el('div', { className: 'data-view' }, canvas, tools, this.dataHover, hint, this.noticeEl);
    const paramView = this.view.box;
    stage.insertBefore(this.dataBox, paramView);
    this.dataView = new DataView(this.dataBox, canvas, this);

    // Parameter-view layer and its switches.
    const layer = el('canvas', { className: 'lab-layer' });
    layer.setAttribute('aria-hidden', 'true');
    paramView.insertBefore(layer, paramView.querySelector('#paths-canvas'));
    this.overlay = new Overlay(layer, this.view, this);
    this.gradBox = el('input', { type: 'checkbox', checked: true });
    this.penaltyBox = el('input', { type: 'checkbox', checked: true });
    for (const b of [this.gradBox, this.penaltyBox]) b.addEventListener('change', () => this.overlay.request());
    this.paramTools = el('div', { className: 'lab-tools lab-param-tools' },
      el('label', { className: 'switch', title: t('regression.gradientsTitle') }, this.gradBox, el('span', { textContent: t('regression.gradients') })),
      el('label', { className: 'switch', title: t('regression.penaltyTitle') }, this.penaltyBox, el('span', { textContent: t('regression.penalty') })));
    this.surfaceNote = el('div', { className: 'lab-note lab-surface-note' });
    paramView.append(this.paramTools, this.surfaceNote);

    // Bottom row: loss chart and metrics.
    const lossCanvas = el('canvas');
    lossCanvas.setAttribute('role', 'img');
    lossCanvas.setAttribute('aria-label', t('regression.lossChart'));
    this.lossChart = new LossChart(lossCanvas, this.race);
    this.lossChart.onResize = () => this.drawCharts();
    const table = el('table', { className: 'lab-metrics' });
    table.setAttribute('aria-label', t('regression.metrics'));
    this.metrics = new Metrics(table);
    this.bottom = el('div', { className: 'lab-bottom' },
      el('figure', { className: 'chart' }, el('figcaption', { textContent: t('regression.lossCaption') }), lossCanvas),
      el('div', { className: 'lab-table' }, table));
    stage.append(this.bottom);
  }

  hover(text) { if (this.dataHover.textContent !== text) this.dataHover.textContent = text; }
  residuals() { return this.residualBox.checked; }
  showGradients() { return this.gradBox.checked; }
  showPenalty() { return this.penaltyBox.checked; }
  selected() { return Math.min(Number(this.selectRun.value || 0), this.race.runs.length - 1); }

  notice(text) {
    this.noticeEl.textContent = text;
    this.noticeEl.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => { this.noticeEl.hidden = true; }, 2500);
  }

  switchTo(mode) {
    if (mode === this.mode) return;
    try {
      if (mode === 'regression') this.race.load(this.lastRegression || defaultScenario());
      else {
        this.lastRegression = this.race.exportScenario();
        const name = this.lastSurface || this.catalog.surfaces[0].name;
        this.race.load(this.catalog.scenarioFor(name, this.race.scenario));
      }
    } catch (e) {
      this.radios[this.mode].checked = true;
      this.dataPanel.show(localError(e.message || String(e)));
    }
  }

  /** After any load: the page's mode follows the problem. */
  loaded() {
    const race = this.race;
    const lab = this.mode === 'regression';
    if (race.surfaceName) this.lastSurface = race.surfaceName;
    this.radios[this.mode].checked = true;
    const was = this.app.classList.contains('lab');
    this.app.classList.toggle('lab', lab);
    document.documentElement.dataset.mode = this.mode;
    if (!lab) { this.data = null; this.freeShadow(); return; }
    const s = race.session;
    const x = s.dataX(), y = s.dataY(), mask = s.validationMask();
    const trainX = s.trainX(), trainY = s.trainY();
    this.data = { x, y, mask, trainX, trainY };
    this.counts = { n: x.length, train: trainX.length, validation: x.length - trainX.length };
    this.dataPanel.sync(race.scenario.problem.regression, this.counts);
    this.dataView.setData();
    this.dataNote.textContent = this.dataView.note();
    if (!was) {
      // The stage was just re-laid out: measure it now and fit the parameter view to it.
      this.view.resize();
      this.view.fit();
    }
    this.runsChanged();
  }

  runsChanged() {
    const runs = this.race.runs || [];
    const keep = this.selectRun.value;
    this.selectRun.replaceChildren(...runs.map((r, i) => el('option', { value: String(i), textContent: t('controls.runLabel', { n: i + 1, name: r.name }) })));
    if (keep && Number(keep) < runs.length) this.selectRun.value = keep;
    this.warm.runs(runs);
    if (this.mode !== 'regression') return;
    this.extras.augment();
    this.dataView.request();
    this.overlay.request();
    this.drawCharts();
  }

  /** What the view draws the (w, b) loss from: the race's session, or for large data a
   *  drawing-only session on a fixed sample of the training points. */
  surfaceSource() {
    if (this.mode !== 'regression') return null;
    const session = this.race.session;
    if (this.shadow?.for !== session) {
      this.freeShadow();
      // (Called by the view's own 'load' handler, possibly before this.loaded().)
      const trainX = session.trainX(), trainY = session.trainY();
      const n = trainX.length;
      if (n > SURFACE_SAMPLE) {
        const xs = new Array(SURFACE_SAMPLE), ys = new Array(SURFACE_SAMPLE);
        for (let k = 0; k < SURFACE_SAMPLE; k += 1) {
          const i = Math.floor((k * n) / SURFACE_SAMPLE);
          xs[k] = trainX[i]; ys[k] = trainY[i];
        }
        const drawing = new this.Session(JSON.stringify({ problem: { regression: { x: xs, y: ys } }, steps: 1, runs: [{ optimizer: 'sgd' }] }));
        this.shadow = { for: session, session: drawing, m: SURFACE_SAMPLE };
      } else {
        this.shadow = { for: session, session, m: Math.max(1, n) };
      }
      this.surfaceNote.textContent = n > SURFACE_SAMPLE
        ? t('regression.surfaceSample', { m: int(SURFACE_SAMPLE), n: int(n) }) : '';
    }
    const m = this.shadow.m;
    const pixels = this.view.canvas.width * this.view.canvas.height;
    const detail = Math.min(1, Math.sqrt(HEATMAP_EVALS / (m * Math.max(1, pixels))));
    const grid = Math.max(24, Math.min(200, Math.floor(Math.sqrt((CONTOUR_EVALS * this.view.W) / (m * this.view.H)))));
    return { session: this.shadow.session, detail, grid };
  }

  freeShadow() {
    if (this.shadow && this.shadow.session !== this.shadow.for) this.shadow.session.free();
    this.shadow = null;
    this.surfaceNote.textContent = '';
  }

  /** The regression block of the current scenario with `patch`, loaded keeping runs, start and
   *  (when cheap) the step. Returns an error message or null (then nothing changed). */
  reload(patch) {
    const race = this.race;
    const sc = JSON.parse(race.exportScenario());
    const old = sc.problem.regression;
    const reg = { validation_split: old.validation_split ?? 0, split_seed: old.split_seed ?? 0, ...patch.split };
    if (patch.generate) reg.generate = patch.generate;
    else if (patch.x) { reg.x = patch.x; reg.y = patch.y; } else if (old.generate) reg.generate = old.generate;
    else { reg.x = old.x; reg.y = old.y; }
    const n = reg.generate ? reg.generate.n : reg.x.length;
    const nTrain = n - Math.floor(reg.validation_split * n);
    sc.problem = { regression: reg };
    for (const r of sc.runs) if (r.batch_size > nTrain) delete r.batch_size; // full batch
    const step = race.step;
    try {
      race.load(sc);
    } catch (e) {
      return e.message || String(e);
    }
    if (step > 0 && step * nTrain * sc.runs.length <= REPLAY_BUDGET) race.advance(step);
    this.emit('data-changed');
    return null;
  }

  setData(src) { return src.generate ? this.reload({ generate: src.generate }) : this.reload({ x: src.x, y: src.y }); }
  setSplit(v) { return this.reload({ split: { validation_split: v } }); }

  /** An edit in the data view: the points become explicit x/y. */
  commit(xs, ys) {
    const err = this.reload({ x: xs, y: ys });
    if (err) this.notice(err);
    return !err;
  }

  /** Re-reads the engine's data (drops an uncommitted drag preview). */
  refresh() {
    const s = this.race.session;
    if (!this.data) return;
    this.data.x = s.dataX();
    this.data.y = s.dataY();
    this.dataView.dirty = true;
    this.dataView.request();
  }

  chartsSoon() {
    const wait = (this.lastCharts || 0) + CHART_INTERVAL_MS - performance.now();
    if (wait <= 0) { this.drawCharts(); return; }
    if (!this.chartTimer) this.chartTimer = setTimeout(() => { this.chartTimer = 0; this.drawCharts(); }, wait);
  }

  drawCharts() {
    const race = this.race;
    if (this.mode !== 'regression' || !race.state) return;
    this.lastCharts = performance.now();
    // The engine reads every series (training, validation, best steps) from its record.
    this.lossChart.draw();
    this.metrics.update(race);
  }

  /** Run i's result as the engine reports it: the current point, or after an early stop
   *  with restore_best the best step's (the CLI's stop.final_point). */
  point(i) {
    return this.race.state.runs[i]?.final_point;
  }

  /** For window.gradscape: the engine's data as plain arrays. */
  points() {
    if (this.mode !== 'regression') return null;
    const s = this.race.session;
    return { x: Array.from(s.dataX()), y: Array.from(s.dataY()), validation: Array.from(s.validationMask(), Boolean) };
  }

  /** For window.gradscape. */
  summary() {
    if (this.mode !== 'regression') return null;
    const race = this.race;
    const bestMarkers = [];
    race.state.runs.forEach((r, i) => {
      if (race.runs[i].early_stopping && r.steps > 0) bestMarkers.push({ run: i, step: r.status.best_step ?? r.best_step });
    });
    return {
      ...this.counts,
      drawn: this.dataView.drawnIdx?.length ?? 0,
      surfaceSample: this.shadow?.m ?? null,
      gradients: race.runs.map((_, i) => race.session.gradients(i)),
      points: race.runs.map((_, i) => this.point(i)),
      bestMarkers,
    };
  }
}


