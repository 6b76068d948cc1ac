import { bounds2d } from '../math/bounds.js';

/**
 * Delaunay triangulation (Bowyer-Watson) of 2D points given as [x0, y0, x1, y1, ...]. Returns
 * vertex index triples (winding not normalised). O(n^2) worst case: meant for the few hundred
 * control points of a warp mesh, built once per render session.
 */
export function delaunay(points: ArrayLike<number>): Uint32Array {
  const n = points.length / 2;
  const { minX, minY, maxX, maxY } = bounds2d(points);
  const span = Math.max(maxX - minX, maxY - minY, 1) * 20;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  // Points n, n+1, n+2 form a super-triangle around everything.
  const xs = Float64Array.from({ length: n + 3 }, (_, i) => (i < n ? points[i * 2] : [cx - span, cx, cx + span][i - n]));
  const ys = Float64Array.from({ length: n + 3 }, (_, i) => (i < n ? points[i * 2 + 1] : [cy - span, cy + span, cy - span][i - n]));
  type Tri = { a: number; b: number; c: number; ux: number; uy: number; r2: number };
  const make = (a: number, b: number, c: number): Tri => {
    const ax = xs[a];
    const ay = ys[a];
    const bx = xs[b];
    const by = ys[b];
    const qx = xs[c];
    const qy = ys[c];
    const d = 2 * (ax * (by - qy) + bx * (qy - ay) + qx * (ay - by));
    const ux = ((ax * ax + ay * ay) * (by - qy) + (bx * bx + by * by) * (qy - ay) + (qx * qx + qy * qy) * (ay - by)) / d;
    const uy = ((ax * ax + ay * ay) * (qx - bx) + (bx * bx + by * by) * (ax - qx) + (qx * qx + qy * qy) * (bx - ax)) / d;
    return { a, b, c, ux, uy, r2: (ax - ux) ** 2 + (ay - uy) ** 2 };
  };
  let tris: Tri[] = [make(n, n + 1, n + 2)];
  for (let p = 0; p < n; p++) {
    const px = xs[p];
    const py = ys[p];
    const bad: Tri[] = [];
    const keep: Tri[] = [];
    for (const t of tris) ((px - t.ux) ** 2 + (py - t.uy) ** 2 < t.r2 * (1 + 1e-12) ? bad : keep).push(t);
    // The hole's boundary: edges of bad triangles that no other bad triangle shares.
    const edges = new Map<string, [number, number]>();
    for (const t of bad) {
      for (const [u, v] of [[t.a, t.b], [t.b, t.c], [t.c, t.a]] as const) {
        const key = u < v ? `${u},${v}` : `${v},${u}`;
        if (edges.has(key)) edges.delete(key);
        else edges.set(key, [u, v]);
      }
    }
    for (const [u, v] of edges.values()) keep.push(make(u, v, p));
    tris = keep;
  }
  const out: number[] = [];
  for (const t of tris) if (t.a < n && t.b < n && t.c < n) out.push(t.a, t.b, t.c);
  return Uint32Array.from(out);
}
