import { invertSimilarity, similarityScale, weightedProcrustes } from '../math/weighted-procrustes.js';
import type { CanonicalFace } from './canonical-face-types.js';
import { MESH_VERTEX_COUNT } from './topology.js';

/**
 * MediaPipe's face geometry pipeline (geometry_pipeline.cc, docs/aniportrait-engine.md §1.6): from image
 * landmarks to the face pose in camera metric space and the face in its own metric space.
 * Camera: vertical FOV 63 degrees, near 1, origin top-left, as AniPortrait's projection.
 */
const NEAR = 1;
const VERTICAL_FOV_DEG = 63;

export interface FaceGeometry {
  /** Row-major 4x4 canonical face space -> camera metric space ([s R | t]): AniPortrait's trans_mat. */
  readonly transMat: Float64Array;
  /** pointCount x 3 landmarks in face space (cm): inv(transMat) applied to the metric landmarks. */
  readonly lmks3dCm: Float32Array;
}

/**
 * `normalized` holds pointCount x 3 landmarks: x / imageWidth, y / imageHeight, and depth on the
 * scale of x (MediaPipe's NormalizedLandmark). Only the first 468 drive the fit; every point
 * (iris included) is carried through the same transforms.
 */
export function solveFaceGeometry(normalized: ArrayLike<number>, pointCount: number, widthPx: number, heightPx: number, canonical: CanonicalFace): FaceGeometry {
  const hN = Math.fround(2 * NEAR * Math.tan(Math.fround(0.5 * ((VERTICAL_FOV_DEG * Math.PI) / 180))));
  const wN = (widthPx * hN) / heightPx;
  const left = -wN / 2;
  const bottom = -hN / 2;
  const screen = new Float64Array(pointCount * 3);
  let depthSum = 0;
  for (let i = 0; i < pointCount; i++) {
    screen[i * 3] = normalized[i * 3] * wN + left;
    screen[i * 3 + 1] = (1 - normalized[i * 3 + 1]) * hN + bottom;
    screen[i * 3 + 2] = normalized[i * 3 + 2] * wN;
    if (i < MESH_VERTEX_COUNT) depthSum += screen[i * 3 + 2];
  }
  const depthOffset = depthSum / Math.min(pointCount, MESH_VERTEX_COUNT);

  const toMetric = (scale: number): Float64Array => {
    const out = new Float64Array(screen.length);
    for (let i = 0; i < pointCount; i++) {
      const z = (screen[i * 3 + 2] - depthOffset + NEAR) / scale;
      out[i * 3] = (screen[i * 3] * z) / NEAR;
      out[i * 3 + 1] = (screen[i * 3 + 1] * z) / NEAR;
      out[i * 3 + 2] = -z;
    }
    return out;
  };
  const estimateScale = (points: Float64Array): number =>
    similarityScale(weightedProcrustes(canonical.positionsCm, points.subarray(0, MESH_VERTEX_COUNT * 3), canonical.procrustesWeights));

  const flipped = Float64Array.from(screen);
  for (let i = 0; i < pointCount; i++) flipped[i * 3 + 2] = -flipped[i * 3 + 2];
  const firstScale = estimateScale(flipped);
  const secondScale = estimateScale(toMetric(firstScale));
  const metric = toMetric(firstScale * secondScale);

  const transMat = weightedProcrustes(canonical.positionsCm, metric.subarray(0, MESH_VERTEX_COUNT * 3), canonical.procrustesWeights);
  const inverse = invertSimilarity(transMat);
  const lmks3dCm = new Float32Array(pointCount * 3);
  for (let i = 0; i < pointCount; i++) {
    const [x, y, z] = [metric[i * 3], metric[i * 3 + 1], metric[i * 3 + 2]];
    for (let a = 0; a < 3; a++) lmks3dCm[i * 3 + a] = inverse[a * 4] * x + inverse[a * 4 + 1] * y + inverse[a * 4 + 2] * z + inverse[a * 4 + 3];
  }
  return { transMat, lmks3dCm };
}
