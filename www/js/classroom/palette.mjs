// Run colours: a colour-blind-safe categorical palette (Okabe & Ito 2008, with Tol's grey in
// place of black, which vanishes on the dark view), ordered so that the first runs of a race
// get the most distinct hues (sky blue, orange, green, purple before the similar yellow and
// vermillion). Colours are unique within a race: a new run and "Change colour" take one no
// other run has.

/** The palette, in the order runs receive it. */
export const PALETTE = Object.freeze(['#56b4e9', '#e69f00', '#009e73', '#cc79a7', '#f0e442', '#d55e00', '#0072b2', '#bbbbbb']);

/** The first palette colour no run in `runs` has (cycling when all are taken). */
export function freeColor(runs, after = null) {
  const used = new Set(runs.map((r) => r.color));
  const from = after == null ? 0 : PALETTE.indexOf(after) + 1;
  for (let k = 0; k < PALETTE.length; k += 1) {
    const c = PALETTE[(from + k) % PALETTE.length];
    if (!used.has(c)) return c;
  }
  return PALETTE[runs.length % PALETTE.length];
}

/** Colours for a freshly loaded race: each run keeps a colour it was given unless another
 *  run already has it; the others get free palette colours. Returns the new colour list. */
export function uniqueColors(runs) {
  const out = [];
  for (const r of runs) {
    const taken = out.includes(r.color);
    out.push(r.color && !taken ? r.color : freeColor(out.map((color) => ({ color }))));
  }
  return out;
}
