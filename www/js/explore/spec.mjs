// Sweep specs from the race: the race's problem, start and tolerance, one base run (a race
// run of the chosen optimizer, else its preset), the axes a user picked; and the run a cell
// stands for (the base run with the axis values written in), which joins the race on a
// click. The axis choices and ranges come from the catalog (its sliders), never from here.

/** The axis fields an optimizer offers: [{path, label, min, max, log}] (numbers and pair
 *  items, from the catalog; flags have no axis). */
export function paramChoices(catalog, optimizer) {
  const out = [];
  for (const p of catalog.params(optimizer)) {
    const s = p.slider || {};
    if (typeof p.default === 'number') out.push({ path: p.name, label: p.label, min: s.min, max: s.max, log: !!s.log });
    else if (Array.isArray(p.default)) {
      p.default.forEach((_, i) => out.push({ path: `${p.name}[${i}]`, label: `${p.label} [${i}]`, min: s.min, max: s.max, log: !!s.log }));
    }
  }
  return out;
}

/** The base run for `optimizer`: the first race run with it, else its preset (no name or
 *  colour: those belong to the race's runs). */
export function baseRun(race, catalog, optimizer) {
  const mine = race.runs.find((r) => r.optimizer === optimizer);
  const preset = catalog.presets.find((p) => p.run.optimizer === optimizer);
  const { name, color, ...run } = mine || preset?.run || { optimizer };
  return { ...run, optimizer };
}

/** The value of field `path` on `run` (the catalog default when the run omits it). */
export function valueOf(catalog, run, path) {
  const m = /^(\w+)\[(\d)\]$/.exec(path);
  const name = m ? m[1] : path;
  const p = catalog.params(run.optimizer).find((q) => q.name === name);
  const v = name in run ? run[name] : p?.default;
  return m ? v?.[Number(m[2])] : v;
}

/** `run` with the fields `values` ([[path, v], …]) written in (start fields are skipped). */
export function withValues(catalog, run, values) {
  const out = { ...run };
  for (const [path, v] of values) {
    if (path.startsWith('start[')) continue;
    const m = /^(\w+)\[(\d)\]$/.exec(path);
    if (m) {
      const pair = [valueOf(catalog, out, `${m[1]}[0]`), valueOf(catalog, out, `${m[1]}[1]`)];
      pair[Number(m[2])] = v;
      out[m[1]] = pair;
    } else out[path] = v;
  }
  return out;
}

/** A sweep over the race's problem: `{problem, start, tolerance, steps, run, x, y?}`. */
export function sweepSpec(race, { run, x, y = null, steps, start = null }) {
  const sc = race.scenario;
  const spec = { problem: sc.problem, start: start || sc.start, steps, tolerance: sc.tolerance, run, x };
  if (y) spec.y = y;
  return spec;
}

/** A default axis over a catalog choice: log choices around the run's value, others the
 *  slider's range. */
export function defaultAxis(choice, current, n) {
  if (choice.log && current > 0) {
    return { param: choice.path, from: Math.max(choice.min ?? 0, current / 100), to: Math.min(choice.max ?? Infinity, current * 100), n, scale: 'log' };
  }
  return { param: choice.path, from: choice.min ?? 0, to: choice.max ?? 1, n, scale: 'linear' };
}

/** Short number text for labels (4 significant digits). */
export function short(v) {
  if (v == null || !Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}
