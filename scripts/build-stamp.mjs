#!/usr/bin/env node
// Writes www/build-stamp.js for the service worker (www/sw.js): the build's name (the first
// 16 hex digits of a SHA-256 over every shipped file's path and bytes) and the list of those
// files, which the worker keeps for offline use. Run by `make build-only` after the wasm
// build and by `make dist`; a changed file gives a new name, so the worker's cache is
// replaced as a whole. Usage: node scripts/build-stamp.mjs [www-dir]

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.resolve(process.argv[2] || path.join(here, '..', 'www'));

// What the page needs; not the benchmark page, its files, or the stamp itself.
const SKIP = new Set(['bench', 'bench.html', 'build-stamp.js', 'sw.js']);
const KEEP = /\.(html|css|mjs|js|wasm|json|png|svg|ico|txt)$/;

function walk(dir, rel = '') {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (SKIP.has(r) || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) out.push(...walk(full, r));
    else if (KEEP.test(name)) out.push(r);
  }
  return out;
}

const files = walk(www);
const hash = crypto.createHash('sha256');
for (const f of [...files, 'sw.js']) {
  const full = path.join(www, f);
  if (!fs.existsSync(full)) continue;
  hash.update(f).update('\0').update(fs.readFileSync(full)).update('\0');
}
const build = hash.digest('hex').slice(0, 16);
const text = `// Written by scripts/build-stamp.mjs (make build-only): the build's name and its files, for sw.js.\n` +
  `self.GRADSCAPE_BUILD = ${JSON.stringify(build)};\nself.GRADSCAPE_FILES = ${JSON.stringify(['./', ...files])};\n`;
fs.writeFileSync(path.join(www, 'build-stamp.js'), text);
console.log(`build-stamp.js: build ${build}, ${files.length} files`);
