// The engine's catalog as lookups, plus the page's palette and number formatting.
// Every list, default and slider range comes from the catalog; nothing is repeated here.

import { localiseCatalog } from './reach/catalog-text.mjs';

/** Run colours (colour-blind safe, distinct hues first): classroom/palette.mjs. */
import { PALETTE } from './classroom/palette.mjs';
export { PALETTE };

/** How many steps the page lets a race run (the engine caps it at limits.max_steps). */
export const PAGE_STEPS = 100000;

export class Catalog {
  constructor(json) {
    const c = localiseCatalog(JSON.parse(json));
    this.surfaces = c.surfaces;
    this.optimizers = c.optimizers;
    this.presets = c.presets;
    this.limits = c.limits;
  }
  surface(name) { return this.surfaces.find((s) => s.name === name) || null; }
  optimizer(name) { return this.optimizers.find((o) => o.name === name) || null; }
  params(optimizer) { return this.optimizer(optimizer)?.params || []; }

  /** The page's scenario for a surface: its default start and race, coloured. */
  scenarioFor(surfaceName, keep = {}) {
    const s = this.surface(surfaceName) || this.surfaces[0];
    return {
      problem: { surface: s.name },
      start: [...s.start],
      steps: Math.min(keep.steps ?? PAGE_STEPS, this.limits.max_steps),
      tolerance: keep.tolerance ?? this.limits.default_tolerance,
      runs: s.race.map((r, i) => ({ ...r, color: PALETTE[i % PALETTE.length] })),
    };
  }

  /**
   * Run `run` switched to `optimizer`: the new optimizer's settings as "+ Add run" gives them
   * (its preset, or the engine's defaults), never the old optimizer's hyper-parameters (an
   * SGD learning rate left on Adadelta makes the race silently unfair). Everything that is
   * not a hyper-parameter (colour, schedule, warm-up, batch size, …) stays; the name follows
   * the optimizer unless the user renamed the run.
   */
  switchOptimizer(run, optimizer) {
    const oldNames = new Set(this.params(run.optimizer).map((p) => p.name));
    const preset = this.presets.find((q) => q.run.optimizer === optimizer);
    const out = {};
    for (const [k, v] of Object.entries(run)) if (!oldNames.has(k) && k !== 'optimizer') out[k] = v;
    Object.assign(out, preset ? preset.run : {}, { optimizer });
    if (this.isAutoName(run.name)) out.name = preset?.name ?? this.optimizer(optimizer)?.label ?? optimizer;
    return out;
  }

  /** Whether `name` is one the page gave (empty, a preset's or an optimizer's, or a copy's
   *  of one), not one the user typed. */
  isAutoName(name) {
    const base = String(name ?? '').replace(/( ′)+$/u, '').trim();
    return base === '' || this.presets.some((q) => q.name === base) || this.optimizers.some((o) => o.label === base);
  }

  /** Run `run`'s value of parameter `p` (the catalog default if the run omits it). */
  value(run, p) { return p.name in run ? run[p.name] : p.default; }
}

/** A compact, readable number: 0.05, 1.5e-4, 12.3, 1.2e6. */
export function fmt(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${trimZeros(m)}e${Number(e)}`;
  }
  if (a >= 10 ** digits) return String(Math.round(Number(v.toPrecision(digits))));
  return trimZeros(v.toPrecision(digits));
}

function trimZeros(s) {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

/** Rounds to `digits` significant digits (what a slider sets). */
export function roundSig(v, digits = 3) {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}

// One formatter for every call (toLocaleString builds a new one each time: ~0.3 ms, and the
// live readouts format steps many times a second while playing).
const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const int = (n) => INT.format(Math.round(n));
