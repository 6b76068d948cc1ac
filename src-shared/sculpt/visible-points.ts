/**
 * Which points of a surface mesh the camera sees (sculpt picking without X-ray, as in Blender):
 * a point is hidden when a triangle that it is not a corner of covers it on screen, nearer to the
 * camera by more than `toleranceDepth`. Pure geometry on projected points:
 * - `screenPx`: x, y per point (px);
 * - `depth`: each point's distance in front of the camera along its view axis (> 0);
 * - `triangles`: corner indices, three per triangle (indices < depth.length).
 * Depth across a triangle is interpolated as 1/depth, which is linear in screen space under a
 * perspective projection (and, for an orthographic one, close enough for a tolerance test).
 * Returns 1 for a visible point, 0 for a hidden one.
 */
export function visiblePoints(screenPx: ArrayLike<number>, depth: ArrayLike<number>, triangles: ArrayLike<number>, toleranceDepth: number): Uint8Array {
  const count = depth.length;
  const visible = new Uint8Array(count).fill(1);
  for (let t = 0; t + 2 < triangles.length; t += 3) {
    const a = triangles[t];
    const b = triangles[t + 1];
    const c = triangles[t + 2];
    if (a >= count || b >= count || c >= count) continue;
    const ax = screenPx[a * 2];
    const ay = screenPx[a * 2 + 1];
    const bx = screenPx[b * 2];
    const by = screenPx[b * 2 + 1];
    const cx = screenPx[c * 2];
    const cy = screenPx[c * 2 + 1];
    const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    // Edge-on or behind the camera: covers nothing.
    if (Math.abs(area) < 1e-9 || depth[a] <= 0 || depth[b] <= 0 || depth[c] <= 0) continue;
    const left = Math.min(ax, bx, cx);
    const right = Math.max(ax, bx, cx);
    const top = Math.min(ay, by, cy);
    const bottom = Math.max(ay, by, cy);
    const nearest = Math.min(depth[a], depth[b], depth[c]);
    for (let p = 0; p < count; p++) {
      if (visible[p] === 0 || p === a || p === b || p === c) continue;
      // A triangle wholly behind the point cannot hide it.
      if (nearest >= depth[p] - toleranceDepth) continue;
      const x = screenPx[p * 2];
      const y = screenPx[p * 2 + 1];
      if (x < left || x > right || y < top || y > bottom) continue;
      const wa = ((bx - x) * (cy - y) - (by - y) * (cx - x)) / area;
      const wb = ((cx - x) * (ay - y) - (cy - y) * (ax - x)) / area;
      const wc = 1 - wa - wb;
      if (wa < 0 || wb < 0 || wc < 0) continue;
      const surfaceDepth = 1 / (wa / depth[a] + wb / depth[b] + wc / depth[c]);
      if (surfaceDepth < depth[p] - toleranceDepth) visible[p] = 0;
    }
  }
  return visible;
}
