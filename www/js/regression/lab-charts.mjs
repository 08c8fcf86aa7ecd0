// The lab's bottom row: training (solid) and validation (dashed) loss per run on a log scale
// with a marker at each early-stopping run's best step (drawn by the engine: the regression
// kind of charts.mjs's EngineChart), and the metrics table (wall time, steps and epochs to
// tolerance, final training and validation loss, their gap).

import { fmt, int } from '../catalog.mjs';
import { EngineChart } from '../charts.mjs';
import { el } from '../widgets.mjs';

/** The lab's loss chart: the engine's regression chart of `race`. */
export class LossChart extends EngineChart {
  constructor(canvas, race) { super(canvas, 'regression', race); }
}

const wall = (ms) => (ms >= 1000 ? `${fmt(ms / 1000, 3)} s` : ms > 0 ? `${fmt(ms, 2)} ms` : '< 0.1 ms');

const COLUMNS = [
  ['Run', ''], ['Wall', 'Wall time: engine time this run has taken (performance.now around its steps)'],
  ['To tol.', 'Steps to tolerance: the first step within the tolerance of the least-squares fit'],
  ['Epochs', 'Passes over the training data when the tolerance was reached'], ['Train', 'Training loss now'],
  ['Val.', 'Validation loss now'], ['Gap', 'Validation − training loss (overfitting shows as a growing gap)'],
];

export class Metrics {
  constructor(table) {
    this.table = table;
    const head = el('tr');
    for (const [name, help] of COLUMNS) head.append(el('th', { scope: 'col', textContent: name, title: help }));
    this.body = el('tbody');
    table.replaceChildren(el('caption', { className: 'sr-only', textContent: 'Metrics per run' }), el('thead', {}, head), this.body);
    this.rows = [];
  }

  update(race) {
    const st = race.state;
    if (!st) return;
    while (this.rows.length > st.runs.length) this.rows.pop().tr.remove();
    while (this.rows.length < st.runs.length) {
      const cells = COLUMNS.map((_, k) => el(k === 0 ? 'th' : 'td', k === 0 ? { scope: 'row' } : {}));
      const sw = el('i', { className: 'lab-sw' });
      const name = el('span');
      const stop = el('span', { className: 'lab-stop' });
      cells[0].append(sw, name, stop);
      const tr = el('tr', {}, ...cells);
      this.body.append(tr);
      this.rows.push({ tr, cells, sw, name, stop });
    }
    st.runs.forEach((r, i) => {
      const row = this.rows[i];
      const run = race.runs[i];
      row.sw.style.setProperty('--run', run.color);
      const stop = r.status.reason === 'early_stopped' ? `stopped at ${int(r.status.step)} · best ${int(r.status.best_step)}`
        : r.status.reason === 'diverged' ? `diverged at ${int(r.status.step)}` : '';
      if (row.stop.textContent !== stop) row.stop.textContent = stop;
      row.name.title = r.name;
      const text = [
        r.name,
        wall(race.caches[i]?.wall ?? 0),
        r.reached_at == null ? '–' : int(r.reached_at),
        r.reached_epochs == null ? '–' : fmt(r.reached_epochs, 3),
        fmt(r.loss, 4),
        r.validation_loss == null ? '–' : fmt(r.validation_loss, 4),
        r.gap == null ? '–' : fmt(r.gap, 3),
      ];
      text.forEach((t, k) => {
        const node = k === 0 ? row.name : row.cells[k];
        if (node.textContent !== t) node.textContent = t;
      });
      row.cells[6].className = r.gap != null && r.gap > 0 ? 'gap-pos' : '';
    });
  }
}
