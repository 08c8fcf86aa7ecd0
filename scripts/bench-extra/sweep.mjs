// The Explore map's speed: a 128 × 128 map of 500-step Adam runs on Rosenbrock (lr log-spaced,
// betas[0] linear: the example) computed by window.gradscape.sweep in the page's
// engine worker, end to end (posting, rows, assembling the result) — `sweep_128_adam_ms`,
// goal ≤ 1,000 ms — with the longest main-thread task meanwhile (`sweep_128_longest_task_ms`),
// and the same map natively (`sweep_128_adam_native_ms`, examples/sweep_bench.rs, best of 5).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SPEC = {
  problem: { surface: 'rosenbrock' }, start: [-1.5, 2], steps: 500, run: { optimizer: 'adam' },
  x: { param: 'lr', from: 1e-4, to: 1, n: 128, scale: 'log' },
  y: { param: 'betas[0]', from: 0, to: 0.99, n: 128 },
};

function native(log) {
  const bin = path.join(ROOT, 'target', 'release', 'examples', 'sweep_bench');
  try {
    const out = fs.existsSync(bin)
      ? execFileSync(bin, { encoding: 'utf8' })
      : execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'sweep_bench'], { cwd: ROOT, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1)).sweep_128_adam_native_ms;
  } catch (e) {
    log?.(`sweep: native figure unavailable (${e.message})`);
    return null;
  }
}

export default async function measure({ context, server, log, openPage, ready, errors }) {
  const page = await openPage(context, `${server.url}/`, errors);
  try {
    if (ready) await ready(page, () => window.gradscape?.ready === true);
    else await page.waitForFunction(() => window.gradscape?.ready === true, null, { timeout: 60_000 });
    const times = await page.evaluate(async (spec) => {
      const long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); }).observe({ type: 'longtask' });
      await window.gradscape.sweep({ ...spec, x: { ...spec.x, n: 8 }, y: { ...spec.y, n: 8 } }); // worker start and warm-up
      const ms = [];
      for (let k = 0; k < 3; k += 1) {
        const t0 = performance.now();
        const r = await window.gradscape.sweep(spec);
        ms.push(performance.now() - t0);
        if (r.cells.length !== 128 || r.cells[0].length !== 128) throw new Error('the map is not 128 × 128');
      }
      await new Promise((res) => setTimeout(res, 100));
      return { ms, longest: Math.max(0, ...long) };
    }, SPEC);
    const sorted = [...times.ms].sort((a, b) => a - b);
    return {
      sweep_128_adam_ms: Number(sorted[0].toFixed(1)),
      sweep_128_adam_median_ms: Number(sorted[1].toFixed(1)),
      sweep_128_longest_task_ms: Number(times.longest.toFixed(1)),
      sweep_128_adam_native_ms: native(log),
    };
  } finally {
    await page.close();
  }
}
