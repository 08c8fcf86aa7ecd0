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

export const VERSION = 1;
export const KEYS = { data: `gradscape:v${VERSION}:data`, formula: `gradscape:v${VERSION}:formula` };
export const MAX_CHARS = 1_500_000; // per value (localStorage is about 5 M characters per origin)

function storage() {
  try {
    const s = window.localStorage; // throws SecurityError when storage is disabled
    return s || null;
  } catch {
    return null;
  }
}

export class Store {
  constructor() {
    this.lastError = null;
  }

  get available() { return storage() !== null; }

  read(kind) {
    const s = storage();
    if (!s) return null;
    try {
      const v = JSON.parse(s.getItem(KEYS[kind]) || 'null');
      return v && typeof v === 'object' && v.scenario && typeof v.scenario === 'object' ? v : null;
    } catch {
      return null; // a damaged copy is ignored (and left as it is)
    }
  }

  /** Saves; returns true if kept. Never throws. */
  write(kind, value) {
    const s = storage();
    if (!s) { this.lastError = 'storage is disabled in this browser'; return false; }
    let text;
    try {
      text = JSON.stringify({ ...value, saved: new Date().toISOString() });
    } catch (e) {
      this.lastError = `not storable: ${e.message || e}`;
      return false;
    }
    if (text.length > MAX_CHARS) {
      this.lastError = `too large to keep on this device (${text.length} characters, limit ${MAX_CHARS}); the previous copy is kept`;
      return false;
    }
    try {
      s.setItem(KEYS[kind], text);
      this.lastError = null;
      return true;
    } catch (e) {
      this.lastError = `the browser's storage is full or refused it (${e.name || e}); the previous copy is kept`;
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
    };
  }
}
