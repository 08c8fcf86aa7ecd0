// The page's languages (English and 简体中文): every user-facing string is looked up here by
// key, never written into a module. Catalogues live in www/js/messages/, one file per area
// of the page (core, classroom, explore, …), so that areas can grow their strings without
// touching each other's files; messages/index.mjs lists the areas. The page starts with the
// first part's areas (messages/first.mjs) and adds the rest with addAreas() once the first
// frame is painted (boot-panel.mjs).
//
// t('run.diverged', { step: 75 }) → "diverged at step 75" / "在第 75 步发散".
// A key missing in the current language falls back to English, then to the key itself; the
// catalogue test (tests/browser/messages.test.mjs) fails when any key is missing in either.

import { firstAreas } from './messages/first.mjs';

/** The languages the page speaks, in the order the language menu lists them. */
export const LANGUAGES = Object.freeze(['en', 'zh-CN']);

// One key → text table per language, built the first time that language is asked for: a
// page in English never builds the Chinese one (and the first frame waits for neither).
const built = new Map();
const areas = [...firstAreas];
let current = 'en';
const listeners = new Set();

function table(code) {
  let out = built.get(code);
  if (!out && LANGUAGES.includes(code)) {
    out = new Map();
    for (const area of areas) for (const [key, text] of Object.entries(area[code] || {})) out.set(key, text);
    built.set(code, out);
  }
  return out;
}

/** Adds message areas (each { en: {…}, 'zh-CN': {…} }; those already known are skipped). */
export function addAreas(list) {
  for (const area of list) {
    if (areas.includes(area)) continue;
    areas.push(area);
    for (const [code, out] of built) for (const [key, text] of Object.entries(area[code] || {})) out.set(key, text);
  }
}

/**
 * The supported language closest to a BCP 47 tag ("zh", "zh-Hans-CN", "zh-TW" → "zh-CN";
 * anything else → "en"), or null for a tag that is not a string.
 */
export function matchLanguage(tag) {
  if (typeof tag !== 'string' || tag === '') return null;
  const lower = tag.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/**
 * The language to start in: a link's `lang` wins, then the browser's preferences
 * (navigator.languages), then English.
 */
export function chooseLanguage({ linkLang = null, browserLanguages = [] } = {}) {
  const fromLink = matchLanguage(linkLang);
  if (fromLink) return fromLink;
  for (const tag of browserLanguages || []) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

/** The current language code ("en" or "zh-CN"). */
export function language() {
  return current;
}

/** Switches the language and tells every listener (each re-renders its own strings). */
export function setLanguage(code) {
  const next = matchLanguage(code) || 'en';
  if (next === current) return;
  current = next;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
    translateTree(document);
  }
  for (const fn of [...listeners]) fn(next);
}

/** Calls `fn(code)` after every language change; returns a function that stops it. */
export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** True when `key` has a text in `code` (the catalogue test and the scan use it). */
export function hasMessage(key, code = current) {
  return table(code)?.has(key) ?? false;
}

/** Every key of one language's table. */
export function messageKeys(code = current) {
  return [...(table(code)?.keys() ?? [])];
}

/**
 * The text of `key` in the current language with `{name}` placeholders filled from
 * `params`. Numbers are written as given: callers format them (units differ per field).
 */
export function t(key, params = {}) {
  const text = table(current).get(key) ?? table('en').get(key) ?? key;
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/**
 * Fills the static markup: `data-i18n="key"` sets the text, `data-i18n-title`,
 * `data-i18n-aria-label` and `data-i18n-placeholder` set those attributes.
 */
export function translateTree(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const attrs = [['i18nTitle', 'title'], ['i18nAriaLabel', 'aria-label'], ['i18nPlaceholder', 'placeholder']];
  for (const [data, attr] of attrs) {
    const selector = `[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const el of root.querySelectorAll(selector)) el.setAttribute(attr, t(el.dataset[data]));
  }
}
