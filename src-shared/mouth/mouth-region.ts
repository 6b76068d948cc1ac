import { LANDMARK_COUNT, MESH_VERTEX_COUNT } from '../face/topology.js';

/** Landmarks whose canonical height sets where the mouth region begins (the lower eyelids' lowest points) and where it is whole (the upper lip's top, 0). */
export const MOUTH_REGION_TOP_LANDMARKS = [145, 374] as const;
export const MOUTH_REGION_FULL_LANDMARK = 0;

/**
 * How much each landmark belongs to the mouth (0..1), for the lip sync's controls on a mesh track:
 * on MediaPipe's canonical face (y up, cm), w = smoothstep(t) of t = (top - y) / (top - full),
 * clamped to 0..1, where top is the lower eyelids' lowest height and full the upper lip's top. So
 * the lips, jaw, chin and lower cheeks are wholly the mouth, the nose and mid-cheeks partly, and
 * the eyes, brows and forehead not at all (blinks and brows of a performance are left alone); the
 * weights fall off smoothly, so a scaled mouth shows no seam. Rounded to 0.01;
 * tests/unit/mouth-region.test.ts computes them again from the canonical mesh. The 10 iris points: 0.
 */
const MESH_WEIGHTS: readonly number[] = [
  1, 0.65, 0.86, 0.14, 0.48, 0.27, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0.74, 0.73, 0, 0.01, 0.01,
  0.01, 0, 0, 0, 0, 0, 0, 0.01, 1, 0, 0, 0, 0.54, 1, 1, 1, 1, 1, 1, 1, 0.64, 0.48, 0, 0.14,
  0.6, 0.51, 0.54, 0.28, 0, 0, 0, 0, 0, 1, 1, 0.69, 0.76, 1, 1, 0, 0.68, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 0.73, 1, 1, 1, 0.62, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.99, 0.63, 0.79, 1,
  1, 0.85, 0.79, 0.81, 0.22, 0.33, 0.6, 0, 0, 0, 1, 0, 0, 0, 0, 0.06, 0, 0, 0.06, 0.53, 0.14, 0.14, 0.19, 0.16,
  0.11, 0.06, 0, 0.49, 0, 0.73, 0.27, 0, 0.02, 0.61, 0, 0.43, 0.98, 0, 0.34, 1, 1, 0.57, 1, 0, 1, 0.78, 0.4, 0,
  0, 0, 1, 0.84, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.94, 0.96, 0.66, 0.94,
  0, 1, 1, 1, 1, 0, 0.09, 1, 1, 0.92, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.89, 0.01, 0, 0, 1,
  1, 0, 1, 0.12, 0.04, 0.03, 0.3, 1, 1, 1, 1, 0.75, 1, 0.75, 0.9, 0.96, 1, 0.39, 1, 1, 1, 1, 1, 1,
  1, 0.17, 0.6, 0.65, 0.49, 0, 0, 0, 0, 0, 0, 0.18, 0.04, 0.06, 0.06, 0.04, 0.02, 0, 0.2, 0.7, 0.2, 0.61, 0.7, 0.63,
  0.76, 0.72, 0.76, 0, 0, 0, 0, 0, 0.14, 0, 0.73, 0, 0.01, 0.01, 0.01, 0, 0, 0, 0, 0, 0, 0.01, 1, 0,
  0, 0, 0.54, 1, 1, 1, 1, 1, 1, 1, 0.64, 0.48, 0, 0.14, 0.6, 0.51, 0.54, 0.28, 0, 0, 0, 0, 0, 1,
  1, 0.69, 0.76, 1, 1, 0, 0.68, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0.73, 1, 1, 1, 0.62, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.99, 0.63, 1, 1, 0.85, 0.79, 0.81, 0.22, 0.33, 0.6, 0, 0, 0, 1,
  0, 0, 0, 0, 0.06, 0, 0, 0.06, 0.53, 0.14, 0.14, 0.19, 0.16, 0.11, 0.06, 0, 0.49, 0, 0.73, 0.27, 0, 0.02, 0.61, 0,
  0.43, 0.98, 0, 0.34, 1, 1, 0.57, 1, 0, 1, 0.78, 0.4, 0, 0, 0, 1, 0.84, 1, 1, 1, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0.96, 0.66, 0.94, 1, 1, 1, 1, 0, 0.09, 1, 0.92, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 0.89, 0.01, 0, 0, 1, 1, 0, 1, 0.04, 0.3, 1, 1, 0.75, 1, 0.75, 0.9, 0.96, 1, 0.39, 1, 1,
  1, 1, 1, 1, 1, 0.17, 0.6, 0.65, 0.49, 0, 0, 0, 0, 0, 0, 0.18, 0.04, 0.06, 0.06, 0.04, 0.02, 0, 0.2, 0.7,
  0.2, 0.61, 0.7, 0.63, 0.76, 0.72, 0.76, 0, 0, 0, 0, 0,
];

export const MOUTH_REGION_WEIGHTS: Float32Array = (() => {
  if (MESH_WEIGHTS.length !== MESH_VERTEX_COUNT) throw new Error(`mouth region: ${MESH_WEIGHTS.length} weights for ${MESH_VERTEX_COUNT} mesh points`);
  const weights = new Float32Array(LANDMARK_COUNT);
  weights.set(MESH_WEIGHTS);
  return weights;
})();
