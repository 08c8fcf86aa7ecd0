// What the engine needs to draw a chart or a figure the way the page looks: the theme's
// colours and the presenter scale (appearance.mjs) and every label in the current language
// (messages/figures.mjs), as the `key<TAB>value` lines the engine reads (src/web/charts.rs,
// src/figure/labels.rs). The label keys are the engine's field names.

import { theme, themeColors, canvasScale } from '../appearance.mjs';
import { t } from '../i18n.mjs';

const lines = (entries) => entries.map(([k, v]) => `${k}\t${String(v).replace(/[\t\n]/g, ' ')}`).join('\n');

/** The page's look at device pixel ratio `dpr`. */
export function lookLines(dpr = 1) {
  const c = themeColors();
  return lines([['theme', theme()], ['scale', canvasScale()], ['dpr', dpr],
    ['bg', c.bg], ['card', c.card], ['line', c.line], ['text', c.text], ['muted', c.muted], ['bad', c.bad]]);
}

// Engine label field → message key.
const LABELS = {
  loss_log: 'figures.lossLog', loss_shifted: 'figures.lossShifted', loss_linear: 'figures.lossLinear',
  lr_caption: 'figures.lrCaption', regression_loss: 'figures.regressionLoss', step_axis: 'figures.stepAxis',
  loss_axis: 'figures.lossAxis', loss_shifted_axis: 'figures.lossShiftedAxis', lr_axis: 'figures.lrAxis',
  step_of: 'figures.stepOf', of_steps: 'figures.ofSteps', legend_loss: 'figures.legendLoss',
  legend_diverged: 'figures.legendDiverged', legend_more: 'figures.legendMore', best_step: 'figures.bestStep',
  param_view: 'figures.paramView', data_view: 'figures.dataView', data_view_split: 'figures.dataViewSplit',
  regression_title: 'figures.regressionTitle', formula_title: 'figures.formulaTitle',
};

/** Every figure label in the current language (placeholders left for the engine). */
export function labelLines() {
  return lines(Object.entries(LABELS).map(([field, key]) => [field, t(key)]));
}

/** Figure options as lines: {width, height, theme, step}. */
export function optionLines(o) {
  return lines(Object.entries(o).filter(([, v]) => v != null));
}
