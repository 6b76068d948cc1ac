import { describe, expect, it } from 'vitest';
import { visiblePoints } from '../../src-shared/sculpt/visible-points.js';

/** Points of two parallel squares (a near one at depth 10, a far one at depth 20, the same on screen) and one far point beside them. */
function twoSheets() {
  // 0..3 near square corners, 4..7 far square corners, 8 far point in the squares' middle, 9 far point outside.
  const screenPx = [0, 0, 10, 0, 10, 10, 0, 10, 0, 0, 10, 0, 10, 10, 0, 10, 5, 5, 20, 5];
  const depth = [10, 10, 10, 10, 20, 20, 20, 20, 20, 20];
  const nearSquare = [0, 1, 2, 0, 2, 3];
  const farSquare = [4, 5, 6, 4, 6, 7];
  return { screenPx, depth, triangles: [...nearSquare, ...farSquare] };
}

describe('visiblePoints', () => {
  it('hides points behind a nearer triangle and keeps those beside it, and the corners of the triangles themselves', () => {
    const { screenPx, depth, triangles } = twoSheets();
    const visible = visiblePoints(screenPx, depth, triangles, 0.5);
    expect([...visible]).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('keeps a point that lies on the surface in front of it within the tolerance', () => {
    const { screenPx, depth, triangles } = twoSheets();
    const onSurface = [...depth];
    onSurface[8] = 10.3;
    expect(visiblePoints(screenPx, onSurface, triangles, 0.5)[8]).toBe(1);
    expect(visiblePoints(screenPx, onSurface, triangles, 0.1)[8]).toBe(0);
  });

  it('interpolates depth as a perspective projection does (1/depth across the triangle)', () => {
    // A slanted triangle from depth 10 (left) to 30 (right): at mid-screen its depth is 15, not 20.
    const screenPx = [0, 0, 10, 0, 0, 10, 4, 2];
    const triangle = [0, 1, 2];
    const behind = visiblePoints(screenPx, [10, 30, 10, 16], triangle, 0.1);
    const infront = visiblePoints(screenPx, [10, 30, 10, 13], triangle, 0.1);
    // At (4, 2): weights 0.4 right, 0.6 left/bottom -> 1 / (0.6 / 10 + 0.4 / 30) = 13.6.
    expect(behind[3]).toBe(0);
    expect(infront[3]).toBe(1);
  });

  it('ignores edge-on triangles and triangles with a corner behind the camera', () => {
    const screenPx = [0, 0, 10, 0, 20, 0, 5, 0];
    expect(visiblePoints(screenPx, [1, 1, 1, 5], [0, 1, 2], 0.1)[3]).toBe(1);
    const square = [0, 0, 10, 0, 0, 10, 2, 2];
    expect(visiblePoints(square, [1, -1, 1, 5], [0, 1, 2], 0.1)[3]).toBe(1);
  });
});
