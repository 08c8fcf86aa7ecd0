// The second part of booting (boot.mjs imports it once the first frame, the surface, is
// painted): what follows the race on screen beside the surface. The path overlay (paths,
// the start marker, labels), the run list, playback and the step counter, the loss and
// learning-rate charts with the legend, the pointer (start, pan, zoom, hover) and re-plans
// in the engine worker. The messages of every area are added first. The race is already
// loaded, so each part is brought up to date once here (they follow the race's events from
// then on).

import { background } from './engine-worker.mjs';
import { Paths } from './paths.mjs';
import { attachPointer } from './interact.mjs';
import { Controls } from './controls.mjs';
import { Playback } from './playback.mjs';
import { Screen } from './screen.mjs';
import { Replanner } from './replan.mjs';
import { addAreas } from './i18n.mjs';
import { areas } from './messages/index.mjs';

const $ = (id) => document.getElementById(id);

/** Builds the panel's parts for the race boot.mjs loaded; returns them for boot-late.mjs. */
export function bootPanel({ race, view, catalog }) {
  addAreas(areas); // every area's messages (the first part had messages/first.mjs's)
  const paths = new Paths($('paths-canvas'), view, race);
  const screen = new Screen(race, view, paths, {
    legend: $('legend'), lossChart: $('loss-chart'), lrChart: $('lr-chart'), lossCaption: $('loss-caption'),
  });
  const replan = $('replan');
  const controls = new Controls($('run-list'), $('add-run'), race, catalog, replan);
  // Long re-plans and late-step catch-ups run in the engine worker (replan.mjs).
  const planner = new Replanner(race, background(), replan);
  race.useReplanner(planner);
  planner.onChange(() => controls.update());
  const playback = new Playback(race, {
    play: $('play'), step: $('step'), reset: $('reset'), speed: $('speed'), speedOut: $('speed-out'),
    count: $('step-count'), max: $('step-max'),
  });
  attachPointer(view, race, $('hover'));
  // What the race's 'load', 'runs' and 'data' events of the first race would have done.
  controls.rebuild();
  playback.showStep();
  screen.legend();
  screen.drawCharts();
  paths.request();
  return { paths, screen, playback, planner, replan };
}
