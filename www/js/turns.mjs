// Live text takes turns. While the race plays, several readouts change a few times a second
// each (the step counter and timeline, the run cards, the leaderboard, the equation panel;
// not the charts: small canvases, no DOM); each change costs the frame that shows it a
// style, layout and paint pass. On their own clocks they often land in the same frame, and
// those frames are the slowest ones (the 95th percentile of frame time). Their throttled
// updates go through inTurn(): at most one writer per SLOT_MS (about one frame at 60 Hz),
// the others a slot later, in order.
//
// A writer with nothing ahead of it and a free slot runs at once, in the caller's task, so
// a lone update (a step, a slider) still shows in the same frame.

const SLOT_MS = 17;

const waiting = new Map(); // key → fn: one pending update per writer (the latest wins)
let usedAt = -Infinity; // when the last writer ran
let timer = 0;

/** Runs `fn` (a readout update, identified by `key`) now if the slot is free, else in a
 *  later slot (a newer fn for the same key replaces a waiting one). */
export function inTurn(key, fn) {
  if (!waiting.size && performance.now() - usedAt >= SLOT_MS) {
    usedAt = performance.now();
    fn();
    return;
  }
  waiting.set(key, fn); // (a waiting writer keeps its place with its newest update)
  schedule();
}

function schedule() {
  if (timer || !waiting.size) return;
  timer = setTimeout(next, Math.max(0, usedAt + SLOT_MS - performance.now()));
}

function next() {
  timer = 0;
  const [key, fn] = waiting.entries().next().value;
  waiting.delete(key);
  usedAt = performance.now();
  fn();
  schedule();
}
