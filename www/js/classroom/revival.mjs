// What a run card says after a diverged run went on (the engine revives it, src/run/
// revive.rs): restarted from the start (re-plan on, or "Restart run"), or on from its last
// finite point with the new settings (re-plan off). Nothing for a run that had not diverged
// or that is still diverged (a rename, or a rate that blows up again).

import { t } from '../i18n.mjs';
import { int } from '../catalog.mjs';

/** The note for a run whose summary was `before` and is `after` a change; '' for none. */
export function revivalNote(before, after, replan) {
  if (before?.status.reason !== 'diverged' || !after || after.status.reason === 'diverged') return '';
  return replan ? t('classroom.revivedStart') : t('classroom.revivedLive', { step: int(before.steps) });
}
