// The Explore panel: a button in the side panel opens a floating panel over the stage with
// the five views (Map, Basins, Fan, Fair race, Learning-rate finder), each its own module.
// It also publishes window.gradscape.sweep(spec) (the engine worker's sweep, the same
// result as `gradscape sweep`) and registers the `explore` page field, so a share link
// carries the map or basin map shown (its sweep spec, not its pixels).

import { t, onLanguageChange, translateTree } from '../i18n.mjs';
import { registerPageSetting } from '../page-settings.mjs';
import { el } from './form.mjs';
import { runSweep } from './sweep-client.mjs';
import { MapView } from './map.mjs';
import { BasinsView } from './basins.mjs';
import { FanView } from './fan.mjs';
import { FairView } from './fair.mjs';
import { FinderView } from './lr-finder.mjs';

const TABS = [
  ['map', MapView], ['basins', BasinsView], ['fan', FanView], ['fair', FairView], ['finder', FinderView],
];

/** Builds the panel. `mount`: the side panel's mount point; `stage`: where it floats. */
export function mountExplore({ race, view, paths, catalog, api, worker, mount, stage }) {
  let changedLink = () => {};
  const changed = () => changedLink();
  const ctx = { race, view, paths, catalog, worker, changed };
  const views = new Map(TABS.map(([name, View]) => [name, new View(ctx)]));
  let active = 'map';
  const tabs = el('div', { class: 'ex-tabs', role: 'tablist' });
  const body = el('div', { class: 'ex-body' });
  const close = el('button', { type: 'button', class: 'icon ex-close', 'data-i18n-aria-label': 'explore.close', 'aria-label': t('explore.close'), text: '×', onclick: () => show(false) });
  // The panel folds to its title bar, so that a lesson's caption and the view under it show.
  const fold = el('button', { type: 'button', class: 'icon ex-fold', 'data-i18n-aria-label': 'explore.fold', 'aria-label': t('explore.fold'), 'aria-expanded': 'true', text: '–',
    onclick: () => { const folded = panel.classList.toggle('ex-folded'); fold.setAttribute('aria-expanded', String(!folded)); fold.textContent = folded ? '+' : '–'; } });
  const panel = el('section', { class: 'explore', id: 'explore', 'aria-label': t('explore.title'), hidden: '' }, [
    el('header', { class: 'ex-head' }, [el('h2', { key: 'explore.title' }), el('span', { class: 'ex-head-buttons' }, [fold, close])]), tabs, body,
  ]);
  stage.append(panel);
  for (const [name] of TABS) {
    tabs.append(el('button', { type: 'button', role: 'tab', 'data-tab': name, key: `explore.tab.${name}`, onclick: () => select(name) }));
  }
  function select(name) {
    active = name;
    for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.tab === name));
    for (const [n, v] of views) v.setActive?.(n === name);
    body.replaceChildren(views.get(name).root);
    changed();
  }
  function show(open) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    for (const [n, v] of views) v.setActive?.(open && n === active);
    changed();
  }
  const toggle = el('button', { type: 'button', id: 'explore-open', class: 'ex-open', key: 'explore.open', 'aria-expanded': 'false', onclick: () => show(panel.hidden) });
  mount.append(toggle);
  select('map');
  onLanguageChange(() => translateTree(panel));

  // Links carry the map or basin map shown (views that can say what they show).
  changedLink = registerPageSetting('explore', {
    read: () => (panel.hidden ? null : views.get(active).settings?.() ?? null),
    apply(value) {
      const name = value?.view === 'fan' ? 'fan' : value?.view === 'basins' ? 'basins' : 'map';
      select(name);
      show(true);
      views.get(name).apply?.(value);
    },
  });

  api.sweep = (spec, ...rest) => sweepEntry(worker, spec, rest);
  // {open, view, state ('computing' | 'done' | 'cancelled' | 'error' | null), settings}: what
  // the panel shows, for tests and scripts.
  api.explore = () => ({ open: !panel.hidden, view: active, state: views.get(active).root.dataset.state ?? null, settings: views.get(active).settings?.() ?? null });
  return { show, select, views };
}

/** gradscape.sweep(spec): a Promise of `gradscape sweep`'s result; a bad argument or spec
 *  rejects with an Error (the engine's names the field). Calls do not cancel each other. */
function sweepEntry(worker, spec, rest) {
  const bad = (m) => Promise.reject(new Error(`gradscape.sweep(spec): ${m}`));
  if (rest.some((a) => a !== undefined)) return bad('takes one argument');
  if (spec == null || (typeof spec !== 'object' && typeof spec !== 'string') || Array.isArray(spec)) {
    return bad('the spec must be an object or a JSON string (docs/scenario.md, "Sweeps")');
  }
  return runSweep(worker, spec).promise;
}
