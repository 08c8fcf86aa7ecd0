// The 3-D view (loaded on demand by view3d/index.mjs): a three.js scene of the terrain
// (terrain.mjs), every run's path and ball (runs.mjs) and the selected run's arrows
// (arrows.mjs), seen through the orbit camera (camera.mjs), with its own controls (reset
// camera, height scale, log height). It draws only when something changed: race events
// ('load', 'runs', 'data', 'cursor'), the 2-D view's box or colour scale, the camera, the
// controls. The terrain follows the 2-D view's box (debounced, as the 2-D heat map is).

import {
  WebGLRenderer, Scene, Group, HemisphereLight, DirectionalLight, Color,
} from '../../vendor/three/three.module.js';
import { t, translateTree } from '../i18n.mjs';
import { themeColors, onAppearanceChange } from '../appearance.mjs';
import { OrbitCamera } from './camera.mjs';
import { Terrain } from './terrain.mjs';
import { Runs } from './runs.mjs';
import { Arrows } from './arrows.mjs';
import { toolbar } from './toolbar.mjs';

const REBUILD_DELAY_MS = 90;
const EXPLAIN_EVERY_MS = 200;
const KEEP_FRAMES = 600;

export class Scene3D {
  constructor({ mount, race, view, api, software = false, onLost }) {
    Object.assign(this, { mount, race, view, api });
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'view3d-canvas';
    this.canvas.setAttribute('role', 'img');
    this.canvas.dataset.i18nAriaLabel = 'view3d.canvas';
    this.canvas.setAttribute('aria-label', t('view3d.canvas'));
    mount.prepend(this.canvas);
    this.renderer = new WebGLRenderer({ canvas: this.canvas, antialias: !software });
    this.renderer.setPixelRatio(Math.min(devicePixelRatio || 1, 2));
    this.canvas.addEventListener('webglcontextlost', (e) => { e.preventDefault(); this.dispose(); onLost?.(); });
    this.scene = new Scene();
    this.scene.add(new HemisphereLight(0xffffff, 0x404050, 2.1));
    const sun = new DirectionalLight(0xffffff, 1.2);
    sun.position.set(-1.5, -2, 3);
    this.scene.add(sun);
    this.scene.background = new Color(themeColors().bg);
    this.root = new Group();
    this.scene.add(this.root);
    this.terrain = new Terrain(this.root);
    this.runs = new Runs(this.terrain, this.root);
    this.arrows = new Arrows(this.root);
    this.orbit = new OrbitCamera(this.canvas, () => this.request());
    this.settings = { vscale: 0.6, logHeight: null }; // null: as the colours (view.log)
    this.controls = toolbar(mount, this.settings, {
      reset: () => this.orbit.reset(0.5 * this.settings.vscale),
      height: () => { this.full = true; this.request(); },
      log: () => this.rebuildSoon(0),
    });
    translateTree(mount);
    this.visible = true;
    this.dirty = true; // the terrain must be sampled again
    this.full = true; // every path must be read again
    this.details = null; this.explainedAt = -Infinity;
    this.frames = []; this.builds = 0; this.draws = 0;
    this.listen();
    this.resize();
    this.orbit.reset(0.5 * this.settings.vscale);
  }

  listen() {
    const { race, view } = this;
    race.on('load', () => this.rebuildSoon(0));
    race.on('runs', () => this.request());
    race.on('data', (d) => { if (d?.restart) this.full = true; this.request(); });
    race.on('cursor', () => this.request());
    view.onChange(() => this.rebuildSoon());
    document.getElementById('log-scale')?.addEventListener('change', () => this.rebuildSoon(0));
    onAppearanceChange(() => { this.scene.background = new Color(themeColors().bg); this.request(); });
    new ResizeObserver(() => this.resize()).observe(this.mount);
  }

  setVisible(v) {
    this.visible = v;
    if (v) { this.resize(); this.request(); }
  }

