// Export: the figure (view, legend, step and charts, drawn by the engine's figure layout, the
// one `gradscape plot` draws) as PNG at 1× or 2× or as SVG, in the page's theme and
// language; a PNG of the bare view; the trajectories as CSV (the CLI's columns) and JSON
// (resultJson, the CLI's shape); the scenario JSON (the CLI runs it unchanged) and a WebM
// recording of the composed figure while the race plays.

import { el } from '../widgets.mjs';
import { theme } from '../appearance.mjs';
import { labelLines, optionLines } from '../charts/look.mjs';
import { FigureCopy } from './figure-copy.mjs';

/** The figure's design size (the CLI's default); 2× for slides. */
export const FIGURE_SIZE = { width: 1600, height: 900 };
/** Video sizes offered (16:9). */
export const VIDEO_SIZES = [[1280, 720], [1920, 1080], [960, 540]];
const VIDEO_FPS = 15;

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

/** A canvas as a PNG Blob, encoded at once: `toBlob` encodes in idle time, which a playing
 *  page hardly has (it took 40 s in the benchmark); `toDataURL` is synchronous. */
export function pngBlob(canvas) {
  const data = atob(canvas.toDataURL('image/png').split(',')[1]);
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i += 1) bytes[i] = data.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
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
    // The figure module's copy of the race (figure-copy.mjs), made on first export.
    this.figures = new FigureCopy();
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

  /** The figure's options at `scale` (1 or 2): size, the page's theme, the timeline's step. */
  figureOptions(scale = 1, size = FIGURE_SIZE) {
    const race = this.race;
    return { width: Math.round(size.width * scale), height: Math.round(size.height * scale), theme: theme(), step: race.cursor ?? race.step };
  }

  /** Draws the figure onto `canvas` (sized to `options`); the figure module must be loaded
   *  (`await this.figures.ready()`). `fresh`: an exact copy of the race made now. */
  drawFigure(canvas, options, fresh = true) {
    if (canvas.width !== options.width) canvas.width = options.width;
    if (canvas.height !== options.height) canvas.height = options.height;
    const session = this.race.session;
    const copy = fresh ? this.figures.fresh(session) : this.figures.current(session);
    copy.figureDraw(canvas, optionLines(options), labelLines());
    return canvas;
  }

  /** The figure as a PNG Blob (drawn onto a canvas by the engine, encoded by the browser). */
  async figurePngBlob(scale = 1) {
    await this.figures.ready();
    const blob = pngBlob(this.drawFigure(document.createElement('canvas'), this.figureOptions(scale)));
    this.figures.drop();
    return blob;
  }

  /** The figure as SVG text: the engine's document with its heat map encoded by a canvas. */
  async figureSvgText(scale = 1) {
    await this.figures.ready();
    const copy = this.figures.fresh(this.race.session);
    const [svg, images] = copy.figureSvg(optionLines(this.figureOptions(scale)), labelLines());
    this.figures.drop();
    let out = svg;
    images.forEach(([w, h, rgba], i) => {
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      c.getContext('2d').putImageData(new ImageData(rgba, w, h), 0, 0);
      out = out.replace(`#gradscape-image-${i}`, c.toDataURL('image/png'));
    });
    return out;
  }

  async figurePng(scale = 1) { download(await this.figurePngBlob(scale), `gradscape-figure${scale > 1 ? '@2x' : ''}.png`); }
  async figureSvg() { download(new Blob([await this.figureSvgText()], { type: 'image/svg+xml' }), 'gradscape-figure.svg'); }

  csv() { download(new Blob([resultCsv(JSON.parse(this.race.session.resultJson()))], { type: 'text/csv' }), 'gradscape-trajectories.csv'); }
  json() { download(new Blob([this.race.session.resultJson()], { type: 'application/json' }), 'gradscape-trajectories.json'); }
  scenarioJson() { download(new Blob([JSON.stringify(this.scenario(), null, 2)], { type: 'application/json' }), 'gradscape-scenario.json'); }

  get recording() { return this.recorder != null; }

  /** Starts recording the composed figure at `size` ([w, h]) while the race plays;
   *  `onProgress({seconds, step})` after each frame. Resolves to false if the browser cannot. */
  async record(size = VIDEO_SIZES[0], onProgress = null) {
    if (this.recorder || typeof MediaRecorder === 'undefined') return false;
    await this.figures.ready();
    if (this.recorder) return false;
    const [width, height] = size;
    const canvas = document.createElement('canvas');
    const options = () => ({ ...this.figureOptions(1, { width, height }) });
    this.drawFigure(canvas, options());
    const stream = canvas.captureStream(VIDEO_FPS);
    const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
    if (!type) return false;
    const rec = new MediaRecorder(stream, { mimeType: type });
    const chunks = [];
    rec.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
    rec.onstop = () => download(new Blob(chunks, { type: 'video/webm' }), 'gradscape-race.webm');
    const started = performance.now();
    let last = 0;
    const frame = (now) => {
      if (this.recorder !== rec) return;
      // The whole figure per frame costs a few ms to tens of ms: at most VIDEO_FPS frames.
      if (now - last >= 1000 / VIDEO_FPS) {
        last = now;
        try { this.drawFigure(canvas, options(), false); } catch { /* a reload in between: next frame */ }
        onProgress?.({ seconds: (now - started) / 1000, step: this.race.cursor ?? this.race.step });
      }
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
    this.figures.drop();
    rec.requestData();
    rec.stop();
  }
}
