import { describe, expect, it } from 'vitest';
import { FaceDrawOrder } from '../../src-shared/render/face-draw-order.js';
import { signedArea } from '../../src-shared/render/warp-mesh.js';

// A strip of four triangles over points 0..5 (two rows of three), plus one non-face triangle (id 4).
//   0 - 1 - 2
//   | / | / |
//   3 - 4 - 5
const TRIANGLES = Uint32Array.from([0, 1, 3, 1, 4, 3, 1, 2, 4, 2, 5, 4, 0, 2, 5]);
const REST = [0, 0, 10, 0, 20, 0, 0, 10, 10, 10, 20, 10];
const REST_SIGN = Int8Array.from({ length: 5 }, (_, t) => Math.sign(signedArea(REST, TRIANGLES[t * 3], TRIANGLES[t * 3 + 1], TRIANGLES[t * 3 + 2])));

describe('face triangle draw order', () => {
  it('draws triangles flipped against the photo first, then the others far to near', () => {
    const order = new FaceDrawOrder(TRIANGLES, [0, 1, 2, 3], REST_SIGN);
    // Point 2 pushed left past point 1: triangle 2 (1, 2, 4) flips; 3 (2, 5, 4) stays facing.
    const posed = [0, 0, 10, 0, 5, 1, 0, 10, 10, 10, 20, 10];
    // Depth per vertex (larger = nearer): the left column nearest.
    const depth = [9, 5, 1, 9, 5, 1];
    order.update(posed, depth);
    expect([...order.order]).toEqual([2, 3, 1, 0]);
    // Turning the depths round turns the facing order round; the flipped one stays first.
    order.update(posed, [1, 5, 9, 1, 5, 9]);
    expect([...order.order]).toEqual([2, 0, 1, 3]);
  });

  it('keeps every face triangle (nothing is dropped, so no holes) and ignores the others', () => {
    const order = new FaceDrawOrder(TRIANGLES, [0, 1, 2, 3], REST_SIGN);
    order.update(REST, [0, 0, 0, 0, 0, 0]);
    expect([...order.order].sort()).toEqual([0, 1, 2, 3]);
  });
});
