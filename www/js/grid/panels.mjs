// The side-by-side panels as page elements: per run a header (its colour, name, optimizer
// and key hyper-parameters, a button that explains it, its status: running / reached at
// step k / diverged at step k) above a stack of canvases (surface, ghosts, halo, line,
// marks). The surface canvas is the panel's picture for assistive technology, named after
// its run. Panels are kept in a pool: a panel made once keeps its pointer handlers.

import { el } from '../widgets.mjs';
import { fmt, int } from '../catalog.mjs';
import { t } from '../i18n.mjs';
import { HALO_OPACITY } from '../path-strokes.mjs';
import { GHOST_OPACITY } from './paths.mjs';
import { screenContext } from '../canvas.mjs';

const KEY_PARAMS = 2; // hyper-parameters shown besides lr: the first ones set off their default

/** "Adam · lr 0.05 · betas 0.8, 0.99": the optimizer and the settings that tell runs apart. */
export function describe(run, catalog) {
  const opt = catalog.optimizer(run.optimizer);
  const parts = [opt?.label ?? run.optimizer];
  const show = (v) => (Array.isArray(v) ? v.map((x) => fmt(x, 3)).join(', ') : fmt(v, 3));
  if (run.lr != null) parts.push(`lr ${fmt(run.lr, 3)}`);
  let extra = 0;
  for (const p of opt?.params ?? []) {
    if (p.name === 'lr' || extra >= KEY_PARAMS) continue;
    const v = catalog.value(run, p);
    // (A flag is named when on: the engine's parameter names are PyTorch's, in any language.)
    if (JSON.stringify(v) === JSON.stringify(p.default) || v === false) continue;
    parts.push(v === true ? p.name : `${p.name} ${show(v)}`);
    extra += 1;
  }
  return parts.join(' · ');
}

/** {kind, text} of run summary `info` as seen at step `cursor` (null: the live end). */
export function status(info, cursor) {
  const at = cursor ?? Infinity;
  const s = info?.status;
  if (!s) return { kind: 'running', text: t('grid.running') };
  if (s.reason === 'diverged' && s.step <= at) return { kind: 'diverged', text: t('grid.diverged', { step: int(s.step) }) };
  if (info.reached_at != null && info.reached_at <= at) return { kind: 'reached', text: t('grid.reached', { step: int(info.reached_at) }) };
  if (s.reason === 'early_stopped' && s.step <= at) return { kind: 'completed', text: t('grid.stopped', { step: int(s.step) }) };
  if (s.reason === 'completed' && cursor == null) return { kind: 'completed', text: t('grid.completed') };
  return { kind: 'running', text: t('grid.running') };
}

const layer = (className) => {
  const c = el('canvas', { className });
  c.setAttribute('aria-hidden', 'true');
  return c;
};

/** One panel's elements; `onExplain()` is called by its title button. */
export function makePanel(onExplain) {
  const base = el('canvas', { className: 'grid-base' });
  base.setAttribute('role', 'img');
  const ghost = layer('grid-ghost');
  ghost.style.opacity = String(GHOST_OPACITY);
  const halo = layer('grid-halo');
  halo.style.opacity = String(HALO_OPACITY);
  const line = layer('grid-line');
  const marks = layer('grid-marks');
  const name = el('b', { className: 'grid-name' });
  const params = el('span', { className: 'grid-params' });
  const title = el('button', { type: 'button', className: 'grid-title' }, el('i', { className: 'grid-swatch' }), name, params);
  title.addEventListener('click', onExplain);
  const state = el('span', { className: 'grid-status status running' });
  const pic = el('div', { className: 'grid-pic' }, base, ghost, halo, line, marks);
  const root = el('section', { className: 'grid-panel' }, el('header', { className: 'grid-head' }, title, state), pic);
  return {
    root, pic, base, ghost, halo, line, marks, name, params, title, state,
    gctx: screenContext(ghost), hctx: screenContext(halo), lctx: screenContext(line), mctx: screenContext(marks),
    sig: '',
  };
}

const set = (node, text) => { if (node.textContent !== text) node.textContent = text; };
const attr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };

/** Fills panel `p` with run `run` (its run summary `info`) in language `lang`: header
 *  texts and names, changed only where they differ. */
export function label(p, { run, info, cursor, catalog, selected, lang }) {
  const text = describe(run, catalog);
  const sig = `${run.name}|${run.color}|${text}|${selected}|${lang}`;
  if (sig !== p.sig) {
    p.sig = sig;
    p.root.style.setProperty('--run', run.color);
    set(p.name, run.name);
    set(p.params, text);
    p.title.title = `${run.name} · ${text}`;
    attr(p.title, 'aria-label', t('grid.explain', { name: run.name }));
    attr(p.title, 'aria-pressed', String(selected));
    p.root.classList.toggle('selected', selected);
    const opt = catalog.optimizer(run.optimizer)?.label ?? run.optimizer;
    attr(p.base, 'aria-label', t('grid.panel', { name: run.name, optimizer: opt }));
  }
  const s = status(info, cursor);
  set(p.state, s.text);
  const cls = `grid-status status ${s.kind}`;
  if (p.state.className !== cls) p.state.className = cls;
}

/** Sizes a panel's canvases to pw × ph CSS px at `dpr` (only what changed). */
export function size(p, pw, ph, dpr) {
  const w = Math.max(1, Math.round(pw * dpr)), h = Math.max(1, Math.round(ph * dpr));
  p.pic.style.width = `${pw}px`;
  p.pic.style.height = `${ph}px`;
  for (const c of [p.base, p.ghost, p.halo, p.line, p.marks]) {
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
  }
}
