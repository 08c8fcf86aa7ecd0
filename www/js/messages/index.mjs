// The message catalogues, one per area of the page (www/js/i18n.mjs merges them). Each area
// file exports { en: { key: text }, 'zh-CN': { key: text } } with the same keys in both;
// keys start with the area's prefix so that two areas never define the same key.
// Add an area: create its file here and add one line below.

import core from './core.mjs';
import catalog from './catalog.mjs';
import classroom from './classroom.mjs';
import controls from './controls.mjs';
import errors from './errors.mjs';
import explore from './explore.mjs';
import figures from './figures.mjs';
import grid from './grid.mjs';
import lessons from './lessons.mjs';
import reach from './reach.mjs';
import regression from './regression.mjs';
import safety from './safety.mjs';
import teach from './teach.mjs';
import view3d from './view3d.mjs';

/** Every area's catalogue (one line each). */
export const areas = [
  core,
  catalog,
  classroom,
  controls,
  errors,
  explore,
  figures,
  grid,
  lessons,
  reach,
  regression,
  safety,
  teach,
  view3d,
];
