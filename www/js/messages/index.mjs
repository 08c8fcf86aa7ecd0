// The message catalogues, one per area of the page (www/js/i18n.mjs merges them). Each area
// file exports { en: { key: text }, 'zh-CN': { key: text } } with the same keys in both;
// keys start with the area's prefix so that two areas never define the same key.
// Add an area: create its file here and add one line below.

import core from './core.mjs';
import figures from './figures.mjs';

/** Every area's catalogue. */
export const areas = [core, figures];
