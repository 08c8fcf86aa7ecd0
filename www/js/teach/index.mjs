// The teaching layer: timeline, equation panel and overlays, schedules, custom formulas,
// share links and lessons, export, presenter mode. Built on the race page's objects; adds to
// `window.gradscape`: link(), timeline(k?), explain(i?), overlayDraws(), presenter.

import { checkExpr } from '../engine.mjs';
import { el } from '../widgets.mjs';
import { Timeline } from './timeline.mjs';
import { Explain } from './explain.mjs';
import { Schedules } from './schedules.mjs';
import { CustomSurface } from './custom.mjs';
import { Links } from './link.mjs';
import { Lessons } from './lessons.mjs';
import { Exporter } from './exporter.mjs';
import { Presenter } from './presenter.mjs';
import { toolbar } from './toolbar.mjs';

export function teach({ race, view, paths, screen, playback, catalog, api, keeper, planner }) {
  const $ = (id) => document.getElementById(id);
  const full = api.catalog();
  const playCard = $('play').closest('section');
  const top = el('div', { className: 'teach-top' });
  $('view').append(top);
  let explain = null;
  const timeline = new Timeline(race, playback, playCard, () => {
    paths.request();
    screen.drawCharts();
    explain?.update();
  });
  explain = new Explain({ race, view, catalog, panel: playCard, stageTop: top });
  new Schedules(race, full.schedules, $('replan'));
  new CustomSurface(race, view, checkExpr, $('surface'));
  let lessons = null;
  const links = new Links({ race, view, playback, timeline, planner, notice: (t) => (keeper ? keeper.refused(t) : lessons.notice(t)) });
  const openScenario = (sc) => {
    race.load(sc);
    links.apply(sc.page || {});
  };
  lessons = new Lessons({ race, lessons: full.lessons, top, openScenario });
  keeper?.attach((t, actions) => lessons.notice(t, actions));
  const exporter = new Exporter({ race, view, playback, scenario: () => links.scenario() });
  const { present } = toolbar({ lessons, links, exporter });
  const presenter = new Presenter(present);

  lessons.loaded();
  explain.runs();
  const hadLink = Boolean(location.hash);
  const opened = hadLink && links.open(location.hash);
  keeper?.started({ hadLink, opened });
  explain.update();
  timeline.sync();
  Object.assign(api, {
    link: () => links.link(),
    exportScenario: () => JSON.stringify(links.scenario()),
    timeline: (k) => (k === undefined ? timeline.shown : timeline.show(k)),
    explain: (i) => { if (i !== undefined) explain.select(i); else explain.flush(); return explain.current?.details ?? null; },
    overlayDraws: () => { explain.flush(); return explain.overlay.draws; },
    rates: (i) => { const c = race.caches[i]; return c ? Array.from(c.lr.data.subarray(0, c.lr.length)) : null; },
  });
  Object.defineProperty(api, 'presenter', { get: () => presenter.on, enumerable: true });
  return { explain, exporter };
}
