// Per-run regression settings, added to each run card of the runs panel while the lab is on:
// training strategy (batch size 1 = SGD … n = full batch, shuffle seed), regularisation (L1 =
// l1; L2 is the optimizer's own Weight decay control under More settings, one control per
// setting, so two fields can never disagree) and early stopping (patience, min delta, restore
// best). The cards are rebuilt by controls.mjs; a MutationObserver re-adds these.

import { el } from '../widgets.mjs';
import { int } from '../catalog.mjs';
import { numField } from './panels.mjs';
import { t } from '../i18n.mjs';
import { localError } from '../reach/errors.mjs';

let uid = 0;

export function strategyName(batch, nTrain) {
  if (batch == null || batch >= nTrain) return 'full batch';
  if (batch === 1) return 'SGD';
  return 'mini-batch';
}

export class RunExtras {
  constructor(list, lab) {
    this.list = list;
    this.lab = lab;
    new MutationObserver(() => this.augment()).observe(list, { childList: true });
  }

  augment() {
    if (this.lab.mode !== 'regression') return;
    const cards = [...this.list.children].filter((c) => c.classList.contains('run'));
    if (cards.length !== this.lab.race.runs.length) return; // stale cards: a rebuild follows
    cards.forEach((card, i) => {
      if (card.querySelector(':scope > .lab-extras')) return;
      const extras = this.build(i);
      const err = card.querySelector(':scope > .run-error');
      card.insertBefore(extras, err || null);
    });
  }

  apply(i, change) {
    const { race } = this.lab;
    const run = { ...race.runs[i] };
    change(run);
    try {
      race.setRun(i, run, this.lab.replan());
      return null;
    } catch (e) {
      return localError(e.message || String(e));
    }
  }

  build(i) {
    const { race } = this.lab;
    const run = race.runs[i];
    const nTrain = Math.max(1, this.lab.counts.train);
    const error = el('p', { className: 'run-error', hidden: true });
    const report = (err) => { error.hidden = !err; error.textContent = err || ''; return err; };

    // Batch size: log slider 1..n plus an exact integer field and the strategy's name.
    const id = `lab-batch-${++uid}`;
    const batch = run.batch_size ?? nTrain;
    const slider = el('input', { type: 'range', min: '0', max: String(Math.log10(nTrain)), step: '0.001', value: String(Math.log10(Math.min(batch, nTrain))) });
    slider.setAttribute('aria-label', t('controls.slider', { label: t('regression.batch') }));
    const number = el('input', { type: 'number', id, min: '1', max: String(nTrain), step: '1', value: String(Math.min(batch, nTrain)) });
    const kind = el('span', { className: 'lab-kind' });
    const showKind = (b) => { const k = strategyName(b, nTrain).replace(' ', '-'); kind.textContent = t(`regression.kind.${k}`); kind.dataset.kind = k; };
    showKind(batch);
    const setBatch = (b) => {
      b = Math.min(Math.max(Math.round(b), 1), nTrain);
      showKind(b);
      number.setAttribute('aria-invalid', 'false');
      return report(this.apply(i, (r) => { if (b >= nTrain) delete r.batch_size; else r.batch_size = b; }));
    };
    slider.addEventListener('input', () => {
      const b = Math.round(10 ** Number(slider.value));
      number.value = String(b);
      setBatch(b);
    });
    number.addEventListener('change', () => {
      const v = number.valueAsNumber;
      if (!Number.isFinite(v) || v < 1) { number.setAttribute('aria-invalid', 'true'); return; }
      slider.value = String(Math.log10(Math.min(v, nTrain)));
      setBatch(v);
    });
    const batchRow = el('div', { className: 'param lab-batch' },
      el('label', { className: 'field-label', htmlFor: id, textContent: t('regression.batch'), title: t('regression.batchTitle', { n: int(nTrain) }) }),
      slider, number);
    const seed = numField(t('regression.shuffleSeed'), run.seed ?? 0, { min: 0, step: 1, integer: true }, (v) => report(this.apply(i, (r) => { r.seed = v; })));
    const hasDecay = this.lab.catalog.params(run.optimizer).some((p) => p.name === 'weight_decay');
    const l2 = el('p', { className: 'lab-help lab-l2', textContent: t(hasDecay ? 'classroom.l2Where' : 'classroom.l2None') });
    const l1 = numField('L1', run.l1 ?? 0, { min: 0, step: 0.01 }, (v) => report(this.apply(i, (r) => { if (v > 0) r.l1 = v; else delete r.l1; })));

    // Early stopping.
    const es = run.early_stopping;
    const on = el('input', { type: 'checkbox', checked: Boolean(es) });
    const patience = numField(t('regression.patience'), es?.patience ?? 20, { min: 1, step: 1, integer: true }, () => setEs());
    const delta = numField(t('regression.minDelta'), es?.min_delta ?? 0, { min: 0, step: 0.001 }, () => setEs());
    const restore = el('input', { type: 'checkbox', checked: es ? es.restore_best !== false : true });
    const setEs = () => {
      const err = report(this.apply(i, (r) => {
        if (on.checked) r.early_stopping = { patience: patience.value, min_delta: delta.value, restore_best: restore.checked };
        else delete r.early_stopping;
      }));
      esBox.classList.toggle('off', !on.checked);
      return err;
    };
    on.addEventListener('change', setEs);
    restore.addEventListener('change', setEs);
    const esBox = el('div', { className: `lab-es${es ? '' : ' off'}` },
      el('label', { className: 'switch' }, on, el('span', { textContent: t('regression.earlyStopping') })),
      el('div', { className: 'lab-grid' }, patience.row, delta.row),
      el('label', { className: 'switch' }, restore, el('span', { textContent: t('regression.restoreBest') })));

    const warm = run.warm_start
      ? el('p', { className: 'lab-warm-note', textContent: t('regression.warmNote', { steps: int(run.warm_start.steps), slope: run.warm_start.source.generate?.slope ?? '…', intercept: run.warm_start.source.generate?.intercept ?? '…' }) })
      : null;
    const more = el('details', { className: 'lab-more' },
      el('summary', { textContent: t('regression.more'), title: t('regression.moreTitle') }),
      el('div', { className: 'lab-grid' }, l1.row, seed.row), l2, esBox);
    const root = el('div', { className: 'lab-extras' }, batchRow, el('div', { className: 'lab-line' }, more, kind));
    if (warm) root.append(warm);
    root.append(error);
    return root;
  }
}
