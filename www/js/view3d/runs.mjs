// Every run in 3-D: its path as a ribbon on the terrain and a ball at the step shown (the
// race's cursor, or the live end). Each frame reads only the points recorded since the last
// one (`session.pathRange(i, from, to)`, as the 2-D paths do); the whole path is read again
// only when the terrain changed (a new box or height scale), the run was restarted or
// replaced, in parts of at most PART_POINTS per frame. Very long paths are thinned on
// those full reads (every stride-th point) to bound memory.

import { Group, Mesh, MeshBasicMaterial, MeshPhongMaterial, SphereGeometry, TorusGeometry } from '../../vendor/three/three.module.js';
import { Ribbon } from './ribbon.mjs';

const MAX_POINTS = 16384; // points of one run drawn after a full read (thinned above this)
const PART_POINTS = 65536; // points read per frame, all runs together
const BALL = 0.05; // scene units

export class Runs {
  constructor(terrain, parent) {
    this.terrain = terrain;
    this.lines = new Group(); // inside the terrain's z-scaled group
    terrain.group.add(this.lines);
    this.balls = new Group(); // unscaled: balls stay round
    parent.add(this.balls);
    this.ballGeometry = new SphereGeometry(BALL, 24, 16);
    this.tracks = [];
    // The start point: a white ring lying on the surface, as the 2-D view's start marker.
    this.start = new Mesh(new TorusGeometry(0.04, 0.009, 8, 32), new MeshBasicMaterial({ color: 0xffffff }));
    parent.add(this.start);
  }

  /** Brings every run up to date; `full` reads every path again (the terrain changed).
   *  Returns whether some path is not read up to its end yet (read on the next frame). */
  update(race, full, vscale) {
    const caches = race.caches;
    const [x0, y0] = race.scenario?.start ?? [NaN, NaN];
    this.start.visible = Number.isFinite(x0) && Number.isFinite(y0) && this.terrain.inside(x0, y0);
    if (this.start.visible) this.start.position.set(...this.terrain.toScene(x0, y0), this.terrain.heightAt(x0, y0) * vscale + 0.012);
    while (this.tracks.length > caches.length) this.drop(this.tracks.pop());
    let budget = PART_POINTS;
    caches.forEach((cache, i) => {
      const color = race.runs[i]?.color ?? '#ffffff';
      let t = this.tracks[i];
      if (!t || t.cache !== cache || full || t.read > cache.points) {
        if (t) this.drop(t);
        t = this.tracks[i] = this.track(cache, color);
      }
      if (t.color !== color) { t.ribbon.setColor(color); t.ball.material.color.set(color); t.color = color; }
      budget -= this.read(race, i, t, budget);
      const upTo = race.cursor == null ? cache.points : Math.min(cache.points, race.cursor + 1);
      this.show(t, upTo, vscale, race.state?.runs[i]);
    });
    return this.tracks.some((t) => t.read < t.cache.points); // more to read next frame
  }

  track(cache, color) {
    const ribbon = new Ribbon(this.lines, color);
    const ball = new Mesh(this.ballGeometry, new MeshPhongMaterial({ color, shininess: 60 }));
    ball.visible = false;
    this.balls.add(ball);
    // read: points taken from the engine; thinned: points up to which every stride-th is kept;
    // at: for each segment, the point it ends at, only while thinned (see show()).
    return { cache, color, ribbon, ball, read: 0, stride: 1, thinnedTo: 0, head: null };
  }

  /** Reads track t's next points (at most `budget`); returns how many it read. */
  read(race, i, t, budget) {
    const n = t.cache.points;
    if (t.read >= n || budget <= 0) return 0;
    // A full read of a long path is thinned (its stride fixed at its start) and taken in
    // parts across frames: the engine replays what it no longer holds, a part at a time.
    if (t.read === 0 && n > MAX_POINTS) { t.stride = Math.ceil(n / MAX_POINTS); t.thinnedTo = n; }
    const s = race.session;
    const to = Math.min(n, t.read + budget);
    const xy = typeof s.pathRange === 'function' ? s.pathRange(i, t.read, to) : s.path(i, t.read);
    const count = Math.min(xy.length / 2, n - t.read, to - t.read);
    const terrain = this.terrain;
    for (let k = 0; k < count; k += 1) {
      const p = t.read + k;
      // The thinned part's last point is always kept (as the head of a full read).
      if (p < t.thinnedTo && p % t.stride !== 0 && p !== t.thinnedTo - 1) continue;
      const x = xy[2 * k], y = xy[2 * k + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const [sx, sy] = terrain.toScene(x, y);
      t.ribbon.add(sx, sy, terrain.heightAt(x, y));
    }
    t.read += count;
    return count || (t.read = n, 0); // (fewer points than the summary said: done)
  }

  /** Ribbon up to point `upTo`, the ball where the shown ribbon ends. */
  show(t, upTo, vscale, info) {
    const thinned = Math.min(upTo, t.thinnedTo);
    const segments = Math.ceil(thinned / t.stride) + Math.max(0, upTo - t.thinnedTo) - 1;
    t.ribbon.show(Math.max(0, segments));
    const head = upTo > 0 ? t.ribbon.end(Math.min(segments, t.ribbon.segments) - 1) : null;
    t.ball.visible = Boolean(head);
    t.head = head;
    if (!head) return;
    // Diverged: the ball is kept at the box's edge (toScene clamps), glowing red.
    const diverged = info?.status?.reason === 'diverged' && upTo === t.cache.points;
    t.ball.material.emissive.set(diverged ? 0x880000 : 0x000000);
    t.ball.position.set(head[0], head[1], (head[2] - 0.01) * vscale + BALL);
  }

  drop(t) {
    t.ribbon.dispose();
    this.balls.remove(t.ball);
    t.ball.material.dispose();
  }

  clear() { for (const t of this.tracks) this.drop(t); this.tracks = []; }
}
