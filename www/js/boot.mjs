// Boots the page: loads the wasm engine and its catalog, builds every part, and publishes the
// JS API on window.gradscape (api.mjs lists its entry points).

import { loadEngine, Session, catalogJson, testExports, background, scenarioFromLink } from './engine.mjs';
import { Catalog } from './catalog.mjs';
import { Race } from './race.mjs';
import { View } from './view.mjs';
import { Paths } from './paths.mjs';
import { attachPointer } from './interact.mjs';
import { Controls } from './controls.mjs';
import { Playback } from './playback.mjs';
import { Screen } from './screen.mjs';
import { Lab } from './lab.mjs';
import { teach } from './teach/index.mjs';
import { installFatalHandlers, whenEngineStops } from './safety/fatal.mjs';
import { Keeper } from './safety/keeper.mjs';
import { createApi, guardArgs } from './api.mjs';
import { Replanner } from './replan.mjs';
import { t } from './i18n.mjs';
import { startLanguage } from './reach/language.mjs';
import { reach } from './reach/index.mjs';
import { Grid } from './grid/index.mjs';
import { installView3d } from './view3d/index.mjs';
import { classroom } from './classroom/index.mjs';
import { mountExplore } from './explore/index.mjs';

// A Rust panic or wasm trap anywhere shows the engine-stopped overlay (with Reload).
installFatalHandlers();

const $ = (id) => document.getElementById(id);

function fatal(title, detail) {
  const box = $('fatal');
  const h = document.createElement('h2');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = detail;
  box.replaceChildren(h, p);
  box.hidden = false;
  console.error(`Gradscape: ${title}: ${detail}`);
}

async function boot() {
  startLanguage();
  if (typeof WebAssembly !== 'object') {
    fatal(t('controls.noWasm'), t('controls.noWasmDetail'));
    return;
  }
  try {
    await loadEngine();
  } catch (e) {
    fatal(t('controls.loadFailed'), t('controls.loadFailedDetail', { error: e.message || e }));
    return;
  }
  // The test build (cargo feature panic-test) exports panicForTest: only then is the module
  // reachable from the page, for the panic test.
  startLanguage(scenarioFromLink); // before any part builds its strings
  const wasmForTest = testExports();
  if (wasmForTest) window.__gradscapeWasm = wasmForTest;
  const catalog = new Catalog(catalogJson());
  const race = new Race({ Session }, catalog);
  const view = new View($('view'), $('surface-canvas'), race);
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

  const surfaceSel = $('surface');
  for (const s of catalog.surfaces) surfaceSel.append(new Option(s.label, s.name));
  // Switching surface loads that surface's start, view and default race: the learning rates
  // of the default race are tuned per surface, so carrying runs over would mostly diverge.
  // (The empty value is the teaching layer's "Custom formula".)
  surfaceSel.addEventListener('change', () => surfaceSel.value && race.load(catalog.scenarioFor(surfaceSel.value, race.scenario)));
  race.on('load', () => {
    const s = catalog.surface(race.surfaceName);
    surfaceSel.value = s ? s.name : '';
    $('formula').textContent = s ? `f(x, y) = ${s.formula}` : '';
    view.fit();
    view.renderNow();
  });
  const log = $('log-scale');
  log.addEventListener('change', () => view.setLog(log.checked));
  $('fit').addEventListener('click', () => view.fit());
  // The Regression mode beside Surfaces (data view, data/warm-start cards, metrics).
  const lab = new Lab({ race, view, catalog, app: $('app'), panel: document.querySelector('.panel'), stage: document.querySelector('.stage'), replan });

  race.load(catalog.scenarioFor(catalog.surfaces[0].name));

  window.gradscape = createApi({ race, playback, view, lab, catalogJson, background: () => ({ ...planner.status(), drawing: paths.busy }) });
  // The user's data and formula kept on this device (js/safety/store.mjs).
  const keeper = new Keeper({ race, lab });
  const taught = teach({ race, view, paths, screen, playback, catalog, api: window.gradscape, keeper, planner });
  // Side by side: one synchronised view per run (grid/index.mjs), beside the overlay.
  const grid = new Grid({ race, view, paths, catalog, explain: taught.explain, els: {
    view: $('view'), mount: $('grid'), switch: $('layout-switch'), ghosts: $('ghosts'), hover: $('hover'), fit: $('fit') } });
  taught.exporter.usePicture((out) => (grid.active ? grid.composite(out) : null));
  window.gradscape.grid = grid.api();
  // Theme, leaderboard, keyboard, undo (js/classroom/).
  const room = classroom({ race, view, catalog });
  window.gradscape.undo = () => room.undo.undo();
  window.gradscape.redo = () => room.undo.redo();
  window.gradscape.storage = () => keeper.store.status();
  // Explore (maps, basins, fans, fair race, lr finder) and gradscape.sweep (explore/index.mjs).
  mountExplore({ race, view, paths, catalog, api: window.gradscape, worker: background(), mount: $('explore-mount'), stage: document.querySelector('.stage') });
  reach({ api: window.gradscape, view });
  guardArgs(window.gradscape, race);
  // The 3-D view: its switch now, three.js and the renderer only once 3-D is chosen.
  installView3d({ race, view, api: window.gradscape, stage: document.querySelector('.stage'), mount: $('view3d'), switcher: $('view-switch'), note: $('view3d-note') });
  whenEngineStops(() => playback.pause());
  document.documentElement.dataset.ready = 'true';
}

boot().catch((e) => fatal(t('controls.startFailed'), e.message || String(e)));