  resize() {
    const w = Math.max(1, this.mount.clientWidth), h = Math.max(1, this.mount.clientHeight);
    if (w === this.w && h === this.h) return;
    this.w = w; this.h = h;
    this.renderer.setSize(w, h, false);
    this.orbit.setAspect(w / h);
    this.request();
  }

  /** Samples the terrain again after `delay` ms without a further change. */
  rebuildSoon(delay = REBUILD_DELAY_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.dirty = true; this.request(); }, delay);
  }

  request() {
    if (this.pending || !this.visible || this.disposed) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.frame(); });
  }

  /** One frame: the terrain if it changed, the new path points, the arrows, the picture. */
  frame() {
    const { race, view } = this;
    if (!race.session || !this.visible || this.disposed) return;
    const t0 = performance.now();
    const box = view.box4();
    const source = view.surfaceSource?.() || { session: race.session, detail: 1 };
    if (this.dirty) {
      this.dirty = false; this.full = true;
      const logHeight = this.settings.logHeight ?? view.log;
      this.controls.logBox.checked = logHeight;
      this.terrain.build({
        box, source, logHeight, logColour: view.log,
        minima: race.problem?.minima, canvasPixels: view.canvas.width * view.canvas.height,
      });
      this.builds += 1;
      const { x0, x1, y0, y1 } = box, span = Math.max(x1 - x0, y1 - y0);
      this.orbit.setRadius(Math.hypot(x1 - x0, y1 - y0) / span);
    }
    const { vscale } = this.settings;
    this.terrain.place(vscale);
    const more = this.runs.update(race, this.full, vscale);
    this.full = false;
    this.explain();
    this.arrows.place(this.details, { gradient: true, update: true }, this.terrain, vscale);
    this.renderer.render(this.scene, this.orbit.camera);
    this.draws += 1;
    this.frames.push(performance.now() - t0);
    if (this.frames.length > KEEP_FRAMES) this.frames.shift();
    if (more) this.request(); // a long path read in parts
  }

  // The selected run's step details (the teaching layer's explain()), asked in a task of
  // its own at most every EXPLAIN_EVERY_MS (the teaching layer throttles its own updates
  // the same way): asking may run the equation panel's update, which is not this frame's work.
  explain() {
    if (this.explainTimer) return;
    const wait = Math.max(0, this.explainedAt + EXPLAIN_EVERY_MS - performance.now());
    this.explainTimer = setTimeout(() => {
      this.explainTimer = 0;
      this.explainedAt = performance.now();
      let d = null;
      try { d = this.api.explain?.() ?? null; } catch { d = null; }
      const same = JSON.stringify(d && [d.point, d.gradient, d.next]) === JSON.stringify(this.details && [this.details.point, this.details.gradient, this.details.next]);
      this.details = d;
      if (!same) this.request();
    }, wait);
  }

  /** Per-frame main-thread milliseconds of this view (the last KEEP_FRAMES frames). */
  stats() {
    const s = [...this.frames].sort((a, b) => a - b);
    const q = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null);
    return { frames: s.length, p50: q(0.5), p95: q(0.95), builds: this.builds, draws: this.draws, build_ms: this.terrain.lastBuildMs };
  }

  /** Draws now and reads the picture back: {width, height, pixels} (RGBA, row 0 at the
   *  bottom, as WebGL reads), for tests. */
  sample() {
    this.frame();
    const gl = this.renderer.getContext();
    const width = gl.drawingBufferWidth, height = gl.drawingBufferHeight;
    const pixels = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    return { width, height, pixels };
  }

  /** Where run i's ball is on screen, in CSS pixels from the canvas's top left (or null). */
  ballOnScreen(i) {
    const b = this.runs.tracks[i]?.ball;
    if (!b?.visible) return null;
    const p = b.position.clone().project(this.orbit.camera);
    return [((p.x + 1) / 2) * this.w, ((1 - p.y) / 2) * this.h];
  }

  dispose() {
    this.disposed = true;
    this.runs.clear();
    this.renderer.dispose();
  }
}
