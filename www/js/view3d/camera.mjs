// The 3-D view's camera and its pointer controls (written here rather than three's
// OrbitControls, which imports the bare specifier 'three' and would need an import map, an
// inline script the page's Content-Security-Policy forbids): drag orbits about the target,
// the wheel or a pinch zooms, right-drag, shift-drag or two fingers pan. Z is up; the scene
// maps the view box onto [-1, 1] in x and y.

import { PerspectiveCamera, Vector3 } from '../../vendor/three/three.module.js';

const HOME = { az: -Math.PI / 2 - 0.5, el: 0.6 };
// Of the terrain's half-diagonal, kept in sight about the target (more in a narrow canvas,
// where the near corners come closest to its sides).
const FIT = (aspect) => (aspect < 1 ? 1.2 : 0.95);
const MIN_EL = 0.05, MAX_EL = Math.PI / 2 - 0.02;

export class OrbitCamera {
  constructor(element, onChange) {
    this.element = element;
    this.onChange = onChange;
    this.camera = new PerspectiveCamera(40, 1, 0.01, 100);
    this.camera.up.set(0, 0, 1);
    this.target = new Vector3();
    this.pointers = new Map(); // pointerId → {x, y, button}
    this.reset();
    this.listen();
  }

  /** Back to the starting angle, looking at the middle of the terrain at height `z`. */
  reset(z = this.homeZ ?? 0.3) {
    this.homeZ = z;
    Object.assign(this, HOME);
    // Far enough that the terrain fits the narrower of the two fields of view.
    const half = Math.atan(Math.tan((this.camera.fov * Math.PI) / 360) * Math.min(1, this.camera.aspect));
    this.dist = (FIT(this.camera.aspect) * (this.radius ?? 1.4)) / Math.sin(half);
    this.moved = false;
    this.target.set(0, 0, z);
    this.update();
  }

  /** The terrain's half-diagonal (scene units); the home view is fitted to it. */
  setRadius(r) {
    if (r === this.radius) return;
    this.radius = r;
    if (!this.moved) this.reset();
  }

  /** A new canvas shape; the home view is fitted again until the user moves the camera. */
  setAspect(aspect) {
    this.camera.aspect = aspect;
    this.camera.updateProjectionMatrix();
    if (!this.moved) this.reset();
  }

  /** Turns by (dx, dy) CSS pixels of drag. */
  orbit(dx, dy) {
    this.moved = true;
    this.az -= dx * 0.008;
    this.el = Math.min(MAX_EL, Math.max(MIN_EL, this.el + dy * 0.008));
    this.update();
  }

  /** Moves the target by (dx, dy) CSS pixels, in the screen's plane. */
  pan(dx, dy) {
    this.moved = true;
    const h = this.element.clientHeight || 1;
    const k = (2 * this.dist * Math.tan((this.camera.fov * Math.PI) / 360)) / h;
    const right = new Vector3().setFromMatrixColumn(this.camera.matrix, 0).multiplyScalar(-dx * k);
    const up = new Vector3().setFromMatrixColumn(this.camera.matrix, 1).multiplyScalar(dy * k);
    this.target.add(right).add(up);
    this.update();
  }

  zoom(factor) {
    this.moved = true;
    this.dist = Math.min(20, Math.max(0.3, this.dist * factor));
    this.update();
  }

  update() {
    const { az, el, dist, target } = this;
    this.camera.position.set(
      target.x + dist * Math.cos(el) * Math.cos(az),
      target.y + dist * Math.cos(el) * Math.sin(az),
      target.z + dist * Math.sin(el));
    this.camera.lookAt(target);
    this.camera.updateMatrixWorld();
    this.onChange?.();
  }

  listen() {
    const el = this.element;
    el.addEventListener('contextmenu', (e) => e.preventDefault());
    el.addEventListener('pointerdown', (e) => {
      e.preventDefault(); // no text selection while dragging
      this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, pan: e.button === 2 || e.shiftKey });
      try { el.setPointerCapture(e.pointerId); } catch { /* a pointer already gone */ }
    });
    const up = (e) => { this.pointers.delete(e.pointerId); this.pinch = null; };
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    el.addEventListener('pointermove', (e) => {
      const p = this.pointers.get(e.pointerId);
      if (!p) return;
      const dx = e.clientX - p.x, dy = e.clientY - p.y;
      p.x = e.clientX; p.y = e.clientY;
      if (this.pointers.size >= 2) this.twoFingers();
      else if (p.pan) this.pan(dx, dy);
      else this.orbit(dx, dy);
    });
    el.addEventListener('wheel', (e) => {
      e.preventDefault();
      const px = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      this.zoom(Math.exp(Math.max(-100, Math.min(100, e.deltaY * px)) * 0.002));
    }, { passive: false });
  }

  // Two pointers: their distance zooms, their midpoint pans.
  twoFingers() {
    const [a, b] = [...this.pointers.values()];
    const d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
    if (this.pinch) {
      this.zoom(this.pinch.d / d);
      this.pan(mx - this.pinch.mx, my - this.pinch.my);
    }
    this.pinch = { d, mx, my };
  }
}
