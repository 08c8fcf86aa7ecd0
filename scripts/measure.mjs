// Small statistics shared by the measurement scripts (bench.mjs, soak.mjs).

/** Least-squares slope of `samples[i][key]` against `samples[i].t` (seconds), per minute. */
export function slopePerMinute(samples, key) {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.t, 0) / n;
  const my = samples.reduce((a, s) => a + s[key], 0) / n;
  let sxy = 0, sxx = 0;
  for (const s of samples) { sxy += (s.t - mx) * (s[key] - my); sxx += (s.t - mx) ** 2; }
  return sxx > 0 ? (sxy / sxx) * 60 : 0;
}
