// The page's static server and Chromium's launch flags, without node:test hooks, so that the
// browser tests (harness.mjs) and the scripts (bench, frames, soak) serve and launch the same
// way: www/ under the strict Content-Security-Policy, Debian's Chromium with the flags
// measured on these machines.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW_DIR = path.resolve(process.env.WWW_DIR || path.join(REPO_ROOT, 'www'));
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:";

// Flags measured on these machines (see shared/notes/web-toolchain.md): no sandbox as root,
// no GPU, no outside connections. The profile directory is given to launchPersistentContext.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1280, height: 800 };

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Starts a static file server for `root` on 127.0.0.1 (free port), adding `headers` to
 *  every answer (e.g. CROSS_ORIGIN_ISOLATED). Returns {url, close}.
 *  Every request reads its file from disk again (and the answer says no-store), in one
 *  synchronous read: on a loaded 2-core machine each thread-pool round trip of an
 *  asynchronous stat, open and read waits for a core, and over the page's ~40 first
 *  requests that alone added ~100 ms to the first frame (a real static host answers from
 *  its file cache). */
export async function startServer(root = WWW_DIR, { headers: extra = {} } = {}) {
  const server = http.createServer((req, res) => {
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', ...extra };
    try {
      const url = new URL(req.url, 'http://localhost');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = fs.readFileSync(file);
      headers['Content-Type'] = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const status = err && (err.code === 'ENOENT' || err.code === 'ENOTDIR') ? 404 : 500;
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(status === 404 ? 'not found\n' : 'server error\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Headers that make a page cross-origin isolated: its performance.now() then ticks in
 *  5 µs instead of 100 µs (Chromium), which the benchmarks' millisecond kernels need. */
export const CROSS_ORIGIN_ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Where Debian's Chromium is (CHROMIUM_PATH overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for measurements: precise heap sizes and a callable gc(). */
export const MEASURE_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

/** The 10-run race of the frame, memory and soak figures and the long-path test: every
 *  optimizer on Rosenbrock, none diverges, 1,000,000 steps so that none finishes early. */
export const TEN_RUNS = Object.freeze({
  problem: { surface: 'rosenbrock' }, start: [-1.5, 2.0], steps: 1_000_000,
  runs: [
    { optimizer: 'sgd', lr: 1e-4 }, { optimizer: 'sgd', lr: 1e-4, momentum: 0.9 },
    { optimizer: 'adagrad', lr: 0.1 }, { optimizer: 'rmsprop', lr: 1e-3 }, { optimizer: 'adadelta', lr: 1.0 },
    { optimizer: 'adam', lr: 1e-3 }, { optimizer: 'adamw', lr: 1e-3 }, { optimizer: 'nadam', lr: 1e-3 },
    { optimizer: 'radam', lr: 1e-3 }, { optimizer: 'adam', lr: 1e-2 },
  ],
});

/** A small seeded generator (mulberry32), so that hostile links and soak actions are the same
 *  sequence on every run: returns a function giving numbers in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
