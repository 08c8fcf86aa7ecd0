// Phones and tablets: the layout itself is CSS (style.css, below 700 px the stage comes
// first at full width, the controls below it); here only what CSS cannot say: on a touch
// screen the view's hint speaks of taps and pinches, and the canvas is sized again when the
// phone turns (the view follows its box's size).

import { t } from '../i18n.mjs';

/** True on a device whose main pointer is a finger. */
export const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

export function touchLayout({ view }) {
  const hint = document.getElementById('hint');
  if (hint && coarsePointer()) {
    hint.dataset.i18n = 'controls.hintTouch';
    hint.textContent = t('controls.hintTouch');
  }
  addEventListener('orientationchange', () => setTimeout(() => view.resize?.(), 100));
}
