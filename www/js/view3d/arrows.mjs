// The equation panel's selected run in 3-D (the teaching layer's explain(): its step details
// at the step shown): the descent direction −g and the update Δθ as arrows from the run's
// point along the terrain, in the 2-D overlay's colours (teach/overlay.mjs). Like the 2-D
// arrow, −g shows a direction, not a length. Heights come from the terrain's samples.

import { ConeGeometry, CylinderGeometry, Group, Mesh, MeshBasicMaterial, Quaternion, Vector3 } from '../../vendor/three/three.module.js';
import { COLORS } from '../teach/overlay.mjs';

const GRAD = 0.28; // scene units: the −g arrow's length (a direction, not to scale)
const MIN_UPDATE = 0.06;
const UP = new Vector3(0, 1, 0); // scene units: shorter updates are drawn this long

export class Arrows {
  constructor(parent) {
    this.group = new Group();
    parent.add(this.group);
    // A shaft and a head, unit length along +y, drawn over the terrain (no depth test) so
    // an arrow into a slope stays visible; scaled and turned in set().
    const shaft = new CylinderGeometry(0.009, 0.009, 1, 8).translate(0, 0.5, 0);
    const head = new ConeGeometry(0.026, 0.07, 12).translate(0, -0.035, 0);
    const make = (color) => {
      const material = new MeshBasicMaterial({ color, depthTest: false, transparent: true, opacity: 0.95 });
      const a = new Group();
      a.shaft = new Mesh(shaft, material);
      a.head = new Mesh(head, material);
      for (const m of [a.shaft, a.head]) { m.renderOrder = 10; a.add(m); }
      a.visible = false;
      this.group.add(a);
      return a;
    };
    this.grad = make(COLORS.grad);
    this.update = make(COLORS.update);
    this.details = null;
  }

  /** Places the arrows for `details` ({point, gradient, next} or null), with `on` the
   *  overlay's switches ({gradient, update}) on `terrain` at height scale `vscale`. */
  place(details, on, terrain, vscale) {
    this.grad.visible = false; this.update.visible = false;
    const d = details;
    if (!d || !terrain.box || !d.point.every(Number.isFinite)) return;
    const at = (x, y) => {
      const [sx, sy] = terrain.toScene(x, y);
      return new Vector3(sx, sy, terrain.heightAt(x, y) * vscale + 0.012);
    };
    const origin = at(...d.point);
    const set = (arrow, end, minLength) => {
      const dir = end.clone().sub(origin);
      let len = dir.length();
      if (!(len > 0)) return;
      dir.divideScalar(len);
      len = Math.max(len, minLength);
      arrow.position.copy(origin);
      arrow.quaternion.copy(new Quaternion().setFromUnitVectors(UP, dir));
      const headLength = Math.min(0.07, len * 0.5);
      arrow.shaft.scale.set(1, len - headLength, 1);
      arrow.head.scale.setScalar(headLength / 0.07);
      arrow.head.position.set(0, len, 0);
      arrow.visible = true;
    };
    if (on.gradient && d.gradient) {
      const [gx, gy] = d.gradient;
      const g = Math.hypot(gx, gy);
      if (g > 0) {
        const k = (GRAD * terrain.span) / 2 / g; // world units of GRAD scene units
        set(this.grad, at(d.point[0] - gx * k, d.point[1] - gy * k), 0);
      }
    }
    if (on.update && d.next && d.next.every(Number.isFinite)) set(this.update, at(...d.next), MIN_UPDATE);
  }
}
