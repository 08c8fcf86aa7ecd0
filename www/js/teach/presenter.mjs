// Presenter mode: full screen (where the browser allows it), large type, high contrast, and
// everything drawn on canvases (ticks, labels, path widths, markers) scaled with the page
// through --canvas-scale (appearance.mjs); the control panel hides behind a "Controls"
// toggle, the view, leaderboard and charts stay. The "Present" button or P toggles it;
// Escape leaves it.

import { appearanceChanged } from '../appearance.mjs';
import { t } from '../i18n.mjs';

/** How much larger canvas text, lines and markers are when presenting. */
export const PRESENTER_CANVAS_SCALE = 1.6;

export class Presenter {
  constructor(button) {
    this.button = button;
    this.on = false;
    button.addEventListener('click', () => this.toggle());
    this.panelBtn = document.createElement('button');
    Object.assign(this.panelBtn, { type: 'button', className: 'panel-toggle', textContent: t('classroom.controls') });
    this.panelBtn.setAttribute('aria-expanded', 'false');
    this.panelBtn.addEventListener('click', () => this.showPanel(!document.documentElement.classList.contains('show-panel')));
    document.body.append(this.panelBtn);
    document.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName) && t.type !== 'checkbox' && t.type !== 'range')) return;
      if (e.key === 'p' || e.key === 'P') { e.preventDefault(); this.toggle(); }
      else if (e.key === 'Escape' && this.on) this.set(false);
    });
    // Leaving full screen by the browser's own means (Escape, F11) leaves presenter mode; an
    // exit this page asked for earlier does not (`entered` is set only once full screen began).
    document.addEventListener('fullscreenchange', () => {
      if (document.fullscreenElement) { if (this.on) this.entered = true; return; }
      if (this.on && this.entered) this.set(false, false);
    });
  }

  toggle() { this.set(!this.on); }

  /** Shows or hides the control panel in presenter mode. */
  showPanel(show) {
    document.documentElement.classList.toggle('show-panel', show);
    this.panelBtn.setAttribute('aria-expanded', String(show));
    this.panelBtn.textContent = t(show ? 'classroom.hideControls' : 'classroom.controls');
    // The view's size changed: the canvases follow (canvas.mjs watches their box).
  }

  set(on, touchFullscreen = true) {
    this.on = on;
    this.entered = false;
    const root = document.documentElement;
    root.classList.toggle('presenter', on);
    if (on) root.style.setProperty('--canvas-scale', String(PRESENTER_CANVAS_SCALE));
    else root.style.removeProperty('--canvas-scale');
    this.showPanel(false);
    appearanceChanged();
    this.button.setAttribute('aria-pressed', String(on));
    this.button.title = on ? t('teach.presenterOff') : t('teach.presenterOn');
    if (!touchFullscreen) return;
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
    if (!on && document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  }
}
