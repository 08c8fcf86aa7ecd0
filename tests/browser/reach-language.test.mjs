// 简体中文 and English: a browser whose language is zh-CN gets the page in Chinese everywhere
// (a scan of the visible text finds no catalogue key and no English text of the catalogue,
// with the menus, the lessons gallery, a lesson caption and an engine error shown), `?lang=en`
// switches back, a Chinese link reopens in Chinese in an English browser, and the language
// menu switches keeping the state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areas } from '../../www/js/messages/index.mjs';
import { open, waitReady } from './reach-common.mjs';

// Texts that name things the same way in both languages (SGD, Adam, …) are not "English".
// A text that is also some key's Chinese (the optimizer "SGD") is Chinese there too.
const english = new Map();
const keys = new Set();
const chinese = new Set(areas.flatMap((area) => Object.values(area['zh-CN']).map((text) => text.trim())));
for (const area of areas) {
  for (const [key, text] of Object.entries(area.en)) {
    keys.add(key);
    if (area['zh-CN'][key] !== text && /[A-Za-z]{3}/.test(text) && !chinese.has(text.trim())) english.set(text.trim(), key);
  }
}

/** Every visible text node's text and the labels of visible controls. */
const visibleTexts = (page) => page.evaluate(() => {
  const out = [];
  const shown = (el) => el && el.checkVisibility({ checkVisibilityCSS: true }) && el.getClientRects().length > 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    if (text && shown(n.parentElement) && !n.parentElement.closest('math')) out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!shown(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) out.push(el.getAttribute(a).trim());
  }
  for (const o of document.querySelectorAll('select option')) if (shown(o.parentElement)) out.push(o.textContent.trim());
  return out;
});

async function scan(page, where) {
  const names = new Set((await page.evaluate(() => window.gradscape.state().runs.map((r) => r.name))));
  const found = [];
  for (const text of await visibleTexts(page)) {
    if (names.has(text)) continue; // run names are the user's (and the link's) data
    if (keys.has(text)) found.push(`untranslated key "${text}"`);
    else if (english.has(text)) found.push(`English "${text}" (${english.get(text)})`);
  }
  assert.deepEqual(found, [], `${where}: ${found.length} English texts in the Chinese page`);
}

test('zh-CN browser: Chinese everywhere, engine errors name the field in Chinese', async () => {
  const { page, context, errors } = await open('/', { locale: 'zh-CN' });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await page.locator('#play').textContent(), '播放');
    await scan(page, 'first screen');

    // The menus and the run's settings open.
    await page.locator('#run-list section.run').first().locator('details summary').first().click();
    await page.locator('summary', { hasText: '分享' }).click();
    await scan(page, 'share menu');
    await page.locator('summary', { hasText: '导出' }).click();
    await scan(page, 'export menu');
    await page.locator('#play').click(); // closes the menu, plays a little
    await page.waitForTimeout(400);
    await page.locator('#play').click();
    await scan(page, 'after playing');

    // The lessons gallery, then one lesson with its caption.
    await page.getByRole('button', { name: '课程' }).click();
    await scan(page, 'lessons gallery');
    await page.getByRole('button', { name: '打开课程：动量在狭窄山谷中的过冲' }).click();
    const caption = page.locator('section.caption');
    await caption.waitFor({ state: 'visible' });
    assert.match(await caption.textContent(), /动量在狭窄山谷中的过冲.*谷底/s);
    await scan(page, 'lesson');

    // An engine error: a learning rate the engine refuses, in Chinese, naming the field.
    const lr = page.locator('#run-list section.run').first().getByRole('spinbutton').first();
    await lr.fill('-1');
    const error = page.locator('#run-list section.run').first().locator('.run-error:not([hidden])');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /^学习率（runs\[0\]\.lr）：.*必须.*-1/);

    // The regression lab, every section open.
    await page.getByRole('radio', { name: '线性回归' }).check();
    await page.locator('.lab-data').waitFor({ state: 'visible' });
    await page.evaluate(() => { for (const d of document.querySelectorAll('details:not(.menu)')) d.open = true; });
    await scan(page, 'regression lab');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('?lang= chooses; a Chinese link reopens in Chinese; the menu switches keeping the state', async () => {
  // A language that only follows the browser stays out of links (each viewer gets theirs).
  const zh = await open('/', { locale: 'zh-CN' });
  try {
    assert.equal((await zh.page.evaluate(() => JSON.parse(window.gradscape.exportScenario()))).page.lang, undefined);
    await zh.page.goto(`${zh.url}/?lang=en`);
    await waitReady(zh.page);
    assert.equal(await zh.page.evaluate(() => document.documentElement.lang), 'en', '?lang=en switches back');
    assert.equal(await zh.page.locator('#play').textContent(), 'Play');
  } finally {
    await zh.context.close();
  }

  // Chosen by the address in an English browser, the language goes into the link.
  const chosen = await open('/?lang=zh-CN', { locale: 'en-US' });
  let link;
  try {
    assert.equal(await chosen.page.locator('#play').textContent(), '播放');
    await chosen.page.evaluate(() => window.gradscape.step(40));
    link = await chosen.page.evaluate(() => window.gradscape.link());
    assert.doesNotMatch(link, /\?lang=/, 'the link is the state, not the address');
  } finally {
    await chosen.context.close();
  }
  const plain = await open('/', { locale: 'en-US' });
  assert.equal(await plain.page.locator('#play').textContent(), 'Play', 'an English browser gets English');
  await plain.context.close();

  const en = await open(link.slice(new URL(link).origin.length), { locale: 'en-US' });
  try {
    assert.equal(await en.page.evaluate(() => document.documentElement.lang), 'zh-CN', 'the link carries lang');
    assert.equal(await en.page.locator('#play').textContent(), '播放');
    await en.page.waitForFunction(() => window.gradscape.state().step === 40);
    // The menu: back to English, the same state, and links now say English.
    const before = JSON.parse(await en.page.evaluate(() => window.gradscape.exportScenario()));
    await Promise.all([en.page.waitForEvent('load'), en.page.getByLabel('语言').selectOption('en')]);
    await waitReady(en.page);
    assert.equal(await en.page.locator('#play').textContent(), 'Play');
    await en.page.waitForFunction(() => window.gradscape.state().step === 40);
    const after = JSON.parse(await en.page.evaluate(() => window.gradscape.exportScenario()));
    assert.deepEqual(after.runs, before.runs);
    assert.equal(after.page.lang, 'en');
  } finally {
    await en.context.close();
  }
});
