// The page's language: chosen once at start (before any part builds its strings) from the
// address's `?lang=` (a link written for a course page), then the share link's page.lang,
// then the browser's languages (navigator.languages), else English; switched from the
// language menu in the page header. The share link carries it as page.lang (page-settings).
//
// The menu and the page.lang setting are language-menu.mjs's, built late: this module is
// in the first part of booting (boot.mjs), so it imports nothing the first frame does not
// need.

import { chooseLanguage, setLanguage, translateTree, matchLanguage } from '../i18n.mjs';

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

/** Whether the start language was chosen (?lang=, the link) rather than the browser's. */
export function chosenExplicitly() {
  return explicit;
}
