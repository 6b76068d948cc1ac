import { multiplyMat4, poseToMatrix } from './euler-pose.js';

/**
 * AniPortrait's perspective camera (docs/aniportrait-engine.md §2.1): 63 degree vertical FOV, near 1,
 * far 10000, camera looking down -z, y flipped to a top-left image origin. The constants are
 * rounded to float32 exactly as the reference computes them.
 */
export const VERTICAL_FOV_DEG = 63;
export const NEAR_PLANE = 1;
export const FAR_PLANE = 10000;

/** float32(1 / tan(31.5 degrees)) = 1.6318516731262207 */
export const FOCAL = Math.fround(1 / Math.tan(((VERTICAL_FOV_DEG / 2) * Math.PI) / 180));
/** float32(far * near / (near - far)) = -1.000100016593933 */
export const DEPTH_SCALE = Math.fround((FAR_PLANE * NEAR_PLANE) / (NEAR_PLANE - FAR_PLANE));

export interface ProjectionTarget {
  readonly widthPx: number;
  readonly heightPx: number;
}

/**
 * Projects `pointCount` face-space points (x, y, z triples, cm) to target pixels (x, y pairs).
 * M = transMat * D(pose); p = M [v; 1]; ndc = (fa x, -f y) / (c z); px = (ndc + 1) / 2 * size.
 * `transMat` is row-major 4x4. Writes into and returns `out` (length >= 2 * pointCount).
 */
export function projectPoints(
  pointsCm: ArrayLike<number>,
  pointCount: number,
  transMat: ArrayLike<number>,
  pose: ArrayLike<number>,
  target: ProjectionTarget,
  out: Float32Array = new Float32Array(pointCount * 2),
): Float32Array {
  const m = multiplyMat4(transMat, poseToMatrix(pose));
  const { widthPx, heightPx } = target;
  const focalX = Math.fround(FOCAL / (widthPx / heightPx));
  for (let i = 0; i < pointCount; i++) {
    const vx = pointsCm[i * 3];
    const vy = pointsCm[i * 3 + 1];
    const vz = pointsCm[i * 3 + 2];
    const x = m[0] * vx + m[1] * vy + m[2] * vz + m[3];
    const y = m[4] * vx + m[5] * vy + m[6] * vz + m[7];
    const z = m[8] * vx + m[9] * vy + m[10] * vz + m[11];
    const w = DEPTH_SCALE * z;
    out[i * 2] = ((focalX * x) / w + 1) * 0.5 * widthPx;
    out[i * 2 + 1] = ((-FOCAL * y) / w + 1) * 0.5 * heightPx;
  }
  return out;
}

/**
 * Camera-space depth (cm along the view axis, larger = nearer the camera, which looks down -z) of
 * each point under the same transform as `projectPoints`: for drawing a posed face back to front.
 */
export function cameraDepths(pointsCm: ArrayLike<number>, pointCount: number, transMat: ArrayLike<number>, pose: ArrayLike<number>, out: Float32Array = new Float32Array(pointCount)): Float32Array {
  const m = multiplyMat4(transMat, poseToMatrix(pose));
  for (let i = 0; i < pointCount; i++) out[i] = m[8] * pointsCm[i * 3] + m[9] * pointsCm[i * 3 + 1] + m[10] * pointsCm[i * 3 + 2] + m[11];
  return out;
}
