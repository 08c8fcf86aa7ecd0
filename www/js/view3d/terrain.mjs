// The terrain: the surface over the 2-D view's box as a height field from the engine
// (`session.terrain`, heights on the colour scale from 0 to 1), wearing the 2-D view's
// picture (`session.renderView`, same colour map and log option) with its contour lines drawn
// on it, and the known minima marked. Heights between the engine's samples are read
// bilinearly (heightAt), so the paths and balls lie on the mesh as drawn. Scene coordinates:
// the box's longer side spans [-1, 1]; the mesh sits in `group`, scaled in z by the height
// control, and heights are given unscaled (0 to 1).

import {
  CanvasTexture, DoubleSide, Group, Mesh, MeshBasicMaterial, MeshLambertMaterial,
  OctahedronGeometry, CylinderGeometry, PlaneGeometry, SRGBColorSpace, LinearFilter,
} from '../../vendor/three/three.module.js';

const SIDE = 256; // height samples along the box's longer side
const TEXTURE = 640; // texture pixels along the longer side (the engine renders ~20 ms)
const CONTOUR_GRID = 200;
const CONTOUR_LEVELS = 12;
const PIN = 0.16; // scene units: a minimum's mark stands this high above the surface

export class Terrain {
  constructor(parent) {
    this.group = new Group(); // scaled in z by the height control
    parent.add(this.group);
    this.texCanvas = document.createElement('canvas');
    this.texture = new CanvasTexture(this.texCanvas);
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearFilter;
    this.material = new MeshLambertMaterial({ map: this.texture, side: DoubleSide });
    this.mesh = null;
    this.heights = null; this.cols = 0; this.rows = 0;
    this.box = null;
    this.minima = new Group();
    parent.add(this.minima);
    this.starMaterial = new MeshBasicMaterial({ color: 0xffffff });
    this.starGeometry = new OctahedronGeometry(0.03);
    this.pinGeometry = new CylinderGeometry(0.005, 0.005, PIN, 6).rotateX(Math.PI / 2).translate(0, 0, -PIN / 2);
    this.lastBuildMs = 0;
  }

  /** Samples the engine again for `box` ({x0, x1, y0, y1}) from `source` ({session, detail})
   *  with log heights `logHeight` and log colours `logColour`; `minima` from the problem. */
  build({ box, source, logHeight, logColour, minima, canvasPixels }) {
    const t0 = performance.now();
    const { x0, x1, y0, y1 } = box;
    const span = Math.max(x1 - x0, y1 - y0);
    this.box = box; this.span = span;
    const fx = (x1 - x0) / span, fy = (y1 - y0) / span;
    // A costly loss (regression data) gets the cell budget the 2-D view gives it.
    const budget = source.detail < 1 ? source.detail * source.detail * canvasPixels : Infinity;
    const side = Math.max(16, Math.min(SIDE, Math.floor(Math.sqrt(budget / 2 / (fx * fy)))));
    const cols = Math.max(2, Math.round(side * fx)), rows = Math.max(2, Math.round(side * fy));
    const s = source.session;
    const heights = s.terrain(x0, x1, y0, y1, cols, rows, logHeight);
    if (heights.length !== cols * rows) return; // an engine cap changed: keep the last one
    this.heights = heights; this.cols = cols; this.rows = rows;
    if (!this.mesh || this.mesh.userData.cols !== cols || this.mesh.userData.rows !== rows ||
        this.mesh.userData.fx !== fx || this.mesh.userData.fy !== fy) this.newMesh(cols, rows, fx, fy);
    const pos = this.mesh.geometry.attributes.position;
    // PlaneGeometry's vertices run row by row from the top (y = y1), as the heights do.
    for (let k = 0; k < heights.length; k += 1) pos.array[3 * k + 2] = heights[k];
    pos.needsUpdate = true;
    this.normals(fx, fy);
    this.heightMs = performance.now() - t0;
    this.paint(s, box, logColour, source, budget);
    this.mark(minima);
    this.lastBuildMs = performance.now() - t0;
  }

  newMesh(cols, rows, fx, fy) {
    if (this.mesh) { this.group.remove(this.mesh); this.mesh.geometry.dispose(); }
    const geometry = new PlaneGeometry(2 * fx, 2 * fy, cols - 1, rows - 1);
    this.mesh = new Mesh(geometry, this.material);
    this.mesh.userData = { cols, rows, fx, fy };
    this.group.add(this.mesh);
  }

