// Shared pieces of the update-rule lines (rules.mjs, rules-adam.mjs): symbols, the engine's
// vectors coloured by role, and the lines every optimizer has (moving averages, the step,
// weight decay, the effective rate). Numbers are substituted as the engine reported them.

import { m, row, mi, mn, mo, sub, sup, frac, sqrt, paren, tint, num, vec, eq, minus, plus, times } from './math.mjs';
import { t } from '../i18n.mjs';

export const T = (s) => sub(mi('θ'), s);
export const G = () => tint(sub('g', 't'), 'grad');
export const Gv = (d) => tint(vec(d.gradient), 'grad');
export const Pt = (d) => vec(d.point);
export const Next = (d) => tint(vec(d.next), 'update');
export const ETA = () => tint(mi('η'), 'lr');
export const LR = (d) => tint(num(d.lr), 'lr');
export const S = (b, s = 't') => tint(sub(b, s), 'state');
export const Sv = (v) => tint(vec(v), 'state');
export const one = () => mn('1');
export const EPS = () => mi('ε');
export const B1 = () => sub('β', '1');
export const B2 = () => sub('β', '2');
export const tm1 = () => row(mi('t'), minus(), one());
export const tp1 = () => row(mi('t'), plus(), one());
/** x², keeping a subscript as a subsup. */
export const sq = (x) => (x.tagName === 'msub' ? m('msubsup', ...x.childNodes, mn('2')) : m('msup', x, mn('2')));
export const oneMinus = (x) => paren(one(), minus(), x);
/** Words inside a formula ("if", "rectified"). */
export const txt = (t) => m('mtext', t);

/** θₜ₊₁ = θₜ − rhs, substituted as `start` − sbs = next. */
export const stepLine = (d, rhs, sbs, start = [Pt(d)]) => ({
  sym: [T(tp1()), eq(), T('t'), minus(), ...rhs],
  sub: [...start, minus(), ...sbs, eq(), Next(d)],
});

/** Coupled (L2) weight decay: g ← g + λθ. */
export const decayLine = (d, h) => (h.weight_decay ? [{ sym: [G(), mo('←'), G(), plus(), mi('λ'), T('t')], sub: [mi('λ'), eq(), num(h.weight_decay)] }] : []);

/** name = β·name₍ₜ₋₁₎ + (1 − β)·g (or g²), with the state before and after. */
export const ema = (d, name, beta, bv, prev, cur, g2) => ({
  sym: [S(name), eq(), beta(), S(name, tm1()), plus(), oneMinus(beta()), g2 ? sq(G()) : G()],
  sub: [num(bv), times(), Sv(prev), plus(), paren(one(), minus(), num(bv)), times(), g2 ? sq(Gv(d)) : Gv(d), eq(), Sv(cur)],
});

/** A scalar the engine derived: symbol = substituted expression = value. */
export const scalar = (sym, subst, v, cls = 'lr', digits = 3) => ({ sym, sub: [...subst, eq(), tint(num(v, digits), cls)] });

/** The engine's per-coordinate effective learning rate: η_eff = expr = subst = value, and
 *  what it multiplies in this step. */
export const effLine = (dv, expr, subst, what) => ({
  sym: [sub(ETA(), txt('eff')), eq(), ...expr],
  sub: [...subst, eq(), tint(vec(dv.effective_lr), 'lr')],
  lead: t('teach.leadEffective', { what }),
});

/** √s + ε style denominator: symbolic `den`, substituted `subst` = engine's value. */
export const denLine = (dv, den, subst) => ({ sym: [mi('D'), eq(), ...den], sub: [...subst, eq(), Sv(dv.denominator)] });

export { m, row, mi, mn, mo, sub, sup, frac, sqrt, paren, tint, num, vec, eq, minus, plus, times };
