// Throttled live readouts, and while playing all of them together, a few times a second,
// between frames. Several readouts follow the race (the step counter and timeline, the run
// cards, the leaderboard, the equation panel). Each change of text costs the frame that
// shows it a style, layout and paint pass, and in Chromium that pass walks from the changed
// text up to the document whatever the containment (~0.4 ms for one changed readout, 1 ms
// for the leaderboard's table, twice that on a slower machine). Updated on their own
// clocks, most frames carried one readout's change and paid for a pass, and the frames that
// carried several were the slowest (the 95th percentile of frame time, docs/benchmarks.md).
//
// So each readout updates through throttled(key, everyMs, fn):
// - not playing: at once (or in a task of its own: ownTask), unless its last update was less
//   than everyMs ago (a slider drag), then once that interval is over;
// - playing (setLive(true), from playback.mjs): with the others, at most every BATCH_MS, in
//   an idle period (after a frame's work, when no other task waits, so their JavaScript
//   delays no frame and no input), and the next frame shows them all in one pass. BATCH_MS
//   keeps those frames under 5% of a 60 Hz second; 2.5 updates a second are about as many as
//   changing digits can be read. Steps that come slower than that show at once. Pausing
//   shows what waits at once.

const BATCH_MS = 400;
const MAX_WAIT_MS = 100; // an idle period is waited for at most this long (a busy page still updates)

const waiting = new Map(); // key → fn: one pending update per readout (the latest wins)
const lastRun = new Map(); // key → when it last updated
const trailing = new Map(); // key → timer of a throttled update (not playing)
let live = false;
let lastBatch = -Infinity;
let timer = 0;
let idle = 0;
let inBatch = false; // (an update that pauses the race must not start a batch inside this one)

/** Playing (updates batched) or not (updates at once); leaving play runs what waits now. */
export function setLive(on) {
  live = on;
  if (on) lastBatch = -Infinity; // (the first update of a play shows at once)
  if (!on && !inBatch) runBatch();
}

/** Updates the readout `key` with `fn`: see the header (a newer fn for the same key
 *  replaces a waiting one and keeps its place). `ownTask`: when not playing, never in the
 *  caller's task but in one of its own (an update that asks the engine for more and reads
 *  the layout: the task that changed the data ends first). */
export function throttled(key, everyMs, fn, { ownTask = false } = {}) {
  waiting.set(key, fn);
  if (live) { schedule(); return; }
  const wait = (lastRun.get(key) ?? -Infinity) + everyMs - performance.now();
  if (wait <= 0 && !ownTask) { runNow(key); return; }
  if (!trailing.has(key)) {
    trailing.set(key, setTimeout(() => {
      trailing.delete(key);
      if (!waiting.has(key)) return;
      if (live) schedule();
      else runNow(key);
    }, Math.max(0, wait)));
  }
}

/** The readout `key` updated by other means (a new race, a choice): what waits for it is
 *  dropped and its interval starts now. */
export function updated(key) {
  waiting.delete(key);
  clearTimeout(trailing.get(key));
  trailing.delete(key);
  lastRun.set(key, performance.now());
}

/** Runs what waits for the readout `key` now, if anything (for a reader that needs it). */
export function flushTurn(key) {
  if (waiting.has(key)) runNow(key);
}

function runNow(key) {
  const fn = waiting.get(key);
  updated(key);
  fn();
}

function schedule() {
  if (timer || idle || !waiting.size) return;
  const wait = lastBatch + BATCH_MS - performance.now();
  if (wait > 0) timer = setTimeout(() => { timer = 0; schedule(); }, wait);
  else idle = requestIdleCallback(runBatch, { timeout: MAX_WAIT_MS });
}

function runBatch() {
  clearTimeout(timer);
  cancelIdleCallback(idle);
  timer = 0;
  idle = 0;
  lastBatch = performance.now();
  // An update may ask for another (the timeline shows the step counter): the loop reaches
  // that one too (a Map's iteration visits keys added meanwhile), once: a second run would
  // show the same state, nothing steps meanwhile. So nothing waits when the loop ends.
  const ran = new Set();
  let failure = null;
  inBatch = true;
  for (const key of waiting.keys()) {
    if (ran.has(key)) { waiting.delete(key); continue; }
    ran.add(key);
    try { runNow(key); } catch (e) { failure ??= e; }
  }
  inBatch = false;
  if (failure) throw failure;
}
