// The regression lab's metrics table, one row per run: steps and epochs to tolerance, the
// training data loss (mean squared error, the same for every run whatever its penalty), the
// validation loss, their gap and the L1 penalty in a column of its own. No wall time: the
// page's timings depend on frame budgets and batch sizes and could not be compared.

import { el } from '../widgets.mjs';
import { fmt, int } from '../catalog.mjs';
import { t, onLanguageChange } from '../i18n.mjs';

const COLUMNS = ['mRun', 'mToTol', 'mEpochs', 'mTrain', 'mVal', 'mGap', 'mPenalty'];

export class Metrics {
  constructor(table) {
    this.table = table;
    this.body = el('tbody');
    this.rows = [];
    this.head();
    onLanguageChange(() => this.head());
  }

  head() {
    const head = el('tr');
    for (const k of COLUMNS) head.append(el('th', { scope: 'col', textContent: t(`classroom.${k}`), title: t(`classroom.${k}Help`) }));
    this.table.replaceChildren(el('caption', { className: 'sr-only', textContent: t('classroom.metricsCaption') }), el('thead', {}, head), this.body);
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
      const stop = r.status.reason === 'early_stopped' ? t('classroom.metricsStopped', { step: int(r.status.step), best: int(r.status.best_step) })
        : r.status.reason === 'diverged' ? t('classroom.metricsDiverged', { step: int(r.status.step) }) : '';
      if (row.stop.textContent !== stop) row.stop.textContent = stop;
      row.name.title = r.name;
      const text = [
        r.name,
        r.reached_at == null ? '–' : int(r.reached_at),
        r.reached_epochs == null ? '–' : fmt(r.reached_epochs, 3),
        r.data_loss == null ? '–' : fmt(r.data_loss, 4),
        r.validation_loss == null ? '–' : fmt(r.validation_loss, 4),
        r.gap == null ? '–' : fmt(r.gap, 3),
        r.penalty ? fmt(r.penalty, 3) : '–',
      ];
      text.forEach((s, k) => {
        const node = k === 0 ? row.name : row.cells[k];
        if (node.textContent !== s) node.textContent = s;
      });
      row.cells[5].className = r.gap != null && r.gap > 0 ? 'gap-pos' : '';
    });
  }
}
