// The "+ Add run" menu: a button opening a list of the catalog's presets. A run is added only
// by Enter, Space or a click on an item; arrow keys, Home/End and typed letters only move
// the focus (a <select> adds a run on every ArrowDown or letter, which is how a keyboard
// user ended up with a dozen runs). Escape or a click elsewhere closes it.

import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';

/** Replaces `selectEl` (the markup's #add-run) with the menu; `onAdd(preset)` adds a run. */
export function addMenu(selectEl, presets, onAdd) {
  const button = el('button', { type: 'button', id: selectEl.id, className: 'add-run', textContent: t('classroom.addRun') });
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const list = el('div', { className: 'add-menu', hidden: true });
  list.setAttribute('role', 'menu');
  list.setAttribute('aria-label', t('classroom.addRunMenu'));
  const items = presets.map((p) => {
    const item = el('button', { type: 'button', className: 'add-item', textContent: t(`catalog.preset.${p.name}`), tabIndex: -1 });
    item.setAttribute('role', 'menuitem');
    item.addEventListener('click', () => { close(true); onAdd(p); });
    return item;
  });
  list.append(...items);
  const box = el('div', { className: 'add-box' }, button, list);
  selectEl.replaceWith(box);

  const focusAt = (k) => items[(k + items.length) % items.length]?.focus();
  const open = () => {
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    focusAt(0);
    list.scrollIntoView({ block: 'nearest' }); // the panel scrolls: the whole list in view
  };
  function close(refocus) {
    if (list.hidden) return;
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  }
  button.addEventListener('click', () => (list.hidden ? open() : close(true)));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); open(); if (e.key === 'ArrowUp') focusAt(-1); }
  });
  list.addEventListener('keydown', (e) => {
    const k = items.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') focusAt(k + 1);
    else if (e.key === 'ArrowUp') focusAt(k - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(-1);
    else if (e.key === 'Escape' || e.key === 'Tab') { close(e.key === 'Escape'); if (e.key === 'Tab') return; }
    else if (e.key.length === 1 && /\S/.test(e.key)) {
      // Typed letters jump to the next item starting with them (and never add).
      const lower = e.key.toLowerCase();
      const next = items.findIndex((it, j) => j > k && it.textContent.toLowerCase().startsWith(lower));
      const any = next >= 0 ? next : items.findIndex((it) => it.textContent.toLowerCase().startsWith(lower));
      if (any >= 0) focusAt(any);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });
  document.addEventListener('pointerdown', (e) => { if (!box.contains(e.target)) close(false); });
  return button;
}
