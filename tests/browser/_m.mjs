import { traced } from '/tmp/pg/trace.mjs';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS, TEN_RUNS } from '/work/wt/page/tests/browser/serve.mjs';
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROME || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.stack));
await page.goto(server.url + '/');
await page.waitForFunction(() => window.gradscape?.ready);
await page.evaluate((sc) => window.gradscape.load(sc), TEN_RUNS);
let t = Date.now();
await page.evaluate(() => window.gradscape.step(64000));
console.log('stepped', Date.now() - t);
await page.waitForTimeout(4000);
await page.evaluate(() => {
  window.__tasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: false });
});
const before = await page.evaluate(() => window.gradscape.path(5).slice(0, 3));
await page.getByLabel('Re-plan from start').check();
const slider = page.locator('#run-list > .run').nth(5).getByLabel('Learning rate slider');
await slider.scrollIntoViewIfNeeded(); const box = await slider.boundingBox();
t = Date.now();
console.log(await traced(browser, page, async () => {
await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
await page.mouse.down();
for (let k = 0; k < 10; k++) { await page.mouse.move(box.x + box.width * (0.5 + k * 0.02), box.y + box.height / 2); await page.waitForTimeout(30); }
await page.mouse.up();
await page.waitForTimeout(1500);
}));
for (let k = 0; k < 40; k++) {
  const st = await page.evaluate(() => window.gradscape.background());
  if (k === 3) await page.screenshot({ path: '/tmp/pg/during.png' }); console.log(Date.now() - t, JSON.stringify(st), await page.locator('.replan-status').textContent());
  if (!st.replans.length) break;
  await page.waitForTimeout(100);
}

await page.waitForTimeout(2000);
const after = await page.evaluate(() => window.gradscape.path(5).slice(0, 3));
console.log(before, after, JSON.parse(await page.evaluate(() => window.gradscape.exportScenario())).runs[5], await slider.count(), box);
console.log('rd', await page.evaluate(() => JSON.stringify((window.__rd || []).filter((r) => r[1] + r[2] > 3)))); console.log('tasks', await page.evaluate(() => JSON.stringify(window.__tasks)));
await browser.close(); await server.close();
