// Embed mode, for course pages and slides: `?embed=1` or a page inside an iframe. The page
// fills its frame with the view (the controls a lesson link leaves visible stay, in a narrow
// panel; the frame's own CSS is style.css `.embed`), a small "Open in Gradscape" link opens
// the full page at the current state, and the page-wide shortcuts (Space, →, R, P) act only
// while the frame has the focus, so that a key pressed on the slide is the slide's.
// Share → "Embed code" gives an <iframe> snippet of the current state at a chosen size.

import { t } from '../i18n.mjs';
import { el } from '../widgets.mjs';

/** Sizes offered for the snippet: [width, height] (CSS px; '100%' fills the column). */
const SIZES = [['100%', 560], [640, 400], [800, 500], [960, 600], [1280, 720]];

/** True when the page is embedded: asked by the address, or inside another page's frame. */
export function embedded() {
  if (new URLSearchParams(location.search).get('embed') === '1') return true;
  try { return window.self !== window.top; } catch { return true; } // a cross-origin parent
}

/** The address of the page at `link` (origin, path, '#s=…'), embedded or not. */
function withEmbed(link, on) {
  const url = new URL(link);
  const search = new URLSearchParams(location.search);
  if (on) search.set('embed', '1'); else search.delete('embed');
  url.search = search.toString();
  return url.href;
}

/** The <iframe> snippet for `link` at `size` ([width, height]). */
export function embedCode(link, [w, h]) {
  const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${attr(withEmbed(link, true))}" width="${w}" height="${h}" style="border:0;max-width:100%" ` +
    `title="${attr(t('reach.embedTitle'))}" loading="lazy" allow="fullscreen; clipboard-write"></iframe>`;
}

export function embed({ api }) {
  shareMenu(api);
  if (!embedded()) return;
  document.documentElement.classList.add('embed');
  // Shortcuts only while this frame has the focus (a capturing listener runs first).
  addEventListener('keydown', (e) => { if (!document.hasFocus()) e.stopImmediatePropagation(); }, true);
  const open = el('a', { className: 'open-full', target: '_blank', rel: 'noopener', textContent: t('reach.openIn') });
  const refresh = () => { open.href = withEmbed(api.link(), false); };
  refresh();
  open.addEventListener('pointerdown', refresh);
  open.addEventListener('focus', refresh);
  document.getElementById('view')?.append(open);
}

/** Adds "Embed code" (size and a copy button) to the Share menu. */
function shareMenu(api) {
  const body = document.querySelector('.menu-body.share');
  if (!body) return;
  const size = el('select', { className: 'embed-size' });
  size.setAttribute('aria-label', t('reach.embedSize'));
  SIZES.forEach(([w, h], i) => size.append(el('option', { value: String(i), textContent: `${w} × ${h}` })));
  size.value = '2';
  const code = el('textarea', { className: 'embed-code', readOnly: true, rows: 3, spellcheck: false });
  code.setAttribute('aria-label', t('reach.embedCode'));
  const copy = el('button', { type: 'button', textContent: t('reach.embedCopy') });
  const fill = () => { try { code.value = embedCode(api.link(), SIZES[Number(size.value)]); } catch (e) { code.value = e.message || String(e); } };
  size.addEventListener('change', fill);
  copy.addEventListener('click', async () => {
    fill();
    code.select();
    try { await navigator.clipboard.writeText(code.value); copy.textContent = t('teach.copied'); } catch { copy.textContent = t('teach.selectedCopy'); }
    setTimeout(() => { copy.textContent = t('reach.embedCopy'); }, 1500);
  });
  const box = el('div', { className: 'embed-box' },
    el('p', { className: 'muted', textContent: t('reach.embedHelp') }),
    el('div', { className: 'share-row' }, el('span', { className: 'field-label', textContent: t('reach.embedSize') }), size, copy), code);
  body.append(box);
  body.closest('details')?.addEventListener('toggle', fill);
}
