// "Custom formula" in the Surface select: type f(x, y); the engine's parser (checkExpr) marks
// a mistake at its position as you type, a valid formula is loaded (debounced) with the
// current runs and start. Also the view box fields (x/y min and max) for every surface.

import { fmt } from '../catalog.mjs';
import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';
import { localError } from '../reach/errors.mjs';

const DEBOUNCE_MS = 350;
export const DEFAULT_FORMULA = 'sin(x)*y + x^2/4 + y^2/4';

/** Shows exactly [min, max] (the larger of the two spans fills the view). */
export function fitBounds(view, min, max) {
  view.cx = (min[0] + max[0]) / 2;
  view.cy = (min[1] + max[1]) / 2;
  view.scale = Math.max((max[0] - min[0]) / view.W, (max[1] - min[1]) / view.H);
  view.image = null;
  view.viewChanged();
}

export class CustomSurface {
  constructor(race, view, checkExpr, surfaceSel) {
    this.race = race; this.view = view; this.checkExpr = checkExpr;
    surfaceSel.append(el('option', { value: '', textContent: t('teach.customFormula') }));
    this.input = el('input', { type: 'text', spellcheck: false, autocomplete: 'off', className: 'expr-input', value: DEFAULT_FORMULA });
    this.input.setAttribute('aria-label', t('teach.formulaLabel'));
    this.mirror = el('div', { className: 'expr-mirror' });
    this.mirror.setAttribute('aria-hidden', 'true');
    this.message = el('p', { className: 'expr-error', role: 'status' });
    this.box = el('div', { className: 'expr', hidden: true },
      el('label', { className: 'field-label', textContent: 'f(x, y) =', htmlFor: 'expr' }),
      el('div', { className: 'expr-edit' }, this.input, this.mirror), this.message);
    this.input.id = 'expr';
    surfaceSel.closest('.field').after(this.box);
    this.input.addEventListener('input', () => this.typed());
    surfaceSel.addEventListener('change', () => {
      if (surfaceSel.value !== '') return;
      this.box.hidden = false;
      this.typed(0);
      this.input.focus();
    });
    race.on('load', () => this.loaded());
    this.viewBox(surfaceSel.closest('section'));
  }

  /** Checks the formula; loads it after a pause in typing when it parses. */
  typed(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    const src = this.input.value;
    const problem = this.checkExpr(src);
    this.mark(src, problem);
    if (problem) return;
    this.timer = setTimeout(() => this.load(src), delay);
  }

  mark(src, problem) {
    this.input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (!problem) { this.mirror.replaceChildren(); this.message.textContent = ''; return; }
    const chars = [...src];
    const start = Math.min(problem.start, chars.length);
    const end = Math.min(start + problem.len, chars.length);
    const bad = el('span', { className: problem.len ? 'bad' : 'bad point', textContent: problem.len ? chars.slice(start, end).join('') : ' ' });
    this.mirror.replaceChildren(chars.slice(0, start).join(''), bad, chars.slice(end).join(''));
    this.mirror.scrollLeft = this.input.scrollLeft;
    this.message.textContent = t('teach.atCharacter', { message: localError(problem.message), n: start + 1 });
  }

  load(src) {
    const race = this.race;
    if (race.scenario?.problem?.expr === src) return;
    const sc = JSON.parse(race.exportScenario());
    delete sc.page;
    try {
      race.load({ ...sc, problem: { expr: src } });
    } catch (e) {
      this.message.textContent = e.message || String(e);
    }
  }

  loaded() {
    const expr = this.race.scenario?.problem?.expr;
    this.box.hidden = expr == null;
    if (expr == null) return;
    if (this.input.value !== expr) { this.input.value = expr; this.mark(expr, null); }
    document.getElementById('formula').textContent = '';
  }

  viewBox(card) {
    const names = [t('teach.xMin'), t('teach.xMax'), t('teach.yMin'), t('teach.yMax')];
    const inputs = names.map((n) => {
      const i = el('input', { type: 'number', step: 'any' });
      i.setAttribute('aria-label', n);
      return i;
    });
    const apply = el('button', { type: 'button', textContent: t('teach.apply') });
    const box = el('details', { className: 'view-box' }, el('summary', { textContent: t('teach.viewBox') }),
      el('div', { className: 'vb-grid' }, ...names.map((n, k) => el('label', {}, el('span', { className: 'field-label', textContent: n }), inputs[k]))), apply);
    card.append(box);
    const fill = () => {
      if (!box.open || box.contains(document.activeElement)) return;
      const b = this.view.box4();
      [b.x0, b.x1, b.y0, b.y1].forEach((v, k) => { inputs[k].value = fmt(v, 4); });
    };
    box.addEventListener('toggle', fill);
    this.view.onChange(fill);
    apply.addEventListener('click', () => {
      const [x0, x1, y0, y1] = inputs.map((i) => i.valueAsNumber);
      const ok = [x0, x1, y0, y1].every(Number.isFinite) && x0 < x1 && y0 < y1;
      inputs.forEach((i) => i.setAttribute('aria-invalid', ok ? 'false' : 'true'));
      if (ok) fitBounds(this.view, [x0, y0], [x1, y1]);
    });
  }
}
