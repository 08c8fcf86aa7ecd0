// Boots the page: loads the wasm engine and its catalog, builds every part, and publishes the
// JS API on window.gradscape:
//   ready            true once booted
//   state()          {step, surface, runs: [{name, optimizer, point: [x, y], loss, status,
//                    reached_at?, diverged_at?, distance}]}; status is "running", "completed",
//                    "reached" or "diverged"
//   load(scenario)   the engine's scenario JSON (object or string); a bad one throws an Error
//                    naming the bad field and keeps the current race
//   play(), pause(), step(n = 1), reset()
//   exportScenario() the current scenario as JSON (live changes included; the CLI runs it)
//   path(i)          run i's recorded path so far as [[x, y], ...]

import { loadEngine, Session, catalogJson, testExports, background } from './engine.mjs';
import { Catalog } from './catalog.mjs';
import { Race } from './race.mjs';
import { View } from './view.mjs';
import { Paths } from './paths.mjs';
import { attachPointer } from './interact.mjs';
import { Controls, statusOf } from './controls.mjs';
import { Playback } from './playback.mjs';
import { Screen } from './screen.mjs';
import { Lab } from './lab.mjs';
import { teach } from './teach/index.mjs';
import { installFatalHandlers, whenEngineStops } from './safety/fatal.mjs';
import { Keeper } from './safety/keeper.mjs';
import { Replanner } from './replan.mjs';

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
  if (typeof WebAssembly !== 'object') {
    fatal('WebAssembly is not available', 'Gradscape needs a browser with WebAssembly enabled.');
    return;
  }
  try {
    await loadEngine();
  } catch (e) {
    fatal('The Gradscape engine could not be loaded', `WebAssembly failed to load: ${e.message || e}`);
    return;
  }
  // The test build (cargo feature panic-test) exports panicForTest: only then is the module
  // reachable from the page, for the panic test.
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

  window.gradscape = {
    ready: true,
    catalog: () => JSON.parse(catalogJson()),
    state: () => publicState(race),
    load(scenario) {
      race.load(scenario);
      return null;
    },
    play: () => playback.play(),
    pause: () => playback.pause(),
    step: (n = 1) => { playback.step(n); return publicState(race); },
    reset: () => playback.reset(),
    exportScenario: () => race.exportScenario(),
    regression: () => lab.summary(),  // {n, train, validation, drawn, surfaceSample} or null
    data: () => lab.points(),          // {x, y, validation} as arrays (regression) or null
    path(i) {
      const c = race.caches[i];
      if (!c) return null;
      const out = [];
      for (let k = 0; k < c.xy.length; k += 2) out.push([c.xy.data[k], c.xy.data[k + 1]]);
      return out;
    },
    get playing() { return playback.playing; },
    get renders() { return view.renders; },
    // {replans: [run index, ...], catchUp: step or null, progress: 0..1 or null, drawing}:
    // the engine worker's jobs for this race, and whether a sliced redraw of the paths is
    // under way (the old paths are on screen meanwhile)
    background: () => ({ ...planner.status(), drawing: paths.busy }),
  };
  // The user's data and formula kept on this device (js/safety/store.mjs).
  const keeper = new Keeper({ race, lab });
  teach({ race, view, paths, screen, playback, catalog, api: window.gradscape, keeper, planner });
  window.gradscape.storage = () => keeper.store.status();
  whenEngineStops(() => playback.pause());
  document.documentElement.dataset.ready = 'true';
}

function publicState(race) {
  const st = race.state;
  return {
    step: st.step,
    surface: race.surfaceName,
    mode: race.scenario?.problem?.regression ? 'regression' : 'surfaces',
    runs: st.runs.map((r) => {
      const s = statusOf(r);
      const out = { name: r.name, optimizer: r.optimizer, point: r.point, loss: r.loss, status: s.kind, distance: r.distance };
      if (s.kind === 'diverged') out.diverged_at = s.at;
      if (r.reached_at != null) out.reached_at = r.reached_at;
      return out;
    }),
  };
}

boot().catch((e) => fatal('Gradscape failed to start', e.message || String(e)));
