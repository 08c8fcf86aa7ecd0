// How busy the page's main thread was while a test did something, measured two ways:
// - the CPU time of every main-thread task (Chromium's trace, RunTask's thread time): what
//   the page does, whatever else the machine runs; always asserted;
// - PerformanceObserver 'longtask' entries (wall clock): asserted when the machine is not
//   overloaded (load average ≤ its cores). On a shared 2-core machine at load 8–20 a task
//   of 6–20 ms CPU was seen taking 48–60 ms of wall time (mostly the compositor's commit
//   waiting for a core), so there the entries are only reported.
import assert from 'node:assert/strict';
import os from 'node:os';

/** Runs `fn` while tracing the main thread. Returns {heavy: CPU ms of the tasks over 50 ms,
 *  long: longtask entries {at, ms} since the start, tasks: every traced task, result}. */
export async function measured(page, fn) {
  await page.evaluate(() => {
    window.__t0 = performance.now();
    window.__long = [];
    window.__observer ??= new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.startTime >= window.__t0) window.__long.push({ at: Math.round(e.startTime - window.__t0), ms: Math.round(e.duration) });
    });
    window.__observer.observe({ type: 'longtask', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const result = await fn();
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  // The page's main thread: Chromium may keep a second renderer process (a spare, with its
  // own idle CrRendererMain), so it is the one that ran the most tasks.
  const tasksOf = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X');
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(tasksOf);
  assert.ok(mains.length, 'the trace has the main thread');
  const tasks = mains.reduce((a, b) => (b.length > a.length ? b : a));
  const heavy = tasks.filter((e) => (e.tdur ?? e.dur) > 50_000).map((e) => Math.round((e.tdur ?? e.dur) / 1000));
  const long = await page.evaluate(() => window.__long);
  return { heavy, long, tasks, result };
}

/** No main-thread task over 50 ms in `m` (from measured()): in CPU time always; in wall-clock
 *  time when the machine is not overloaded (else only reported). `minTasks`: how many tasks
 *  the trace must hold at least (the measured part did run). */
export function assertNoLongTask(t, m, what, minTasks = 12) {
  assert.ok(m.tasks.length >= minTasks, `${m.tasks.length} main-thread tasks traced ${what}`);
  assert.deepEqual(m.heavy, [], `main-thread tasks with over 50 ms of CPU time ${what}`);
  const load = os.loadavg()[0];
  if (load <= os.cpus().length) assert.deepEqual(m.long, [], `main-thread tasks over 50 ms ${what}: ${JSON.stringify(m.long)}`);
  else if (m.long.length) t.diagnostic(`long tasks (wall clock) ${what} ${JSON.stringify(m.long)} at load average ${load.toFixed(1)} (not asserted); most CPU in one task ${Math.round(Math.max(...m.tasks.map((e) => e.tdur ?? e.dur)) / 1000)} ms`);
}
