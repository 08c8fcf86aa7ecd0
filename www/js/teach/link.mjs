// The whole state in the URL: scenario (live changes and seeds included) plus page settings
// (view box, colour scale, shown step, speed, re-plan, hidden controls, title, caption) as
// `#s=…` (the engine's linkForScenario), rewritten as things change (debounced). On load a
// link is decoded by the engine (scenarioFromLink); a bad one leaves the default race and
// shows the engine's message. A link to a late step is caught up in the engine worker (the
// planner, replan.mjs) when it can, else in slices here.
//
// A link never exceeds MAX_LINK (what the engine opens; src/link.rs): a scenario whose
// regression data makes it longer is written without the data (generated points of the same
// count stand in, so that mini-batch sizes stay valid), and a 'gradscape:link-without-data'
// event {n, chars} on document says so once per data (safety/unkept.mjs tells the user).

import { limits, linkForScenario, scenarioFromLink } from '../engine.mjs';
import { fitBounds } from './custom.mjs';
import { applyPageSettings, onPageSettingChange, readPageSettings } from '../page-settings.mjs';
import { t } from '../i18n.mjs';
import { localError } from '../reach/errors.mjs';

const DEBOUNCE_MS = 400;
/** Longest fragment the engine opens (its catalog's limits.max_link), in characters. */
export const maxLink = () => limits().max_link;

/** A copy of scenario `sc` with every explicit data set (the problem's and warm-start
 *  sources') replaced by generated points of the same count and a caption saying so, with
 *  its count `n` and a `key` telling data sets apart; null if it had none. */
export function withoutData(sc) {
  const out = JSON.parse(JSON.stringify(sc));
  let n = 0, key = '';
  const strip = (reg) => {
    if (!Array.isArray(reg?.x)) return;
    n = Math.max(n, reg.x.length);
    const { x, y } = reg;
    key += `${x.length}:${x[0]}:${x[x.length - 1]}:${y?.[0]}:${y?.[y.length - 1]};`;
    reg.generate = { n: Math.max(1, reg.x.length), seed: 0 };
    delete reg.x; delete reg.y;
  };
  strip(out.problem?.regression);
  for (const r of out.runs || []) strip(r?.warm_start?.source);
  if (!n) return null;
  // Whoever opens the link is told too: its caption says the data is not in it.
  const note = t('teach.linkWithoutData', { n: n.toLocaleString('en') });
  const both = out.page?.caption ? `${out.page.caption} ${note}` : note;
  out.page = { ...(out.page || {}), caption: [...both].length <= limits().max_caption ? both : note };
  return { scenario: out, n, key };
}

// Base64 makes at least 4 characters of 3 bytes: longer JSON is too long without encoding.
const surelyTooLong = (json) => Math.ceil((json.length * 4) / 3) + 2 > maxLink();

export class Links {
  constructor({ race, view, playback, timeline, notice, planner }) {
    this.race = race; this.view = view; this.playback = playback; this.timeline = timeline;
    this.planner = planner;
    this.notice = notice;
    this.written = location.hash;
    this.els = { log: document.getElementById('log-scale'), replan: document.getElementById('replan'), speed: document.getElementById('speed') };
    const soon = () => this.soon();
    race.on('data', soon);
    onPageSettingChange(soon);
    view.onChange(soon);
    for (const e of Object.values(this.els)) e.addEventListener('input', soon);
    for (const e of Object.values(this.els)) e.addEventListener('change', soon);
    // The event's own URL: a pending write() may already have replaced location.hash.
    window.addEventListener('hashchange', (e) => {
      const hash = new URL(e.newURL).hash;
      if (hash !== this.written) this.open(hash, true);
    });
  }

  /** The page settings of what is on screen now. */
  page() {
    const b = this.view.box4();
    const keep = this.race.scenario?.page || {};
    const page = {
      bounds: { min: [b.x0, b.y0], max: [b.x1, b.y1] },
      log_scale: this.els.log.checked,
      step: this.timeline.shown,
      speed: Math.min(Math.max(this.playback.speed, 0.1), 1e5),
      replan: this.els.replan.checked,
    };
    for (const k of ['hide', 'title', 'caption']) if (keep[k] != null) page[k] = keep[k];
    return { ...page, ...readPageSettings() };
  }

