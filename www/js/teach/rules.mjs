// Each optimizer's update rule (PyTorch's form, as the engine runs it) as MathML lines: the
// symbolic rule, then the same rule with the engine's numbers for this step substituted
// (stepDetails: gradient, state before/after, hyper-parameters, learning rate, next point).
// Derived numbers (bias corrections, m̂, ρₜ, …) are left as expressions: they are not computed
// here. Where the textbook form differs, `textbook` holds it and what differs.

import { row, mi, mo, sub, sup, frac, sqrt, hat, paren, tint, num, vec, eq, minus, plus, times } from './math.mjs';

const T = (s) => sub(mi('θ'), s);
const G = () => tint(sub('g', 't'), 'grad');
const Gv = (d) => tint(vec(d.gradient), 'grad');
const Pt = (d) => vec(d.point);
const Next = (d) => tint(vec(d.next), 'update');
const ETA = () => tint(mi('η'), 'lr');
const LR = (d) => tint(num(d.lr), 'lr');
const S = (b, s = 't') => tint(sub(b, s), 'state');
const Sv = (v) => tint(vec(v), 'state');
const one = () => m1('1');
function m1(t) { const e = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mn'); e.textContent = t; return e; }
const sq = (x) => (x.tagName === 'msub' ? m2('msubsup', ...x.childNodes, m1('2')) : m2('msup', x, m1('2')));
function m2(tag, ...k) { const e = document.createElementNS('http://www.w3.org/1998/Math/MathML', tag); e.append(...k); return e; }
const EPS = () => mi('ε');
const oneMinus = (x) => paren(one(), minus(), x);
const stepLine = (d, rhs, sbs) => ({ sym: [T(row(mi('t'), plus(), one())), eq(), T('t'), minus(), ...rhs], sub: [Pt(d), minus(), ...sbs, eq(), Next(d)] });
const decayLine = (d, h) => (h.weight_decay ? [{ sym: [G(), mo('←'), G(), plus(), mi('λ'), T('t')], sub: [mi('λ'), eq(), num(h.weight_decay)] }] : []);
const ema = (d, name, beta, bv, prev, cur, g2) => ({
  sym: [S(name), eq(), beta(), S(name, row(mi('t'), minus(), one())), plus(), oneMinus(beta()), g2 ? sq(G()) : G()],
  sub: [num(bv), times(), Sv(prev), plus(), paren(one(), minus(), num(bv)), times(), g2 ? sq(Gv(d)) : Gv(d), eq(), Sv(cur)],
});
const B1 = () => sub('β', '1'), B2 = () => sub('β', '2');

function adamLike(d, h, st, ps) {
  const t = st.step ?? '';
  const lines = [{ sym: [mi('t'), eq(), num(t)], sub: null }];
  lines.push(ema(d, 'm', B1, h.betas[0], ps.exp_avg, st.exp_avg, false));
  lines.push(ema(d, 'v', B2, h.betas[1], ps.exp_avg_sq, st.exp_avg_sq, true));
  return lines;
}

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
      sym: [S('b'), eq(), mi('μ'), S('b', row(mi('t'), minus(), one())), plus(), oneMinus(mi('τ')), G()],
      sub: [num(h.momentum), times(), Sv(prev), plus(), paren(one(), minus(), num(h.dampening)), times(), Gv(d), eq(), Sv(st.momentum_buffer)],
    });
    if (h.nesterov) lines.push(stepLine(d, [ETA(), paren(G(), plus(), mi('μ'), S('b'))], [LR(d), times(), paren(Gv(d), plus(), num(h.momentum), times(), Sv(st.momentum_buffer))]));
    else lines.push(stepLine(d, [ETA(), S('b')], [LR(d), times(), Sv(st.momentum_buffer)]));
    return {
      lines,
      textbook: {
        lines: [[S('v'), eq(), mi('γ'), S('v', row(mi('t'), minus(), one())), plus(), ETA(), G()], [T(row(mi('t'), plus(), one())), eq(), T('t'), minus(), S('v')]],
        note: 'The textbook velocity v includes η; PyTorch keeps the buffer b without η and multiplies at the step (v = η·b). The paths agree while η is constant; with a schedule the textbook velocity still carries the old η, PyTorch\'s does not. Dampening τ and the first step b₁ = g₁ are PyTorch\'s.',
      },
    };
  },
  adagrad(d, h, st, ps) {
    const lines = decayLine(d, h);
      lines.push({ sym: [S('s'), eq(), S('s', row(mi('t'), minus(), one())), plus(), sq(G())], sub: [Sv(ps.sum), plus(), sq(Gv(d)), eq(), Sv(st.sum)] });
    const clr = h.lr_decay ? frac(ETA(), row(one(), plus(), paren(mi('t'), minus(), one()), mi('δ'))) : ETA();
    lines.push(stepLine(d, [clr, frac(G(), row(sqrt(S('s')), plus(), EPS()))], [LR(d), times(), frac(Gv(d), row(sqrt(Sv(st.sum)), plus(), num(h.eps)))]));
    if (h.lr_decay) lines.push({ sym: [mi('t'), eq(), num(st.step), mo(','), mi('δ'), eq(), num(h.lr_decay)], sub: null });
    return { lines };
  },
  rmsprop(d, h, st, ps) {
    const lines = decayLine(d, h);
      lines.push(ema(d, 'v', () => mi('α'), h.alpha, ps.square_avg, st.square_avg, true));
    let den = row(sqrt(S('v')), plus(), EPS());
    if (h.centered) {
          lines.push(ema(d, 'ḡ', () => mi('α'), h.alpha, ps.grad_avg, st.grad_avg, false));
      den = row(sqrt(S('v'), minus(), sq(S('ḡ'))), plus(), EPS());
    }
    if (h.momentum) {
      lines.push({ sym: [S('b'), eq(), mi('μ'), S('b', row(mi('t'), minus(), one())), plus(), frac(G(), den)], sub: [num(h.momentum), times(), Sv(ps.momentum_buffer), plus(), mo('…'), eq(), Sv(st.momentum_buffer)] });
      lines.push(stepLine(d, [ETA(), S('b')], [LR(d), times(), Sv(st.momentum_buffer)]));
    } else {
      const subDen = h.centered ? mo('…') : row(sqrt(Sv(st.square_avg)), plus(), num(h.eps));
      lines.push(stepLine(d, [ETA(), frac(G(), den.cloneNode(true))], [LR(d), times(), frac(Gv(d), subDen)]));
    }
    return { lines };
  },
  adadelta(d, h, st, ps) {
    const lines = decayLine(d, h);
      lines.push(ema(d, 'v', () => mi('ρ'), h.rho, ps.square_avg, st.square_avg, true));
    const delta = tint(sub('Δ', 't'), 'update');
    lines.push({ sym: [delta, eq(), frac(sqrt(S('u', row(mi('t'), minus(), one())), plus(), EPS()), sqrt(S('v'), plus(), EPS())), G()], sub: null });
    lines.push({ sym: [S('u'), eq(), mi('ρ'), S('u', row(mi('t'), minus(), one())), plus(), oneMinus(mi('ρ')), sq(delta.cloneNode(true))], sub: [num(h.rho), times(), Sv(ps.acc_delta), plus(), mo('…'), eq(), Sv(st.acc_delta)] });
    lines.push(stepLine(d, [ETA(), delta.cloneNode(true)], [LR(d), times(), tint(sub('Δ', 't'), 'update')]));
    return { lines, textbook: { lines: [[T(row(mi('t'), plus(), one())), eq(), T('t'), minus(), tint(sub('Δ', 't'), 'update')]], note: 'Zeiler\'s Adadelta has no learning rate (it is "learning-rate free"); PyTorch multiplies the step by lr, default 1.0, which gives the same update.' } };
  },
  adam(d, h, st, ps, adamw) {
    const mo1 = st.moments, mo0 = ps.moments;
    const lines = adamw ? [] : decayLine(d, h);
    if (adamw && h.weight_decay) lines.push({ sym: [T('t'), mo('←'), T('t'), paren(one(), minus(), ETA(), mi('λ'))], sub: [mi('λ'), eq(), num(h.weight_decay)] });
    lines.push(...adamLike(d, h, mo1, mo0));
    const vv = h.amsgrad ? S('v', 'max') : S('v');
    if (h.amsgrad) lines.push({ sym: [S('v', 'max'), eq(), mi('max'), paren(S('v', 'max'), mo(','), S('v'))], sub: [Sv(st.max_exp_avg_sq)] });
    const t = mo1.step;
    lines.push({ sym: [hat('m', 't'), eq(), frac(S('m'), oneMinus(sup(B1(), mi('t'))))], sub: [frac(Sv(mo1.exp_avg), oneMinus(sup(num(h.betas[0]), num(t))))] });
    lines.push({ sym: [hat('v', 't'), eq(), frac(vv, oneMinus(sup(B2(), mi('t'))))], sub: [frac(Sv(h.amsgrad ? st.max_exp_avg_sq : mo1.exp_avg_sq), oneMinus(sup(num(h.betas[1]), num(t))))] });
    lines.push(stepLine(d, [ETA(), frac(hat('m', 't'), row(sqrt(hat('v', 't')), plus(), EPS()))], [LR(d), times(), frac(hat('m', 't'), row(sqrt(hat('v', 't')), plus(), num(h.eps)))]));
    return {
      lines,
      textbook: {
        lines: [[T(row(mi('t'), plus(), one())), eq(), T('t'), minus(), ETA(), frac(S('m'), row(sqrt(S('v')), plus(), EPS()))]],
        note: 'Many tutorials print Adam without bias correction. PyTorch divides m by 1 − β₁ᵗ and v by 1 − β₂ᵗ: both start at 0, so early steps would otherwise be far too small. The factors tend to 1 as t grows.',
      },
    };
  },
  adamw(d, h, st, ps) { return RULES.adam(d, h, st, ps, true); },
  nadam(d, h, st, ps) {
    const lines = decayLine(d, h);
    lines.push(...adamLike(d, h, st.moments, ps.moments));
    const mu = (s) => sub('μ', s);
    lines.push({ sym: [mu('t'), eq(), B1(), paren(one(), minus(), frac(one(), m1('2')), sup(m1('0.96'), row(mi('t'), mi('ψ'))))], sub: [mi('ψ'), eq(), num(h.momentum_decay)] });
    lines.push({ sym: [S('Π'), eq(), S('Π', row(mi('t'), minus(), one())), mu('t')], sub: [Sv(ps.mu_product), mo('→'), Sv(st.mu_product)] });
    lines.push(stepLine(d, [ETA(), frac(row(one(), minus(), mu('t')), row(one(), minus(), S('Π'))), frac(G(), mi('D')), plus(), ETA(), frac(mu(row(mi('t'), plus(), one())), row(one(), minus(), S('Π'), mu(row(mi('t'), plus(), one())))), frac(S('m'), mi('D'))], [LR(d), times(), mo('…')]));
    lines.push({ sym: [mi('D'), eq(), sqrt(frac(S('v'), oneMinus(sup(B2(), mi('t'))))), plus(), EPS()], sub: null });
    return { lines };
  },
  radam(d, h, st, ps) {
    const lines = decayLine(d, h);
    lines.push(...adamLike(d, h, st, ps));
    lines.push({ sym: [hat('m', 't'), eq(), frac(S('m'), oneMinus(sup(B1(), mi('t'))))], sub: null });
    lines.push({ sym: [sub('ρ', 't'), eq(), sub('ρ', '∞'), minus(), frac(row(m1('2'), mi('t'), sup(B2(), mi('t'))), oneMinus(sup(B2(), mi('t'))))], sub: [sub('ρ', '∞'), eq(), frac(m1('2'), oneMinus(num(h.betas[1]))), minus(), one()] });
    lines.push(stepLine(d, [ETA(), hat('m', 't'), mi('r'), frac(sqrt(oneMinus(sup(B2(), mi('t')))), row(sqrt(S('v')), plus(), EPS())), mo('  if '), sub('ρ', 't'), mo('>'), m1('5'), mo(', else '), ETA(), hat('m', 't')], [LR(d), times(), mo('…')]));
    return { lines };
  },
};

/** {lines: [{sym, sub}], textbook?: {lines, note}} for a stepDetails result. */
export function ruleFor(d) {
  const h = Object.fromEntries(d.hyper);
  const fn = RULES[d.optimizer];
  if (!fn || !d.gradient || !d.next) return null;
  return fn(d, h, d.state, d.previous_state);
}

