// Boots the page in two parts. First what the first frame needs: the wasm engine and its
// catalog, the race, the view (surface, contours, paths), the charts, the run list and
// playback; the default race is loaded and the surface drawn. Then, after that frame has
// been painted, boot-late.mjs (a dynamic import, so its ~60 modules are neither fetched
// nor parsed before the surface is on screen) builds the rest: the Regression lab, the
// teaching layer, storage, Side by side, the classroom, Explore, languages and links, 3-D,
// and the JS API on window.gradscape (api.mjs lists its entry points); `ready` is set last.
// index.html preloads the wasm and this part's modules, so neither waits on the other.

import { loadEngine, Session, catalogJson, testExports, background, scenarioFromLink } from './engine.mjs';
import { Catalog } from './catalog.mjs';
import { Race } from './race.mjs';
import { View } from './view.mjs';
import { Paths } from './paths.mjs';
import { attachPointer } from './interact.mjs';
import { Controls } from './controls.mjs';
import { Playback } from './playback.mjs';
import { Screen } from './screen.mjs';
import { installFatalHandlers, whenEngineStops } from './safety/fatal.mjs';
import { Replanner } from './replan.mjs';
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
  race.load(catalog.scenarioFor(catalog.surfaces[0].name));
  // The surface is drawn (race 'load' → view.renderNow): let the browser paint it before
  // the rest of the page is fetched and built.
  performance.mark('gradscape:first-surface');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const { bootLate } = await import('./boot-late.mjs');
  bootLate({ race, view, paths, screen, playback, catalog, planner, replan });
  whenEngineStops(() => playback.pause());
  document.documentElement.dataset.ready = 'true';
}

boot().catch((e) => fatal(t('controls.startFailed'), e.message || String(e)));
