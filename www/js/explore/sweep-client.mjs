// The page's side of sweeps: posts a sweep to the engine worker (explore/sweep-job.mjs) and
// puts its rows together into exactly `gradscape sweep`'s result ({x, y, cells: [[cell, ...]
// per y value]}, one axis: no y and a flat list). A newer sweep with the same `key`
// cancels the older one (its promise resolves to null). Progress and the rows done so far
// reach the caller as they arrive, so a map draws while it computes.

/**
 * Posts `spec` (an object or a sweep JSON string) to `worker` (engine-worker.mjs's
 * EngineWorker). `on`: {axes({x, y, rows}), rows(start, cells), progress(done, total)}.
 * Returns {id, promise, cancel()}; the promise resolves to the result, to null when
 * cancelled, and rejects with the engine's Error for a bad spec (naming the field).
 */
export function runSweep(worker, spec, { key = null, on = {} } = {}) {
  const text = typeof spec === 'string' ? spec : JSON.stringify(spec);
  let axes = null;
  const flat = [];
  const job = worker.post({ type: 'sweep', spec: text }, key, {
    axes(m) {
      axes = { x: m.x, y: m.y, rows: m.rows };
      on.axes?.(axes);
    },
    rows(m) {
      for (let k = 0; k < m.cells.length; k += 1) flat[m.start * axes.x.length + k] = m.cells[k];
      on.rows?.(m.start, m.cells);
      on.progress?.(m.done, m.total);
    },
  });
  const promise = job.promise.then((ok) => (ok ? assemble(axes, flat) : null));
  return { id: job.id, promise, cancel: () => worker.cancel(job.id) };
}

/** The CLI's shape from the axis values and the cells in row order. */
export function assemble(axes, flat) {
  if (axes.y == null) return { x: axes.x, cells: flat };
  const width = axes.x.length;
  const cells = [];
  for (let j = 0; j < axes.y.length; j += 1) cells.push(flat.slice(j * width, (j + 1) * width));
  return { x: axes.x, y: axes.y, cells };
}

/** Cell (i, j) of a result or of the flat row-order list (one axis: j = 0). */
export function cellAt(result, i, j = 0) {
  return result.y == null ? result.cells[i] : result.cells[j]?.[i];
}
