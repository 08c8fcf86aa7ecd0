// Keeps the user's own data and formula on this device (store.mjs) and offers them back:
// in the notice after a refused link, after a link that replaced them, and at start when the
// page shows something else. See store.mjs for what is kept and when.

import { Store } from './store.mjs';
import { watchUnkept } from './unkept.mjs';
import { t } from '../i18n.mjs';
import { localError } from '../reach/errors.mjs';

const sameData = (a, b) => {
  const ra = a?.problem?.regression, rb = b?.problem?.regression;
  if (!ra?.x || !rb?.x || ra.x.length !== rb.x.length) return false;
  return ra.x.every((v, i) => v === rb.x[i]) && ra.y.every((v, i) => v === rb.y[i]);
};

export class Keeper {
  constructor({ race, lab }) {
    this.race = race;
    this.store = new Store();
    this.notice = null;
    this.typed = false;
    // Data: the lab announces every accepted change of the regression data (CSV, data-view
    // edits, split); a rejected one changes nothing and is not announced.
    lab.on('data-changed', () => this.saveData());
    // Formula: a load that follows typing in the formula box.
    document.addEventListener('input', (e) => { if (e.target?.id === 'expr') this.typed = true; });
    race.on('load', () => {
      const expr = race.scenario?.problem?.expr;
      if (this.typed && expr != null && expr === document.getElementById('expr')?.value) {
        this.typed = false;
        this.store.write('formula', { expr, scenario: this.current() });
      }
    });
  }

  current() {
    const sc = JSON.parse(this.race.exportScenario());
    delete sc.page;
    return sc;
  }

  saveData() {
    const sc = this.current();
    const reg = sc.problem?.regression;
    if (!reg?.x) return; // generated data is fully described by its parameters (and the link)
    this.store.write('data', { n: reg.x.length, scenario: sc });
  }

  /** The kept copies that differ from what is shown, as notice actions. */
  offers() {
    const now = this.race.scenario;
    const out = [];
    const d = this.store.read('data');
    if (d && !sameData(d.scenario, now)) out.push({ label: t('safety.restoreData'), what: t('safety.whatData', { n: d.n }), run: () => this.restore(d.scenario) });
    const f = this.store.read('formula');
    if (f && f.expr !== now?.problem?.expr) out.push({ label: t('safety.restoreFormula'), what: t('safety.whatFormula', { expr: f.expr.length > 40 ? `${f.expr.slice(0, 40)}…` : f.expr }), run: () => this.restore(f.scenario) });
    return out;
  }

  restore(scenario) {
    try {
      this.race.load(scenario);
      this.notice?.('');
    } catch (e) {
      this.notice?.(t('safety.restoreFailed', { error: localError(e.message || e) }));
    }
  }

  /** The teaching layer's notice: (text, actions) */
  attach(notice) { this.notice = notice; watchUnkept({ race: this.race, notice }); }

  /** A link was refused: its message, with the kept copies to restore. */
  refused(text) { this.notice?.(text, this.offers()); }

  /** After the start (and the link in the address bar, if any, was opened or refused). */
  started({ hadLink, opened }) {
    if (hadLink && !opened) return; // refused() already offered them
    const offers = this.offers();
    if (!offers.length) return;
    const what = offers.map((o) => o.what).join(t('safety.and'));
    this.notice?.(hadLink
      ? t(offers.length > 1 ? 'safety.keptLinkMany' : 'safety.keptLinkOne', { what })
      : t(offers.length > 1 ? 'safety.keptMany' : 'safety.keptOne', { what }), offers);
  }
}
