// The page's languages (English and 简体中文): every user-facing string is looked up here by
// key, never written into a module. Catalogues live in www/js/messages/, one file per area
// of the page (core, classroom, explore, …), so that areas can grow their strings without
// touching each other's files; messages/index.mjs lists the areas.
//
// t('run.diverged', { step: 75 }) → "diverged at step 75" / "在第 75 步发散".
// A key missing in the current language falls back to English, then to the key itself; the
// catalogue test (tests/browser/messages.test.mjs) fails when any key is missing in either.

import { areas } from './messages/index.mjs';

/** The languages the page speaks, in the order the language menu lists them. */
export const LANGUAGES = Object.freeze(['en', 'zh-CN']);

const tables = buildTables(areas);
let current = 'en';
const listeners = new Set();

function buildTables(list) {
  const out = Object.fromEntries(LANGUAGES.map((code) => [code, new Map()]));
  for (const area of list) {
    for (const code of LANGUAGES) {
      for (const [key, text] of Object.entries(area[code] || {})) out[code].set(key, text);
    }
  }
  return out;
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
  return tables[code]?.has(key) ?? false;
}

/** Every key of one language's table. */
export function messageKeys(code = current) {
  return [...(tables[code]?.keys() ?? [])];
}

/**
 * The text of `key` in the current language with `{name}` placeholders filled from
 * `params`. Numbers are written as given: callers format them (units differ per field).
 */
export function t(key, params = {}) {
  const text = tables[current].get(key) ?? tables.en.get(key) ?? key;
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