  /** The scenario with the page settings (what a link and the scenario export carry). */
  scenario(extraPage = {}) {
    const sc = JSON.parse(this.race.exportScenario());
    sc.page = { ...this.page(), ...extraPage };
    for (const [k, v] of Object.entries(sc.page)) if (v == null || (Array.isArray(v) && !v.length && k === 'hide') || v === '') delete sc.page[k];
    return sc;
  }

  /** The share URL of the current state (pass page fields to override, e.g. hide). */
  link(extraPage) {
    return `${location.origin}${location.pathname}${this.fragment(this.scenario(extraPage))}`;
  }

  /** '#s=…' for `sc`, within the engine's max_link: without its data if need be (and then says so by the
   *  event); '' when even that is too long. */
  fragment(sc) {
    const json = JSON.stringify(sc);
    if (!surelyTooLong(json)) {
      const hash = `#${linkForScenario(json)}`;
      if (hash.length - 1 <= maxLink()) { this.dropped = null; return hash; }
    }
    const lean = withoutData(sc);
    const leanJson = lean && JSON.stringify(lean.scenario);
    const hash = lean && !surelyTooLong(leanJson) ? `#${linkForScenario(leanJson)}` : '';
    const key = lean?.key ?? 'no data';
    if (this.dropped !== key) {
      this.dropped = key;
      document.dispatchEvent(new CustomEvent('gradscape:link-without-data', { detail: { n: lean?.n ?? 0, chars: json.length, written: hash.length > 1 && hash.length - 1 <= maxLink() } }));
    }
    return hash.length - 1 <= maxLink() ? hash : '';
  }

  soon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), DEBOUNCE_MS);
  }

  write() {
    // Not while playing or re-planning: the link is rewritten when things settle.
    if (this.playback.playing || this.planner?.busy) { this.soon(); return; }
    try {
      const hash = this.fragment(this.scenario());
      if (hash === location.hash) return;
      this.written = hash;
      history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
    } catch (e) {
      console.warn(`Gradscape: no share link for this state: ${e.message || e}`);
    }
  }

  /** Opens a link fragment ('#s=…'); returns true if it loaded. Never throws, never logs:
   *  a refused link (started: at start, or later by a hash change) only shows the notice. */
  open(hash, later = false) {
    const frag = (hash || '').replace(/^#/, '');
    if (!frag) return false;
    let json;
    try {
      json = scenarioFromLink(frag);
      this.race.load(json);
    } catch (e) {
      this.notice(t(later ? 'teach.linkRefusedLater' : 'teach.linkRefused', { error: localError(e.message || e) }));
      return false;
    }
    this.apply(JSON.parse(json).page || {});
    this.written = location.hash;
    return true;
  }

  /** Applies a scenario's page settings to the screen. */
  apply(page) {
    applyPageSettings(page);
    if (typeof page.log_scale === 'boolean') { this.els.log.checked = page.log_scale; this.view.setLog(page.log_scale); }
    if (typeof page.replan === 'boolean') this.els.replan.checked = page.replan;
    if (typeof page.speed === 'number') {
      this.els.speed.value = String(Math.log10(page.speed));
      this.playback.setSpeed(page.speed);
    }
    if (page.bounds) fitBounds(this.view, page.bounds.min, page.bounds.max);
    if (page.step > 0) this.catchUp(Math.min(page.step, this.race.maxSteps));
  }

  /** Advances to the linked step in slices, so that a link asking for a late step (up to
   *  1,000,000 × 32 runs) shows the page at once and never freezes it; a newer load, a
   *  reset or runs that all stopped end the catch-up. */
  catchUp(target) {
    if (this.planner?.catchUp(target)) return;
    const SLICE = 20000;
    const token = {};
    this.catching = token;
    const slice = (before) => {
      if (this.catching !== token || this.race.step < before) return;
      this.race.advance(Math.min(SLICE, target - this.race.step));
      const now = this.race.step;
      if (now < target && now > before) setTimeout(() => slice(now), 0);
    };
    slice(this.race.step);
  }
}
