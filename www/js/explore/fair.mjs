// Explore → Fair race: "is Adam better once SGD is tuned?" Each race run's learning rate is
// tuned by the same stated search before they race: a log grid of GRID values over the
// catalog's lr range, then REFINE values between the best grid value's neighbours (GRID +
// REFINE runs per optimizer, each of the same steps). A run scores by steps to tolerance,
// then (never reached) by final loss; diverged runs never win. The tuned runs then race,
// and a table shows each one's tuned lr and result.

import { t } from '../i18n.mjs';
import { el, labelled, numberInput } from './form.mjs';
import { paramChoices, sweepSpec, short } from './spec.mjs';
import { runSweep } from './sweep-client.mjs';
import { diverged } from './heat.mjs';

export const GRID = 16;
export const REFINE = 9;

/** Whether cell a beats cell b (fewer steps to tolerance, else a lower final loss). */
export function better(a, b) {
  if (!b) return !diverged(a);
  if (diverged(a)) return false;
  if (diverged(b)) return true;
  const sa = a.steps_to_tolerance;
  const sb = b.steps_to_tolerance;
  if (sa != null || sb != null) return sa != null && (sb == null || sa < sb);
  return a.loss < b.loss;
}

/** Index of the best cell, or -1 when all diverged. */
export function bestIndex(cells) {
  let k = -1;
  cells.forEach((c, i) => { if (better(c, cells[k])) k = i; });
  return k;
}

export class FairView {
  constructor({ race, catalog, worker }) {
    Object.assign(this, { race, catalog, worker });
    this.steps = numberInput(500, { step: 1, min: 1 });
    this.status = el('p', { class: 'ex-note', 'aria-live': 'polite' });
    this.table = el('table', { class: 'ex-table' });
    this.root = el('div', { class: 'ex-view ex-fair' }, [
      el('p', { class: 'ex-note', text: t('explore.fair.note', { grid: GRID, refine: REFINE }) }),
      labelled('explore.steps', this.steps),
      el('button', { type: 'button', class: 'ex-go', key: 'explore.fair.run', onclick: () => this.tuneAll() }),
      this.status, this.table,
    ]);
  }

  /** Tunes one run's lr: the grid, then the refinement around its best value. */
  async tune(run, steps) {
    const lr = paramChoices(this.catalog, run.optimizer).find((c) => c.path === 'lr');
    const grid = { param: 'lr', from: lr.min, to: lr.max, n: GRID, scale: 'log' };
    const { name, color, ...base } = run;
    const first = await runSweep(this.worker, sweepSpec(this.race, { run: base, x: grid, steps }), { key: 'explore-fair' }).promise;
    if (!first) return null;
    const k = bestIndex(first.cells);
    if (k < 0) return { lr: null, cell: first.cells[0] };
    const lo = first.x[Math.max(0, k - 1)];
    const hi = first.x[Math.min(GRID - 1, k + 1)];
    const fine = await runSweep(this.worker, sweepSpec(this.race, { run: base, x: { param: 'lr', from: lo, to: hi, n: REFINE, scale: 'log' }, steps }), { key: 'explore-fair' }).promise;
    if (!fine) return null;
    const cands = [...fine.cells.map((c, i) => ({ lr: fine.x[i], cell: c })), { lr: first.x[k], cell: first.cells[k] }];
    let best = cands[0];
    for (const c of cands) if (better(c.cell, best.cell)) best = c;
    return best;
  }

  async tuneAll() {
    this.root.dataset.state = 'computing';
    const steps = Number(this.steps.value);
    const runs = this.race.runs.map((r) => ({ ...r }));
    const rows = [];
    for (let i = 0; i < runs.length; i += 1) {
      this.status.textContent = t('explore.fair.tuning', { name: runs[i].name || runs[i].optimizer, i: i + 1, n: runs.length });
      let best;
      try { best = await this.tune(runs[i], steps); } catch (e) { this.status.textContent = e.message; this.root.dataset.state = 'error'; return; }
      if (!best) { this.status.textContent = ''; this.root.dataset.state = 'cancelled'; return; }
      rows.push({ run: runs[i], from: runs[i].lr, ...best });
    }
    // Race the tuned runs: the race's scenario with each run's lr replaced.
    const scenario = JSON.parse(this.race.exportScenario());
    scenario.steps = Math.max(steps, 1);
    rows.forEach((row, i) => { if (row.lr != null) scenario.runs[i].lr = row.lr; });
    this.race.load(scenario);
    this.render(rows);
    this.status.textContent = t('explore.fair.done', { runs: GRID + REFINE, steps });
    this.root.dataset.state = 'done';
    this.rows = rows;
  }

  render(rows) {
    const head = el('tr', {}, ['explore.fair.run_name', 'explore.fair.lr_before', 'explore.fair.lr_tuned', 'explore.fair.result'].map((k) => el('th', { key: k })));
    const body = rows.map((r) => el('tr', {}, [
      el('td', { text: r.run.name || r.run.optimizer }), el('td', { text: short(r.from) }),
      el('td', { text: r.lr == null ? '—' : short(r.lr) }),
      el('td', { text: diverged(r.cell) ? t('explore.fair.diverged') : r.cell.steps_to_tolerance != null ? t('explore.fair.reached', { steps: r.cell.steps_to_tolerance }) : t('explore.fair.loss', { loss: short(r.cell.loss) }) }),
    ]));
    this.table.replaceChildren(head, ...body);
  }
}
