// The JS API published as window.gradscape (boot.mjs), for tests, lessons and scripts:
//   ready            true once booted
//   catalog()        the engine's catalog
//   state()          {step, surface, mode, runs: [{name, optimizer, point: [x, y], loss, status,
//                    reached_at?, diverged_at?, distance}]}; status is "running", "completed",
//                    "reached" or "diverged"
//   load(scenario)   the engine's scenario JSON (object or string); a bad one throws an Error
//                    naming the bad field and keeps the current race
//   play(), pause(), step(n = 1) (n a whole number from 0 to the engine's max_steps), reset()
//   exportScenario() the current scenario as JSON (live changes included; the CLI runs it)
//   path(i)          run i's recorded path so far as [[x, y], ...]
//   regression()     {n, train, validation, drawn, surfaceSample} or null; data(): {x, y,
//                    validation} or null
//   playing, renders (read-only)
//   background()     the engine worker's jobs for this race: {replans, catchUp, progress,
//                    drawing, estimateMs, syncMs} (a re-plan estimated over syncMs goes there)
// The teaching layer adds link(), timeline(k?), explain(i?), overlayDraws(), rates(i) and
// presenter; boot adds storage(). guardArgs() then puts the same argument checks in front of
// those: every entry point answers a bad argument (missing, null, a wrong type, NaN,
// negative, fractional, huge, an index with no run) with an Error naming the entry point, the
// argument and what it got, before anything changes.

import { statusOf } from './controls.mjs';
import { limits } from './engine.mjs';

const shown = (v) => {
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
};

function fail(entry, message) { return new Error(`gradscape.${entry}: ${message}`); }

/** `v` as a whole number in [lo, hi], or an Error naming `entry` and `name`. */
function whole(entry, name, v, lo, hi) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw fail(entry, `${name} must be a whole number from ${lo} to ${hi} (got ${shown(v)})`);
  }
  return v;
}

/** A run index of the current race. */
function runIndex(entry, race, i) {
  const n = race.scenario?.runs?.length ?? 0;
  if (n === 0) throw fail(entry, 'there are no runs');
  return whole(entry, 'the run index i', i, 0, n - 1);
}

function noArgs(entry, args) {
  if (args.some((a) => a !== undefined)) throw fail(entry, `takes no arguments (got ${args.map(shown).join(', ')})`);
}

function oneArg(entry, rest) {
  if (rest.some((a) => a !== undefined)) throw fail(entry, `takes one argument (got ${rest.length} more: ${rest.map(shown).join(', ')})`);
}

/** The scenario argument of load(): an object or a JSON string, else an Error. */
function scenarioArg(v) {
  if (v === undefined || v === null) throw fail('load(scenario)', `the scenario is missing (got ${shown(v)}): pass the scenario as an object or a JSON string`);
  if (typeof v === 'string') {
    if (!v.trim()) throw fail('load(scenario)', 'the scenario is an empty string');
    return v;
  }
  if (typeof v !== 'object' || Array.isArray(v)) throw fail('load(scenario)', `the scenario must be an object or a JSON string (got ${shown(v)})`);
  try {
    return JSON.stringify(v);
  } catch (e) {
    throw fail('load(scenario)', `the scenario cannot be written as JSON: ${e.message || e}`);
  }
}

/** The API object over the page's parts. */
export function createApi({ race, playback, view, lab, catalogJson, background }) {
  const api = {
    ready: true,
    catalog: (...a) => { noArgs('catalog()', a); return JSON.parse(catalogJson()); },
    state: (...a) => { noArgs('state()', a); return publicState(race); },
    load(scenario, ...rest) {
      oneArg('load(scenario)', rest);
      race.load(scenarioArg(scenario));
      return null;
    },
    play: (...a) => { noArgs('play()', a); playback.play(); },
    pause: (...a) => { noArgs('pause()', a); playback.pause(); },
    step: (n = 1, ...rest) => {
      oneArg('step(n)', rest);
      playback.step(whole('step(n)', 'n', n, 0, limits().max_steps));
      return publicState(race);
    },
    reset: (...a) => { noArgs('reset()', a); playback.reset(); },
    exportScenario: (...a) => { noArgs('exportScenario()', a); return race.exportScenario(); },
    regression: (...a) => { noArgs('regression()', a); return lab.summary(); },
    data: (...a) => { noArgs('data()', a); return lab.points(); },
    path(i, ...rest) {
      oneArg('path(i)', rest);
      const c = race.caches[runIndex('path(i)', race, i)];
      if (!c) return null;
      const out = [];
      for (let k = 0; k < c.xy.length; k += 2) out.push([c.xy.data[k], c.xy.data[k + 1]]);
      return out;
    },
    get playing() { return playback.playing; },
    get renders() { return view.renders; },
    // {replans: [run index, ...], catchUp: step or null, progress: 0..1 or null, drawing}:
    // the engine worker's jobs for this race, and whether the paths are still being drawn
    // (a sliced redraw, the old paths on screen meanwhile; or new segments over a few frames)
    background,
  };
  return api;
}

/** Puts argument checks in front of the entry points added after createApi (teaching layer,
 *  storage): the same rules, so no entry point sees a bad argument. */
export function guardArgs(api, race) {
  const wrap = (name, check) => {
    const fn = api[name];
    if (typeof fn !== 'function') return;
    api[name] = (...args) => fn(...check(args));
  };
  const none = (entry) => (args) => { noArgs(entry, args); return []; };
  for (const name of ['link', 'overlayDraws', 'storage', 'exportScenario']) wrap(name, none(`${name}()`));
  wrap('timeline', ([k, ...rest]) => {
    oneArg('timeline(k)', rest);
    return k === undefined ? [] : [whole('timeline(k)', 'the step k', k, 0, limits().max_steps)];
  });
  wrap('explain', ([i, ...rest]) => {
    oneArg('explain(i)', rest);
    return i === undefined ? [] : [runIndex('explain(i)', race, i)];
  });
  wrap('rates', ([i, ...rest]) => { oneArg('rates(i)', rest); return [runIndex('rates(i)', race, i)]; });
  return api;
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
