// The lab's bottom row: training (solid) and validation (dashed) loss per run on a log scale
// with a marker at each early-stopping run's best step (drawn by the engine: the regression
// kind of charts.mjs's EngineChart; the metrics table is metrics.mjs).

import { EngineChart } from '../charts.mjs';

/** The lab's loss chart: the engine's regression chart of `race`. */
export class LossChart extends EngineChart {
  constructor(canvas, race) { super(canvas, 'regression', race); }
}
