import { LANDMARK_COUNT, MESH_VERTEX_COUNT } from '../face/topology.js';
import { POSE_IMAGE_CONNECTIONS } from '../face/pose-image-connections.js';

/**
 * audio2mesh predicts offsets for the 468 mesh vertices only; the 10 iris points follow their eye.
 * Each iris point takes the mean offset of the eye contour nearest to it in the rest face.
 */
export function irisFollowers(lmks3dCm: Float32Array): { iris: number; contour: readonly number[] }[] {
  const contours = ['LEFT_EYE', 'RIGHT_EYE'].map((name) => {
    const group = POSE_IMAGE_CONNECTIONS.find((g) => g.name === name);
    if (!group) throw new Error(`pose-image connections lack ${name}`);
    const points = [...new Set(group.edges.flat())];
    const centre = [0, 1, 2].map((k) => points.reduce((s, p) => s + lmks3dCm[p * 3 + k], 0) / points.length);
    return { points, centre };
  });
  const out: { iris: number; contour: readonly number[] }[] = [];
  for (let iris = MESH_VERTEX_COUNT; iris < LANDMARK_COUNT; iris++) {
    const distance = (c: { centre: number[] }) => c.centre.reduce((s, v, k) => s + (v - lmks3dCm[iris * 3 + k]) ** 2, 0);
    const nearest = distance(contours[0]) <= distance(contours[1]) ? contours[0] : contours[1];
    out.push({ iris, contour: nearest.points });
  }
  return out;
}

/** Expands T x 1404 mesh offsets to T x 478 x 3 landmark offsets (iris points follow their eye). */
export function meshToLandmarkOffsets(meshOffsets: Float32Array, frameCount: number, lmks3dCm: Float32Array): Float32Array {
  const meshValues = MESH_VERTEX_COUNT * 3;
  if (meshOffsets.length !== frameCount * meshValues) throw new Error(`audio2mesh offsets must be ${frameCount} x ${meshValues}`);
  const followers = irisFollowers(lmks3dCm);
  const stride = LANDMARK_COUNT * 3;
  const out = new Float32Array(frameCount * stride);
  for (let f = 0; f < frameCount; f++) {
    const frame = out.subarray(f * stride, (f + 1) * stride);
    frame.set(meshOffsets.subarray(f * meshValues, (f + 1) * meshValues));
    for (const { iris, contour } of followers) {
      for (let k = 0; k < 3; k++) {
        let sum = 0;
        for (const p of contour) sum += frame[p * 3 + k];
        frame[iris * 3 + k] = sum / contour.length;
      }
    }
  }
  return out;
}
