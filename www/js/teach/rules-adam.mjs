// The Adam family's update rules (Adam, AdamW, NAdam, RAdam) for rules.mjs: the symbolic line,
// then the engine's numbers substituted, every result (bias corrections, m̂, v̂, D, μₜ, Π, ρₜ,
// r, the effective rate, Adam's textbook step) taken from stepDetails' `derived`.

import { fmt } from '../catalog.mjs';
import {
  T, G, Gv, Pt, ETA, LR, S, Sv, one, EPS, B1, B2, tp1, oneMinus, stepLine, decayLine, ema, scalar, effLine, denLine, txt,
  row, mi, mn, mo, sub, sup, frac, sqrt, paren, tint, num, vec, eq, minus, plus, times,
} from './rulekit.mjs';
import { hat } from './math.mjs';
import { t } from '../i18n.mjs';

const Hat = (b) => tint(hat(b, 't'), 'state');
const tLine = (dv) => ({ sym: [mi('t'), eq(), num(dv.step)] });
/** 1 − βᵗ = 1 − (β)^(t) = value. */
const bcLine = (beta, bv, t, v) => scalar([one(), minus(), sup(beta(), mi('t'))], [one(), minus(), sup(num(bv), num(t))], v, 'state');
const moments = (d, h, now, before) => [
  ema(d, 'm', B1, h.betas[0], before.exp_avg, now.exp_avg, false),
  ema(d, 'v', B2, h.betas[1], before.exp_avg_sq, now.exp_avg_sq, true),
];

function adam(d, h, st, ps, dv, adamw) {
  const now = st.moments, before = ps.moments;
  const decoupled = adamw && h.weight_decay;
  const lines = adamw ? [] : decayLine(d, h);
  if (decoupled) {
    lines.push({ sym: [T('t'), mo('←'), T('t'), paren(one(), minus(), ETA(), mi('λ'))], note: t('teach.noteDecoupled') });
    lines.push(scalar([one(), minus(), ETA(), mi('λ')], [one(), minus(), LR(d), times(), num(h.weight_decay)], dv.decay_factor, 'lr', 6));
  }
  lines.push(tLine(dv), ...moments(d, h, now, before));
  const second = h.amsgrad ? st.max_exp_avg_sq : now.exp_avg_sq;
  const vv = h.amsgrad ? S('v', 'max') : S('v');
  if (h.amsgrad) lines.push({ sym: [S('v', 'max'), eq(), mi('max'), paren(S('v', 'max'), mo(','), S('v'))], sub: [Sv(second)] });
  lines.push(bcLine(B1, h.betas[0], dv.step, dv.bias_correction1), bcLine(B2, h.betas[1], dv.step, dv.bias_correction2));
  lines.push({ sym: [Hat('m'), eq(), frac(S('m'), oneMinus(sup(B1(), mi('t'))))], sub: [frac(Sv(now.exp_avg), num(dv.bias_correction1)), eq(), Sv(dv.m_hat)] });
  lines.push({ sym: [Hat('v'), eq(), frac(vv, oneMinus(sup(B2(), mi('t'))))], sub: [frac(Sv(second), num(dv.bias_correction2)), eq(), Sv(dv.v_hat)] });
  lines.push(denLine(dv, [sqrt(Hat('v')), plus(), EPS()], [sqrt(Sv(dv.v_hat)), plus(), num(h.eps)]));
  const start = decoupled ? [num(dv.decay_factor, 6), times(), Pt(d)] : [Pt(d)];
  lines.push(stepLine(d, [ETA(), frac(Hat('m'), mi('D'))], [LR(d), times(), frac(Sv(dv.m_hat), Sv(dv.denominator))], start));
  // The step tutorials print (no bias correction), with this step's m and v.
  const tb = { sym: [ETA(), frac(S('m'), row(sqrt(vv.cloneNode(true)), plus(), EPS()))], sub: [LR(d), times(), frac(Sv(now.exp_avg), row(sqrt(Sv(second)), plus(), num(h.eps))), eq(), tint(vec(dv.textbook_update), 'update')], lead: t('teach.leadTextbook') };
  lines.push(tb);
  lines.push(effLine(dv, [frac(ETA(), row(oneMinus(sup(B1(), mi('t'))), mi('D')))], [frac(LR(d), row(num(dv.bias_correction1), times(), Sv(dv.denominator)))], 'm'));
  const f = (x) => fmt(x, 3);
  return {
    lines,
    textbook: {
      lines: [
        [T(tp1()), eq(), T('t'), minus(), ETA(), frac(S('m'), row(sqrt(S('v')), plus(), EPS()))],
        [eq(), ...start.map((n) => n.cloneNode(true)), minus(), tint(vec(dv.textbook_update), 'update')],
      ],
      note: t('teach.noteAdam', { c1: f(dv.bias_correction1), c2: f(dv.bias_correction2), u0: f(dv.textbook_update[0]), u1: f(dv.textbook_update[1]) }),
    },
  };
}

