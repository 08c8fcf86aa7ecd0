// The equation panel (on the view, top left): the selected run's update rule with this step's
// numbers substituted (raw state and the engine's derived quantities), the textbook form where
// it differs, the stability bound, and every value the engine reported (stepDetails) in a table.

import { fmt, int } from '../catalog.mjs';
import { el } from '../widgets.mjs';
import { block, mo } from './math.mjs';
import { ruleFor } from './rules.mjs';
import { t } from '../i18n.mjs';
import { morphChildren } from '../morph.mjs';

const LABELS = { exp_avg: 'm (exp_avg)', exp_avg_sq: 'v (exp_avg_sq)', momentum_buffer: 'b (momentum_buffer)', sum: 's (sum)', square_avg: 'v (square_avg)', acc_delta: 'u (acc_delta)', grad_avg: 'ḡ (grad_avg)', mu_product: 'Π (mu_product)', max_exp_avg_sq: 'v_max (max_exp_avg_sq)', step: 't (step)' };

const DERIVED = { effective_lr: 'η_eff', step: 't', clr: 'ηₜ (clr)', denominator: 'D', bias_correction1: '1 − β₁ᵗ', bias_correction2: '1 − β₂ᵗ', m_hat: 'm̂', v_hat: 'v̂', textbook_update: 'textbook step', decay_factor: '1 − ηλ', rms_update: 'RMS[Δ]ₜ₋₁', rms_gradient: 'RMS[g]ₜ', mu: 'μₜ', mu_next: 'μₜ₊₁', mu_product: 'Π', gradient_coefficient: 'c_g', momentum_coefficient: 'c_m', rho_inf: 'ρ∞', rho_t: 'ρₜ', rectified: 'rectified', rectification: 'r' };

const show = (v) => (Array.isArray(v) ? `(${v.map((x) => show(x)).join(', ')})` : typeof v === 'number' ? fmt(v, 6) : String(v));

export class EquationPanel {
  constructor(host) {
    this.root = el('section', { className: 'equations' });
    this.root.setAttribute('aria-label', t('teach.updateRule'));
    host.append(this.root);
  }

  set hidden(h) { this.root.hidden = h; }

  /** Renders run `run` (scenario object) at `d` (stepDetails) with curvature `c`. */
  render(run, d, c) {
    const head = el('header', { className: 'eq-head' });
    const sw = el('i', { className: 'eq-swatch' });
    sw.style.setProperty('--run', run.color);
    const dock = el('button', { type: 'button', className: 'icon dock', textContent: '⇆', title: t('classroom.movePanel') });
    dock.setAttribute('aria-label', t('classroom.movePanel'));
    dock.addEventListener('click', () => this.onMove?.());
    // Collapsed to its header line, the panel covers almost nothing.
    const fold = el('button', { type: 'button', className: 'icon fold', textContent: this.collapsed ? '▸' : '▾', title: t(this.collapsed ? 'classroom.expandPanel' : 'classroom.collapsePanel') });
    fold.setAttribute('aria-label', t(this.collapsed ? 'classroom.expandPanel' : 'classroom.collapsePanel'));
    fold.setAttribute('aria-expanded', String(!this.collapsed));
    fold.addEventListener('click', () => {
      this.collapsed = !this.collapsed;
      this.root.classList.toggle('collapsed', this.collapsed);
      fold.textContent = this.collapsed ? '▸' : '▾';
      fold.setAttribute('aria-expanded', String(!this.collapsed));
      fold.setAttribute('aria-label', t(this.collapsed ? 'classroom.expandPanel' : 'classroom.collapsePanel'));
      this.onCollapse?.();
    });
    this.root.classList.toggle('collapsed', Boolean(this.collapsed));
    head.append(sw, el('strong', { textContent: run.name }), el('span', { className: 'muted', textContent: ` ${t('teach.stepHead', { optimizer: d.optimizer, k: int(d.step), next: int(d.step + 1) })}` }), dock, fold);
    const kids = [head];
    const rule = d.next ? ruleFor(d) : null;
    if (!rule) kids.push(el('p', { className: 'muted', textContent: d.next ? t('teach.noRule') : t('teach.noStep') }));
    else {
      const lines = el('div', { className: 'eq-lines' });
      for (const line of rule.lines) {
        const item = el('div', { className: 'eq-line' }, block(...line.sym));
        if (line.lead) item.prepend(el('span', { className: 'eq-note', textContent: line.lead }));
        if (line.sub) {
          // The substitution in pieces, one per term, so a long line wraps between terms
          // (a narrow or presenter-scaled panel) instead of running out of the panel.
          const parts = terms([mo('='), ...line.sub]);
          item.append(el('div', { className: 'eq-sub' }, ...parts.flatMap((p, i) => (i ? [' ', block(...p)] : [block(...p)]))));
        }
        if (line.note) item.append(el('span', { className: 'eq-note', textContent: line.note }));
        lines.append(item);
      }
      kids.push(lines, this.legend());
      if (rule.textbook) {
        const tb = el('details', { className: 'textbook' }, el('summary', { textContent: t('teach.textbook') }));
        tb.open = this.textbookOpen ?? false;
        tb.addEventListener('toggle', () => { this.textbookOpen = tb.open; });
        for (const l of rule.textbook.lines) tb.append(block(...l));
        tb.append(el('p', { className: 'note', textContent: rule.textbook.note }));
        kids.push(tb);
      }
    }
    if (c && c.max_stable_lr != null) {
      kids.push(el('p', { className: 'stability', textContent: t('teach.stability', { lam: fmt(c.eigenvalues[0], 3), bound: fmt(c.max_stable_lr, 3), lr: fmt(d.lr, 3) }) }));
    }
    kids.push(this.values(d));
    // Only what changed is written (while playing, a few numbers several times a second).
    morphChildren(this.root, kids);
  }

