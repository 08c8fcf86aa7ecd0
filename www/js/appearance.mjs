// How the page looks, for everything drawn on canvases (views, charts, grid panels, 3-D,
// figure export): the theme's colours and the presenter's scale. The theme lives in CSS
// (custom properties on :root, switched by <html data-theme="light|dark">) and presenter
// mode sets --canvas-scale; canvas drawers read them here and redraw on change, so no module
// hard-codes a colour the theme owns or a text size the projector needs larger.

const listeners = new Set();

// The values read, while the root's theme, classes and inline style stay the same (what
// switches the theme and the presenter scale). getComputedStyle brings the whole page's
// style up to date first: read in the middle of a frame's drawing, after a readout changed,
// that was a style pass of 2-3 ms every frame.
let cache = new Map();
let cacheKey = '';

const css = (name, fallback) => {
  if (typeof document === 'undefined') return fallback;
  const root = document.documentElement;
  const key = `${root.getAttribute('data-theme')}|${root.className}|${root.getAttribute('style')}`;
  if (key !== cacheKey) { cache = new Map(); cacheKey = key; }
  let v = cache.get(name);
  if (v === undefined) {
    v = getComputedStyle(root).getPropertyValue(name).trim();
    cache.set(name, v);
  }
  return v || fallback;
};

/** The current theme: "light" or "dark". */
export function theme() {
  if (typeof document === 'undefined') return 'dark';
  return document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
}

/** The theme's colours for canvases (CSS colour strings). */
export function themeColors() {
  return {
    bg: css('--bg', '#0d1017'),
    panel: css('--panel', '#151a23'),
    card: css('--card', '#1b212c'),
    line: css('--line', '#2a3240'),
    text: css('--text', '#e8ecf2'),
    muted: css('--muted', '#8d98aa'),
    accent: css('--accent', '#f0e442'),
    bad: css('--bad', '#ff5c5c'),
    good: css('--good', '#57d68d'),
  };
}

/** How much larger than normal text, lines and markers on canvases are (1; more when presenting). */
export function canvasScale() {
  const v = Number(css('--canvas-scale', '1'));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

/** A canvas font of `px` CSS pixels at the current canvas scale. */
export function canvasFont(px, weight = '') {
  return `${weight ? `${weight} ` : ''}${Math.round(px * canvasScale())}px system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
}

/** Calls `fn()` after the theme or the canvas scale changes; returns a function that stops it. */
export function onAppearanceChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tells every canvas drawer that the theme or the scale changed (the theme and presenter
 *  controls call it after changing the CSS). */
export function appearanceChanged() {
  cacheKey = ''; // (whatever changed, read again)
  for (const fn of [...listeners]) fn();
}
