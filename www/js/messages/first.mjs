// The areas whose messages the first part of booting (boot.mjs: the surface, the static
// markup's data-i18n keys, the loading and engine-stopped errors) needs, so that only these
// seven files are fetched and parsed before the first frame. i18n.mjs starts with them;
// boot-panel.mjs adds every area (index.mjs) right after the first frame, before anything
// else is built. An area whose keys the static markup or the first part uses goes here too.

import core from './core.mjs';
import catalog from './catalog.mjs';
import controls from './controls.mjs';
import errors from './errors.mjs';
import grid from './grid.mjs';
import safety from './safety.mjs';
import view3d from './view3d.mjs';

/** The first part's areas (a subset of index.mjs's `areas`). */
export const firstAreas = [core, catalog, controls, errors, grid, safety, view3d];