function nadam(d, h, st, ps, dv) {
  const lines = decayLine(d, h);
  lines.push(tLine(dv), ...moments(d, h, st.moments, ps.moments));
  const mu = (s) => tint(sub('μ', s), 'state');
  const muSym = (s) => [B1(), paren(one(), minus(), frac(one(), mn('2')), sup(mn('0.96'), row(s, mi('ψ'))))];
  const muSub = (s) => [num(h.betas[0]), times(), paren(one(), minus(), frac(one(), mn('2')), sup(mn('0.96'), row(s, times(), num(h.momentum_decay))))];
  lines.push(scalar([mu('t'), eq(), ...muSym(mi('t'))], muSub(num(dv.step)), dv.mu, 'state', 5));
  lines.push(scalar([mu(tp1()), eq(), ...muSym(paren(mi('t'), plus(), one()))], muSub(paren(num(dv.step), plus(), one())), dv.mu_next, 'state', 5));
  lines.push(scalar([S('Π'), eq(), S('Π', row(mi('t'), minus(), one())), mu('t')], [Sv(ps.mu_product), times(), num(dv.mu, 5)], dv.mu_product, 'state'));
  lines.push(bcLine(B2, h.betas[1], dv.step, dv.bias_correction2));
  lines.push(denLine(dv, [sqrt(frac(S('v'), oneMinus(sup(B2(), mi('t'))))), plus(), EPS()], [sqrt(frac(Sv(st.moments.exp_avg_sq), num(dv.bias_correction2))), plus(), num(h.eps)]));
  const cg = () => tint(sub('c', 'g'), 'lr'), cm = () => tint(sub('c', 'm'), 'lr');
  const Pi = () => num(dv.mu_product), cgv = () => tint(num(dv.gradient_coefficient), 'lr'), cmv = () => tint(num(dv.momentum_coefficient), 'lr');
  lines.push(scalar([cg(), eq(), frac(row(ETA(), paren(one(), minus(), mu('t'))), row(one(), minus(), S('Π')))], [frac(row(LR(d), times(), paren(one(), minus(), num(dv.mu, 5))), row(one(), minus(), Pi()))], dv.gradient_coefficient));
  lines.push(scalar([cm(), eq(), frac(row(ETA(), mu(tp1())), row(one(), minus(), S('Π'), mu(tp1())))], [frac(row(LR(d), times(), num(dv.mu_next, 5)), row(one(), minus(), Pi(), times(), num(dv.mu_next, 5)))], dv.momentum_coefficient));
  const D = () => Sv(dv.denominator);
  lines.push(stepLine(d, [cg(), frac(G(), mi('D')), minus(), cm(), frac(S('m'), mi('D'))], [cgv(), times(), frac(Gv(d), D()), minus(), cmv(), times(), frac(Sv(st.moments.exp_avg), D())]));
  lines.push(effLine(dv, [frac(row(cg(), plus(), cm()), mi('D'))], [frac(row(cgv(), plus(), cmv()), D())], t('teach.gAndM')));
  return { lines };
}

function radam(d, h, st, ps, dv) {
  const lines = decayLine(d, h);
  lines.push(tLine(dv), ...moments(d, h, st, ps));
  lines.push(bcLine(B1, h.betas[0], dv.step, dv.bias_correction1));
  lines.push({ sym: [Hat('m'), eq(), frac(S('m'), oneMinus(sup(B1(), mi('t'))))], sub: [frac(Sv(st.exp_avg), num(dv.bias_correction1)), eq(), Sv(dv.m_hat)] });
  const rho = (s) => tint(sub('ρ', s), 'state');
  lines.push(scalar([rho('∞'), eq(), frac(mn('2'), oneMinus(B2())), minus(), one()], [frac(mn('2'), paren(one(), minus(), num(h.betas[1]))), minus(), one()], dv.rho_inf, 'state', 6));
  const b2t = () => sup(num(h.betas[1]), num(dv.step));
  // ρₜ, and which branch it selects (the engine's `rectified`).
  const rhoLine = scalar([rho('t'), eq(), rho('∞'), minus(), frac(row(mn('2'), mi('t'), sup(B2(), mi('t'))), oneMinus(sup(B2(), mi('t'))))],
    [num(dv.rho_inf, 6), minus(), frac(row(mn('2'), times(), num(dv.step), times(), b2t()), paren(one(), minus(), b2t()))], dv.rho_t, 'state', 5);
  rhoLine.sub.push(mo(dv.rectified ? '>' : '≤'), mn('5'));
  rhoLine.note = dv.rectified ? t('teach.noteRectified')
    : t('teach.noteUnrectified');
  lines.push(rhoLine);
  if (dv.rectified) {
    const rt = () => num(dv.rho_t, 5), ri = () => num(dv.rho_inf, 6);
    // (a − 4)(a − 2)b, with a and b node factories (a node can sit in one place only).
    const rS = (a, b) => row(paren(a(), minus(), mn('4')), paren(a(), minus(), mn('2')), b());
    const rt_ = () => rho('t'), ri_ = () => rho('∞');
    lines.push(scalar([mi('r'), eq(), sqrt(frac(rS(rt_, ri_), rS(ri_, rt_)))], [sqrt(frac(rS(rt, ri), rS(ri, rt)))], dv.rectification));
    const adapt = (bc, v, e) => frac(sqrt(oneMinus(bc)), row(sqrt(v), plus(), e));
    const adaptSym = () => adapt(sup(B2(), mi('t')), S('v'), EPS());
    const adaptSub = () => adapt(b2t(), Sv(st.exp_avg_sq), num(h.eps));
    const rv = () => num(dv.rectification);
    lines.push(effLine(dv, [ETA(), mi('r'), adaptSym()], [LR(d), times(), rv(), times(), adaptSub()], 'm̂'));
    lines.push(stepLine(d, [ETA(), mi('r'), adaptSym(), Hat('m')], [tint(vec(dv.effective_lr), 'lr'), times(), Sv(dv.m_hat)]));
  } else {
    lines.push(stepLine(d, [ETA(), Hat('m')], [LR(d), times(), Sv(dv.m_hat)]));
    lines.push(effLine(dv, [ETA()], [LR(d)], 'm̂'));
  }
  return { lines };
}

export const ADAM_RULES = {
  adam: (d, h, st, ps, dv) => adam(d, h, st, ps, dv, false),
  adamw: (d, h, st, ps, dv) => adam(d, h, st, ps, dv, true),
  nadam,
  radam,
};
