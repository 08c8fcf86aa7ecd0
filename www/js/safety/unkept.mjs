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

const WHAT = { data: 'data set', formula: 'formula' };

/** Listens from now on; `notice(text, actions)` shows the page's notice. */
export function watchUnkept({ race, notice }) {
  const last = { data: null, formula: null }; // the last write's {ok, reason, n}
  const exports = () => {
    const reg = race.scenario?.problem?.regression;
    const out = [];
    if (Array.isArray(reg?.x)) out.push({ label: 'Export data (CSV)', run: () => exportCsv(reg) });
    out.push({ label: 'Export scenario file', run: () => exportScenario(race) });
    return out;
  };
  document.addEventListener('gradscape:store-write', ({ detail: d }) => {
    last[d.kind] = d;
    if (d.ok) return;
    const what = d.kind === 'data' ? `Your data (${int(d.n ?? 0)} points)` : 'Your formula';
    notice(`${what} could not be kept on this device: ${d.reason}. A reload would lose it: export it to keep it.`, exports());
  });
  document.addEventListener('gradscape:link-without-data', ({ detail: d }) => {
    const kept = last.data?.ok !== false;
    notice(`Your data (${int(d.n)} points) is too large for the share link (${int(d.chars)} characters of scenario; a link holds at most ${int(maxLink())}): ` +
      `${d.written ? 'the link in the address bar holds the scenario without it (generated points stand in)' : 'the address bar holds no link for it'}. ` +
      `${kept ? 'It is kept on this device; to share it, export it.' : 'It is not kept on this device either: export it to keep it.'}`, exports());
  });
  document.addEventListener('gradscape:record-dropped', ({ detail: d }) => {
    notice(`Your kept ${WHAT[d.kind] || d.kind} on this device was damaged and has been removed: ${d.reason}.`);
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
