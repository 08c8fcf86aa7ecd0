// Everything that follows the race's data on screen apart from the run panels: the path
// overlay, the legend on the view, and the loss and learning-rate charts (throttled while
// playing; they are the most expensive drawing).

import { Chart } from './charts.mjs';
import { el } from './widgets.mjs';
import { t } from './i18n.mjs';

const CHART_INTERVAL_MS = 66;

export class Screen {
  constructor(race, view, paths, els) {
    this.race = race;
    this.view = view;
    this.paths = paths;
    this.els = els;
    this.loss = new Chart(els.lossChart);
    this.lr = new Chart(els.lrChart);
    this.loss.onResize = () => this.drawCharts();
    this.lr.onResize = () => this.drawCharts();
    this.lastCharts = 0;
    this.chartTimer = 0;
    view.onChange(() => paths.request());
    // The charts change with new steps, a restart or new colours; a run's new settings alone
    // (a slider drag) leave them as they are.
    race.on('data', (d) => {
      paths.request();
      this.legend();
      const sig = `${race.step}|${race.runs.map((r) => r.color).join(',')}`;
      if (d?.restart && !d.adopted) { this.chartSig = sig; this.drawCharts(); } // a new race: at once
      else if (d?.restart || sig !== this.chartSig) { this.chartSig = sig; this.chartsSoon(); }
    });
  }

  legend() {
    const key = this.race.runs.map((r) => `${r.color}${r.name}`).join('|');
    if (key === this.legendKey) return;
    this.legendKey = key;
    const items = this.race.runs.map((r, k) => {
      const i = el('i', { className: k >= 8 ? 'dashed' : '' });
      i.style.setProperty('--run', r.color);
      return el('span', {}, i, el('span', { textContent: r.name }));
    });
    this.els.legend.replaceChildren(...items);
  }

  /** Draws the charts soon, in a task of their own (never inside the task that changed the
   *  data: with an engine update and a redraw of everything that follows it, one task would
   *  grow long), at most every CHART_INTERVAL_MS. */
  chartsSoon() {
    const wait = Math.max(0, this.lastCharts + CHART_INTERVAL_MS - performance.now());
    // The two charts in two tasks (each chart is the longest drawing of a frame).
    if (!this.chartTimer) {
      this.chartTimer = setTimeout(() => {
        this.drawCharts('loss');
        setTimeout(() => { this.chartTimer = 0; this.drawCharts('lr'); }, 0);
      }, wait);
    }
  }

  /** ('both', 'loss' or 'lr') Loss on a log scale, shifted by the lowest known minimum (so six-hump's negative values
   *  fit); linear when the surface has no minimum to shift by (the saddle). */
  drawCharts(which = 'both') {
    const race = this.race;
    if (!race.state) return;
    this.lastCharts = performance.now();
    const minima = race.problem.minima;
    const fstar = minima.length ? Math.min(...minima.map((m) => m.value)) : null;
    const log = fstar !== null;
    const shift = log && fstar < 0 ? fstar : 0;
    const caption = !log ? t('controls.lossLinear')
      : shift ? t('controls.lossShift', { min: shift.toFixed(4) }) : t('controls.lossLog');
    if (this.els.lossCaption.textContent !== caption) this.els.lossCaption.textContent = caption;
    const maxStep = race.step;
    // Up to the timeline's cursor (null = live): loss k is at step k, rate k at step k + 1.
    // Live, the envelopes alone; at an earlier step, also the raw values of the last
    // (partial) block, from the engine.
    const series = (key, offset) => race.caches.map((c, i) => {
      const env = c[key];
      const length = race.cursor == null ? env.length : Math.max(0, Math.min(env.length, race.cursor + 1 - offset));
      let tail = null;
      if (length < env.length) {
        const at = env.size * Math.floor(length / env.size);
        tail = key === 'lossEnv' ? race.session.losses(i, at) : race.session.rates(i, at);
      }
      return { env, length, offset, tail, color: race.runs[i].color, dashed: i >= 8 };
    });
    if (which !== 'lr') this.loss.draw({ series: series('lossEnv', 0), maxStep, log, shift });
    if (which !== 'loss') this.lr.draw({ series: series('lrEnv', 1), maxStep, log: true });
  }
}
