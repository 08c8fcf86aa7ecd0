// The 3-D view's own controls, over its canvas: Reset camera, the height scale (a log slider:
// Rosenbrock's heights span 10⁴, so a linear one would be useless at one end) and Log
// height (heights on the log or linear scale, as the 2-D view's colours). Edits `settings`
// ({vscale, logHeight: null until chosen, then the colours' log option is no longer
// followed}) and calls the matching callback. Strings are data-i18n keys.

import { el } from '../widgets.mjs';

const MIN = 0.05, MAX = 3; // height of the highest point, in units of the box's half-width

export function toolbar(mount, settings, { reset, height, log }) {
  const resetButton = el('button', { type: 'button', className: 'view3d-reset' });
  resetButton.dataset.i18n = 'view3d.reset';
  resetButton.addEventListener('click', reset);

  const slider = el('input', { type: 'range', min: '0', max: '1', step: '0.001', className: 'view3d-height' });
  slider.dataset.i18nAriaLabel = 'view3d.height';
  const toValue = (f) => MIN * (MAX / MIN) ** f;
  slider.value = String(Math.log(settings.vscale / MIN) / Math.log(MAX / MIN));
  slider.addEventListener('input', () => { settings.vscale = toValue(Number(slider.value)); height(); });
  const heightLabel = el('span', {});
  heightLabel.dataset.i18n = 'view3d.height';

  const logBox = el('input', { type: 'checkbox', checked: Boolean(settings.logHeight), className: 'view3d-log' });
  logBox.addEventListener('change', () => { settings.logHeight = logBox.checked; log(); });
  const logLabel = el('span', {});
  logLabel.dataset.i18n = 'view3d.logHeight';

  const bar = el('div', { className: 'view3d-tools' },
    resetButton,
    el('label', { className: 'view3d-field' }, heightLabel, slider),
    el('label', { className: 'switch' }, logBox, logLabel),
    el('span', { className: 'view3d-hint' }));
  bar.lastChild.dataset.i18n = 'view3d.hint';
  mount.append(bar);
  return { resetButton, slider, logBox };
}
