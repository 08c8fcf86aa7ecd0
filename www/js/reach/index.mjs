// The reach layer: the language menu, embed mode, the phone and tablet layout's touch
// hints, offline use (service worker). Built last, on the finished page.

import { languageMenu } from './language.mjs';
import { embed } from './embed.mjs';
import { touchLayout } from './touch.mjs';
import { registerOffline } from './offline.mjs';

/** Adds the reach layer to the booted page (`api`: window.gradscape). */
export function reach({ api, view, playback }) {
  languageMenu({ link: () => api.link() });
  embed({ api, playback });
  touchLayout({ view });
  registerOffline();
}
