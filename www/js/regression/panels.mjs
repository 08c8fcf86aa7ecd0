// The regression lab's side-panel cards: Data (generate / regenerate, validation split, CSV
// paste or file) and Warm start (a source dataset and pre-training steps; adds a warm-started
// copy of a run). Every number goes into the scenario; the engine validates it.

import { el } from '../widgets.mjs';
import { int } from '../catalog.mjs';
import { t } from '../i18n.mjs';
import { localError } from '../reach/errors.mjs';

let uid = 0;

/** A labelled number input; `onChange(value)` on commit (change event). */
export function numField(label, value, { min, max, step = 'any', integer = false } = {}, onChange) {
  const id = `lab-${++uid}`;
  const input = el('input', { type: 'number', id, value: String(value), step: String(step) });
  if (min !== undefined) input.min = String(min);
  if (max !== undefined) input.max = String(max);
  input.addEventListener('change', () => {
    let v = input.valueAsNumber;
    if (!Number.isFinite(v)) { input.setAttribute('aria-invalid', 'true'); return; }
    if (integer) v = Math.round(v);
    input.setAttribute('aria-invalid', 'false');
    onChange?.(v, input);
  });
  const row = el('div', { className: 'lab-num' }, el('label', { htmlFor: id, textContent: label }), input);
  return { row, input, get value() { return integer ? Math.round(input.valueAsNumber) : input.valueAsNumber; }, set value(v) { input.value = String(v); } };
}

export class DataPanel {
  constructor(lab) {
    this.lab = lab;
    const g = lab.defaults.generate;
    const regen = () => this.generate();
    this.f = {
      n: numField(t('regression.points'), g.n, { min: 2, max: lab.catalog.limits.max_points, step: 1, integer: true }, regen),
      slope: numField(t('regression.slope'), g.slope, {}, regen),
      intercept: numField(t('regression.intercept'), g.intercept, {}, regen),
      noise: numField(t('regression.noise'), g.noise, { min: 0, step: 0.05 }, regen),
      x0: numField(t('regression.xFrom'), g.x_range[0], { step: 0.5 }, regen),
      x1: numField(t('regression.xTo'), g.x_range[1], { step: 0.5 }, regen),
      seed: numField(t('regression.seed'), g.seed, { min: 0, step: 1, integer: true }, regen),
    };
    const again = el('button', { type: 'button', textContent: t('regression.regenerate'), title: t('regression.regenerateTitle') });
    again.addEventListener('click', () => { this.f.seed.value = this.f.seed.value + 1; this.generate(); });

    // Validation split: slider + exact field.
    const splitId = `lab-${++uid}`;
    this.split = el('input', { type: 'range', min: '0', max: '0.9', step: '0.05', value: '0.2', title: t('regression.splitTitle') });
    this.split.setAttribute('aria-label', t('controls.slider', { label: t('regression.split') }));
    this.splitNum = el('input', { type: 'number', id: splitId, min: '0', max: '0.99', step: '0.05', value: '0.2' });
    this.split.addEventListener('change', () => { this.splitNum.value = this.split.value; this.setSplit(Number(this.split.value)); });
    this.split.addEventListener('input', () => { this.splitNum.value = this.split.value; });
    this.splitNum.addEventListener('change', () => {
      const v = this.splitNum.valueAsNumber;
      if (Number.isFinite(v)) { this.split.value = String(v); this.setSplit(v); }
    });
    const splitRow = el('div', { className: 'lab-split' },
      el('label', { htmlFor: splitId, className: 'field-label', textContent: t('regression.split') }), this.split, this.splitNum);

    // CSV.
    this.csv = el('textarea', { rows: 4, spellcheck: false, placeholder: 'x,y\n0.5,1.2\n-0.3,-1.6' });
    this.csv.setAttribute('aria-label', t('regression.csvData'));
    const file = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', className: 'lab-file' });
    file.setAttribute('aria-label', t('regression.csvFile'));
    file.addEventListener('change', async () => {
      const f = file.files?.[0];
      if (!f) return;
      this.csv.value = await f.text();
      file.value = '';
      this.loadCsv();
    });
    const load = el('button', { type: 'button', textContent: t('regression.loadCsv') });
    load.addEventListener('click', () => this.loadCsv());
    const csvBox = el('details', { className: 'lab-csv' },
      el('summary', { textContent: t('regression.csvSummary') }), this.csv,
      el('div', { className: 'lab-row' }, load, el('label', { className: 'lab-file-label' }, el('span', { textContent: t('regression.openFile') }), file)));

    this.error = el('p', { className: 'lab-error', hidden: true });
    this.error.setAttribute('role', 'alert');
    this.summary = el('p', { className: 'lab-summary' });
    const F = this.f;
    this.root = el('section', { className: 'card lab-card lab-data' },
      el('h2', {}, `${t('regression.data')} `, el('span', { className: 'lab-sub', textContent: t('regression.model') })),
      el('div', { className: 'lab-grid' }, F.n.row, F.seed.row, F.slope.row, F.intercept.row, F.noise.row, F.x0.row, F.x1.row, again),
      splitRow, csvBox, this.summary, this.error);
    this.root.setAttribute('aria-label', t('regression.data'));
  }

