// The "Explain" card: which run to explain, the equation panel and the overlay switches. Asks
// the engine for the run's step details and the curvature at the shown step (throttled while
// playing) and marks the stability bound 2/λmax on that run's learning-rate slider.

import { fmt } from '../catalog.mjs';
import { el } from '../widgets.mjs';
import { Overlay } from './overlay.mjs';
import { EquationPanel } from './equation.mjs';
import { t } from '../i18n.mjs';
import { Placement } from '../classroom/placement.mjs';
import { throttled, updated, flushTurn } from '../turns.mjs';

const INTERVAL_MS = 150;

export class Explain {
  constructor({ race, view, catalog, panel, stageTop }) {
    this.race = race; this.view = view; this.catalog = catalog;
    this.index = 0;
    this.overlay = new Overlay(view);
    this.equations = new EquationPanel(stageTop);
    // The panels go where they cover no run's point, minimum or start (classroom/placement.mjs).
    this.placement = new Placement(stageTop, document.getElementById('view'), document.querySelector('.stage'), view, race);
    this.equations.onMove = () => this.placement.next();
    this.equations.onCollapse = () => { this.placement.undock(); this.tickSoon(); }; // a smaller panel may fit a corner
    this.runSel = el('select');
    this.runSel.setAttribute('aria-label', t('teach.explainRun'));
    this.runSel.addEventListener('change', () => { this.index = Number(this.runSel.value); this.update(); });
    const sw = (label, checked, fn) => {
      const input = el('input', { type: 'checkbox', checked });
      input.addEventListener('change', () => { fn(input.checked); this.update(); });
      return el('label', { className: 'switch' }, input, el('span', { textContent: label }));
    };
    const o = this.overlay.on;
    this.showEquations = true;
    const card = el('section', { className: 'card explain' },
      el('div', { className: 'field' }, el('span', { className: 'field-label', textContent: t('teach.explain') }), this.runSel),
      el('div', { className: 'toggles' },
        sw(t('teach.equations'), true, (v) => { this.showEquations = v; }),
        sw(t('teach.gradientArrow'), o.gradient, (v) => { o.gradient = v; }),
        sw(t('teach.updateArrow'), o.update, (v) => { o.update = v; }),
        sw(t('teach.adaptiveScale'), o.scale, (v) => { o.scale = v; }),
        sw(t('teach.curvature'), o.curvature, (v) => { o.curvature = v; })));
    card.setAttribute('aria-label', t('teach.explain'));
    panel.after(card);
    race.on('runs', () => this.runs());
    // Only what changes the explained step: new steps, a restart, the explained run's
    // settings. A new race (a restart other than runs adopted from the engine worker) at once.
    race.on('data', (d) => {
      this.names();
      if (d?.restart && !d.adopted) this.update();
      else if (d?.restart || this.signature() !== this.sig) this.soon();
    });
    view.onChange(() => this.overlay.draw());
    new MutationObserver(() => this.tickSoon()).observe(document.getElementById('run-list'), { childList: true });
  }

  runs() {
    const opts = this.race.runs.map((r, i) => el('option', { value: String(i), textContent: r.name }));
    this.runSel.replaceChildren(...opts);
    if (this.index >= opts.length) this.index = 0;
    this.runSel.value = String(this.index);
  }

  /** Keeps the run list's labels on the runs' current names (a rename, an optimizer switch). */
  names() {
    // (On every new step while playing: the option list is only walked when a name changed.)
    const key = this.race.runs.map((r) => r.name).join('\n');
    if (key === this.namesKey && this.runSel.options.length === this.race.runs.length) return;
    this.namesKey = key;
    this.race.runs.forEach((r, i) => {
      const o = this.runSel.options[i];
      if (o && o.textContent !== r.name) o.textContent = r.name;
    });
  }

  select(i) { this.index = i; this.runSel.value = String(i); this.update(); }

  /** fn() after every update (the side-by-side layout draws the arrows in the run's panel). */
  onUpdate(fn) { (this.updateHooks ??= []).push(fn); }

  /** Updates soon, in a task of its own (the update asks the engine and reads the layout),
   *  at most every INTERVAL_MS; while playing with the other readouts, between frames
   *  (turns.mjs). */
  soon() {
    throttled('explain', INTERVAL_MS, () => this.update(), { ownTask: true });
  }

