// The language menu in the page header and the share link's page.lang (page-settings),
// added late (reach/index.mjs); the start language is language.mjs's (the first part of
// booting).
//
// A switch reopens the page at the current state's link in the new language (the state is
// the link: runs, step, view, settings), so that every part is built in one language once:
// no part has to keep a second copy of its texts up to date, and nothing stays half in the
// old language.

import { LANGUAGES, language, t, matchLanguage } from '../i18n.mjs';
import { registerPageSetting } from '../page-settings.mjs';
import { el } from '../widgets.mjs';
import { chosenExplicitly, queryLanguage } from './language.mjs';

const NAMES = { en: 'English', 'zh-CN': '简体中文' };

/**
 * Adds the language menu to the header and registers page.lang. `link()` gives the share
 * URL of the current state (teach/link.mjs), read after the new language is chosen.
 */
export function languageMenu({ link, host = document.querySelector('.brand') }) {
  let chosen = null;
  const changed = registerPageSetting('lang', {
    read: () => chosen ?? (chosenExplicitly() ? language() : null),
    // A link opened later (a hash change) in another language reopens in it, unless the
    // address asks for one language (?lang=).
    apply: (v) => { const code = matchLanguage(v); if (code && code !== language() && !queryLanguage()) switchTo(code); },
  });
  const select = el('select', { className: 'lang-menu' });
  select.setAttribute('aria-label', t('reach.language'));
  for (const code of LANGUAGES) select.append(el('option', { value: code, textContent: NAMES[code] }));
  select.value = language();
  select.addEventListener('change', () => switchTo(select.value));
  host?.append(select);

  function switchTo(code) {
    chosen = code;
    changed();
    const url = new URL(link());
    const search = new URLSearchParams(location.search);
    if (search.has('lang')) search.set('lang', code);
    url.search = search.toString();
    history.replaceState(null, '', url.href);
    location.reload();
  }
  return select;
}
