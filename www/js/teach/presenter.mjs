// Presenter mode: full screen (where the browser allows it), large type, high contrast.
// The "Present" button or P toggles it; Escape leaves it.

import { t } from '../i18n.mjs';

export class Presenter {
  constructor(button) {
    this.button = button;
    this.on = false;
    button.addEventListener('click', () => this.toggle());
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

  set(on, touchFullscreen = true) {
    this.on = on;
    this.entered = false;
    document.documentElement.classList.toggle('presenter', on);
    this.button.setAttribute('aria-pressed', String(on));
    this.button.title = on ? t('teach.presenterOff') : t('teach.presenterOn');
    if (!touchFullscreen) return;
    if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
    if (!on && document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  }
}
