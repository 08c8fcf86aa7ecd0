// The run panels: one compact card per run with its colour, editable name, optimizer,
// learning rate (always visible) and the optimizer's other catalog parameters in a
// collapsible section, plus the run's live readout (status, loss, distance, steps to tolerance).

import { fmt, int } from './catalog.mjs';
import { el, paramControl } from './widgets.mjs';
import { freeColor } from './classroom/palette.mjs';
import { addMenu } from './classroom/add-menu.mjs';
import { revivalNote } from './classroom/revival.mjs';
import { t } from './i18n.mjs';
import { throttled, updated } from './turns.mjs';
import { localError } from './reach/errors.mjs';

// The shortest interval between two readouts when not playing (a slider drag: 10 a second;
// while playing turns.mjs batches them).
const READOUT_MS = 100;

export class Controls {
  constructor(listEl, addEl, race, catalog, replanEl) {
    this.list = listEl;
    this.race = race;
    this.catalog = catalog;
    this.replan = replanEl;
    this.cards = [];
    this.notes = []; // per run: how it was last revived (classroom/revival.mjs)
    // Adds only on Enter or a click (classroom/add-menu.mjs).
    addMenu(addEl, catalog.presets, (preset) => this.guard(() => race.addRun({ name: preset.name, ...preset.run })));
    race.on('load', () => { this.notes = []; });
    race.on('runs', () => { this.notes = []; }); // indices move: the notes would follow wrong runs
    race.on('runs', () => this.rebuild());
    race.on('data', () => this.updateSoon());
    replanEl.addEventListener('change', () => this.update()); // a diverged card's advice follows it
  }

  guard(fn) {
    try { fn(); return null; } catch (e) { return localError(e.message || String(e)); }
  }

  /** Applies run i's new settings (live, or re-planned from the start). */
  apply(i, run, replan = this.replan.checked) {
    const before = this.race.state?.runs[i];
    const err = this.guard(() => this.race.setRun(i, run, replan));
    // A diverged run given new numbers goes on: from the start (re-plan) or from its last
    // finite point; its card says which.
    const note = !err && revivalNote(before, this.race.state?.runs[i], replan);
    if (note) { this.notes[i] = note; this.update(); }
    return err;
  }

  /** "Restart run": run i again from the start with its current settings. */
  restart(i) {
    const before = this.race.state?.runs[i];
    const err = this.guard(() => this.race.setRun(i, this.race.runs[i], true));
    const note = !err && revivalNote(before, this.race.state?.runs[i], true);
    if (note) { this.notes[i] = note; this.update(); }
    return err;
  }

  rebuild() {
    this.cards = this.race.runs.map((run, i) => this.card(run, i));
    this.list.replaceChildren(...this.cards.map((c) => c.root));
    this.update();
  }

  card(run, i) {
    const { race, catalog } = this;
    const current = () => race.runs[i];
    const root = el('section', { className: 'run' });
    root.setAttribute('role', 'group');
    const labelRoot = () => root.setAttribute('aria-label', t('controls.runLabel', { n: i + 1, name: current().name }));
    labelRoot();
    root.style.setProperty('--run', run.color);

    const swatch = el('button', { type: 'button', className: 'swatch', title: t('classroom.changeColour') });
    swatch.setAttribute('aria-label', t('classroom.changeColour'));
    swatch.addEventListener('click', () => {
      // The next palette colour no other run has.
      const color = freeColor(race.runs, current().color);
      if (!this.apply(i, { ...current(), color }, false)) root.style.setProperty('--run', color);
    });
    const name = el('input', { type: 'text', value: run.name, spellcheck: false });
    name.setAttribute('aria-label', t('controls.runName'));
    name.addEventListener('input', () => {
      if (!this.apply(i, { ...current(), name: name.value }, false)) labelRoot();
    });
    const opt = el('select');
    opt.setAttribute('aria-label', t('controls.optimizer'));
    for (const o of catalog.optimizers) opt.append(el('option', { value: o.name, textContent: t(`catalog.optimizer.${o.name}`) }));
    opt.value = run.optimizer;
    opt.addEventListener('change', () => {
      const err = this.apply(i, catalog.switchOptimizer(current(), opt.value));
      if (err) { opt.value = current().optimizer; return; }
      this.rebuild();
    });
    const dup = el('button', { type: 'button', className: 'icon', textContent: t('controls.copy'), title: t('controls.duplicate') });
    dup.setAttribute('aria-label', t('controls.duplicate'));
    dup.addEventListener('click', () => {
      const copy = { ...current(), name: `${current().name} ′` };
      delete copy.color;
      const err = this.guard(() => race.addRun(copy));
      if (err) this.showError(i, err);
    });
    const del = el('button', { type: 'button', className: 'icon', textContent: '✕', title: t('controls.remove') });
    del.setAttribute('aria-label', t('controls.remove'));
    del.addEventListener('click', () => race.removeRun(i));

    const stats = el('div', { className: 'run-stats' });
    const status = el('span', { className: 'status' });
    const loss = el('span'), dist = el('span');
    stats.append(status, loss, dist);
    // A diverged run: what happened and how to go on (hidden while it runs).
    const revive = el('p', { className: 'run-revive', hidden: true });
    const reviveText = el('span');
    const restart = el('button', { type: 'button', className: 'icon restart', textContent: t('classroom.restartRun') });
    restart.addEventListener('click', () => { const err = this.restart(i); if (err) this.showError(i, err); });
    revive.append(reviveText, restart);

    const error = el('p', { className: 'run-error', hidden: true });
    const params = catalog.params(run.optimizer);
    const control = (p) => paramControl(p, catalog.value(run, p), (v) => {
      const err = this.apply(i, { ...current(), [p.name]: v });
      error.hidden = !err;
      error.textContent = err || '';
      return err;
    });
    const main = params.filter((p) => p.name === 'lr').map(control);
    const rest = params.filter((p) => p.name !== 'lr');
    const more = el('details', {}, el('summary', { textContent: t('controls.moreSettings'), title: rest.map((p) => p.label).join(', ') }));
    for (const p of rest) more.append(control(p));

    root.append(el('div', { className: 'run-top' }, swatch, name, opt, dup, del), stats, revive, ...main);
    if (rest.length) root.append(more);
    root.append(error);
    return { root, status, loss, dist, error, revive, reviveText, restart };
  }

