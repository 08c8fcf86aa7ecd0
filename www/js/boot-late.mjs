// The second part of booting (boot.mjs imports it once the first frame, the surface, is on
// screen): everything the first frame does not show. The Regression lab, the JS API on
// window.gradscape (api.mjs), storage on this device (safety/keeper.mjs), the teaching
// layer, Side by side, the classroom, Explore, languages and links (reach/), and the 3-D
// view's switch. Built in this order because later parts use earlier ones (the teaching
// layer needs the API and the keeper; the grid the teaching layer's explain panel).

import { catalogJson } from './engine.mjs';
import { background } from './engine-worker.mjs';
import { Lab } from './lab.mjs';
import { teach } from './teach/index.mjs';
import { Keeper } from './safety/keeper.mjs';
import { createApi, guardArgs } from './api.mjs';
import { reach } from './reach/index.mjs';
import { Grid } from './grid/index.mjs';
import { installView3d } from './view3d/index.mjs';
import { classroom } from './classroom/index.mjs';
import { mountExplore } from './explore/index.mjs';

const $ = (id) => document.getElementById(id);

/** Builds the parts after the first frame from the ones boot.mjs made. */
export function bootLate({ race, view, paths, screen, playback, catalog, planner, replan }) {
  const stage = document.querySelector('.stage');
  // The Regression mode beside Surfaces (data view, data/warm-start cards, metrics).
  const lab = new Lab({ race, view, catalog, app: $('app'), panel: document.querySelector('.panel'), stage, replan });
  const api = createApi({ race, playback, view, lab, catalogJson, background: () => ({ ...planner.status(), drawing: paths.busy }) });
  window.gradscape = api;
  // The user's data and formula kept on this device (js/safety/store.mjs).
  const keeper = new Keeper({ race, lab });
  const taught = teach({ race, view, paths, screen, playback, catalog, api, keeper, planner });
  // Side by side: one synchronised view per run (grid/index.mjs), beside the overlay.
  const grid = new Grid({ race, view, paths, catalog, explain: taught.explain, els: {
    view: $('view'), mount: $('grid'), switch: $('layout-switch'), ghosts: $('ghosts'), hover: $('hover'), fit: $('fit') } });
  taught.exporter.usePicture((out) => (grid.active ? grid.composite(out) : null));
  api.grid = grid.api();
  // Theme, leaderboard, keyboard, undo (js/classroom/).
  const room = classroom({ race, view, catalog });
  api.undo = () => room.undo.undo();
  api.redo = () => room.undo.redo();
  api.storage = () => keeper.store.status();
  // Explore (maps, basins, fans, fair race, lr finder) and gradscape.sweep (explore/index.mjs).
  mountExplore({ race, view, paths, catalog, api, worker: background(), mount: $('explore-mount'), stage });
  reach({ api, view });
  guardArgs(api, race);
  // The 3-D view: its switch now, three.js and the renderer only once 3-D is chosen.
  installView3d({ race, view, api, stage, mount: $('view3d'), switcher: $('view-switch'), note: $('view3d-note') });
}
