// The view from the keyboard: the surface canvas takes the focus (Tab), arrows move the start
// point, Shift+arrows pan, + and − zoom about the centre, 0 fits the view; the focus ring is
// teach/style.css's :focus-visible. Keys pressed on the view stop there, so the page's own
// shortcuts (→ steps the race) do not fire as well.

import { t } from '../i18n.mjs';
import { fmt } from '../catalog.mjs';

const STEP_PX = 12; // how far one arrow press moves the start (screen pixels)
const PAN_PX = 60;
const ZOOM = 1.25;

/** Makes `view.canvas` focusable and keyboard-driven; `announce(text)` reports moves. */
export function attachKeys(view, race, announce = () => {}) {
  const canvas = view.canvas;
  canvas.tabIndex = 0;
  // How to use it, beside its name ("Loss surface"), which other parts and tests rely on.
  canvas.setAttribute('aria-description', t('classroom.viewLabel'));
  canvas.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown ArrowLeft ArrowRight Shift+ArrowUp + - 0');
  const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  canvas.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const d = dirs[e.key];
    if (d && e.shiftKey) view.pan(-d[0] * PAN_PX, -d[1] * PAN_PX);
    else if (d) moveStart(d);
    else if (e.key === '+' || e.key === '=') view.zoomAt(view.W / 2, view.H / 2, 1 / ZOOM);
    else if (e.key === '-' || e.key === '_') view.zoomAt(view.W / 2, view.H / 2, ZOOM);
    else if (e.key === '0') view.fit();
    else return;
    e.preventDefault();
    e.stopPropagation();
  });

  function moveStart([dx, dy]) {
    const [sx, sy] = view.toScreen(...race.scenario.start);
    const [x, y] = view.toWorld(sx + dx * STEP_PX, sy + dy * STEP_PX);
    const q = 10 ** Math.floor(Math.log10(view.scale * STEP_PX / 10));
    const round = (v) => Number((Math.round(v / q) * q).toPrecision(12));
    race.setStart(round(x), round(y));
    announce(t('classroom.startMoved', { x: fmt(race.scenario.start[0], 4), y: fmt(race.scenario.start[1], 4) }));
  }
}
