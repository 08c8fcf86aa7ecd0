// Offline use: registers the service worker (www/sw.js), which keeps the page, the wasm
// module and the lessons (built into the module) for use without a network after one visit.
// Not on file:// (no service workers there) or where the browser has none; a failed
// registration only means no offline copy.
// Automated browsers (navigator.webdriver: the tests and benchmarks) measure the network
// path and route requests themselves, which a worker would answer instead; they opt in with
// localStorage 'gradscape:offline' = 'on' (the offline test does).

const optIn = () => { try { return localStorage.getItem('gradscape:offline'); } catch { return null; } }; // storage may be disabled

export function registerOffline() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (navigator.webdriver && optIn() !== 'on') return;
  navigator.serviceWorker.register(new URL('../../sw.js', import.meta.url), { scope: new URL('../../', import.meta.url).pathname })
    .catch((e) => console.warn(`Gradscape: no offline copy: ${e.message || e}`));
}
