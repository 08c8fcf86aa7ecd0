// The timeline: a scrubber over the steps recorded so far, with back/forward buttons and the
// Left/Right arrow keys. It moves the race's cursor (race.setCursor; null = the live end), and
// paths, dots, overlays and charts show that step. Scrubbing pauses; playing continues from
// the live end (a playback beforePlay hook); Step walks forward through the recorded steps
// first when scrubbed back (a playback stepRequest hook).

import { int } from '../catalog.mjs';
import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';
import { throttled } from '../turns.mjs';

export class Timeline {
  constructor(race, playback, host, onChange) {
    this.race = race;
    this.playback = playback;
    this.onChange = onChange;
    this.back = el('button', { type: 'button', className: 'icon', textContent: '◀', title: t('teach.backTitle') });
    this.back.setAttribute('aria-label', t('teach.back'));
    this.fwd = el('button', { type: 'button', className: 'icon', textContent: '▶', title: t('teach.forwardTitle') });
    this.fwd.setAttribute('aria-label', t('teach.forward'));
    this.slider = el('input', { type: 'range', min: '0', max: '0', step: '1', value: '0' });
    this.slider.setAttribute('aria-label', t('teach.timeline'));
    // It speaks "step k of n" itself (sync()); classroom/valuetext.mjs leaves it alone.
    this.slider.dataset.valuetext = 'own';
    this.liveBtn = el('button', { type: 'button', className: 'icon', textContent: t('teach.live'), title: t('teach.liveTitle') });
    host.append(el('div', { className: 'timeline' }, this.back, this.slider, this.fwd, this.liveBtn));
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    this.back.addEventListener('click', () => this.by(-1));
    this.fwd.addEventListener('click', () => this.by(1));
    this.liveBtn.addEventListener('click', () => this.show(null));
    // Play always continues from the live end; Step (and →) walks forward through the
    // recorded steps first when the timeline is scrubbed back.
    playback.onBeforePlay(() => this.show(null, false));
    playback.onStepRequest((n) => {
      if (race.cursor == null) return false;
      this.show(race.cursor + n, false);
      return true;
    });
    document.addEventListener('keydown', (e) => this.key(e), true);
    // (After a restart the cursor is live again; paths, charts and the equations follow the
    // 'data' event themselves.)
    race.on('data', () => this.sync());
    race.on('cursor', () => { this.sync(); this.onChange(); });
  }

  /** The step on screen. */
  get shown() { return this.race.cursor ?? this.race.step; }

  /** Shows step k (clamped; the live end or null means live). */
  show(k, pause = true) {
    const race = this.race;
    if (pause) this.playback.pause();
    const before = race.cursor;
    if (race.setCursor(k) === before) this.sync(); // (a change syncs through 'cursor')
    return this.shown;
  }

  by(n) { return this.show(this.shown + n); }

  /** The slider, buttons and step counter on the shown step: at once, or while playing
   *  (the thumb stays at the live end whatever the step) with the other readouts, a few
   *  times a second (turns.mjs; each write is a style and layout pass of a frame). */
  sync() {
    throttled('timeline', 0, () => this.syncNow());
  }

  syncNow() {
    const race = this.race;
    const live = race.step;
    this.slider.max = String(live);
    this.slider.value = String(this.shown);
    this.slider.setAttribute('aria-valuetext', t('teach.stepOf', { k: int(this.shown), n: int(live) }));
    // Written only on change: this runs every frame while playing, and an unchanged write
    // still costs a style pass.
    const able = (b, off) => { if (b.disabled !== off) b.disabled = off; };
    able(this.back, this.shown <= 0);
    able(this.fwd, race.cursor == null && !race.running);
    able(this.liveBtn, race.cursor == null);
    const count = document.getElementById('step-count');
    const max = document.getElementById('step-max');
    if (race.cursor == null) this.playback.showStep();
    else if (count) {
      count.textContent = int(race.cursor);
      max.textContent = t('teach.scrubbing', { n: int(live) });
    }
  }

  key(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key !== 'ArrowLeft') return;
    const t = e.target;
    if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName))) return;
    e.preventDefault();
    this.by(-1);
  }
}
