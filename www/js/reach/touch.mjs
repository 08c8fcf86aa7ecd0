// Phones and tablets: the layout itself is CSS (style.css, below 700 px the stage comes
// first at full width, the controls below it); here only what CSS cannot say: on a touch
// screen the view's hint speaks of taps and pinches, and the canvas is sized again when the
// phone turns (the view follows its box's size). On a narrow screen the equation panel, which
// would cover most of the view, starts closed (Explain's "Equations" switch opens it), and
// opening a lesson brings the view with its caption back into the screen (the gallery's
// button is further down the page).

import { t } from '../i18n.mjs';

/** True on a device whose main pointer is a finger. */
export const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

export function touchLayout({ view }) {
  const hint = document.getElementById('hint');
  if (hint && coarsePointer()) {
    hint.dataset.i18n = 'controls.hintTouch';
    hint.textContent = t('controls.hintTouch');
  }
  const equations = document.querySelector('.card.explain .toggles input[type="checkbox"]');
  if (equations?.checked && matchMedia('(max-width: 820px)').matches) equations.click();
  document.addEventListener('click', (e) => {
    if (!e.target.closest?.('dialog.lessons .lesson') || !matchMedia('(max-width: 820px)').matches) return;
    requestAnimationFrame(() => view.box.scrollIntoView({ block: 'start' }));
  });
  addEventListener('orientationchange', () => setTimeout(() => view.resize?.(), 100));
}
