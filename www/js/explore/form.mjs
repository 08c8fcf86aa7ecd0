// Small DOM builders for the Explore panel's forms (labelled selects, number inputs, an axis
// editor), so each view module only says what it shows. Labels go through t().

import { t } from '../i18n.mjs';

/** An element with attributes (class, text, i18n key via `key`) and children. */
export function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'key') { e.dataset.i18n = v; e.textContent = t(v); }
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** A `<label>` with its text key around a control. */
export function labelled(key, control) {
  return el('label', { class: 'ex-field' }, [el('span', { key }), control]);
}

/** A select of [{value, label}]; `value` chosen. */
export function select(options, value, onchange) {
  const s = el('select', { onchange });
  fillSelect(s, options, value);
  return s;
}

export function fillSelect(s, options, value) {
  s.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  if (value != null) s.value = String(value);
}

/** A number input (any value; the engine validates). */
export function numberInput(value, { step = 'any', min, max, onchange } = {}) {
  return el('input', { type: 'number', step, min, max, value: String(value), onchange });
}

/**
 * An axis editor: param select (the choices of spec.mjs), from, to, n and log scale.
 * Returns {root, read() → axis JSON, set(axis), setChoices(choices, path)}.
 */
export function axisEditor(name, choices, axis, { onchange, nMax = 256 } = {}) {
  const param = select(choices.map((c) => ({ value: c.path, label: c.label })), axis.param, onchange);
  const from = numberInput(axis.from, { onchange });
  const to = numberInput(axis.to, { onchange });
  const n = numberInput(axis.n, { step: 1, min: 1, max: nMax, onchange });
  const log = el('input', { type: 'checkbox', onchange });
  log.checked = axis.scale === 'log';
  const root = el('fieldset', { class: 'ex-axis' }, [
    el('legend', { text: name }),
    labelled('explore.param', param), labelled('explore.from', from), labelled('explore.to', to),
    labelled('explore.n', n), el('label', { class: 'switch' }, [log, el('span', { key: 'explore.log' })]),
  ]);
  return {
    root,
    param,
    read: () => ({ param: param.value, from: Number(from.value), to: Number(to.value), n: Number(n.value), scale: log.checked ? 'log' : 'linear' }),
    set(a) {
      param.value = a.param; from.value = String(a.from); to.value = String(a.to); n.value = String(a.n);
      log.checked = a.scale === 'log';
    },
    setChoices(list, path) { fillSelect(param, list.map((c) => ({ value: c.path, label: c.label })), path); },
  };
}

/** A progress bar with a Cancel button: {root, show(done, total), hide(), onCancel}. */
export function progressBar(onCancel) {
  const bar = el('progress', { max: '1', value: '0' });
  const cancel = el('button', { type: 'button', key: 'explore.cancel', onclick: onCancel });
  const root = el('div', { class: 'ex-progress', hidden: '' }, [bar, cancel]);
  return {
    root,
    show(done, total) { root.hidden = false; bar.max = total; bar.value = done; },
    hide() { root.hidden = true; },
  };
}
