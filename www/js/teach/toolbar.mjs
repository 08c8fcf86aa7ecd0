// The teaching toolbar under the title: Lessons, Share (the link, optionally hiding chosen
// controls for a lesson link), Export (PNG, CSV, JSON, scenario, WebM) and Present.

import { el } from '../widgets.mjs';

// Controls a lesson link can hide (page.hide names; teach.css hides `.hide-<name>`).
export const HIDEABLE = [['lr', 'Learning rates'], ['optimizer', 'Optimizers'], ['surface', 'Surface picker'], ['add_run', 'Add-run menu'], ['schedule', 'Schedules'], ['settings', 'More settings'], ['explain', 'Explain card']];

const button = (text, label) => {
  const b = el('button', { type: 'button', textContent: text });
  if (label) b.setAttribute('aria-label', label);
  return b;
};

export function toolbar({ lessons, links, exporter }) {
  const lessonsBtn = button('Lessons');
  lessonsBtn.addEventListener('click', () => lessons.show());

  // Share
  const url = el('input', { type: 'text', readOnly: true, className: 'share-url' });
  url.setAttribute('aria-label', 'Share link');
  const hide = HIDEABLE.map(([name, label]) => {
    const c = el('input', { type: 'checkbox', value: name });
    c.setAttribute('aria-label', `Hide ${label}`);
    c.addEventListener('change', () => refresh());
    return { c, row: el('label', { className: 'switch' }, c, el('span', { textContent: label })) };
  });
  const refresh = () => {
    const names = hide.filter((h) => h.c.checked).map((h) => h.c.value);
    try { url.value = links.link(names.length ? { hide: names } : {}); } catch (e) { url.value = e.message || String(e); }
  };
  const copy = button('Copy link');
  copy.addEventListener('click', async () => {
    refresh();
    url.select();
    try { await navigator.clipboard.writeText(url.value); copy.textContent = 'Copied'; } catch { copy.textContent = 'Selected: copy it'; }
    setTimeout(() => { copy.textContent = 'Copy link'; }, 1500);
  });
  const share = el('details', { className: 'menu' }, el('summary', { textContent: 'Share' }),
    el('div', { className: 'menu-body share' }, el('div', { className: 'share-row' }, url, copy),
      el('p', { className: 'muted', textContent: 'For a lesson link, hide these controls:' }),
      el('div', { className: 'toggles' }, ...hide.map((h) => h.row))));
  share.addEventListener('toggle', () => { if (share.open) refresh(); });

  // Export
  const item = (text, fn) => { const b = button(text); b.addEventListener('click', fn); return b; };
  const rec = item('Record video (WebM)', () => {
    if (exporter.recording) { exporter.stop(); rec.textContent = 'Record video (WebM)'; return; }
    if (exporter.record()) rec.textContent = 'Stop recording';
    else rec.textContent = 'Video not supported here';
  });
  const exp = el('details', { className: 'menu' }, el('summary', { textContent: 'Export' }),
    el('div', { className: 'menu-body' },
      item('View as PNG', () => exporter.png()),
      item('Trajectories CSV', () => exporter.csv()),
      item('Trajectories JSON', () => exporter.json()),
      item('Scenario JSON', () => exporter.scenarioJson()),
      rec));

  const present = button('Present');
  present.setAttribute('aria-pressed', 'false');
  present.title = 'Presenter mode (P; Escape leaves)';
  // The light/dark toggle (classroom/theme.mjs wires it).
  const themeBtn = button('');
  themeBtn.id = 'theme-toggle';
  const bar = el('nav', { className: 'teach-bar' }, lessonsBtn, share, exp, present, themeBtn);
  bar.setAttribute('aria-label', 'Teaching');
  // One menu open at a time; a click elsewhere closes them.
  for (const d of [share, exp]) d.addEventListener('toggle', () => { if (d.open) for (const o of [share, exp]) if (o !== d) o.open = false; });
  document.addEventListener('click', (e) => { for (const d of [share, exp]) if (d.open && !d.contains(e.target)) d.open = false; });
  document.querySelector('.brand').after(bar);
  return { present };
}
