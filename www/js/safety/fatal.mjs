// The engine-stopped state: a Rust panic or a wasm trap anywhere (a frame, an event handler,
// a promise) must not leave a dead page. Recognised by
//   - console_error_panic_hook's console.error("panicked at …") (logged before the trap), and
//   - an uncaught WebAssembly.RuntimeError ('error' / 'unhandledrejection' events),
// it stops playback and shows an overlay over the (frozen) page:
//   "Gradscape's engine stopped: <message>. …" with a Reload button.
// Installed by boot.mjs before the engine loads; `onStop` (set once booted) pauses playback.

import { t } from '../i18n.mjs';

const PANIC = /panicked at|RuntimeError|unreachable/;

let shown = false;
let onStop = null;
let box = null;

/** Called once booted: what to do when the engine stops (e.g. pause playback). */
export function whenEngineStops(fn) { onStop = fn; }

/** True once the engine-stopped overlay was shown. */
export function engineStopped() { return shown; }

function isTrap(err) {
  return (typeof WebAssembly === 'object' && err instanceof WebAssembly.RuntimeError) ||
    (err instanceof Error && PANIC.test(String(err.message)) && /wasm|gradscape/i.test(String(err.stack)));
}

function firstLine(text) {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  // console_error_panic_hook: "panicked at src/…:12:5:\nmessage\n\nStack: …"
  const m = String(text).match(/panicked at [^\n]*\n([^\n]+)/);
  const out = m ? m[1].trim() : s;
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/** Shows the overlay (once) and stops playback. */
export function stopEngine(message) {
  if (shown) return;
  shown = true;
  try { onStop?.(); } catch { /* the engine is gone: nothing more to stop */ }
  box = document.createElement('div');
  box.className = 'engine-stopped';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-label', t('safety.stopped'));
  const h = document.createElement('h2');
  h.textContent = t('safety.stopped');
  const p = document.createElement('p');
  p.textContent = t('safety.stoppedDetail', { message: firstLine(message) });
  const kept = document.createElement('p');
  kept.textContent = t('safety.stoppedKept');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'primary';
  reload.textContent = t('safety.reload');
  reload.addEventListener('click', () => location.reload());
  const card = document.createElement('div');
  card.className = 'engine-stopped-card';
  card.append(h, p, kept, reload);
  box.append(card);
  document.body.append(box);
  document.documentElement.dataset.engine = 'stopped';
  reload.focus();
}

export function installFatalHandlers() {
  const original = console.error.bind(console);
  console.error = (...args) => {
    original(...args);
    const text = args.map(String).join(' ');
    if (/panicked at/.test(text)) stopEngine(text);
  };
  window.addEventListener('error', (e) => { if (isTrap(e.error)) stopEngine(e.error.message); });
  window.addEventListener('unhandledrejection', (e) => { if (isTrap(e.reason)) stopEngine(e.reason.message); });
}
