// The engine's catalog labels in the page's language: surface names, hyper-parameter labels
// and help texts, keyed by the catalog's ids (messages/catalog.mjs: catalog.surface.<name>,
// catalog.param.<name>, catalog.param.<name>.help). Lists, defaults and ranges stay the
// engine's; only the words shown change. Optimizer labels stay as given (run names are made
// from them and links carry run names); their display names are catalog.optimizer.<name>.

import { t, hasMessage } from '../i18n.mjs';

const pick = (key, english) => (hasMessage(key) ? t(key) : english);

/** Rewrites the display texts of a parsed catalog in place (call once, after the language
 *  is chosen, before anything is built from it). */
export function localiseCatalog(c) {
  for (const s of c.surfaces || []) s.label = pick(`catalog.surface.${s.name}`, s.label);
  for (const o of c.optimizers || []) {
    for (const p of o.params || []) {
      p.label = pick(`catalog.param.${p.name}`, p.label);
      p.help = pick(`catalog.param.${p.name}.help`, p.help);
    }
  }
  return c;
}
