// Explore → Fan: one axis of the selected run (e.g. lr from 1e-4 to 1, 9–25 values) as faint
// ghost paths drawn with the race: the fan's own Session holds one run per axis value and
// is advanced to the race's step in small slices (one per frame), so the ghosts grow as the
// race plays; the base run stays the race's run, in full colour. The axis values are the
// engine's (sweepAxes), the same as a sweep's.

import { t } from '../i18n.mjs';
import { Session, sweepAxes } from '../engine.mjs';
import { el, labelled, axisEditor, numberInput, fillSelect } from './form.mjs';
import { paramChoices, valueOf, withValues, sweepSpec, defaultAxis, short } from './spec.mjs';
import { ramp } from './heat.mjs';
import { Overlay } from './overlay.mjs';

// Steps advanced per frame across all ghosts (keeps each frame's work to a few ms).
const SLICE = 20000;
// Ghost paths are this long at most (the race may run 100,000 steps).
const MAX_STEPS = 5000;

export class FanView {
  constructor({ race, view, catalog, changed }) {
    Object.assign(this, { race, view, catalog, changed });
    this.session = null;
    this.fan = null; // {spec, x}
    this.paths = []; // per ghost: its path read so far (see ghostPath)
    this.run = el('select', { onchange: () => this.resetAxis() });
    this.axis = axisEditor('x', [], { param: 'lr', from: 1e-4, to: 1, n: 13, scale: 'log' }, { nMax: 25 });
    this.error = el('p', { class: 'ex-error', role: 'alert' });
    this.legend = el('p', { class: 'ex-note' });
    this.root = el('div', { class: 'ex-view ex-fan' }, [
      el('p', { class: 'ex-note', key: 'explore.fan.note' }),
      labelled('explore.run', this.run), this.axis.root,
      el('div', { class: 'ex-row' }, [el('button', { type: 'button', class: 'ex-go', key: 'explore.fan.show', onclick: () => this.start() }),
        el('button', { type: 'button', key: 'explore.clear', onclick: () => this.clear() })]),
      this.error, this.legend,
    ]);
    this.overlay = new Overlay(view, 'fan', (ctx, v) => this.paint(ctx, v));
    const runs = () => fillSelect(this.run, race.runs.map((r, i) => ({ value: i, label: r.name || r.optimizer })), Math.min(Number(this.run.value) || 0, race.runs.length - 1));
    race.on('runs', runs);
    race.on('load', () => { runs(); this.clear(); this.resetAxis(); });
    race.on('data', (e) => this.follow(e));
    runs();
    this.resetAxis();
  }

  baseRun() { return this.race.runs[Number(this.run.value) || 0]; }

  resetAxis() {
    const run = this.baseRun();
    if (!run) return;
    const choices = paramChoices(this.catalog, run.optimizer);
    const c = choices[0];
    this.axis.setChoices(choices, c.path);
    this.axis.set(defaultAxis(c, valueOf(this.catalog, run, c.path), 13));
  }

  spec() {
    const { name, color, ...run } = this.baseRun();
    return sweepSpec(this.race, { run, x: this.axis.read(), steps: Math.min(this.race.maxSteps, MAX_STEPS) });
  }

  settings() { return this.fan ? { view: 'fan', sweep: this.fan.spec } : null; }

  apply({ sweep }) { this.start(sweep); }

  clear() {
    this.session?.free();
    this.session = null;
    this.fan = null;
    this.paths = [];
    this.legend.textContent = '';
    this.overlay.show(false);
    this.changed();
  }

  /** Builds the ghosts' Session: one run per axis value (the engine's values). */
  start(given = null) {
    let spec;
    try {
      spec = given || this.spec();
      const { x } = sweepAxes(JSON.stringify(spec));
      const color = this.baseRun()?.color;
      const runs = x.map((v) => ({ ...withValues(this.catalog, spec.run, [[spec.x.param, v]]), color }));
      const scenario = { problem: spec.problem, start: spec.start, steps: spec.steps, tolerance: spec.tolerance, runs };
      this.clear();
      this.session = new Session(JSON.stringify(scenario));
      this.fan = { spec, x };
      this.overlay.show(true);
    } catch (e) { this.error.textContent = e.message; return; }
    this.error.textContent = '';
    this.legend.textContent = t('explore.fan.legend', { param: spec.x.param, from: short(this.fan.x[0]), to: short(this.fan.x.at(-1)), n: this.fan.x.length });
    this.root.dataset.state = 'done';
    this.follow({ restart: true });
    this.changed();
  }

  /** Advances the ghosts towards the race's step, a slice per frame. */
  follow(e) {
    if (!this.session) return;
    if (e?.restart) { this.session.reset(); this.paths = []; }
    if (this.pending) return;
    const tick = () => {
      this.pending = false;
      if (!this.session) return;
      const target = Math.min(this.race.step, this.fan.spec.steps);
      const now = Number(this.session.step);
      if (now < target) {
        this.session.advance(Math.max(1, Math.min(target - now, Math.floor(SLICE / this.fan.x.length))));
        this.pending = true;
        requestAnimationFrame(tick);
      }
      this.overlay.draw();
    };
    this.pending = true;
    requestAnimationFrame(tick);
  }

  /** Ghost i's path so far: a copy kept here (at most MAX_STEPS points) topped up with only
   *  its new points, so a paint does not read (or make the engine replay) whole paths. */
  ghostPath(i) {
    const have = (this.paths[i] ??= { buf: new Float64Array(1024), n: 0 });
    const more = this.session.path(i, have.n / 2);
    if (have.n + more.length > have.buf.length) {
      const next = new Float64Array(Math.max(2 * have.buf.length, have.n + more.length));
      next.set(have.buf.subarray(0, have.n));
      have.buf = next;
    }
    have.buf.set(more, have.n);
    have.n += more.length;
    return have.buf.subarray(0, have.n);
  }

  paint(ctx, v) {
    if (!this.session || !this.fan) return;
    const n = this.fan.x.length;
    ctx.lineWidth = 1.2;
    for (let i = 0; i < n; i += 1) {
      const xy = this.ghostPath(i);
      if (xy.length < 4) continue;
      const [r, g, b] = ramp(n > 1 ? i / (n - 1) : 0.5);
      ctx.strokeStyle = `rgba(${r},${g},${b},0.55)`;
      ctx.beginPath();
      for (let k = 0; k < xy.length; k += 2) {
        const [sx, sy] = v.toScreen(xy[k], xy[k + 1]);
        if (k === 0) ctx.moveTo(sx, sy); else ctx.lineTo(sx, sy);
      }
      ctx.stroke();
    }
  }
}
