// Export: a PNG of the view (heatmap, paths and overlay composited), the trajectories as CSV
// (the CLI's columns) and JSON (resultJson, the CLI's shape), the scenario JSON (the CLI runs
// it unchanged; page settings included) and a WebM recording of the race.

import { el } from '../widgets.mjs';

/** A number as Rust's f64 Display writes it (no exponent; shortest round-trip digits). */
export function rustNumber(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Object.is(v, -0)) return '-0';
  const s = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', exp] = m;
  const digits = lead + frac;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  return sign + (digits.length > e + 1 ? `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}` : digits + '0'.repeat(e + 1 - digits.length));
}

const field = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The CLI's `--format csv` from the page's resultJson (same columns, same numbers). */
export function resultCsv(result) {
  const withVal = result.runs.some((r) => r.validation_loss?.length);
  let out = `run,name,optimizer,step,x,y,loss,lr${withVal ? ',validation_loss' : ''}\n`;
  const num = (v) => (v == null ? '' : rustNumber(v));
  result.runs.forEach((r, i) => {
    const name = field(r.name);
    r.trajectory.forEach(([x, y], k) => {
      out += `${i},${name},${r.optimizer},${k},${rustNumber(x)},${rustNumber(y)},${num(r.loss[k])},${num(r.lr[k])}`;
      if (withVal) out += `,${num(r.validation_loss?.[k])}`;
      out += '\n';
    });
  });
  return out;
}

export function download(blob, name) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export class Exporter {
  constructor({ race, view, playback, scenario }) {
    this.race = race; this.view = view; this.playback = playback; this.scenario = scenario;
    this.recorder = null;
  }

  /** `fn(out)` draws the stage into `out` instead when it returns it (the side-by-side
   *  layout), or returns null. */
  usePicture(fn) { this.picture = fn; }

  /** Draws every canvas of the view into `out` (sized to the view in device pixels). */
  composite(out) {
    if (this.picture?.(out)) return out;
    const layers = [...this.view.box.querySelectorAll('canvas')];
    const w = layers[0].width, h = layers[0].height;
    if (out.width !== w || out.height !== h) { out.width = w; out.height = h; }
    const ctx = out.getContext('2d');
    ctx.fillStyle = '#0d1017';
    ctx.fillRect(0, 0, w, h);
    for (const c of layers) ctx.drawImage(c, 0, 0, w, h);
    return out;
  }

  png() {
    const c = this.composite(document.createElement('canvas'));
    c.toBlob((b) => b && download(b, 'gradscape-view.png'), 'image/png');
  }

  csv() { download(new Blob([resultCsv(JSON.parse(this.race.session.resultJson()))], { type: 'text/csv' }), 'gradscape-trajectories.csv'); }
  json() { download(new Blob([this.race.session.resultJson()], { type: 'application/json' }), 'gradscape-trajectories.json'); }
  scenarioJson() { download(new Blob([JSON.stringify(this.scenario(), null, 2)], { type: 'application/json' }), 'gradscape-scenario.json'); }

  get recording() { return this.recorder != null; }

  /** Starts recording the view (and plays the race); returns false if the browser cannot. */
  record() {
    if (this.recorder || typeof MediaRecorder === 'undefined') return false;
    const canvas = this.composite(document.createElement('canvas'));
    const stream = canvas.captureStream(30);
    const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
    if (!type) return false;
    const rec = new MediaRecorder(stream, { mimeType: type });
    const chunks = [];
    rec.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
    rec.onstop = () => download(new Blob(chunks, { type: 'video/webm' }), 'gradscape-race.webm');
    const frame = () => {
      if (this.recorder !== rec) return;
      this.composite(canvas);
      requestAnimationFrame(frame);
    };
    this.recorder = rec;
    rec.start(250);
    requestAnimationFrame(frame);
    this.playback.play();
    return true;
  }

  stop() {
    const rec = this.recorder;
    if (!rec) return;
    this.recorder = null;
    rec.requestData();
    rec.stop();
  }
}
