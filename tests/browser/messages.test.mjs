// The message catalogues (www/js/messages/*) in node, no browser: every key has a text in both
// languages, no text is empty, placeholders agree between languages, and keys carry their
// area's prefix so that two areas cannot collide.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areas } from '../../www/js/messages/index.mjs';
import { LANGUAGES, t, setLanguage, chooseLanguage, matchLanguage } from '../../www/js/i18n.mjs';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every key has a non-empty text in every language, with the same placeholders', () => {
  for (const area of areas) {
    const keys = new Set(LANGUAGES.flatMap((code) => Object.keys(area[code] || {})));
    assert.ok(keys.size > 0, 'an area with no messages');
    for (const key of keys) {
      for (const code of LANGUAGES) {
        const text = area[code]?.[key];
        assert.equal(typeof text, 'string', `${key} is missing in ${code}`);
        assert.notEqual(text.trim(), '', `${key} is empty in ${code}`);
      }
      assert.deepEqual(placeholders(area['zh-CN'][key]), placeholders(area.en[key]), `${key}: placeholders differ`);
    }
  }
});

test('no key is defined by two areas', () => {
  const seen = new Map();
  areas.forEach((area, index) => {
    for (const key of Object.keys(area.en)) {
      assert.ok(!seen.has(key), `${key} is in areas ${seen.get(key)} and ${index}`);
      seen.set(key, index);
    }
  });
});

test('t() fills placeholders and follows the language; the language follows links, then the browser', () => {
  setLanguage('zh-CN');
  assert.equal(t('core.tagline'), '优化器如何下降');
  setLanguage('en');
  assert.equal(t('core.tagline'), 'How optimizers descend');
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(chooseLanguage({ linkLang: 'en', browserLanguages: ['zh-CN'] }), 'en');
  assert.equal(chooseLanguage({ browserLanguages: ['fr-FR', 'zh-TW'] }), 'zh-CN');
  assert.equal(chooseLanguage({ browserLanguages: ['fr-FR'] }), 'en');
  assert.equal(matchLanguage('zh-Hans-CN'), 'zh-CN');
  assert.equal(matchLanguage(42), null);
});

test('every built-in lesson (src/lessons/mod.rs) has its title and caption in both languages', async () => {
  const fs = await import('node:fs');
  const registry = fs.readFileSync(new URL('../../src/lessons/mod.rs', import.meta.url), 'utf8');
  const ids = [...registry.matchAll(/id: "(\w+)"/g)].map((m) => m[1]);
  assert.ok(ids.length >= 12, `only ${ids.length} lessons found`);
  const lessons = areas.find((a) => Object.keys(a.en).some((k) => k.startsWith('lessons.')));
  for (const id of ids) {
    for (const field of ['title', 'caption']) {
      for (const code of LANGUAGES) assert.ok(lessons[code][`lessons.${id}.${field}`], `lessons.${id}.${field} missing in ${code}`);
    }
  }
});
