// The user's own work kept on this device (localStorage), so a reload, a bad paste or a bad
// link never loses it:
//   gradscape:v1:data     the last regression data the user edited, pasted or loaded (CSV,
//                         data view), as the whole scenario: {saved, n, scenario}
//   gradscape:v1:formula  the last custom formula that loaded: {saved, expr, scenario}
// Saved only after a user's own change was accepted by the engine (never from a link or a
// lesson, never from a rejected CSV or formula). Each value is capped (MAX_CHARS); a value over
// the cap, a full storage (QuotaExceededError) or a disabled one (SecurityError) keeps the
// previous copy and is reported by status(), never thrown.
//
// What wins on load (docs/reliability.md): a link in the address bar wins (the user opened
// it); the kept copies are then offered in the notice ("Restore my last data"/"… formula")
// when they differ from what is shown. Without a link the page starts as usual and offers
// them the same way. A refused link changes nothing and offers them too.

import { t } from '../i18n.mjs';

// Everything read back is untrusted (another version of the page, an extension, a hand edit,
// a disk error): a record of the wrong shape (validate() below) is removed and reported once
// by a 'gradscape:record-dropped' event {kind, reason} on document and in status().dropped,
// never thrown; a record that passes still goes through the engine's validation when it is
// restored.

export const VERSION = 1;
export const KEYS = { data: `gradscape:v${VERSION}:data`, formula: `gradscape:v${VERSION}:formula` };
export const MAX_CHARS = 1_500_000; // per value (localStorage is about 5 M characters per origin)
const MAX_EXPR = 1000; // the engine's longest formula (src/expr MAX_LEN)
const MAX_POINTS = 1_000_000; // the engine's most regression points (src/scenario MAX_POINTS)

function storage() {
  try {
    const s = window.localStorage; // throws SecurityError when storage is disabled
    return s || null;
  } catch {
    return null;
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumbers = (a) => Array.isArray(a) && a.length <= MAX_POINTS && a.every((v) => typeof v === 'number' && Number.isFinite(v));

/** Why `v` is not a valid record of `kind` (a sentence), or '' if it is one. */
export function validate(kind, v) {
  if (!isObject(v)) return `not a record (${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v})`;
  if (v.v !== undefined && v.v !== VERSION) return `written by another version (${JSON.stringify(v.v).slice(0, 20)})`;
  if (v.saved !== undefined && typeof v.saved !== 'string') return 'its date is not text';
  if (!isObject(v.scenario)) return 'it holds no scenario';
  if (!isObject(v.scenario.problem)) return 'its scenario has no problem';
  if (kind === 'data') {
    const reg = v.scenario.problem.regression;
    if (!isObject(reg)) return 'its scenario holds no regression data';
    if (!isNumbers(reg.x) || !isNumbers(reg.y)) return 'its points are not lists of numbers';
    if (reg.x.length !== reg.y.length || reg.x.length === 0) return `its x and y lists do not match (${reg.x.length} and ${reg.y.length} values)`;
    if (v.n !== reg.x.length) return `it says ${typeof v.n === 'number' ? v.n : 'nothing about how many'} points but holds ${reg.x.length}`;
    return '';
  }
  if (kind === 'formula') {
    if (typeof v.expr !== 'string' || !v.expr.trim()) return 'its formula is not text';
    if (v.expr.length > MAX_EXPR) return `its formula is too long (${v.expr.length} characters)`;
    if (v.scenario.problem.expr !== v.expr) return 'its scenario is not for its formula';
    return '';
  }
  return 'unknown kind';
}

export class Store {
  constructor() {
    this.lastError = null;
    this.dropped = []; // [{kind, reason}] records removed since the page started
  }

  get available() { return storage() !== null; }

  /** The kept record of `kind` ('data', 'formula'), or null; a damaged one is removed. */
  read(kind) {
    const s = storage();
    if (!s || !(kind in KEYS)) return null;
    let text;
    try {
      text = s.getItem(KEYS[kind]);
    } catch {
      return null;
    }
    if (text == null) return null;
    let v, reason;
    if (text.length > MAX_CHARS + 100) reason = t('safety.reasonLarge', { n: text.length });
    else {
      try { v = JSON.parse(text); reason = validate(kind, v); } catch { reason = t('safety.reasonJson'); }
    }
    if (!reason) return v;
    this.drop(kind, reason);
    return null;
  }

  drop(kind, reason) {
    try { storage()?.removeItem(KEYS[kind]); } catch { /* nothing more to do */ }
    this.dropped.push({ kind, reason });
    document.dispatchEvent(new CustomEvent('gradscape:record-dropped', { detail: { kind, reason } }));
  }

  /** Saves; returns true if kept. Never throws. The outcome is also told by the
   *  'gradscape:store-write' event {kind, ok, reason, n} on document. */
  write(kind, value) {
    const ok = this.put(kind, value);
    document.dispatchEvent(new CustomEvent('gradscape:store-write', { detail: { kind, ok, reason: ok ? null : this.lastError, n: value?.n } }));
    return ok;
  }

  put(kind, value) {
    const s = storage();
    if (!s) { this.lastError = t('safety.reasonDisabled'); return false; }
    let text;
    try {
      text = JSON.stringify({ ...value, v: VERSION, saved: new Date().toISOString() });
    } catch (e) {
      this.lastError = t('safety.reasonNotStorable', { error: e.message || e });
      return false;
    }
    if (text.length > MAX_CHARS) {
      this.lastError = t('safety.reasonTooLarge', { n: text.length, max: MAX_CHARS });
      return false;
    }
    try {
      s.setItem(KEYS[kind], text);
      this.lastError = null;
      return true;
    } catch (e) {
      this.lastError = t('safety.reasonFull', { error: e.name || e });
      return false;
    }
  }

  status() {
    const d = this.read('data'), f = this.read('formula');
    return {
      available: this.available,
      data: d ? { n: d.n, saved: d.saved } : null,
      formula: f ? { expr: f.expr, saved: f.saved } : null,
      lastError: this.lastError,
      dropped: this.dropped.slice(),
    };
  }
}
