// Gradscape's service worker: after one visit the page works with no network.
//
// build-stamp.js (written by `make build-only`, scripts/build-stamp.mjs) names this build
// (a hash of the shipped files) and lists the files to keep. The cache is named after the
// build, so a new build installs beside the old one, and on activation every other
// Gradscape cache is deleted: a new version replaces the old cleanly, never a mix of two.
//
// Requests go to the network first (a page edited on the server is seen at once) and fall
// back to the cache when the network fails; every good answer refreshes the cache. Page
// addresses match whatever their query (?lang=, ?embed=), since the state is in the hash.

/* global GRADSCAPE_BUILD, GRADSCAPE_FILES */
try {
  importScripts('build-stamp.js');
} catch {
  self.GRADSCAPE_BUILD = 'dev';
  self.GRADSCAPE_FILES = ['./', 'index.html', 'page.css', 'js/boot.mjs', 'pkg/gradscape.js', 'pkg/gradscape_bg.wasm'];
}

const PREFIX = 'gradscape-';
const CACHE = `${PREFIX}${self.GRADSCAPE_BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(self.GRADSCAPE_FILES.map((f) => new Request(f, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok && res.type === 'basic') await cache.put(req, res.clone());
      return res;
    } catch (e) {
      const hit = await cache.match(req, { ignoreSearch: req.mode === 'navigate' });
      if (hit) return hit;
      throw e;
    }
  })());
});