  legend() {
    const item = (cls, text) => el('span', { className: `key ${cls}`, textContent: text });
    return el('p', { className: 'eq-legend' }, item('grad', t('teach.keyGrad')), item('update', t('teach.keyUpdate')), item('state', t('teach.keyState')));
  }

  values(d) {
    const rows = [[t('teach.vPoint'), d.point], [t('teach.vGradient'), d.gradient ?? '–'], [t('teach.vLr'), d.lr], [t('teach.vNext'), d.next ?? '–'], [t('teach.vLoss'), d.loss]];
    for (const [k, v] of d.hyper) if (k !== 'lr') rows.push([k, v]);
    const flat = (obj, when) => {
      for (const [k, v] of Object.entries(obj || {})) {
        if (v && typeof v === 'object' && !Array.isArray(v)) flat(v, when);
        else rows.push([`${LABELS[k] || k} ${when}`, v ?? '–']);
      }
    };
    flat(d.previous_state, t('teach.before'));
    flat(d.state, t('teach.after'));
    for (const [k, v] of Object.entries(d.derived || {})) rows.push([`${DERIVED[k] === 'textbook step' ? t('teach.textbookStep') : DERIVED[k] === 'rectified' ? t('teach.rectified') : DERIVED[k] || k} ${t('teach.derived')}`, v]);
    const table = el('table', { className: 'eq-values' });
    for (const [k, v] of rows) table.append(el('tr', {}, el('th', { textContent: k }), el('td', { textContent: show(v) })));
    const box = el('details', { className: 'eq-all' }, el('summary', { textContent: t('teach.allValues') }), table);
    box.open = this.valuesOpen ?? false;
    box.addEventListener('toggle', () => { this.valuesOpen = box.open; });
    return box;
  }
}

// Operators a substitution may wrap before (top level only: a vector's own signs stay put).
const WRAP_BEFORE = new Set(['=', '−', '+', '·', '×']);

/** `nodes` cut before each top-level operator of WRAP_BEFORE; an operator alone (a sign
 *  right after `=`) stays with the term after it. */
function terms(nodes) {
  const out = [];
  for (const n of nodes) {
    const cut = n.tagName === 'mo' && WRAP_BEFORE.has(n.textContent);
    const last = out.at(-1);
    const lone = last && last.length === 1 && last[0].tagName === 'mo';
    if (!last || (cut && !lone)) out.push([n]);
    else last.push(n);
  }
  return out;
}
