// One run's path on the terrain as a flat ribbon (WebGL draws lines one pixel wide; a ribbon
// of two triangles per segment keeps a visible width at every zoom). Points are added
// incrementally into a growing buffer; the draw range shows the path up to the cursor.
// Scene x, y as given; z lifted slightly above the surface so the mesh does not hide it.

import { BufferAttribute, BufferGeometry, DoubleSide, Mesh, MeshBasicMaterial } from '../../vendor/three/three.module.js';

const WIDTH = 0.016; // scene units (the box's longer side is 2)
const LIFT = 0.01; // above the surface, in unscaled heights
const FLOATS = 18; // 6 vertices × xyz per segment

export class Ribbon {
  constructor(parent, color) {
    this.geometry = new BufferGeometry();
    this.array = new Float32Array(FLOATS * 256);
    this.attr = new BufferAttribute(this.array, 3);
    this.geometry.setAttribute('position', this.attr);
    this.material = new MeshBasicMaterial({ color, side: DoubleSide });
    this.mesh = new Mesh(this.geometry, this.material);
    this.mesh.frustumCulled = false;
    parent.add(this.mesh);
    this.segments = 0;
    this.last = null; // the last point [x, y, z]
    this.geometry.setDrawRange(0, 0);
  }

  setColor(color) { this.material.color.set(color); }

  /** Adds point (x, y) at height z (scene units); the first point only starts the ribbon. */
  add(x, y, z) {
    const p = this.last;
    this.last = [x, y, z + LIFT];
    if (!p) { this.first = this.last; return; }
    let dx = x - p[0], dy = y - p[1];
    const len = Math.hypot(dx, dy);
    if (len === 0) { dx = 1; dy = 0; } else { dx /= len; dy /= len; }
    const ox = -dy * WIDTH / 2, oy = dx * WIDTH / 2;
    if ((this.segments + 1) * FLOATS > this.array.length) this.grow();
    const a = this.array, o = this.segments * FLOATS;
    const q = this.last;
    const v = [
      p[0] - ox, p[1] - oy, p[2], p[0] + ox, p[1] + oy, p[2], q[0] + ox, q[1] + oy, q[2],
      p[0] - ox, p[1] - oy, p[2], q[0] + ox, q[1] + oy, q[2], q[0] - ox, q[1] - oy, q[2],
    ];
    for (let k = 0; k < FLOATS; k += 1) a[o + k] = v[k];
    this.segments += 1;
    this.attr.addUpdateRange(o, FLOATS);
    this.attr.needsUpdate = true;
  }

  grow() {
    const next = new Float32Array(this.array.length * 2);
    next.set(this.array);
    this.array = next;
    this.attr = new BufferAttribute(next, 3);
    this.geometry.setAttribute('position', this.attr);
  }

  /** Where segment `s` ends (the first point for s < 0), or null when there is none. */
  end(s) {
    if (s < 0) return this.first ?? null;
    if (s >= this.segments) return this.last;
    const a = this.array, o = s * FLOATS;
    return [(a[o + 6] + a[o + 15]) / 2, (a[o + 7] + a[o + 16]) / 2, a[o + 8]];
  }

  /** Shows the first `n` segments. */
  show(n) { this.geometry.setDrawRange(0, Math.min(n, this.segments) * 6); }

  dispose() {
    this.mesh.parent?.remove(this.mesh);
    this.geometry.dispose();
    this.material.dispose();
  }
}
