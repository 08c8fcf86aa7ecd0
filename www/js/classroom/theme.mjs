// The light and dark themes: the page follows the system's `prefers-color-scheme` until the
// user picks one with the toggle (or a link carries one, page.theme); the choice goes into
// share links. The theme itself is CSS (style.css's :root[data-theme="light"] variables);
// canvas drawers read it through appearance.mjs and redraw on appearanceChanged().

import { appearanceChanged } from '../appearance.mjs';
import { registerPageSetting } from '../page-settings.mjs';
import { t, onLanguageChange } from '../i18n.mjs';

/** Wires the theme toggle `button`; returns {set(theme), get()}. */
export function installTheme(button) {
  const media = window.matchMedia?.('(prefers-color-scheme: light)');
  let chosen = null; // 'light' | 'dark' once the user (or a link) chose
  const root = document.documentElement;
  const current = () => chosen ?? (media?.matches ? 'light' : 'dark');
  const show = () => {
    const next = current();
    if (root.dataset.theme !== next) {
      root.dataset.theme = next;
      appearanceChanged();
    }
    if (button) {
      // A toggle: a constant name, its state in aria-pressed (and the pressed style).
      button.setAttribute('aria-pressed', String(next === 'light'));
      button.textContent = t('classroom.themeLight');
      button.title = t('classroom.themeTitle');
    }
  };
  const changed = registerPageSetting('theme', {
    read: () => chosen,
    apply: (v) => { if (v === 'light' || v === 'dark') { chosen = v; show(); } },
  });
  media?.addEventListener?.('change', show);
  button?.addEventListener('click', () => { chosen = current() === 'light' ? 'dark' : 'light'; show(); changed(); });
  onLanguageChange(show);
  show();
  return { set: (v) => { chosen = v; show(); changed(); }, get: current };
}
