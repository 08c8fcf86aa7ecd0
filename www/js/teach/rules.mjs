// Each optimizer's update rule (PyTorch's form, as the engine runs it) as MathML lines: the
// symbolic rule, then the same rule with the engine's numbers for this step substituted
// (stepDetails: gradient, state before/after, hyper-parameters, learning rate, next point, and
// `derived`: bias corrections, corrected moments, denominators, effective rates, ...). Nothing
// is computed here: every result shown is a number the engine reported. Where the textbook form
// differs, `textbook` holds it and what differs. SGD and the adaptive-gradient methods are here,
// the Adam family in rules-adam.mjs.

import { ADAM_RULES } from './rules-adam.mjs';
import { t } from '../i18n.mjs';
import {
  T, G, Gv, ETA, LR, S, Sv, one, EPS, tm1, sq, oneMinus, stepLine, decayLine, ema, scalar, effLine, denLine,
  row, mi, mo, sub, frac, sqrt, paren, tint, num, eq, minus, plus, times,
} from './rulekit.mjs';

const RULES = {
  sgd(d, h, st, ps) {
    const lines = decayLine(d, h);
    if (!h.momentum) {
      lines.push(stepLine(d, [ETA(), G()], [LR(d), times(), Gv(d)]));
      return { lines };
    }
    const prev = ps.momentum_buffer;
    if (prev == null) lines.push({ sym: [S('b', '1'), eq(), tint(sub('g', '1'), 'grad')], sub: [Sv(st.momentum_buffer)] });
    else lines.push({
      sym: [S('b'), eq(), mi('μ'), S('b', tm1()), plus(), oneMinus(mi('τ')), G()],
      sub: [num(h.momentum), times(), Sv(prev), plus(), paren(one(), minus(), num(h.dampening)), times(), Gv(d), eq(), Sv(st.momentum_buffer)],
    });
    if (h.nesterov) lines.push(stepLine(d, [ETA(), paren(G(), plus(), mi('μ'), S('b'))], [LR(d), times(), paren(Gv(d), plus(), num(h.momentum), times(), Sv(st.momentum_buffer))]));
    else lines.push(stepLine(d, [ETA(), S('b')], [LR(d), times(), Sv(st.momentum_buffer)]));
    return {
      lines,
      textbook: {
        lines: [[S('v'), eq(), mi('γ'), S('v', tm1()), plus(), ETA(), G()], [T(row(mi('t'), plus(), one())), eq(), T('t'), minus(), S('v')]],
        note: t('teach.noteMomentum'),
      },
    };
  },
  adagrad(d, h, st, ps, dv) {
    const lines = decayLine(d, h);
    lines.push({ sym: [S('s'), eq(), S('s', tm1()), plus(), sq(G())], sub: [Sv(ps.sum), plus(), sq(Gv(d)), eq(), Sv(st.sum)] });
    // With lr_decay the rate decays with the step count: ηₜ = η / (1 + (t − 1)·δ).
    const decays = Boolean(h.lr_decay);
    const rate = decays ? () => tint(sub('η', 't'), 'lr') : ETA;
    const rateV = () => tint(num(dv.clr), 'lr');
    if (decays) {
      lines.push(scalar([rate(), eq(), frac(ETA(), row(one(), plus(), paren(mi('t'), minus(), one()), mi('δ')))],
        [frac(LR(d), row(one(), plus(), paren(num(dv.step), minus(), one()), times(), num(h.lr_decay)))], dv.clr));
    }
    lines.push(denLine(dv, [sqrt(S('s')), plus(), EPS()], [sqrt(Sv(st.sum)), plus(), num(h.eps)]));
    lines.push(stepLine(d, [rate(), frac(G(), mi('D'))], [rateV(), times(), frac(Gv(d), Sv(dv.denominator))]));
    lines.push(effLine(dv, [frac(rate(), mi('D'))], [frac(rateV(), Sv(dv.denominator))], 'g'));
    return { lines };
  },
  rmsprop(d, h, st, ps, dv) {
    const lines = decayLine(d, h);
    lines.push(ema(d, 'v', () => mi('α'), h.alpha, ps.square_avg, st.square_avg, true));
    if (h.centered) {
      lines.push(ema(d, 'ḡ', () => mi('α'), h.alpha, ps.grad_avg, st.grad_avg, false));
      lines.push(denLine(dv, [sqrt(S('v'), minus(), sq(S('ḡ'))), plus(), EPS()], [sqrt(Sv(st.square_avg), minus(), sq(Sv(st.grad_avg))), plus(), num(h.eps)]));
    } else lines.push(denLine(dv, [sqrt(S('v')), plus(), EPS()], [sqrt(Sv(st.square_avg)), plus(), num(h.eps)]));
    const gOverD = () => frac(Gv(d), Sv(dv.denominator));
    if (h.momentum) {
      lines.push({ sym: [S('b'), eq(), mi('μ'), S('b', tm1()), plus(), frac(G(), mi('D'))], sub: [num(h.momentum), times(), Sv(ps.momentum_buffer), plus(), gOverD(), eq(), Sv(st.momentum_buffer)] });
      lines.push(stepLine(d, [ETA(), S('b')], [LR(d), times(), Sv(st.momentum_buffer)]));
    } else lines.push(stepLine(d, [ETA(), frac(G(), mi('D'))], [LR(d), times(), gOverD()]));
    lines.push(effLine(dv, [frac(ETA(), mi('D'))], [frac(LR(d), Sv(dv.denominator))], h.momentum ? t('teach.gInsideB') : 'g'));
    return { lines };
  },
  adadelta(d, h, st, ps, dv) {
    const lines = decayLine(d, h);
    lines.push(ema(d, 'v', () => mi('ρ'), h.rho, ps.square_avg, st.square_avg, true));
    const rms = (x) => tint(row(mi('RMS'), mo('['), x, mo(']')), 'state');
    const rmsU = () => sub(rms(mi('Δ')), tm1()), rmsG = () => sub(rms(mi('g')), 't');
    lines.push({ sym: [rmsU(), eq(), sqrt(S('u', tm1()), plus(), EPS())], sub: [sqrt(Sv(ps.acc_delta), plus(), num(h.eps)), eq(), Sv(dv.rms_update)] });
    lines.push({ sym: [rmsG(), eq(), sqrt(S('v'), plus(), EPS())], sub: [sqrt(Sv(st.square_avg), plus(), num(h.eps)), eq(), Sv(dv.rms_gradient)] });
    const delta = () => tint(sub('Δ', 't'), 'update');
    const ratio = () => frac(Sv(dv.rms_update), Sv(dv.rms_gradient));
    lines.push({ sym: [delta(), eq(), frac(rmsU(), rmsG()), G()], sub: [ratio(), times(), Gv(d)] });
    lines.push({ sym: [S('u'), eq(), mi('ρ'), S('u', tm1()), plus(), oneMinus(mi('ρ')), sq(delta())], sub: [num(h.rho), times(), Sv(ps.acc_delta), plus(), paren(one(), minus(), num(h.rho)), times(), sq(delta()), eq(), Sv(st.acc_delta)] });
    lines.push(stepLine(d, [ETA(), delta()], [LR(d), times(), ratio(), times(), Gv(d)]));
    lines.push(effLine(dv, [ETA(), frac(rmsU(), rmsG())], [LR(d), times(), ratio()], 'g'));
    return { lines, textbook: { lines: [[T(row(mi('t'), plus(), one())), eq(), T('t'), minus(), delta()]], note: t('teach.noteAdadelta') } };
  },
  ...ADAM_RULES,
};

/** {lines: [{sym, sub?, lead?, note?}] (lead/note: a caption before/after), textbook?: {lines, note}} for a stepDetails result. */
export function ruleFor(d) {
  const h = Object.fromEntries(d.hyper);
  const fn = RULES[d.optimizer];
  if (!fn || !d.gradient || !d.next || !d.derived) return null;
  return fn(d, h, d.state, d.previous_state, d.derived);
}
