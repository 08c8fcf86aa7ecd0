// The main thread's side of the engine worker (worker.mjs): long engine work — re-planning a
// run from the start, catching a linked race up to a late step — runs there, on its own
// Session, while the page stays interactive. This module posts jobs, routes the worker's
// progress and results back to the caller, and cancels jobs: a job posted with the `key` of a
// job still in flight replaces it (the older one is cancelled in the worker and its promise
// resolves to null). background() is the page's one client (engine.mjs, which the first
// frame needs, does not import this module, so that the first frame does not wait for it).
//
// Protocol (structured-clone messages; every job has a numeric `id`):
//   page → worker  {type: 'replan', id, version, base?, run, step}
//                    re-plan one run: `base` (sent when the worker may not have `version`
//                    yet) is the race's scenario JSON (its problem, start, tolerance and
//                    steps matter); `run` the run JSON; `step` the race's step to reach
//                  {type: 'catchup', id, scenario, step}
//                    build a Session from `scenario` (JSON) and advance every run to `step`
//                  {type: 'sweep', id, spec}   a sweep's JSON, row by row (explore/sweep-job.mjs)
//                  {type: 'cancel', id}
//   worker → page  {type: 'progress', id, done, total}       steps computed so far
//                  {type: 'snapshot', id, index, bytes, steps}
//                    run `index` done: Session.runSnapshot bytes (transferred), its step
//                  {type: 'done', id}                        the job finished
//                  {type: 'cancelled', id} | {type: 'error', id, message}

/** One job in flight as the caller sees it. */
class Job {
  constructor(id, key, handlers) {
    this.id = id;
    this.key = key;
    this.handlers = handlers;
    this.settled = false;
    this.promise = new Promise((resolve, reject) => { this.resolve = resolve; this.reject = reject; });
  }
}

export class EngineWorker {
  constructor(url) {
    this.url = url;
    this.worker = null;
    this.jobs = new Map(); // id -> Job
    this.next = 1;
    this.bases = new Set(); // versions of replan bases the worker has
    this.broken = null; // why the worker cannot run (then every job is refused)
  }

  start() {
    if (this.worker || this.broken) return;
    try {
      this.worker = new Worker(this.url, { type: 'module' });
    } catch (e) {
      this.broken = e.message || String(e);
      return;
    }
    this.worker.addEventListener('message', (e) => this.receive(e.data));
    this.worker.addEventListener('error', (e) => {
      e.preventDefault?.();
      this.fail(e.message || 'the engine worker stopped');
    });
  }

  /** Whether jobs can run (false after the worker failed to start or crashed). */
  get usable() { return !this.broken; }

  /**
   * Posts a job. `handlers`: {progress(done, total), snapshot(index, bytes, steps)}. Returns
   * {id, promise}: the promise resolves to true when the job is done, to null if it was
   * cancelled (by cancel(), or by a newer job with the same `key`), and rejects with the
   * worker's Error.
   */
  post(message, key, handlers = {}) {
    this.start();
    if (key != null) for (const job of this.jobs.values()) if (job.key === key) this.cancel(job.id);
    const job = new Job(this.next++, key, handlers);
    if (this.broken) {
      job.reject(new Error(this.broken));
      return job;
    }
    this.jobs.set(job.id, job);
    this.worker.postMessage({ ...message, id: job.id });
    return job;
  }

  /** A re-plan of one run (see the protocol above); `base` is a function giving the
   *  scenario JSON, called only when the worker does not hold `version` yet. */
  replan({ version, base, run, step }, key, handlers) {
    const message = { type: 'replan', version, run, step };
    if (!this.bases.has(version)) {
      message.base = base();
      this.bases.clear(); // the worker keeps one base Session
      this.bases.add(version);
    }
    return this.post(message, key, handlers);
  }

  catchUp({ scenario, step }, key, handlers) {
    return this.post({ type: 'catchup', scenario, step }, key, handlers);
  }

  /** Cancels job `id` (its promise resolves to null at once; the worker stops it at its
   *  next chunk). */
  cancel(id) {
    const job = this.jobs.get(id);
    if (!job) return;
    this.jobs.delete(id);
    this.worker?.postMessage({ type: 'cancel', id });
    job.resolve(null);
  }

  /** Cancels every job whose key satisfies `test` (all jobs without a test). */
  cancelWhere(test = () => true) {
    for (const job of [...this.jobs.values()]) if (test(job.key)) this.cancel(job.id);
  }

  receive(m) {
    const job = this.jobs.get(m.id);
    if (!job) return; // cancelled here already: late messages are dropped
    if (m.type === 'progress') job.handlers.progress?.(m.done, m.total);
    else if (m.type === 'snapshot') job.handlers.snapshot?.(m.index, m.bytes, m.steps);
    else if (m.type === 'axes' || m.type === 'rows') job.handlers[m.type]?.(m); // sweeps (explore/sweep-job.mjs)
    else {
      this.jobs.delete(m.id);
      if (m.type === 'done') job.resolve(true);
      else if (m.type === 'cancelled') job.resolve(null);
      else {
        if (m.base) this.bases.clear();
        job.reject(new Error(m.message || 'engine worker error'));
      }
    }
  }

  fail(message) {
    this.broken = message;
    this.worker?.terminate();
    this.worker = null;
    this.bases.clear();
    for (const job of this.jobs.values()) job.reject(new Error(message));
    this.jobs.clear();
  }
}

let shared = null;

/** The engine worker client shared by the page (lazily started); main thread only. */
export function background() {
  shared ??= new EngineWorker(new URL('./worker.mjs', import.meta.url));
  return shared;
}
