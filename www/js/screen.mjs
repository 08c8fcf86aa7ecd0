// Everything that follows the race's data on screen apart from the run panels: the path
// overlay, the legend on the view, and the loss and learning-rate charts (throttled while
// playing). The charts are drawn by the engine (charts.mjs); this module only wires them.

import { EngineChart } from './charts.mjs';
import { el } from './widgets.mjs';
import { t } from './i18n.mjs';

const CHART_INTERVAL_MS = 66;
// A chart's drawing (1–2 ms) waits for an idle period, so that it delays neither a frame nor
// an input that is waiting; at most CHART_WAIT_MS (a busy page still draws its charts).
const CHART_WAIT_MS = 200;
const betweenFrames = (fn) => requestIdleCallback(fn, { timeout: CHART_WAIT_MS });

export class Screen {
  constructor(race, view, paths, els) {
    this.race = race;
    this.view = view;
    this.paths = paths;
    this.els = els;
    this.loss = new EngineChart(els.lossChart, 'loss', race);
    this.lr = new EngineChart(els.lrChart, 'lr', race);
    this.loss.onResize = () => this.drawCharts('loss');
    this.lr.onResize = () => this.drawCharts('lr');
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

  /** Draws the charts soon, between frames (never inside the task that changed the data),
   *  at most every CHART_INTERVAL_MS; the two charts in two idle periods. */
  chartsSoon() {
    const wait = Math.max(0, this.lastCharts + CHART_INTERVAL_MS - performance.now());
    if (!this.chartTimer) {
      this.chartTimer = setTimeout(() => betweenFrames(() => {
        this.drawCharts('loss');
        betweenFrames(() => { this.chartTimer = 0; this.drawCharts('lr'); });
      }), wait);
    }
  }

  /** ('both', 'loss' or 'lr') The caption says the loss chart's scale (the engine's
   *  loss axis: shifted by a negative minimum, linear without one). */
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
    if (which !== 'lr') this.loss.draw();
    if (which !== 'loss') this.lr.draw();
  }
}
