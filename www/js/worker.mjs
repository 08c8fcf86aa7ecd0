// The engine worker: a module Worker with its own engine instance for long work, so that the
// page's main thread never computes thousands of steps in one task. Jobs run one at a time in
// arrival order; each advances its runs in chunks of about CHUNK_MS, posts progress, and
// yields between chunks so that a 'cancel' message (sent when a newer request replaces a job)
// is seen. A finished run travels back as Session.runSnapshot bytes (transferred, not copied),
// which the page adopts with Session.adoptRun. The message protocol is in engine-worker.mjs.
//
// Re-plans use one base Session per scenario problem and start (rebuilt only when the page
// sends a new `base`, the race's scenario): its first run alone, at step 0. Each re-plan
// resets it, rebuilds its run from the new settings (setRun with re-plan at step 0: only a
// changed warm start is trained again), advances it to the race's step and snapshots it.

import { loadEngine, Session } from './engine.mjs';
import { nextTask } from './tasks.mjs';
import { sweepJob } from './explore/sweep-job.mjs';

const CHUNK_MS = 8;
const PROGRESS_MS = 50;

const queue = [];
const cancelled = new Set();
let busy = false;
let base = null; // {version, session}

self.addEventListener('message', (e) => {
  const m = e.data;
  if (m?.type === 'cancel') { cancelled.add(m.id); return; }
  queue.push(m);
  pump();
});

async function pump() {
  if (busy) return;
  busy = true;
  try {
    await loadEngine();
    while (queue.length) {
      const job = queue.shift();
      // A cancelled re-plan's base still counts: the page sends each base only once.
      if (job.type === 'replan' && job.base != null) {
        try { useBase(job); } catch (err) { post({ type: 'error', id: job.id, message: err?.message || String(err), base: true }); continue; }
      }
      if (cancelled.delete(job.id)) { post({ type: 'cancelled', id: job.id }); continue; }
      try {
        const ok = job.type === 'replan' ? await replan(job) : job.type === 'catchup' ? await catchUp(job)
          : job.type === 'sweep' ? await sweepJob(job, { post, yieldNow, isCancelled: () => cancelled.has(job.id) })
          : fail(job, `unknown job ${job.type}`);
        post({ type: ok ? 'done' : 'cancelled', id: job.id });
      } catch (err) {
        post({ type: 'error', id: job.id, message: err?.message || String(err), base: job.type === 'replan' });
      }
      cancelled.delete(job.id);
    }
  } catch (err) {
    // The engine did not load: every job fails with why.
    for (const job of queue.splice(0)) post({ type: 'error', id: job.id, message: `engine worker: ${err?.message || err}` });
  } finally {
    busy = false;
  }
}

function fail(_job, message) { throw new Error(message); }

function post(message, transfer = []) { self.postMessage(message, transfer); }

/** Lets queued messages (a cancel) in: a MessageChannel round trip, not setTimeout's 4 ms. */
function yieldNow() {
  return new Promise((resolve) => nextTask(resolve));
}

/**
 * Advances run `index` of `session` to `target` steps (or until it stops) in timed chunks.
 * `progress(done)` is told the run's step now and then. Returns false if the job was
 * cancelled meanwhile.
 */
async function advance(job, session, index, target, progress) {
  let steps = 0;
  let chunk = 1000;
  let lastPost = 0;
  while (steps < target) {
    const t0 = performance.now();
    const now = Number(session.advanceRun(index, Math.min(chunk, target - steps)));
    const dt = performance.now() - t0;
    if (now <= steps) break; // the run stopped (diverged, early stop, completed)
    // Next chunk sized for CHUNK_MS from this one's speed (within a factor 4 per chunk).
    const done = now - steps;
    chunk = Math.max(100, Math.min(4 * chunk, Math.round((done * CHUNK_MS) / Math.max(dt, 0.05))));
    steps = now;
    if (performance.now() - lastPost > PROGRESS_MS) { lastPost = performance.now(); progress(steps); }
    await yieldNow();
    if (cancelled.has(job.id)) return false;
  }
  progress(steps);
  return true;
}

function sendSnapshot(job, session, at, index) {
  const bytes = session.runSnapshot(at);
  const steps = session.state().runs[at]?.steps ?? 0;
  post({ type: 'snapshot', id: job.id, index, bytes, steps }, [bytes.buffer]);
}

/** Builds the re-plan base Session from job.base (the race's scenario). */
function useBase(job) {
  base?.session.free();
  base = null;
  const session = new Session(job.base);
  for (let n = session.state().runs.length; n > 1; n -= 1) session.removeRun(n - 1); // run 0 is the one re-planned
  base = { version: job.version, session };
}

async function replan(job) {
  if (!base || base.version !== job.version) throw new Error('the engine worker has no scenario for this re-plan');
  const s = base.session;
  s.reset(); // every run back at step 0 (and the last re-plan's record freed)
  s.setRun(0, job.run, true); // rebuilt from the new settings (a changed warm start trains again)
  const ok = await advance(job, s, 0, job.step, (done) => post({ type: 'progress', id: job.id, done, total: job.step }));
  if (ok) sendSnapshot(job, s, 0, job.index ?? 0);
  s.reset();
  return ok;
}

async function catchUp(job) {
  const s = new Session(job.scenario);
  try {
    const runs = s.state().runs.length;
    const total = runs * job.step;
    // Run by run; each one's snapshot goes as soon as it is done, and the run is then removed
    // here (its record would otherwise stay in this worker's memory as well as the page's).
    for (let i = 0; i < runs; i += 1) {
      const ok = await advance(job, s, 0, job.step, (done) => post({ type: 'progress', id: job.id, done: i * job.step + done, total }));
      if (!ok) return false;
      sendSnapshot(job, s, 0, i);
      s.removeRun(0);
    }
    return true;
  } finally {
    s.free();
  }
}
