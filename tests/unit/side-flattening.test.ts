import { describe, expect, it } from 'vitest';
import { MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';
import { projectPoints } from '../../src-shared/projection/perspective-projection.js';
import { NEAR_SIDE_FLATTENING_AT_30, SIDE_FLATTENING_AT_30, SideFlattening } from '../../src-shared/render/side-flattening.js';

/** The face 34 cm before the camera, facing it (row-major 4x4). */
const FACING = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -34, 0, 0, 0, 1];
/** The face 34 cm before the camera, turned by `deg` about the vertical axis in the photo. */
function turnedInPhoto(deg: number): number[] {
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  return [c, 0, s, 0, 0, 1, 0, 0, -s, 0, c, -34, 0, 0, 0, 1];
}

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
  const sides = new SideFlattening(face, MESH_VERTEX_COUNT, FACING);
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
    // At +30 degrees the side at negative x (point 0) turns towards the camera, the other away.
    expect(out[2]).toBeCloseTo(face[2] + (meanDepth - face[2]) * NEAR_SIDE_FLATTENING_AT_30, 5);
    const last = (MESH_VERTEX_COUNT - 1) * 3 + 2;
    expect(out[last]).toBeCloseTo(face[last] + (meanDepth - face[last]) * SIDE_FLATTENING_AT_30, 5);
    sides.apply(face, MESH_VERTEX_COUNT, weights, -30, out);
    expect(out[2]).toBeCloseTo(face[2] + (meanDepth - face[2]) * SIDE_FLATTENING_AT_30, 5);
    expect(out[last]).toBeCloseTo(face[last] + (meanDepth - face[last]) * NEAR_SIDE_FLATTENING_AT_30, 5);
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

  it('flattens along the photo camera rays: two side points the photo shows in one place turn together', () => {
    // A head turned 10 degrees in the photo: a point on its side and one 2.2 cm further out and
    // 4.6 cm deeper lie on one ray of the camera (ref_jijin's outer eye corner and temple).
    const inPhoto = turnedInPhoto(10);
    const turned = new SideFlattening(face, MESH_VERTEX_COUNT, inPhoto);
    const near = [6.3, 0, -5.5];
    const camera = [-34 * Math.sin((10 * Math.PI) / 180), 0, 34 * Math.cos((10 * Math.PI) / 180)];
    const far = near.map((v, k) => camera[k] + (v - camera[k]) * 1.15);
    const pair = Float32Array.from([...near, ...far]);
    const size = { widthPx: 512, heightPx: 512 };
    const rest = projectPoints(pair, 2, inPhoto, [0, 0, 0, 0, 0, 0], size);
    expect(Math.abs(rest[0] - rest[2])).toBeLessThan(0.01);
    const apart = (points: Float32Array) => {
      const posed = projectPoints(points, 2, inPhoto, [0, -30, 0, 0, 0, 0], size);
      return Math.hypot(posed[0] - posed[2], posed[1] - posed[3]);
    };
    const flat = turned.apply(pair, 2, Float32Array.of(1, 1), -30, new Float32Array(6));
    // Flattened, they stay where they were in the photo and come 70 % of the way together.
    const flatRest = projectPoints(flat, 2, inPhoto, [0, 0, 0, 0, 0, 0], size);
    expect(Math.abs(flatRest[0] - rest[0])).toBeLessThan(0.01);
    expect(apart(flat)).toBeLessThan(apart(pair) * 0.4);
  });
});
