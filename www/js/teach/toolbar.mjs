// The teaching toolbar under the title: Lessons, Share (the link, optionally hiding chosen
// controls for a lesson link), Export (PNG, CSV, JSON, scenario, WebM) and Present.

import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';

// Controls a lesson link can hide (page.hide names; teach.css hides `.hide-<name>`).
export const HIDEABLE = [['lr', 'teach.hide.lr'], ['optimizer', 'teach.hide.optimizer'], ['surface', 'teach.hide.surface'], ['add_run', 'teach.hide.add_run'], ['schedule', 'teach.hide.schedule'], ['settings', 'teach.hide.settings'], ['explain', 'teach.hide.explain']]; // [name, message key]

const button = (text, label) => {
  const b = el('button', { type: 'button', textContent: text });
  if (label) b.setAttribute('aria-label', label);
  return b;
};

export function toolbar({ lessons, links, exporter }) {
  const lessonsBtn = button(t('teach.lessons'));
  lessonsBtn.addEventListener('click', () => lessons.show());

  // Share
  const url = el('input', { type: 'text', readOnly: true, className: 'share-url' });
  url.setAttribute('aria-label', t('teach.shareLink'));
  const hide = HIDEABLE.map(([name, label]) => {
    const c = el('input', { type: 'checkbox', value: name });
    c.setAttribute('aria-label', t('teach.hideLabel', { label: t(label) }));
    c.addEventListener('change', () => refresh());
    return { c, row: el('label', { className: 'switch' }, c, el('span', { textContent: t(label) })) };
  });
  const refresh = () => {
    const names = hide.filter((h) => h.c.checked).map((h) => h.c.value);
    try { url.value = links.link(names.length ? { hide: names } : {}); } catch (e) { url.value = e.message || String(e); }
  };
  const copy = button(t('teach.copyLink'));
  copy.addEventListener('click', async () => {
    refresh();
    url.select();
    try { await navigator.clipboard.writeText(url.value); copy.textContent = t('teach.copied'); } catch { copy.textContent = t('teach.selectedCopy'); }
    setTimeout(() => { copy.textContent = t('teach.copyLink'); }, 1500);
  });
  const share = el('details', { className: 'menu' }, el('summary', { textContent: t('teach.share') }),
    el('div', { className: 'menu-body share' }, el('div', { className: 'share-row' }, url, copy),
      el('p', { className: 'muted', textContent: t('teach.hideThese') }),
      el('div', { className: 'toggles' }, ...hide.map((h) => h.row))));
  share.addEventListener('toggle', () => { if (share.open) refresh(); });

  // Export
  const item = (text, fn) => { const b = button(text); b.addEventListener('click', fn); return b; };
  const rec = item(t('teach.record'), () => {
    if (exporter.recording) { exporter.stop(); rec.textContent = t('teach.record'); return; }
    if (exporter.record()) rec.textContent = t('teach.stopRecording');
    else rec.textContent = t('teach.noVideo');
  });
  const exp = el('details', { className: 'menu' }, el('summary', { textContent: t('teach.export') }),
    el('div', { className: 'menu-body' },
      item(t('teach.png'), () => exporter.png()),
      item(t('teach.csv'), () => exporter.csv()),
      item(t('teach.json'), () => exporter.json()),
      item(t('teach.scenarioJson'), () => exporter.scenarioJson()),
      rec));

  const present = button(t('teach.present'));
  present.setAttribute('aria-pressed', 'false');
  present.title = t('teach.presenterOn');
  // The light/dark toggle (classroom/theme.mjs wires it).
  const themeBtn = button('');
  themeBtn.id = 'theme-toggle';
  const bar = el('nav', { className: 'teach-bar' }, lessonsBtn, share, exp, present, themeBtn);
  bar.setAttribute('aria-label', t('teach.teaching'));
  // One menu open at a time; a click elsewhere closes them.
  for (const d of [share, exp]) d.addEventListener('toggle', () => { if (d.open) for (const o of [share, exp]) if (o !== d) o.open = false; });
  document.addEventListener('click', (e) => { for (const d of [share, exp]) if (d.open && !d.contains(e.target)) d.open = false; });
  document.querySelector('.brand').after(bar);
  return { present };
}