  signature() {
    const race = this.race;
    return `${race.step}|${race.cursor}|${JSON.stringify(race.runs[this.index] ?? null)}`;
  }

  /** Brings a pending update forward (for readers that need it now). */
  flush() { flushTurn('explain'); }

  /** Details of the selected run at the shown step (the update from that point on; at the
   *  end of a finished run, the last step taken). */
  details() {
    const { race } = this;
    const s = race.session;
    if (!s || !race.runs[this.index]) return null;
    const k = race.cursor ?? race.step; // the step shown
    let d = s.stepDetails(this.index, k);
    if (!d.next && d.step > 0) d = s.stepDetails(this.index, d.step - 1);
    return d;
  }

  update() {
    updated('explain');
    this.sig = this.signature();
    const d = this.details();
    const c = d && Number.isFinite(d.point[0]) && Number.isFinite(d.point[1]) ? this.race.session.curvatureAt(d.point[0], d.point[1]) : null;
    this.current = { details: d, curvature: c };
    this.overlay.details = d; this.overlay.curvature = c;
    this.overlay.color = this.race.runs[this.index]?.color;
    this.overlay.draw();
    this.equations.hidden = !this.showEquations || !d;
    if (d && this.showEquations) this.equations.render(this.race.runs[this.index], d, c);
    // Placed now (while playing between frames: soon()), where the layout it reads is
    // computed once for the panel just rendered; the next frame then only paints it.
    this.tick();
    for (const fn of this.updateHooks || []) fn();
  }

  /** tick() in the next frame (after a change of the run list or the panel's size): it
   *  reads the layout, which a frame computes anyway. */
  tickSoon() {
    if (this.tickPending) return;
    this.tickPending = true;
    requestAnimationFrame(() => { this.tickPending = false; this.tick(); });
  }

  /** The 2/λmax tick on the explained run's learning-rate slider; the panels' place. */
  tick() {
    this.placement.place();
    const want = this.wantedTick();
    // The tick on screen stays where it is already right (this runs several times a second
    // while playing; a removed and re-added tick is a layout of its run card each time).
    for (const e of document.querySelectorAll('.stab-tick')) {
      if (want && e.parentElement === want.host && !want.done && Object.entries(want.style).every(([k, v]) => e.style[k] === v)) {
        if (e.title !== want.title) e.title = want.title;
        if (e.getAttribute('aria-label') !== want.label) e.setAttribute('aria-label', want.label);
        want.done = true;
      } else e.remove();
    }
    if (!want || want.done) return;
    const tick = el('span', { className: 'stab-tick', title: want.title });
    tick.setAttribute('aria-label', want.label);
    tick.setAttribute('role', 'img');
    Object.assign(tick.style, want.style);
    want.host.append(tick);
  }

  /** Where the 2/λmax tick goes ({host, style, title, label}), or null for none. */
  wantedTick() {
    const c = this.current?.curvature;
    const card = document.querySelectorAll('#run-list > .run')[this.index];
    const slider = card?.querySelector('input[type="range"][data-param="lr"]');
    if (!c || c.max_stable_lr == null || !slider) return null;
    const p = this.catalog.params(this.race.runs[this.index].optimizer).find((q) => q.name === 'lr');
    const sl = p?.slider;
    if (!sl || !sl.log) return null;
    const lo = Math.log10(sl.min), hi = Math.log10(sl.max);
    const f = Math.min(Math.max((Math.log10(c.max_stable_lr) - lo) / (hi - lo), 0), 1);
    const thumb = 8; // px: the range thumb's half width (the track is inset by it)
    const px = (v) => `${Math.round(v * 100) / 100}px`; // (as the style reads back)
    return {
      host: slider.parentElement,
      title: t('teach.stableTitle', { v: fmt(c.max_stable_lr, 3) }),
      label: t('teach.stableLabel', { v: fmt(c.max_stable_lr, 3) }),
      style: {
        left: px(slider.offsetLeft + thumb + f * (slider.offsetWidth - 2 * thumb)),
        top: px(slider.offsetTop - 3),
        height: px(slider.offsetHeight + 6),
      },
    };
  }
}
