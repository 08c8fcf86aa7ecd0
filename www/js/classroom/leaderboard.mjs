// The leaderboard (Surfaces mode): one row per run, sorted by progress: runs that reached a
// minimum first (soonest first), then the others by distance to the nearest minimum (by loss
// where there is none), diverged runs last. Docked in the stage beside the charts, so it is
// visible at 1366×768 without scrolling, and kept in presenter mode.

import { el } from '../widgets.mjs';
import { fmt, int } from '../catalog.mjs';
import { statusOf } from '../controls.mjs';
import { t, onLanguageChange } from '../i18n.mjs';
import { morphChildren } from '../morph.mjs';
import { throttled, updated } from '../turns.mjs';

const INTERVAL_MS = 200;

/** The status in few words (the steps have their own column). */
function shortStatus(r) {
  const s = statusOf(r);
  if (s.kind === 'reached') return { kind: s.kind, text: t('classroom.stReached') };
  if (s.kind === 'diverged') return { kind: s.kind, text: t('classroom.stDiverged', { step: int(r.status.step) }) };
  return s;
}
const COLUMNS = ['colName', 'colOptimizer', 'colStatus', 'colSteps', 'colLoss', 'colDistance'];

/** Progress order of two run summaries (negative: a is ahead). */
export function byProgress(a, b) {
  const rank = (r) => (r.status.reason === 'diverged' ? 2 : r.reached_at != null ? 0 : 1);
  const d = rank(a) - rank(b);
  if (d) return d;
  if (rank(a) === 0) return a.reached_at - b.reached_at;
  if (rank(a) === 2) return b.status.step - a.status.step;
  const key = (r) => r.distance ?? r.loss ?? Infinity;
  return key(a) - key(b);
}

export class Leaderboard {
  constructor(race, catalog, host) {
    this.race = race;
    this.catalog = catalog;
    this.table = el('table', { className: 'leaderboard' });
    this.root = el('section', { className: 'board' }, this.table);
    host.append(this.root);
    this.head();
    onLanguageChange(() => { this.head(); this.sig = ''; this.update(); });
    race.on('data', () => this.soon());
    race.on('runs', () => this.soon());
    // A new race never shows the old race's rows, not even for one throttle interval.
    race.on('load', () => this.update());
    this.update(); // the race loaded before the board was built
  }

  head() {
    this.root.setAttribute('aria-label', t('classroom.leaderboard'));
    const tr = el('tr', {}, el('th', { scope: 'col', textContent: '#' }), ...COLUMNS.map((k) => el('th', { scope: 'col', textContent: t(`classroom.${k}`) })));
    this.body = el('tbody');
    this.table.replaceChildren(el('caption', { className: 'sr-only', textContent: t('classroom.leaderboard') }), el('thead', {}, tr), this.body);
  }

  /** The board after new data, in a task of its own, at most every INTERVAL_MS (turns.mjs). */
  soon() {
    throttled('board', INTERVAL_MS, () => this.update(), { ownTask: true });
  }

  /** The rows in board order: [{index, name, optimizer, status, steps, loss, distance, color}]. */
  rows() {
    const { race, catalog } = this;
    const st = race.state;
    if (!st) return [];
    return st.runs.map((r, index) => ({ r, index }))
      .sort((a, b) => byProgress(a.r, b.r) || a.index - b.index)
      .map(({ r, index }) => ({
        index,
        name: race.runs[index]?.name ?? r.name,
        color: race.runs[index]?.color ?? '#888',
        optimizer: catalog.optimizer(r.optimizer)?.label ?? r.optimizer,
        status: shortStatus(r),
        steps: r.reached_at == null ? '–' : int(r.reached_at),
        loss: fmt(r.loss, 3),
        distance: r.distance == null ? '–' : fmt(r.distance, 3),
      }));
  }

  update() {
    updated('board');
    const rows = this.rows();
    const sig = JSON.stringify(rows);
    if (sig === this.sig) return;
    this.sig = sig;
    // Only the cells that changed are written (morph.mjs): a rebuilt table restyles and lays
    // out every cell, several times a second while playing.
    morphChildren(this.body, rows.map((row, k) => {
      const sw = el('i', { className: 'board-sw' });
      sw.style.setProperty('--run', row.color);
      const tr = el('tr', { className: `board-${row.status.kind}` },
        el('td', { className: 'rank', textContent: String(k + 1) }),
        el('th', { scope: 'row', title: row.name }, sw, el('span', { textContent: row.name })),
        el('td', { textContent: row.optimizer }),
        el('td', { className: `status ${row.status.kind}`, textContent: row.status.text }),
        el('td', { textContent: row.steps }), el('td', { textContent: row.loss }), el('td', { textContent: row.distance }));
      tr.dataset.run = String(row.index);
      return tr;
    }));
  }
}
