// The classroom parts, wired once from boot.mjs: theme (light/dark), leaderboard, keyboard
// on the view and its help, undo/redo of run changes, spoken slider values, and a polite
// live region for what keys did. Each part is its own module; this only builds them.

import { installTheme } from './theme.mjs';
import { Leaderboard } from './leaderboard.mjs';
import { attachKeys } from './keys.mjs';
import { keyHelp } from './help.mjs';
import { Undo } from './undo.mjs';
import { watchSliders } from './valuetext.mjs';
import { el } from '../widgets.mjs';
import { t, onLanguageChange } from '../i18n.mjs';

/** Builds the classroom parts; returns them (api.mjs-style objects for tests and the API). */
export function classroom({ race, view, catalog }) {
  const live = el('p', { className: 'sr-only' });
  live.setAttribute('aria-live', 'polite');
  document.body.append(live);
  const announce = (text) => { live.textContent = text; };

  const theme = installTheme(document.getElementById('theme-toggle'));
  const board = new Leaderboard(race, catalog, document.querySelector('.charts'));
  attachKeys(view, race, announce);
  const help = keyHelp();
  const keys = el('button', { type: 'button', className: 'keys-btn' });
  const label = () => { keys.textContent = t('classroom.keysButton'); };
  label();
  onLanguageChange(label);
  keys.addEventListener('click', () => help.show());
  document.querySelector('.foot')?.append(keys);
  // A removed run: a short notice with Undo (Ctrl+Z works too).
  const toast = el('div', { className: 'undo-toast', hidden: true });
  toast.setAttribute('role', 'status');
  document.getElementById('view')?.append(toast);
  let timer = 0;
  const undo = new Undo(race, {
    onRemoved: (names) => {
      const again = el('button', { type: 'button', textContent: t('classroom.undo') });
      again.addEventListener('click', () => { undo.undo(); toast.hidden = true; });
      toast.replaceChildren(el('span', { textContent: t('classroom.removed', { name: names.join(', ') }) }), again);
      toast.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(() => { toast.hidden = true; }, 8000);
    },
    onChange: () => { if (!toast.hidden && undo.canUndo === false) toast.hidden = true; },
  });
  watchSliders(document);
  return { theme, board, help, undo };
}
