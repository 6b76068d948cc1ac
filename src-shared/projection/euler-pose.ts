/**
 * Pose vectors as 4x4 matrices, scipy's `Rotation.from_euler('xyz', degrees=True)` convention
 * (extrinsic x, then y, then z: R = Rz * Ry * Rx), as AniPortrait's pose_util.py.
 * Matrices are row-major Float64Array(16).
 */

const DEG_TO_RAD = Math.PI / 180;

/** D = [[Rz(rz) Ry(ry) Rx(rx), t], [0, 0, 0, 1]] for pose [rxDeg, ryDeg, rzDeg, tx, ty, tz]. */
export function poseToMatrix(pose: ArrayLike<number>, out: Float64Array = new Float64Array(16)): Float64Array {
  const [cx, sx] = cosSin(pose[0] * DEG_TO_RAD);
  const [cy, sy] = cosSin(pose[1] * DEG_TO_RAD);
  const [cz, sz] = cosSin(pose[2] * DEG_TO_RAD);
  // Rz * Ry * Rx written out.
  out[0] = cz * cy;
  out[1] = cz * sy * sx - sz * cx;
  out[2] = cz * sy * cx + sz * sx;
  out[3] = pose[3];
  out[4] = sz * cy;
  out[5] = sz * sy * sx + cz * cx;
  out[6] = sz * sy * cx - cz * sx;
  out[7] = pose[4];
  out[8] = -sy;
  out[9] = cy * sx;
  out[10] = cy * cx;
  out[11] = pose[5];
  out[12] = 0;
  out[13] = 0;
  out[14] = 0;
  out[15] = 1;
  return out;
}

/** out = a * b for row-major 4x4 matrices. `out` may not alias `a` or `b`. */
export function multiplyMat4(a: ArrayLike<number>, b: ArrayLike<number>, out: Float64Array = new Float64Array(16)): Float64Array {
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      out[r * 4 + c] =
        a[r * 4] * b[c] + a[r * 4 + 1] * b[4 + c] + a[r * 4 + 2] * b[8 + c] + a[r * 4 + 3] * b[12 + c];
    }
  }
  return out;
}

function cosSin(rad: number): [number, number] {
  return [Math.cos(rad), Math.sin(rad)];
}

/**
 * The inverse of poseToMatrix for a similarity [s R | t]: scale removed, Euler angles (degrees,
 * extrinsic x, y, z) and translation, as AniPortrait's generate_ref_pose does with scipy.
 */
export function matrixToPose(m: ArrayLike<number>): [number, number, number, number, number, number] {
  const s = Math.hypot(m[0], m[4], m[8]);
  const r = (row: number, col: number) => m[row * 4 + col] / s;
  const ry = Math.asin(Math.max(-1, Math.min(1, -r(2, 0))));
  const rx = Math.atan2(r(2, 1), r(2, 2));
  const rz = Math.atan2(r(1, 0), r(0, 0));
  const toDeg = 180 / Math.PI;
  return [rx * toDeg, ry * toDeg, rz * toDeg, m[3], m[7], m[11]];
}
