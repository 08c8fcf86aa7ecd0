// The keyboard help overlay: ? (or the "Keys" button) lists every shortcut; Escape closes it.

import { el } from '../widgets.mjs';
import { t, onLanguageChange } from '../i18n.mjs';

const KEYS = [
  ['Space', 'classroom.keyPlay'], ['→', 'classroom.keyStep'], ['R', 'classroom.keyReset'],
  ['P', 'classroom.keyPresent'], ['Tab', 'classroom.keyFocusView'], ['← ↑ → ↓', 'classroom.keyMoveStart'],
  ['Shift + ← ↑ → ↓', 'classroom.keyPan'], ['+ / −', 'classroom.keyZoom'], ['0', 'classroom.keyFit'],
  ['Ctrl + Z', 'classroom.keyUndo'], ['Ctrl + Shift + Z', 'classroom.keyRedo'], ['?', 'classroom.keyHelp'],
];

/** The dialog and a document-wide ? shortcut; returns {dialog, show()}. */
export function keyHelp() {
  const dialog = el('dialog', { className: 'key-help' });
  const render = () => {
    dialog.setAttribute('aria-label', t('classroom.keysTitle'));
    const close = el('button', { type: 'button', className: 'icon', textContent: '✕' });
    close.setAttribute('aria-label', t('classroom.close'));
    close.addEventListener('click', () => dialog.close());
    const rows = KEYS.map(([k, key]) => el('tr', {}, el('th', {}, el('kbd', { textContent: k })), el('td', { textContent: t(key) })));
    dialog.replaceChildren(el('header', {}, el('h2', { textContent: t('classroom.keysTitle') }), close), el('table', {}, el('tbody', {}, ...rows)));
  };
  render();
  onLanguageChange(render);
  document.body.append(dialog);
  const show = () => { if (!dialog.open) dialog.showModal(); };
  document.addEventListener('keydown', (e) => {
    if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return;
    const tg = e.target;
    if (tg instanceof HTMLElement && (tg.isContentEditable || ['TEXTAREA', 'SELECT'].includes(tg.tagName) || (tg.tagName === 'INPUT' && !['checkbox', 'range', 'radio'].includes(tg.type)))) return;
    e.preventDefault();
    show();
  });
  return { dialog, show };
}
