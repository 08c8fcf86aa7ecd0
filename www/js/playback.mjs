// Playback: Play/Pause, Step, Reset, the speed slider (1 to 10,000 steps per second, log),
// the step counter and the keyboard shortcuts. One requestAnimationFrame loop while playing;
// steps per frame = speed × dt, with the fractional part carried to the next frame.
//
// Hooks (for the timeline, which shows recorded steps): onBeforePlay(fn) — fn() runs before
// playing starts; onStepRequest(fn) — fn(n) is asked first when Step (or →) wants n steps
// and returns true if it handled them (then the race is not advanced).

import { int } from './catalog.mjs';
import { t } from './i18n.mjs';
import { throttled, setLive } from './turns.mjs';

const MAX_DT = 0.1; // s: a background tab must not come back with a huge jump
const FRAME_BUDGET_MS = 8;

export class Playback {
  constructor(race, els) {
    this.race = race;
    this.els = els;
    this.playing = false;
    this.carry = 0;
    this.last = 0;
    this.msPerStep = 0.01; // measured engine time per step (smoothed)
    this.speed = 10 ** Number(els.speed.value);
    this.hooks = { beforePlay: [], stepRequest: [] };
    // A mouse click leaves no focus on the button, so Space then means play/pause everywhere.
    const click = (b, fn) => b.addEventListener('click', (e) => { fn(); if (e.detail > 0) b.blur(); });
    click(els.play, () => this.toggle());
    click(els.step, () => this.step(1));
    click(els.reset, () => this.reset());
    els.speed.addEventListener('input', () => this.setSpeed(10 ** Number(els.speed.value)));
    els.speed.setAttribute('aria-valuetext', this.speedText());
    this.showSpeed();
    document.addEventListener('keydown', (e) => this.key(e));
    race.on('data', () => this.showStep());
    race.on('load', () => this.pause());
  }

  /** fn() runs before playing starts. */
  onBeforePlay(fn) { this.hooks.beforePlay.push(fn); }
  /** fn(n) -> true if it handled a request for n steps (the race is then not advanced). */
  onStepRequest(fn) { this.hooks.stepRequest.push(fn); }

  setSpeed(v) {
    this.speed = Math.min(Math.max(v, 1), 1e4);
    this.showSpeed();
  }

  speedText() {
    const v = this.speed;
    const shown = v < 10 ? Math.round(v * 10) / 10 : v < 100 ? Math.round(v) : Math.round(v / 10) * 10;
    return t('controls.speed', { n: v < 10 ? String(shown) : int(shown) });
  }

  showSpeed() {
    this.els.speedOut.textContent = this.speedText();
    this.els.speed.setAttribute('aria-valuetext', this.speedText());
  }

  /** The step counter: at once, or while playing with the other readouts (turns.mjs: at
   *  1,000 steps/s its digits cannot be read at 60 Hz, and each change costs a frame a
   *  style, layout and paint pass). */
  showStep() {
    throttled('step', 0, () => {
      // Only what changed (an unchanged write still costs a style and layout pass).
      const r = this.race;
      const count = int(r.step), max = `/ ${int(r.maxSteps)}`;
      if (this.els.count.textContent !== count) this.els.count.textContent = count;
      if (this.els.max.textContent !== max) this.els.max.textContent = max;
    });
    if (this.playing && !this.race.running) this.pause();
  }

  toggle() { if (this.playing) this.pause(); else this.play(); }

  play() {
    if (this.playing) return;
    for (const fn of this.hooks.beforePlay) fn();
    if (!this.race.running) return;
    this.playing = true;
    setLive(true);
    this.carry = 0;
    this.last = performance.now();
    this.els.play.textContent = t('controls.pause');
    requestAnimationFrame((t) => this.frame(t));
  }

  pause() {
    this.playing = false;
    this.els.play.textContent = t('controls.play');
    setLive(false); // (the readouts waiting for their batch, the step reached among them, at once)
  }

  step(n = 1) {
    this.pause();
    const k = Math.max(0, Math.floor(n));
    if (this.hooks.stepRequest.some((fn) => fn(k))) return;
    this.race.advance(k);
  }

  reset() {
    this.pause();
    this.race.reset();
  }

  frame(t) {
    if (!this.playing) return;
    const dt = Math.min(Math.max((t - this.last) / 1000, 0), MAX_DT);
    this.last = t;
    this.carry += this.speed * dt;
    let n = Math.floor(this.carry);
    this.carry -= n;
    // Time budget: at most about FRAME_BUDGET_MS of engine work per frame whatever the speed
    // (a full-batch step over a million points takes milliseconds); the excess is dropped.
    const cap = Math.max(1, Math.floor(FRAME_BUDGET_MS / this.msPerStep));
    if (n > cap) { n = cap; this.carry = 0; }
    if (n > 0) {
      // Engine time only (the runs' wall time): the redraws the new data triggers must not
      // count as steps, or slow drawing would shrink the cap to one step per frame.
      const wall = () => this.race.caches.reduce((a, c) => a + c.wall, 0);
      const w0 = wall();
      this.race.advance(n);
      this.msPerStep = 0.5 * this.msPerStep + 0.5 * Math.max((wall() - w0) / n, 1e-4);
    }
    if (this.playing) requestAnimationFrame((u) => this.frame(u));
  }

  key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'TEXTAREA' ||
      t.tagName === 'SELECT' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'range', 'button'].includes(t.type)));
    if (typing) return;
    if (e.code === 'Space' || e.key === ' ') {
      if (t instanceof HTMLButtonElement || (t instanceof HTMLInputElement && t.type === 'checkbox')) return; // Space activates them
      e.preventDefault();
      this.toggle();
    } else if (e.key === 'ArrowRight') {
      if (t instanceof HTMLInputElement && t.type === 'range') return; // arrows move sliders
      e.preventDefault();
      this.step(1);
    } else if (e.key === 'r' || e.key === 'R') {
      e.preventDefault();
      this.reset();
    }
  }
}
