// Explore → Learning-rate finder, as fastai does it: one run of the selected race run whose
// learning rate grows exponentially each step (an exponential schedule with gamma > 1, from
// LO to HI over STEPS steps), its loss plotted against lr on a log axis until it diverges
// (or the loss passes 4× its best); the suggested lr is where the loss falls fastest
// (steepest slope against log lr, the fastai "steep" suggestion), and "Use this lr" sets it.

import { t } from '../i18n.mjs';
import { Session } from '../engine.mjs';
import { el, labelled, fillSelect } from './form.mjs';
import { short } from './spec.mjs';
import { themeColors, canvasFont } from '../appearance.mjs';
import { screenContext } from '../canvas.mjs';

const LO = 1e-6;
const HI = 10;
const STEPS = 120;
const W = 400;
const H = 220;

/** The steepest-descent index of losses against log lr (central differences), or -1. */
export function steepest(lrs, losses) {
  let k = -1;
  let slope = 0;
  for (let i = 1; i < losses.length - 1; i += 1) {
    const s = (Math.log(losses[i + 1]) - Math.log(losses[i - 1])) / (Math.log(lrs[i + 1]) - Math.log(lrs[i - 1]));
    if (Number.isFinite(s) && s < slope) { slope = s; k = i; }
  }
  return k;
}

export class FinderView {
  constructor({ race, catalog }) {
    Object.assign(this, { race, catalog });
    this.run = el('select');
    this.canvas = el('canvas', { class: 'ex-plot', role: 'img', 'aria-label': t('explore.finder.chart') });
    const dpr = window.devicePixelRatio || 1;
    Object.assign(this.canvas, { width: W * dpr, height: H * dpr });
    this.canvas.style.width = `${W}px`;
    this.canvas.style.height = `${H}px`;
    this.dpr = dpr;
    this.out = el('p', { class: 'ex-note', 'aria-live': 'polite' });
    this.use = el('button', { type: 'button', key: 'explore.finder.use', disabled: '', onclick: () => this.useLr() });
    this.root = el('div', { class: 'ex-view ex-finder' }, [
      el('p', { class: 'ex-note', text: t('explore.finder.note', { lo: LO, hi: HI, steps: STEPS }) }),
      labelled('explore.run', this.run),
      el('div', { class: 'ex-row' }, [el('button', { type: 'button', class: 'ex-go', key: 'explore.finder.find', onclick: () => this.find() }), this.use]),
      this.canvas, this.out,
    ]);
    const runs = () => fillSelect(this.run, race.runs.map((r, i) => ({ value: i, label: r.name || r.optimizer })), Math.min(Number(this.run.value) || 0, race.runs.length - 1));
    race.on('runs', runs);
    race.on('load', runs);
    runs();
  }

  find() {
    const i = Number(this.run.value) || 0;
    const { name, color, schedule, ...run } = this.race.runs[i];
    const gamma = (HI / LO) ** (1 / STEPS);
    const sc = this.race.scenario;
    const scenario = { problem: sc.problem, start: sc.start, steps: STEPS, tolerance: sc.tolerance, runs: [{ ...run, lr: LO, schedule: { kind: 'exponential', gamma } }] };
    const s = new Session(JSON.stringify(scenario));
    try {
      s.advance(STEPS);
      // losses[k] is the loss after step k (k = 0: the start); rates[k] the lr used by step k + 1.
      const losses = Array.from(s.losses(0, 0)).slice(1);
      const rates = Array.from(s.rates(0, 0));
      const n = Math.min(losses.length, rates.length);
      let best = Infinity;
      const lrs = [];
      const ls = [];
      for (let k = 0; k < n; k += 1) {
        if (!Number.isFinite(losses[k]) || losses[k] > 4 * best) break;
        best = Math.min(best, losses[k]);
        lrs.push(rates[k]);
        ls.push(losses[k]);
      }
      const k = steepest(lrs, ls);
      this.found = { index: i, lrs, losses: ls, suggested: k >= 0 ? lrs[k] : null };
    } finally {
      s.free();
    }
    this.draw();
    this.use.disabled = this.found.suggested == null;
    this.root.dataset.state = 'done';
    this.out.textContent = this.found.suggested == null ? t('explore.finder.none') : t('explore.finder.suggested', { lr: short(this.found.suggested) });
  }

  useLr() {
    const f = this.found;
    if (!f || f.suggested == null || !this.race.runs[f.index]) return;
    this.race.setRun(f.index, { ...this.race.runs[f.index], lr: f.suggested }, true);
  }

  draw() {
    const { lrs, losses, suggested } = this.found;
    const ctx = screenContext(this.canvas);
    const col = themeColors();
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    if (lrs.length < 2) return;
    const pad = { l: 44, r: 8, t: 8, b: 28 };
    const lx = (v) => pad.l + ((Math.log10(v) - Math.log10(LO)) / (Math.log10(HI) - Math.log10(LO))) * (W - pad.l - pad.r);
    const lmin = Math.log10(Math.min(...losses.filter((v) => v > 0)));
    const lmax = Math.log10(Math.max(...losses));
    const ly = (v) => pad.t + (1 - (Math.log10(Math.max(v, 1e-300)) - lmin) / (lmax - lmin || 1)) * (H - pad.t - pad.b);
    ctx.strokeStyle = col.muted; ctx.strokeRect(pad.l, pad.t, W - pad.l - pad.r, H - pad.t - pad.b);
    ctx.strokeStyle = this.race.runs[this.found.index]?.color || col.text;
    ctx.lineWidth = 2;
    ctx.beginPath();
    lrs.forEach((v, k) => (k ? ctx.lineTo(lx(v), ly(losses[k])) : ctx.moveTo(lx(v), ly(losses[k]))));
    ctx.stroke();
    if (suggested != null) {
      ctx.strokeStyle = col.text; ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(lx(suggested), pad.t); ctx.lineTo(lx(suggested), H - pad.b); ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = col.muted; ctx.font = canvasFont(11);
    ctx.textAlign = 'center';
    ctx.fillText(t('explore.finder.axis'), (W + pad.l) / 2, H - 6);
    ctx.textAlign = 'left'; ctx.fillText(short(LO), pad.l, H - 16);
    ctx.textAlign = 'right'; ctx.fillText(short(HI), W - pad.r, H - 16);
    ctx.fillText(short(10 ** lmax), pad.l - 3, pad.t + 10);
    ctx.fillText(short(10 ** lmin), pad.l - 3, H - pad.b);
  }
}
