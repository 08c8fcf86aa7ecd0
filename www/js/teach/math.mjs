// A tiny MathML builder on DOM APIs (no innerHTML, so any text is safe): Chromium renders
// MathML natively. Numbers come formatted from the engine's values; nothing is computed here.

import { fmt } from '../catalog.mjs';

const NS = 'http://www.w3.org/1998/Math/MathML';

/** A MathML element `tag` with children (strings become text). */
export function m(tag, ...kids) {
  const e = document.createElementNS(NS, tag);
  for (const k of kids) if (k != null && k !== false) e.append(typeof k === 'string' ? document.createTextNode(k) : k);
  return e;
}

export const row = (...k) => m('mrow', ...k);
export const mi = (t) => m('mi', t);
export const mn = (t) => m('mn', t);
export const mo = (t) => m('mo', t);
export const sub = (b, s) => m('msub', typeof b === 'string' ? mi(b) : b, typeof s === 'string' ? mi(s) : s);
export const sup = (b, s) => m('msup', typeof b === 'string' ? mi(b) : b, typeof s === 'string' ? mn(s) : s);
export const subsup = (b, s, p) => m('msubsup', typeof b === 'string' ? mi(b) : b, typeof s === 'string' ? mi(s) : s, typeof p === 'string' ? mn(p) : p);
export const frac = (a, b) => m('mfrac', a, b);
export const sqrt = (...k) => m('msqrt', ...k);
export const hat = (b, s) => {
  const over = m('mover', mi(b), mo('^'));
  over.setAttribute('accent', 'true');
  return s ? m('msub', over, mi(s)) : over;
};
const fixed = (t) => { const o = mo(t); o.setAttribute('stretchy', 'false'); return o; };
export const paren = (...k) => row(fixed('('), ...k, fixed(')'));

/** Colours a node (class names are styled in teach.css: grad, update, state, lr). */
export function tint(node, cls) { node.classList.add(cls); return node; }

/** A number as MathML (negative numbers keep their minus sign inside the token). */
export function num(v, digits = 3) {
  if (typeof v === 'boolean') return mi(String(v));
  return mn(fmt(v, digits).replace('-', '−'));
}

/** A 2-vector [x, y] as (x, y). */
export function vec(v, digits = 3) {
  if (!Array.isArray(v)) return num(v, digits);
  return row(fixed('('), num(v[0], digits), mo(','), num(v[1], digits), fixed(')'));
}

/** A <math> element holding the row (laid out as a line by its container). */
export function block(...k) {
  return m('math', row(...k));
}

export const eq = () => mo('=');
export const minus = () => mo('−');
export const plus = () => mo('+');
export const times = () => mo('·');
export const larr = () => mo('←');
