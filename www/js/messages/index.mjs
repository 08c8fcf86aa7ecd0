// The message catalogues, one per area of the page (www/js/i18n.mjs merges them). Each area
// file exports { en: { key: text }, 'zh-CN': { key: text } } with the same keys in both;
// keys start with the area's prefix so that two areas never define the same key.
// Add an area: create its file here and add one line below.

import core from './core.mjs';
import classroom from './classroom.mjs';
import explore from './explore.mjs';
import figures from './figures.mjs';
import grid from './grid.mjs';
import view3d from './view3d.mjs';

/** Every area's catalogue (one line each). */
export const areas = [
  core,
  classroom,
  explore,
  figures,
  grid,
  view3d,
];
