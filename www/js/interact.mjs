// Pointer input on the view: a plain click sets the start point, dragging the start marker
// moves it, dragging anywhere else pans, the wheel zooms about the cursor. On a touch screen
// the same with a finger (a tap sets the start where tapped), and two fingers pinch to zoom
// and move together to pan. Also the hover readout (x, y, loss under the pointer).

import { fmt } from './catalog.mjs';
import { t } from './i18n.mjs';

const CLICK_SLOP = 4; // px a press may move and still be a click
const GRAB_RADIUS = 16; // px around the start marker that grab it

export function attachPointer(view, race, hoverEl) {
  const canvas = view.canvas;
  let press = null; // {mode: 'click'|'pan'|'start', x, y, lastX, lastY}
  const fingers = new Map(); // pointerId → [x, y] of the touches down now
  let pinch = null; // {dist, mid}: the two fingers' last distance and midpoint
  const pair = () => { const [a, b] = [...fingers.values()]; return { dist: Math.max(Math.hypot(a[0] - b[0], a[1] - b[1]), 1), mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] }; };

  const local = (e) => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const nearStart = (sx, sy) => {
    const [px, py] = view.toScreen(...race.scenario.start);
    return Math.hypot(px - sx, py - sy) <= GRAB_RADIUS;
  };
  const setStartAt = (sx, sy) => {
    const [x, y] = view.toWorld(sx, sy);
    race.setStart(roundTo(x, view.scale), roundTo(y, view.scale));
  };

  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const [x, y] = local(e);
    if (e.pointerType === 'touch') fingers.set(e.pointerId, [x, y]);
    if (fingers.size >= 2) { press = null; pinch = pair(); canvas.setPointerCapture(e.pointerId); return; } // a second finger: pinch, no tap
    if (pinch) return; // a finger left over from a pinch does nothing until all are up
    press = { mode: nearStart(x, y) ? 'start' : 'click', x, y, lastX: x, lastY: y };
    canvas.setPointerCapture(e.pointerId);
  });

  canvas.addEventListener('pointermove', (e) => {
    const [x, y] = local(e);
    if (fingers.has(e.pointerId)) fingers.set(e.pointerId, [x, y]);
    if (pinch && fingers.size >= 2) {
      const now = pair();
      view.pan(now.mid[0] - pinch.mid[0], now.mid[1] - pinch.mid[1]);
      view.zoomAt(now.mid[0], now.mid[1], pinch.dist / now.dist);
      pinch = now;
      return;
    }
    hover(x, y);
    if (!press) {
      canvas.classList.toggle('over-start', nearStart(x, y));
      return;
    }
    if (press.mode === 'click' && Math.hypot(x - press.x, y - press.y) > CLICK_SLOP) {
      press.mode = 'pan';
      canvas.classList.add('panning');
    }
    if (press.mode === 'pan') {
      view.pan(x - press.lastX, y - press.lastY);
    } else if (press.mode === 'start') {
      setStartAt(x, y);
    }
    press.lastX = x;
    press.lastY = y;
  });

  const end = (e) => {
    fingers.delete(e.pointerId);
    if (pinch) { if (fingers.size < 2) pinch = fingers.size ? pinch : null; press = null; return; }
    if (!press) return;
    const [x, y] = local(e);
    if (press.mode === 'click' && e.type === 'pointerup') setStartAt(x, y);
    press = null;
    canvas.classList.remove('panning');
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('pointerleave', () => { if (!press) hoverEl.textContent = ''; });

  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const [x, y] = local(e);
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    view.zoomAt(x, y, Math.exp(Math.max(-300, Math.min(300, dy)) * 0.0015));
  }, { passive: false });

  function hover(sx, sy) {
    if (!race.session) return;
    const [x, y] = view.toWorld(sx, sy);
    const loss = race.session.lossAt(x, y);
    hoverEl.textContent = t('controls.hover', { x: fmt(x, 3), y: fmt(y, 3), loss: fmt(loss, 4) });
  }
}

/** Rounds a clicked coordinate to what one pixel can resolve (clean numbers to export). */
function roundTo(v, pixel) {
  const q = 10 ** Math.floor(Math.log10(pixel));
  return Number((Math.round(v / q) * q).toPrecision(12));
}
