// The teaching toolbar under the title: Lessons, Share (the link, optionally hiding chosen
// controls for a lesson link), Export (figure PNG/SVG, view PNG, CSV, JSON, scenario, WebM
// of the figure) and Present. Open menus are kept inside the window; the recording shows
// its progress and Stop in a fixed bar, so nothing in the layout moves while it runs.

import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';
import { VIDEO_SIZES } from './exporter.mjs';

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
  const tr = (b, key) => { b.dataset.i18n = key; b.textContent = t(key); return b; };
  const sizes = el('select', {}, ...VIDEO_SIZES.map(([w, h], i) => el('option', { value: String(i), textContent: `${w} × ${h}` })));
  sizes.setAttribute('aria-label', t('figures.videoSize'));
  const status = el('span', { className: 'rec-status' });
  status.setAttribute('role', 'status');
  const stop = tr(button(''), 'figures.stop');
  const bar = el('div', { className: 'rec-bar' }, el('span', { className: 'rec-dot', textContent: '●' }), status, stop);
  Object.assign(bar.style, { position: 'fixed', left: '50%', bottom: '16px', transform: 'translateX(-50%)', zIndex: 50, display: 'none', gap: '10px', alignItems: 'center', padding: '6px 12px', borderRadius: '8px', background: 'var(--card, #1b212c)', border: '1px solid var(--line, #2a3240)', boxShadow: '0 4px 16px rgba(0,0,0,.35)' });
  bar.querySelector('.rec-dot').style.color = 'var(--bad, #ff5c5c)';
  document.body.append(bar);
  const showBar = (on) => { bar.style.display = on ? 'flex' : 'none'; };
  const finish = () => { exporter.stop(); showBar(false); };
  stop.addEventListener('click', finish);
  const rec = tr(item('', async () => {
    exp.open = false;
    if (exporter.recording) { finish(); return; }
    const size = VIDEO_SIZES[Number(sizes.value) || 0];
    const ok = await exporter.record(size, ({ seconds, step }) => {
      status.textContent = t('figures.recording', { seconds: seconds.toFixed(1), step: Math.round(step).toLocaleString('en-US') });
    });
    if (ok) { status.textContent = t('figures.recording', { seconds: '0.0', step: '0' }); showBar(true); } else rec.title = t('figures.noVideo');
  }), 'figures.record');
  const exp = el('details', { className: 'menu' }, el('summary', { textContent: t('teach.export') }),
    el('div', { className: 'menu-body' },
      tr(item('', () => exporter.figurePng(1)), 'figures.exportPng'),
      tr(item('', () => exporter.figurePng(2)), 'figures.exportPng2x'),
      tr(item('', () => exporter.figureSvg()), 'figures.exportSvg'),
      tr(item('', () => exporter.png()), 'figures.exportView'),
      item(t('teach.csv'), () => exporter.csv()),
      item(t('teach.json'), () => exporter.json()),
      item(t('teach.scenarioJson'), () => exporter.scenarioJson()),
      el('label', { className: 'rec-size' }, el('span', { textContent: t('figures.videoSize') }), sizes),
      rec));

  const present = button(t('teach.present'));
  present.setAttribute('aria-pressed', 'false');
  present.title = t('teach.presenterOn');
  // The light/dark toggle (classroom/theme.mjs wires it).
  const themeBtn = button('');
  themeBtn.id = 'theme-toggle';
  const nav = el('nav', { className: 'teach-bar' }, lessonsBtn, share, exp, present, themeBtn);
  nav.setAttribute('aria-label', t('teach.teaching'));
  // One menu open at a time; a click elsewhere closes them.
  for (const d of [share, exp]) d.addEventListener('toggle', () => { if (d.open) for (const o of [share, exp]) if (o !== d) o.open = false; });
  document.addEventListener('click', (e) => { for (const d of [share, exp]) if (d.open && !d.contains(e.target)) d.open = false; });
  document.querySelector('.brand').after(nav);
  // An open menu is moved back inside the window (narrow windows, the bar near an edge).
  const place = (d) => {
    const body = d.querySelector('.menu-body');
    body.style.transform = '';
    body.style.maxWidth = `${Math.max(200, window.innerWidth - 16)}px`;
    const r = body.getBoundingClientRect();
    let dx = 0;
    if (r.right > window.innerWidth - 8) dx = window.innerWidth - 8 - r.right;
    if (r.left + dx < 8) dx = 8 - r.left;
    if (dx) body.style.transform = `translateX(${Math.round(dx)}px)`;
    body.style.maxHeight = `${Math.max(120, window.innerHeight - r.top - 8)}px`;
    body.style.overflowY = 'auto';
  };
  for (const d of [share, exp]) d.addEventListener('toggle', () => { if (d.open) place(d); });
  window.addEventListener('resize', () => { for (const d of [share, exp]) if (d.open) place(d); });
  return { present };
}
