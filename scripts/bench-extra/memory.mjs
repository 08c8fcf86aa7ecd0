// The recorded history's memory (issue 18 item 3): a bare engine Session in the page's wasm
// instance races the ten runs of the frame benchmark to the 1,000,000-step maximum, and the
// module's WebAssembly.Memory is read before and after (`wasmMemoryBytes`, bench build).
//
//   history_bytes_per_step   the memory's growth over the race / (runs × steps): what one
//                            recorded step of one run costs (record, checkpoints, Vec slack)
//   wasm_memory_mb_10x1m     the module's whole memory with the race at 1,000,000 steps
//                            (budget ≤ 64 MB)
//
// No drawing: the Session is the engine's alone (the page's race stays at its default), so
// the figures are the engine's history and not the page's canvases or JS heap (the soak
// measures those). The memory only grows, so the page is a fresh one.

import { TEN_RUNS } from '../../tests/browser/serve.mjs';

const STEPS = 1_000_000;

export default async function measure({ context, server, log, openPage, ready, errors }) {
  log(`memory: ${TEN_RUNS.runs.length} runs × ${STEPS.toLocaleString('en-US')} steps in a bare Session`);
  const page = await openPage(context, `${server.url}/`, errors);
  try {
    await ready(page, () => window.gradscape?.ready === true);
    const m = await page.evaluate(async ({ scenario, steps }) => {
      const mod = await import('/pkg/gradscape.js');
      const { Session } = await import('/js/engine.mjs');
      const mb = () => mod.wasmMemoryBytes();
      const s = new Session(JSON.stringify({ ...scenario, steps }));
      const before = mb();
      const t0 = performance.now();
      // In slices, so that the page stays responsive to the driver.
      while (s.state().step < steps) {
        s.advance(Math.min(50_000, steps - s.state().step));
        await new Promise((r) => setTimeout(r, 0));
      }
      const ms = performance.now() - t0;
      const after = mb();
      const st = s.state();
      const recorded = st.runs.reduce((a, r) => a + r.steps, 0);
      s.free();
      return { before, after, recorded, ms, step: st.step };
    }, { scenario: TEN_RUNS, steps: STEPS });
    log(`  ${m.recorded} run-steps in ${Math.round(m.ms)} ms; wasm memory ${(m.before / 2 ** 20).toFixed(1)} → ${(m.after / 2 ** 20).toFixed(1)} MB`);
    return {
      history_bytes_per_step: Number(((m.after - m.before) / Math.max(1, m.recorded)).toFixed(2)),
      wasm_memory_mb_10x1m: Number((m.after / 2 ** 20).toFixed(1)),
    };
  } finally {
    await page.close();
  }
}
