// The built-in lessons' titles and captions in the page's language. The engine's lesson
// files (src/lessons/*.json) hold the English text, which links and the CLI carry; the page
// shows the catalogue's translation (messages/lessons.mjs, keyed by the lesson's id).

import { t, hasMessage } from '../i18n.mjs';

/** Lesson `id`'s `field` ('title' or 'caption') in the current language, else `english`. */
export function lessonText(id, field, english) {
  const key = `lessons.${id}.${field}`;
  return hasMessage(key) ? t(key) : english;
}
