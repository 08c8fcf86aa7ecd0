// The page's language: chosen once at start (before any part builds its strings) from the
// address's `?lang=` (a link written for a course page), then the share link's page.lang,
// then the browser's languages (navigator.languages), else English; switched from the
// language menu in the page header. The share link carries it as page.lang (page-settings).
//
// A switch reopens the page at the current state's link in the new language (the state is
// the link: runs, step, view, settings), so that every part is built in one language once:
// no part has to keep a second copy of its texts up to date, and nothing stays half in the
// old language.

import { LANGUAGES, chooseLanguage, language, setLanguage, translateTree, t, matchLanguage } from '../i18n.mjs';
import { registerPageSetting } from '../page-settings.mjs';
import { el } from '../widgets.mjs';

const NAMES = { en: 'English', 'zh-CN': '简体中文' };
let explicit = false; // chosen (menu, ?lang=, the link), not only the browser's

/** The `lang` of the address's query (?lang=zh-CN), or null. */
export function queryLanguage(search = location.search) {
  return matchLanguage(new URLSearchParams(search).get('lang'));
}

/** The page.lang of the share link in `hash` ('#s=…'), or null; never throws. */
function linkLanguage(hash, scenarioFromLink) {
  const frag = (hash || '').replace(/^#/, '');
  if (!frag || !scenarioFromLink) return null;
  try {
    return JSON.parse(scenarioFromLink(frag)).page?.lang ?? null;
  } catch {
    return null; // the link module reports a bad link
  }
}

/** Chooses and applies the start language; call after the engine loaded (it reads the
 *  link), before the page is built; without `scenarioFromLink` (before the engine loaded,
 *  for the loading errors) from the address and the browser only. Returns the code. */
export function startLanguage(scenarioFromLink) {
  const linkLang = linkLanguage(location.hash, scenarioFromLink);
  explicit = Boolean(queryLanguage() || matchLanguage(linkLang));
  const code = queryLanguage() || chooseLanguage({
    linkLang,
    browserLanguages: navigator.languages?.length ? navigator.languages : [navigator.language],
  });
  setLanguage(code);
  document.documentElement.lang = code;
  translateTree(document);
  return code;
}

/**
 * Adds the language menu to the header and registers page.lang. `link()` gives the share
 * URL of the current state (teach/link.mjs), read after the new language is chosen.
 */
export function languageMenu({ link, host = document.querySelector('.brand') }) {
  let chosen = null;
  const changed = registerPageSetting('lang', {
    read: () => chosen ?? (explicit ? language() : null),
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
