/** 16.16 fixed point: source positions and steps in the warp kernel. */
export const FIXED_ONE = 65536;
/** f64 values per triangle record (see wasm/warp-triangles.wat for the layout). */
export const TRIANGLE_RECORD_F64 = 24;

/** Image sizes a triangle is prepared for (target bounds, source bounds for clamping). */
export interface WarpBounds {
  readonly targetWidthPx: number;
  readonly targetHeightPx: number;
  readonly sourceWidthPx: number;
  readonly sourceHeightPx: number;
}

/**
 * Largest 16.16 sample coordinate along an axis of `sizePx` pixels: the last pixel itself. Its
 * right (or lower) tap then lies past the edge with weight 0, so the kernel reads memory beyond
 * the image (it always has some) without using it.
 */
export function maxFixedCoordinate(sizePx: number): number {
  return (sizePx - 1) * FIXED_ONE;
}

/**
 * Prepares destination triangle (d0, d1, d2), textured from source triangle (s0, s1, s2) by the
 * affine map between them, as a record at `records[at]` for the warp kernel; false (nothing
 * written) when it is degenerate. Pixel centres decide coverage with a top-left rule: each edge is
 * the line x = k * py + c of a row's pixel centres, computed from the edge alone, so two triangles
 * sharing an edge split its pixels exactly (no gaps, no double pixels) and the mapping is
 * continuous across it (no seams). Coordinates are pixels, y down.
 */
export function writeTriangleRecord(bounds: WarpBounds, s: ArrayLike<number>, d: ArrayLike<number>, records: Float64Array, at: number): boolean {
  const dx0 = d[0];
  const dy0 = d[1];
  const dx1 = d[2];
  const dy1 = d[3];
  const dx2 = d[4];
  const dy2 = d[5];
  const area = (dx1 - dx0) * (dy2 - dy0) - (dx2 - dx0) * (dy1 - dy0);
  if (!(Math.abs(area) >= 1e-6)) return false;
  // Affine map destination -> source via barycentric coordinates.
  const inv = 1 / area;
  const l1x = (dy2 - dy0) * inv;
  const l1y = -(dx2 - dx0) * inv;
  const l2x = -(dy1 - dy0) * inv;
  const l2y = (dx1 - dx0) * inv;
  const ux = (s[2] - s[0]) * l1x + (s[4] - s[0]) * l2x;
  const uy = (s[2] - s[0]) * l1y + (s[4] - s[0]) * l2y;
  const vx = (s[3] - s[1]) * l1x + (s[5] - s[1]) * l2x;
  const vy = (s[3] - s[1]) * l1y + (s[5] - s[1]) * l2y;
  const minY = Math.max(0, Math.floor(Math.min(dy0, dy1, dy2)));
  const maxY = Math.min(bounds.targetHeightPx - 1, Math.ceil(Math.max(dy0, dy1, dy2)));
  const minX = Math.max(0, Math.floor(Math.min(dx0, dx1, dx2)));
  const maxX = Math.min(bounds.targetWidthPx - 1, Math.ceil(Math.max(dx0, dx1, dx2)));
  if (minY > maxY || minX > maxX) return false;
  records[at] = minY;
  records[at + 1] = maxY;
  records[at + 2] = minX;
  records[at + 3] = maxX;
  // Edge functions a x + b y + c, oriented so that inside is >= 0 whatever the winding. Pixels
  // exactly on a right or bottom edge belong to the neighbour (top-left rule).
  const sign = area > 0 ? 1 : -1;
  writeEdge(records, at + 4, (dy1 - dy2) * sign, (dx2 - dx1) * sign, (dx1 * dy2 - dy1 * dx2) * sign);
  writeEdge(records, at + 7, (dy2 - dy0) * sign, (dx0 - dx2) * sign, (dx2 * dy0 - dy2 * dx0) * sign);
  writeEdge(records, at + 10, (dy0 - dy1) * sign, (dx1 - dx0) * sign, (dx0 * dy1 - dy0 * dx1) * sign);
  // u, v (16.16, minus half a pixel for the bilinear taps) at pixel (x, row centre py): row + perX x + perY py.
  records[at + 13] = (s[0] + ux * (0.5 - dx0) - uy * dy0 - 0.5) * FIXED_ONE;
  records[at + 14] = (s[1] + vx * (0.5 - dx0) - vy * dy0 - 0.5) * FIXED_ONE;
  records[at + 15] = ux * FIXED_ONE;
  records[at + 16] = uy * FIXED_ONE;
  records[at + 17] = vx * FIXED_ONE;
  records[at + 18] = vy * FIXED_ONE;
  records[at + 19] = Math.round(ux * FIXED_ONE);
  records[at + 20] = Math.round(vx * FIXED_ONE);
  return true;
}

/** Edge a x + b y + c >= 0 as [kind, k, c']: a bound x >= k py + c' (kind 1) or <= (kind -1), or a row test (kind 0). */
function writeEdge(records: Float64Array, at: number, a: number, b: number, c: number): void {
  const tieBreak = a > 0 || (a === 0 && b > 0) ? 0 : 1e-9;
  const cc = c - tieBreak;
  if (a === 0) {
    records[at] = 0;
    records[at + 1] = b;
    records[at + 2] = cc;
    return;
  }
  records[at] = a > 0 ? 1 : -1;
  records[at + 1] = -b / a;
  records[at + 2] = -cc / a - 0.5;
}
