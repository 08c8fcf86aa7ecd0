// One control per catalog parameter: a switch for flags, a slider (log or linear, range from
// the catalog) plus an exact number field for numbers, two of those for pairs (betas).
// `apply(value)` returns an error message (the engine's) or null.

import { roundSig } from './catalog.mjs';
import { t } from './i18n.mjs';

let uid = 0;
const el = (tag, props = {}, ...kids) => {
  const e = Object.assign(document.createElement(tag), props);
  for (const k of kids) e.append(k);
  return e;
};
export { el };

export function paramControl(p, value, apply) {
  if (typeof p.default === 'boolean') return flagControl(p, value, apply);
  if (Array.isArray(p.default)) {
    const box = el('div', { className: 'pair' });
    const cur = [...value];
    p.default.forEach((_, k) => {
      const sub = { ...p, label: `${p.label.replace(/s$/, '')} ${k + 1}` };
      box.append(numberControl(sub, cur[k], (v) => { const next = [...cur]; next[k] = v; const err = apply(next); if (!err) cur[k] = v; return err; }));
    });
    return box;
  }
  return numberControl(p, value, apply);
}

function flagControl(p, value, apply) {
  const input = el('input', { type: 'checkbox', checked: Boolean(value) });
  const row = el('label', { className: 'param flag switch', title: p.help }, input, el('span', { textContent: p.label }));
  input.addEventListener('change', () => {
    if (apply(input.checked)) input.checked = !input.checked;
  });
  return row;
}

function numberControl(p, value, apply) {
  const id = `param-${++uid}`;
  const label = el('label', { className: 'field-label', htmlFor: id, textContent: p.label, title: p.help });
  const number = el('input', { type: 'number', id, step: 'any', value: String(value), title: p.help });
  number.setAttribute('aria-label', p.label);
  const row = el('div', { className: 'param' }, label);
  let slider = null;
  const sl = p.slider;
  if (sl) {
    const log = sl.log && sl.min > 0;
    const toPos = (v) => (log ? Math.log10(Math.max(v, sl.min)) : v);
    const fromPos = (x) => roundSig(log ? 10 ** x : x, 3);
    slider = el('input', {
      type: 'range',
      min: String(toPos(sl.min)),
      max: String(toPos(sl.max)),
      step: String(log ? 0.01 : (sl.max - sl.min) / 1000),
      value: String(toPos(value)),
      title: p.help,
    });
    slider.setAttribute('aria-label', t('controls.slider', { label: p.label }));
    slider.dataset.param = p.name;
    slider.dataset.valuetext = 'own';
    // Screen readers speak the value in real units ("learning rate 0.001"), not the
    // slider's log position (-3).
    const speak = (v) => slider.setAttribute('aria-valuetext', t('classroom.valueText', { label: p.label.toLowerCase(), value: String(roundSig(v, 3)) }));
    speak(value);
    slider.addEventListener('input', () => {
      const v = fromPos(Number(slider.value));
      number.value = String(v);
      speak(v);
      mark(apply(v));
    });
    slider.sync = (v) => { slider.value = String(toPos(v)); speak(v); };
    row.append(slider);
  } else {
    row.classList.add('no-slider');
    row.append(el('span'));
  }
  row.append(number);
  const mark = (err) => {
    number.setAttribute('aria-invalid', err ? 'true' : 'false');
    number.title = err || p.help;
  };
  number.addEventListener('input', () => {
    const v = number.valueAsNumber;
    if (number.value.trim() === '' || !Number.isFinite(v)) return mark(t('controls.notANumber'));
    const err = apply(v);
    mark(err);
    if (!err) slider?.sync(v);
  });
  return row;
}
