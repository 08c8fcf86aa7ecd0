// Page settings owned by parts of the page outside the teaching layer (the 3-D view, the grid
// layout, the theme, the language): each part registers how to read and apply its own field
// of the scenario's `page` object, and the share link (teach/link.mjs) carries them all
// without knowing them. A field registered after a link was opened still gets the link's
// value, so boot order does not matter.

const fields = new Map();
const listeners = new Set();
let lastApplied = {};

/**
 * Registers the page field `name`: `read()` gives its current value (null or undefined:
 * leave it out of links), `apply(value)` shows a link's value. Returns `changed()`, to call
 * whenever the value changes, so that the share link is rewritten.
 */
export function registerPageSetting(name, { read, apply }) {
  fields.set(name, { read, apply });
  if (lastApplied[name] !== undefined) apply(lastApplied[name]);
  return () => { for (const fn of [...listeners]) fn(name); };
}

/** Every registered field's current value (fields whose value is null are left out). */
export function readPageSettings() {
  const out = {};
  for (const [name, { read }] of fields) {
    const value = read();
    if (value !== null && value !== undefined) out[name] = value;
  }
  return out;
}

/** Applies a scenario's `page` object to every registered field it names. */
export function applyPageSettings(page) {
  lastApplied = { ...(page || {}) };
  for (const [name, { apply }] of fields) if (lastApplied[name] !== undefined) apply(lastApplied[name]);
}

/** Calls `fn(name)` whenever a registered field changes; returns a function that stops it. */
export function onPageSettingChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
