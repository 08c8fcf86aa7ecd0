// Where a divergence label goes: beside its ✕ (right, left, below, above, then further down),
// on the first spot inside the view that overlaps none of `avoid` (the legend, the labels
// already placed). Two runs diverging at the same spot get two readable labels.

const hit = (a, b) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/** Top-left x and middle y of a w×h label for a marker at (mx, my) in a W×H view. */
export function placeLabel(mx, my, w, h, W, H, avoid, gap = 16) {
  const spots = [];
  for (let k = 0; k < 12; k += 1) {
    const dy = k * (h + 4);
    spots.push([mx + gap, my + dy], [mx - gap - w, my + dy], [mx + gap, my - dy], [mx - gap - w, my - dy]);
  }
  const inside = ([x, y]) => x >= 4 && x + w <= W - 4 && y - h / 2 >= 4 && y + h / 2 <= H - 4;
  for (const [x, y] of spots) {
    const r = { x0: x - 5, y0: y - h / 2, x1: x + w + 5, y1: y + h / 2 };
    if (inside([x, y]) && !avoid.some((a) => hit(r, a))) return { x, y };
  }
  return { x: Math.min(Math.max(mx + gap, 4), W - w - 4), y: Math.min(Math.max(my, h), H - h) };
}
