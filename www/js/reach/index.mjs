// The reach layer: the language menu, embed mode, the phone and tablet layout's touch
// hints, offline use (service worker). Built last, on the finished page. Each part is an
// addition: one that fails (a browser without some API) is reported and leaves the page
// working.

import { languageMenu } from './language-menu.mjs';
import { embed } from './embed.mjs';
import { touchLayout } from './touch.mjs';
import { registerOffline } from './offline.mjs';

/** Adds the reach layer to the booted page (`api`: window.gradscape). */
export function reach({ api, view }) {
  const parts = {
    language: () => languageMenu({ link: () => api.link() }),
    embed: () => embed({ api }),
    touch: () => touchLayout({ view }),
    offline: () => registerOffline(),
  };
  for (const [name, part] of Object.entries(parts)) {
    try { part(); } catch (e) { console.warn(`Gradscape: ${name} unavailable: ${e.message || e}`); }
  }
}