  spec() {
    const F = this.f;
    return { n: F.n.value, slope: F.slope.value, intercept: F.intercept.value, noise: F.noise.value, x_range: [F.x0.value, F.x1.value], seed: F.seed.value };
  }

  show(message) {
    this.error.hidden = !message;
    this.error.textContent = message || '';
  }

  generate() { this.show(this.lab.setData({ generate: this.spec() })); }

  setSplit(v) { this.show(this.lab.setSplit(v)); }

  loadCsv() {
    let points;
    try {
      points = this.lab.parseCsv(this.csv.value);
    } catch (e) {
      this.show(t('regression.csvFailed', { error: localError(e.message || e) }));
      return;
    }
    this.show(this.lab.setData({ x: points.x, y: points.y }));
  }

  /** Mirrors the loaded scenario's regression settings into the fields. */
  sync(reg, counts) {
    if (reg.generate) {
      const g = reg.generate;
      const F = this.f;
      F.n.value = g.n; F.slope.value = g.slope; F.intercept.value = g.intercept; F.noise.value = g.noise;
      F.x0.value = g.x_range[0]; F.x1.value = g.x_range[1]; F.seed.value = g.seed;
    }
    const split = reg.validation_split ?? 0;
    this.split.value = String(split);
    this.splitNum.value = String(split);
    const src = reg.generate ? t('regression.generated', { seed: reg.generate.seed }) : t('regression.explicit');
    this.summary.textContent = t('regression.summary', { n: int(counts.n), train: int(counts.train), val: int(counts.validation), src });
  }
}

export class WarmStartPanel {
  constructor(lab) {
    this.lab = lab;
    const w = lab.defaults.warm;
    this.f = {
      n: numField(t('regression.points'), w.n, { min: 2, max: lab.catalog.limits.max_points, step: 1, integer: true }),
      seed: numField(t('regression.seed'), w.seed, { min: 0, step: 1, integer: true }),
      slope: numField(t('regression.slope'), w.slope),
      intercept: numField(t('regression.intercept'), w.intercept),
      noise: numField(t('regression.noise'), w.noise, { min: 0, step: 0.05 }),
      steps: numField(t('regression.pretrain'), w.steps, { min: 1, step: 50, integer: true }),
    };
    this.which = el('select');
    const whichId = `lab-${++uid}`;
    this.which.id = whichId;
    const add = el('button', { type: 'button', className: 'lab-add', textContent: t('regression.addWarm') });
    add.addEventListener('click', () => this.add());
    this.error = el('p', { className: 'lab-error', hidden: true });
    this.error.setAttribute('role', 'alert');
    const F = this.f;
    this.root = el('section', { className: 'card lab-card lab-warm' },
      el('h2', { textContent: t('regression.warm') }),
      el('p', { className: 'lab-help', textContent: t('regression.warmHelp') }),
      el('div', { className: 'lab-grid' }, F.n.row, F.seed.row, F.slope.row, F.intercept.row, F.noise.row, F.steps.row),
      el('div', { className: 'lab-row' }, el('label', { htmlFor: whichId, className: 'field-label', textContent: t('regression.copyOf') }), this.which, add),
      this.error);
    this.root.setAttribute('aria-label', t('regression.warm'));
  }

  /** Refreshes the run list (keeps the choice when it still exists). */
  runs(runs) {
    const keep = this.which.value;
    this.which.replaceChildren(...runs.map((r, i) => el('option', { value: String(i), textContent: r.name })));
    if (keep && Number(keep) < runs.length) this.which.value = keep;
  }

  add() {
    const { race } = this.lab;
    const i = Number(this.which.value || 0);
    const base = race.runs[i];
    if (!base) return;
    const F = this.f;
    const current = race.scenario.problem.regression;
    const xr = current.generate?.x_range ?? this.lab.defaults.generate.x_range;
    const run = {
      ...base,
      name: `${base.name} · warm start`.slice(0, 60),
      warm_start: {
        source: { generate: { n: F.n.value, slope: F.slope.value, intercept: F.intercept.value, noise: F.noise.value, x_range: xr, seed: F.seed.value } },
        steps: F.steps.value,
      },
    };
    delete run.color;
    try {
      race.addRun(run);
      this.error.hidden = true;
    } catch (e) {
      this.error.hidden = false;
      this.error.textContent = localError(e.message || String(e));
    }
  }
}
