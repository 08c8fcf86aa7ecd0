// A "Schedule" section in every run card: the learning-rate schedule (kinds and parameters
// from catalog.schedules) and an optional linear warm-up. Applied like any run change (live,
// or re-planned when "Re-plan from start" is on); the learning-rate chart plots session.rates.

import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';

const LABELS = {
  constant: 'Constant', step: 'Step', exponential: 'Exponential', cosine: 'Cosine',
  inverse_time: 'Inverse time', plateau: 'Reduce on plateau',
  step_size: 'Step size', gamma: 'Gamma', t_max: 'Period T', eta_min: 'Minimum lr', decay: 'Decay',
  factor: 'Factor', patience: 'Patience', threshold: 'Threshold', steps: 'Warm-up steps', start_factor: 'Start factor',
};
const WARMUP = { steps: 20, start_factor: 0.1 };
const label = (k) => (LABELS[k] ? t(`catalog.schedule.${k}`) : k); // LABELS: the English names, for reference

export class Schedules {
  constructor(race, kinds, replan) {
    this.race = race;
    this.kinds = kinds; // [{kind, fields: {name: default}}]
    this.replan = replan;
    this.open = new Set();
    const list = document.getElementById('run-list');
    const decorate = () => [...list.children].forEach((card, i) => { if (!card.querySelector('.schedule')) this.section(card, i); });
    new MutationObserver(decorate).observe(list, { childList: true });
    decorate();
  }

  section(card, i) {
    const race = this.race;
    const run = () => race.runs[i];
    const box = el('details', { className: 'schedule' });
    const summary = el('summary');
    box.append(summary);
    box.open = this.open.has(i);
    box.addEventListener('toggle', () => { if (box.open) this.open.add(i); else this.open.delete(i); });
    const error = el('p', { className: 'run-error', hidden: true });
    const kind = el('select');
    kind.setAttribute('aria-label', t('teach.schedule'));
    for (const k of this.kinds) kind.append(el('option', { value: k.kind, textContent: label(k.kind) }));
    const fields = el('div', { className: 'sched-fields' });
    const warm = el('input', { type: 'checkbox' });
    const warmFields = el('div', { className: 'sched-fields' });
    const apply = (next) => {
      try {
        race.setRun(i, next, this.replan.checked);
        error.hidden = true;
        return true;
      } catch (e) {
        error.hidden = false;
        error.textContent = e.message || String(e);
        return false;
      }
    };
    const number = (name, value, set) => {
      const input = el('input', { type: 'number', step: 'any', value: String(value) });
      input.setAttribute('aria-label', label(name));
      input.addEventListener('change', () => {
        if (!Number.isFinite(input.valueAsNumber)) { input.setAttribute('aria-invalid', 'true'); return; }
        input.setAttribute('aria-invalid', apply(set(input.valueAsNumber)) ? 'false' : 'true');
      });
      return el('label', { className: 'sched-field' }, el('span', { className: 'field-label', textContent: label(name) }), input);
    };
    const render = () => {
      const r = run();
      const s = r.schedule || { kind: 'constant' };
      kind.value = s.kind;
      summary.textContent = t(r.warmup ? 'teach.scheduleSummaryWarm' : 'teach.scheduleSummary', { kind: label(s.kind) });
      const spec = this.kinds.find((k) => k.kind === s.kind) || { fields: {} };
      fields.replaceChildren(...Object.keys(spec.fields).map((f) => number(f, s[f] ?? spec.fields[f],
        (v) => ({ ...run(), schedule: { ...(run().schedule || { kind: s.kind }), [f]: v } }))));
      warm.checked = Boolean(r.warmup);
      warmFields.replaceChildren(...(r.warmup ? Object.keys(WARMUP).map((f) => number(f, r.warmup[f] ?? WARMUP[f],
        (v) => ({ ...run(), warmup: { ...WARMUP, ...run().warmup, [f]: v } }))) : []));
    };
    kind.addEventListener('change', () => {
      const spec = this.kinds.find((k) => k.kind === kind.value);
      const next = { ...run() };
      if (kind.value === 'constant') delete next.schedule;
      else next.schedule = { kind: kind.value, ...spec.fields };
      apply(next);
      render();
    });
    warm.addEventListener('change', () => {
      const next = { ...run() };
      if (warm.checked) next.warmup = { ...WARMUP }; else delete next.warmup;
      if (!apply(next)) warm.checked = !warm.checked;
      render();
    });
    box.append(
      el('div', { className: 'sched-kind' }, kind, el('label', { className: 'switch' }, warm, el('span', { textContent: t('teach.warmup') }))),
      fields, warmFields, error,
    );
    render();
    const err = card.querySelector('.run-error');
    if (err) err.before(box); else card.append(box);
  }
}
