// The engine worker's sweep job (worker.mjs dispatches {type: 'sweep'} here): a sweep
// (docs/scenario.md, "Sweeps") computed a few rows at a time with the engine's sweepRows, so
// that a newer request (a 'cancel' for this job) is seen between chunks and the page gets
// progress and the rows done so far. The cells are the engine's, untouched: put together
// they are exactly `gradscape sweep`'s result.
//
// Messages (besides worker.mjs's 'done' / 'cancelled' / 'error'):
//   worker → page  {type: 'axes', id, x, y?, rows}           the axis values, first
//                  {type: 'rows', id, start, cells, done, total}
//                    rows start.. as a flat list, and rows done of rows (one message per
//                    chunk: every message is a task on the page's main thread)

import { sweepAxes, sweepRows } from '../engine.mjs';

// About this long per chunk of rows: short enough for a prompt cancel, long enough that
// the per-call cost (decoding the spec) stays small.
const CHUNK_MS = 8;
// At most this many cells per message: the page deserialises each message in one task.
const MAX_CELLS = 384;

/**
 * Runs `job.spec` (a sweep's JSON) row by row. `ctx`: {post(message), yieldNow(),
 * isCancelled()}. Returns false if the job was cancelled meanwhile; a bad spec throws the
 * engine's Error (its message names the field).
 */
export async function sweepJob(job, ctx) {
  const axes = sweepAxes(job.spec);
  const total = axes.rows;
  ctx.post({ type: 'axes', id: job.id, ...axes });
  let row = 0;
  let chunk = 1;
  const rowCap = Math.max(1, Math.floor(MAX_CELLS / axes.x.length));
  while (row < total) {
    const end = Math.min(total, row + chunk);
    const t0 = performance.now();
    const cells = sweepRows(job.spec, row, end);
    const dt = performance.now() - t0;
    ctx.post({ type: 'rows', id: job.id, start: row, cells, done: end, total });
    // Next chunk sized from this one's speed (at most 4× larger per chunk).
    const perRow = dt / (end - row);
    chunk = Math.max(1, Math.min(4 * chunk, rowCap, Math.floor(CHUNK_MS / Math.max(perRow, 0.01))));
    row = end;
    if (row < total) {
      await ctx.yieldNow();
      if (ctx.isCancelled()) return false;
    }
  }
  return true;
}
