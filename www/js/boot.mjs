// Boots the page in three parts. First what the first frame needs: the wasm engine and its
// catalog, the race and the view; the default race is loaded and the surface drawn as a
// draft (the heat map at 0.4 of the resolution and the minima, no contours), then that frame
// is painted. Then boot-panel.mjs (a dynamic import): the surface at full resolution with its
// contours, the path overlay (the start marker), the run list, playback, the charts, the
// pointer and re-plans.
// Then boot-late.mjs (a dynamic import too, so its ~60 modules are neither fetched nor
// parsed before the surface is on screen) builds the rest: the Regression lab, the teaching
// layer, storage, Side by side, the classroom, Explore, languages and links, 3-D, and the
// JS API on window.gradscape (api.mjs lists its entry points); `ready` is set last.
// index.html preloads the wasm and the first two parts' modules (scripts/preload.mjs), and
// js/engine-start.mjs compiles the wasm while they arrive.

import { loadEngine, Session, catalogJson, testExports, scenarioFromLink } from './engine.mjs';
import { Catalog } from './catalog.mjs';
import { Race } from './race.mjs';
import { View } from './view.mjs';
import { installFatalHandlers, whenEngineStops } from './safety/fatal.mjs';
import { t } from './i18n.mjs';
import { startLanguage } from './reach/language.mjs';

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
  // The first surface as a draft: the heat map at 0.4 of the canvas's resolution (a sixth
  // of the engine's work) and no contours (their computing, drawing and labels' first font
  // lookup cost more than the heat map), through the view's surfaceSource hook (which the
  // Regression lab uses later); the full rendering follows right after the first frame.
  view.surfaceSource = () => ({ session: race.session, detail: 0.4, grid: 0 });
  race.load(catalog.scenarioFor(catalog.surfaces[0].name));
  view.surfaceSource = null;
  // The surface is drawn: let the browser paint it before the rest of the page is built.
  performance.mark('gradscape:first-surface');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const panel = import('./boot-panel.mjs'); // fetched while the full rendering is computed
  view.renderNow();
  const { bootPanel } = await panel;
  const { paths, screen, playback, planner, replan } = bootPanel({ race, view, catalog });
  const { bootLate } = await import('./boot-late.mjs');
  bootLate({ race, view, paths, screen, playback, catalog, planner, replan });
  whenEngineStops(() => playback.pause());
  document.documentElement.dataset.ready = 'true';
}

boot().catch((e) => fatal(t('controls.startFailed'), e.message || String(e)));
