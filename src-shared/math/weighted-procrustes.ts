import { symmetricEigen } from './symmetric-eigen.js';

/**
 * Weighted similarity transform (scale, rotation, translation) that best maps `source` points onto
 * `target` points: minimises sum w_i |s R src_i + t - tgt_i|^2 (Umeyama; MediaPipe's
 * SolveWeightedOrthogonalProblem). The rotation comes from Horn's quaternion method, which always
 * yields a proper rotation. Points are x, y, z triples; only points with weight > 0 matter.
 * Returns the row-major 4x4 [s R | t].
 */
export function weightedProcrustes(source: ArrayLike<number>, target: ArrayLike<number>, weights: ArrayLike<number>): Float64Array {
  const count = weights.length;
  let wSum = 0;
  const cs = [0, 0, 0];
  const ct = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (!(w > 0)) continue;
    wSum += w;
    for (let k = 0; k < 3; k++) {
      cs[k] += w * source[i * 3 + k];
      ct[k] += w * target[i * 3 + k];
    }
  }
  if (!(wSum > 0)) throw new Error('weightedProcrustes: no positive weights');
  for (let k = 0; k < 3; k++) {
    cs[k] /= wSum;
    ct[k] /= wSum;
  }
  // Cross-covariance S[a][b] = sum w src_a tgt_b (centred), and the source's spread.
  const S = new Float64Array(9);
  let spread = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i];
    if (!(w > 0)) continue;
    const sx = source[i * 3] - cs[0];
    const sy = source[i * 3 + 1] - cs[1];
    const sz = source[i * 3 + 2] - cs[2];
    const tx = target[i * 3] - ct[0];
    const ty = target[i * 3 + 1] - ct[1];
    const tz = target[i * 3 + 2] - ct[2];
    S[0] += w * sx * tx; S[1] += w * sx * ty; S[2] += w * sx * tz;
    S[3] += w * sy * tx; S[4] += w * sy * ty; S[5] += w * sy * tz;
    S[6] += w * sz * tx; S[7] += w * sz * ty; S[8] += w * sz * tz;
    spread += w * (sx * sx + sy * sy + sz * sz);
  }
  const [Sxx, Sxy, Sxz, Syx, Syy, Syz, Szx, Szy, Szz] = S;
  const N = [
    Sxx + Syy + Szz, Syz - Szy, Szx - Sxz, Sxy - Syx,
    Syz - Szy, Sxx - Syy - Szz, Sxy + Syx, Szx + Sxz,
    Szx - Sxz, Sxy + Syx, -Sxx + Syy - Szz, Syz + Szy,
    Sxy - Syx, Szx + Sxz, Syz + Szy, -Sxx - Syy + Szz,
  ];
  const { values, vectors } = symmetricEigen(N, 4);
  let best = 0;
  for (let k = 1; k < 4; k++) if (values[k] > values[best]) best = k;
  const [q0, qx, qy, qz] = [vectors[best], vectors[4 + best], vectors[8 + best], vectors[12 + best]];
  const R = [
    q0 * q0 + qx * qx - qy * qy - qz * qz, 2 * (qx * qy - q0 * qz), 2 * (qx * qz + q0 * qy),
    2 * (qy * qx + q0 * qz), q0 * q0 - qx * qx + qy * qy - qz * qz, 2 * (qy * qz - q0 * qx),
    2 * (qz * qx - q0 * qy), 2 * (qz * qy + q0 * qx), q0 * q0 - qx * qx - qy * qy + qz * qz,
  ];
  // s = sum w (R src_c) . tgt_c / sum w |src_c|^2 = trace(R S) / spread.
  let trace = 0;
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) trace += R[a * 3 + b] * S[b * 3 + a];
  const scale = trace / spread;
  const out = new Float64Array(16);
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) out[a * 4 + b] = scale * R[a * 3 + b];
    out[a * 4 + 3] = ct[a] - scale * (R[a * 3] * cs[0] + R[a * 3 + 1] * cs[1] + R[a * 3 + 2] * cs[2]);
  }
  out[15] = 1;
  return out;
}

/** Scale factor of a [s R | t] matrix: the length of its first column. */
export function similarityScale(m: ArrayLike<number>): number {
  return Math.hypot(m[0], m[4], m[8]);
}

/** Inverse of a similarity [s R | t]: [R^T / s | -R^T t / s]. */
export function invertSimilarity(m: ArrayLike<number>): Float64Array {
  const s2 = m[0] * m[0] + m[4] * m[4] + m[8] * m[8];
  const out = new Float64Array(16);
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) out[a * 4 + b] = m[b * 4 + a] / s2;
  for (let a = 0; a < 3; a++) out[a * 4 + 3] = -(out[a * 4] * m[3] + out[a * 4 + 1] * m[7] + out[a * 4 + 2] * m[11]);
  out[15] = 1;
  return out;
}
