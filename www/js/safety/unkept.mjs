// Tells the user, at the moment it happens, what of their own work will not survive a reload
// and how to keep it: data or a formula the device would not keep (store.mjs
// 'gradscape:store-write' with ok false: over the cap, storage full or disabled), data too
// large for the share link (link.mjs 'gradscape:link-without-data': the link then holds the
// scenario without it), and a damaged kept record that was removed ('gradscape:record-dropped').
// The notice offers the exports that keep it: the data as CSV (x,y), the scenario file (the
// CLI and the page open it).

import { download } from '../teach/exporter.mjs';
import { maxLink } from '../teach/link.mjs';
import { int } from '../catalog.mjs';
import { t } from '../i18n.mjs';

const WHAT = { data: 'safety.dataSet', formula: 'safety.formula' }; // message keys

/** Listens from now on; `notice(text, actions)` shows the page's notice. */
export function watchUnkept({ race, notice }) {
  const last = { data: null, formula: null }; // the last write's {ok, reason, n}
  const exports = () => {
    const reg = race.scenario?.problem?.regression;
    const out = [];
    if (Array.isArray(reg?.x)) out.push({ label: t('safety.exportCsv'), run: () => exportCsv(reg) });
    out.push({ label: t('safety.exportScenario'), run: () => exportScenario(race) });
    return out;
  };
  document.addEventListener('gradscape:store-write', ({ detail: d }) => {
    last[d.kind] = d;
    if (d.ok) return;
    const what = d.kind === 'data' ? t('safety.yourData', { n: int(d.n ?? 0) }) : t('safety.yourFormula');
    notice(t('safety.notKept', { what, reason: d.reason }), exports());
  });
  document.addEventListener('gradscape:link-without-data', ({ detail: d }) => {
    const kept = last.data?.ok !== false;
    notice(`${t('safety.tooLarge', { n: int(d.n), chars: int(d.chars), max: int(maxLink()) })} ` +
      `${d.written ? t('safety.linkWithout') : t('safety.noLink')} ` +
      `${kept ? t('safety.keptShare') : t('safety.notKeptEither')}`, exports());
  });
  document.addEventListener('gradscape:record-dropped', ({ detail: d }) => {
    notice(t('safety.damaged', { what: WHAT[d.kind] ? t(WHAT[d.kind]) : d.kind, reason: d.reason }));
  });
}

function exportCsv(reg) {
  const rows = ['x,y'];
  for (let i = 0; i < reg.x.length; i += 1) rows.push(`${reg.x[i]},${reg.y[i]}`);
  download(new Blob([rows.join('\n'), '\n'], { type: 'text/csv' }), 'gradscape-data.csv');
}

function exportScenario(race) {
  const sc = JSON.parse(race.exportScenario());
  download(new Blob([JSON.stringify(sc, null, 2)], { type: 'application/json' }), 'gradscape-scenario.json');
}