  showError(i, message) {
    const c = this.cards[i];
    if (!c) return;
    c.error.hidden = false;
    c.error.textContent = message;
  }

  /** The readout after new data: at once, unless it was updated less than READOUT_MS ago
   *  (a slider drag), then once that interval is over; while playing, with the other
   *  readouts (turns.mjs). Ten cards' loss and distance changing 60 times a second cannot
   *  be read, and each change costs the frame a layout. */
  updateSoon() {
    throttled('cards', READOUT_MS, () => this.update());
  }

  /** The readout now (textContent only changes when the text does). */
  update() {
    updated('cards');
    const st = this.race.state;
    if (!st) return;
    this.cards.forEach((c, i) => {
      const r = st.runs[i];
      if (!r) return;
      const s = statusOf(r);
      // A re-plan in the engine worker: its progress instead (the old path stays meanwhile).
      const bg = this.race.planner?.progressOf(i);
      set(c.status, bg == null ? s.text : t('controls.replanning', { pct: 5 * Math.floor(20 * bg) }));
      setProp(c.status, 'className', `status ${bg == null ? s.kind : 'running'}`);
      set(c.loss, t('controls.loss', { v: fmt(r.loss, 3) }));
      set(c.dist, r.distance == null ? '' : t('controls.toMin', { v: fmt(r.distance, 3) }));
      // Diverged: how to go on; after a revival: how it went on (until the next load).
      const text = s.kind === 'diverged'
        ? t(this.replan.checked ? 'classroom.divergedHelpReplan' : 'classroom.divergedHelpLive', { step: int(Math.max(0, r.steps)) })
        : this.notes[i] ?? '';
      set(c.reviveText, text);
      setProp(c.revive, 'hidden', !text);
      setProp(c.restart, 'hidden', s.kind !== 'diverged');
    });
  }
}

// A changed text goes into the text node already there (a new node is a new layout object).
const set = (node, text) => {
  if (node.textContent === text) return;
  const f = node.firstChild;
  if (text && f?.nodeType === Node.TEXT_NODE && !f.nextSibling) f.data = text;
  else node.textContent = text;
};
// A write of an unchanged property still invalidates style (and queues a mutation record) in
// every frame: write only changes.
const setProp = (node, name, value) => { if (node[name] !== value) node[name] = value; };

/** The page's status for a run summary: reached beats running/completed. */
export function statusOf(r) {
  if (r.status.reason === 'diverged') return { kind: 'diverged', text: t('controls.diverged', { step: int(r.status.step) }), at: r.status.step };
  if (r.reached_at != null) return { kind: 'reached', text: t('controls.reached', { step: int(r.reached_at) }), at: r.reached_at };
  if (r.status.reason === 'early_stopped') return { kind: 'completed', text: t('controls.stopped', { step: int(r.status.step) }) };
  if (r.status.reason === 'completed') return { kind: 'completed', text: t('controls.completed') };
  return { kind: 'running', text: t('controls.running') };
}