  /** The mesh's normals from its heights by central differences: a loop over the grid,
   *  ten times faster than three's computeVertexNormals over the triangles. */
  normals(fx, fy) {
    const { heights: h, cols, rows } = this;
    const attr = this.mesh.geometry.attributes.normal;
    const n = attr.array;
    const dx = (2 * fx) / (cols - 1), dy = (2 * fy) / (rows - 1);
    for (let r = 0; r < rows; r += 1) {
      const up = Math.max(0, r - 1), down = Math.min(rows - 1, r + 1);
      for (let c = 0; c < cols; c += 1) {
        const left = Math.max(0, c - 1), right = Math.min(cols - 1, c + 1);
        // Row r − 1 is the higher y (row 0 is the top).
        const gx = (h[r * cols + right] - h[r * cols + left]) / ((right - left) * dx);
        const gy = (h[up * cols + c] - h[down * cols + c]) / ((down - up) * dy);
        const k = 3 * (r * cols + c), len = Math.hypot(gx, gy, 1);
        n[k] = -gx / len; n[k + 1] = -gy / len; n[k + 2] = 1 / len;
      }
    }
    attr.needsUpdate = true;
  }

  /** The 2-D view's picture and contour lines as the mesh's texture. */
  paint(s, { x0, x1, y0, y1 }, log, source, budget) {
    const span = this.span;
    const cells = Math.min(TEXTURE * TEXTURE, budget / 2);
    const k = Math.sqrt(cells / (((x1 - x0) / span) * ((y1 - y0) / span))) / span;
    const w = Math.max(8, Math.min(TEXTURE, Math.round((x1 - x0) * k)));
    const h = Math.max(8, Math.min(TEXTURE, Math.round((y1 - y0) * k)));
    // (A view of the engine's memory: put on the canvas before the next engine call.)
    const pixels = s.renderView(x0, x1, y0, y1, w, h, log);
    if (pixels.length !== w * h * 4) return;
    const c = this.texCanvas;
    if (c.width !== w || c.height !== h) {
      c.width = w; c.height = h;
      this.texture.dispose(); // a new size needs a new GPU texture
    }
    // Kept in memory rather than on the GPU: three.js reads it back to upload it.
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.putImageData(new ImageData(pixels, w, h), 0, 0);
    const grid = source.grid ?? CONTOUR_GRID;
    const gh = Math.min(Math.max(20, Math.round((grid * (y1 - y0)) / (x1 - x0))), 4 * grid);
    const contours = s.contours(x0, x1, y0, y1, grid, gh, log, CONTOUR_LEVELS);
    ctx.strokeStyle = 'rgba(255,255,255,0.5)';
    ctx.lineWidth = Math.max(1.2, w / 500);
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (const { lines } of contours) {
      for (const line of lines) {
        line.forEach(([x, y], j) => {
          const px = ((x - x0) / (x1 - x0)) * w, py = ((y1 - y) / (y1 - y0)) * h;
          if (j === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
        });
      }
    }
    ctx.stroke();
    this.texture.needsUpdate = true;
  }

  mark(minima) {
    this.minima.clear();
    for (const m of minima || []) {
      const [x, y] = m.point;
      if (!this.inside(x, y)) continue;
      const star = new Mesh(this.starGeometry, this.starMaterial);
      star.add(new Mesh(this.pinGeometry, this.starMaterial));
      star.userData = { x, y };
      this.minima.add(star);
    }
  }

  /** Puts the minima's marks on the surface at height scale `vscale`. */
  place(vscale) {
    this.group.scale.z = vscale;
    for (const star of this.minima.children) {
      const [sx, sy] = this.toScene(star.userData.x, star.userData.y);
      star.position.set(sx, sy, this.heightAt(star.userData.x, star.userData.y) * vscale + PIN);
    }
  }

  inside(x, y) {
    const b = this.box;
    return b && x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
  }

  /** World (x, y) to scene (x, y); points outside the box are kept at its edge. */
  toScene(x, y) {
    const { x0, x1, y0, y1 } = this.box;
    const cx = Math.min(Math.max(x, x0), x1), cy = Math.min(Math.max(y, y0), y1);
    return [((cx - (x0 + x1) / 2) * 2) / this.span, ((cy - (y0 + y1) / 2) * 2) / this.span];
  }

  /** The mesh's height (0 to 1) at world (x, y), bilinear between the samples. */
  heightAt(x, y) {
    const { heights, cols, rows, box } = this;
    if (!heights || !Number.isFinite(x) || !Number.isFinite(y)) return 1;
    const u = Math.min(Math.max(((x - box.x0) / (box.x1 - box.x0)) * (cols - 1), 0), cols - 1);
    const v = Math.min(Math.max(((box.y1 - y) / (box.y1 - box.y0)) * (rows - 1), 0), rows - 1);
    const i = Math.min(Math.floor(u), cols - 2), j = Math.min(Math.floor(v), rows - 2);
    const a = u - i, b = v - j;
    const at = (c, r) => heights[r * cols + c];
    return (1 - b) * ((1 - a) * at(i, j) + a * at(i + 1, j)) + b * ((1 - a) * at(i, j + 1) + a * at(i + 1, j + 1));
  }
}
