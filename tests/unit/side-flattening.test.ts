import { describe, expect, it } from 'vitest';
import { MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';
import { SIDE_FLATTENING_AT_30, SideFlattening } from '../../src-shared/render/side-flattening.js';

/** A head as a half cylinder (radius 8 cm) seen from the front: point i at angle -80..80 degrees. */
function cylinderFace(): Float32Array {
  const points = new Float32Array(MESH_VERTEX_COUNT * 3);
  for (let i = 0; i < MESH_VERTEX_COUNT; i++) {
    const angle = ((-80 + (160 * i) / (MESH_VERTEX_COUNT - 1)) * Math.PI) / 180;
    points.set([8 * Math.sin(angle), 0, 8 * Math.cos(angle) - 8], i * 3);
  }
  return points;
}

/** x after a yaw of `deg` about the vertical axis. */
const turnedX = (points: Float32Array, i: number, deg: number) => points[i * 3] * Math.cos((deg * Math.PI) / 180) + points[i * 3 + 2] * Math.sin((deg * Math.PI) / 180);

describe('side flattening on head turns', () => {
  const face = cylinderFace();
  const sides = new SideFlattening(face, MESH_VERTEX_COUNT);
  const weights = sides.weights(face, MESH_VERTEX_COUNT);
  const out = new Float32Array(face.length);

  it('changes nothing without yaw, so a still frame stays the photo', () => {
    expect(Array.from(sides.apply(face, MESH_VERTEX_COUNT, weights, 0, out))).toEqual(Array.from(face));
  });

  it('flattens the sides and keeps the middle at a turn', () => {
    sides.apply(face, MESH_VERTEX_COUNT, weights, 30, out);
    const middle = Math.floor(MESH_VERTEX_COUNT / 2);
    expect(weights[middle]).toBe(0);
    expect(out[middle * 3 + 2]).toBe(face[middle * 3 + 2]);
    expect(weights[0]).toBe(1);
    const meanDepth = face.filter((_, k) => k % 3 === 2).reduce((sum, z) => sum + z, 0) / MESH_VERTEX_COUNT;
    expect(out[2]).toBeCloseTo(face[2] + (meanDepth - face[2]) * SIDE_FLATTENING_AT_30, 5);
  });

  it('stretches the side that turns towards the camera less than a rigid head would', () => {
    // At +30 degrees the side at negative angles turns towards the camera: its outer 10 % widens.
    const outer = Math.round(MESH_VERTEX_COUNT * 0.1);
    const width = (points: Float32Array, deg: number) => turnedX(points, outer, deg) - turnedX(points, 0, deg);
    const rigidStretch = width(face, 30) / width(face, 0);
    const flattenedStretch = width(sides.apply(face, MESH_VERTEX_COUNT, weights, 30, out), 30) / width(face, 0);
    expect(rigidStretch).toBeGreaterThan(2);
    expect(flattenedStretch).toBeLessThan(rigidStretch * 0.75);
  });
});
