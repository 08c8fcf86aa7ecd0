// The page's charts: canvases the engine draws (src/web/charts.rs, the one chart definition
// shared with the figure export and the CLI), kept at their box's size in device pixels,
// redrawn on resize and appearance change, with a hover tooltip showing each run's value at
// the step under the pointer (asked from the engine, which holds the history). No drawing
// happens here.

import { Charts } from './engine.mjs';
import { watchCanvas, screenContext } from './canvas.mjs';
import { onAppearanceChange } from './appearance.mjs';
import { fmt, int } from './catalog.mjs';
import { t } from './i18n.mjs';
import { el } from './widgets.mjs';
import { lookLines, labelLines } from './charts/look.mjs';

let memory = null; // one Charts per page: the series' blocks per run, where each chart plotted

/** The page's Charts (created after the engine loaded). */
export function chartMemory() {
  memory ??= new Charts();
  return memory;
}

export class EngineChart {
  /** kind: 'loss' | 'lr' | 'regression'; race: the race (session, runs, cursor). */
  constructor(canvas, kind, race) {
    this.canvas = canvas;
    screenContext(canvas); // (the engine draws into this context: see canvas.mjs)
    this.kind = kind;
    this.race = race;
    this.dpr = 1;
    this.onResize = null;
    this.again = 0; // a frame request while the engine's series are still being read
    watchCanvas(canvas, () => [canvas], ({ dpr }) => { this.dpr = dpr; this.onResize?.(); });
    onAppearanceChange(() => this.onResize?.());
    this.tip = el('div', { className: 'chart-tip' });
    this.tip.hidden = true;
    Object.assign(this.tip.style, {
      position: 'absolute', pointerEvents: 'none', zIndex: 5, padding: '4px 8px', borderRadius: '6px',
      background: 'var(--card, #1b212c)', color: 'var(--text, #e8ecf2)', border: '1px solid var(--line, #2a3240)',
      fontSize: 'calc(0.8rem * var(--canvas-scale, 1))', whiteSpace: 'nowrap', lineHeight: '1.35',
    });
    const box = canvas.parentElement;
    if (box && getComputedStyle(box).position === 'static') box.style.position = 'relative';
    box?.append(this.tip);
    canvas.addEventListener('pointermove', (e) => this.hover(e));
    canvas.addEventListener('pointerleave', () => { this.tip.hidden = true; });
  }

  /** Draws the chart for the race now (up to the timeline's cursor). */
  draw() {
    const race = this.race;
    if (!race.session || !race.state) return;
    const cursor = race.cursor == null ? undefined : race.cursor;
    const more = chartMemory().draw(race.session, this.kind, this.canvas, lookLines(this.dpr), cursor, labelLines());
    // A long run's series still being read (rebuilt from its checkpoints over several
    // draws, after a re-plan or a copy): draw again on the next frame.
    if (more && !this.again) {
      this.again = requestAnimationFrame(() => { this.again = 0; this.draw(); });
    }
    if (!this.tip.hidden && this.lastX != null) this.show(this.lastX, this.lastY);
  }

  hover(e) {
    const r = this.canvas.getBoundingClientRect();
    this.lastX = e.clientX - r.left;
    this.lastY = e.clientY - r.top;
    this.show(this.lastX, this.lastY);
  }

  /** The values under CSS pixel (x, y) of the canvas, from the engine. */
  show(x, y) {
    const race = this.race;
    const h = race.session ? chartMemory().hover(race.session, this.kind, x) : null;
    if (!h) { this.tip.hidden = true; return; }
    const rows = [el('div', { textContent: t('figures.hoverStep', { step: int(h.step) }) })];
    race.runs.forEach((run, i) => {
      const v = h.values[i];
      if (v == null) return;
      const sw = el('i');
      Object.assign(sw.style, { display: 'inline-block', width: '10px', height: '3px', marginRight: '6px', verticalAlign: 'middle', background: run.color });
      const val = h.validation[i];
      const text = `${run.name}: ${fmt(v, 4)}${this.kind === 'regression' && val != null ? ` · ${t('figures.hoverValidation', { value: fmt(val, 4) })}` : ''}`;
      rows.push(el('div', {}, sw, el('span', { textContent: text })));
    });
    this.tip.replaceChildren(...rows);
    this.tip.hidden = false;
    const box = this.canvas.getBoundingClientRect();
    const parent = this.tip.parentElement.getBoundingClientRect();
    const left = box.left - parent.left + x + 14;
    const w = this.tip.offsetWidth;
    this.tip.style.left = `${Math.max(0, Math.min(left, parent.width - w - 4, left))}px`;
    if (left + w > parent.width) this.tip.style.left = `${Math.max(0, box.left - parent.left + x - w - 14)}px`;
    this.tip.style.top = `${Math.max(0, box.top - parent.top + y - this.tip.offsetHeight - 8)}px`;
  }
}
