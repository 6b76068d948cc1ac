import { weightedProcrustes } from '../math/weighted-procrustes.js';
import type { CanonicalFace } from './canonical-face-types.js';
import { MESH_VERTEX_COUNT } from './topology.js';

/**
 * Face-mesh models report depth in their own units (the crop's input size, not the image's).
 * MediaPipe's geometry pipeline wants depth on the scale of x. Rather than depend on a model's
 * crop internals, find the depth factor k for which the landmarks (x, y, k*z) best fit the rigid
 * canonical face: a golden-section search of the residual of a similarity fit.
 * `pointsPx` are mesh points (x px, y px, raw depth); returns k in pixels per raw depth unit.
 */
export function calibrateDepthScale(pointsPx: ArrayLike<number>, canonical: CanonicalFace): number {
  const uniform = new Float32Array(MESH_VERTEX_COUNT).fill(1);
  const candidate = new Float64Array(MESH_VERTEX_COUNT * 3);
  const residual = (logK: number): number => {
    const k = Math.exp(logK);
    for (let i = 0; i < MESH_VERTEX_COUNT; i++) {
      // Image y points down and depth grows away from the camera; canonical space is y up, z towards the viewer.
      candidate[i * 3] = pointsPx[i * 3];
      candidate[i * 3 + 1] = -pointsPx[i * 3 + 1];
      candidate[i * 3 + 2] = -k * pointsPx[i * 3 + 2];
    }
    const m = weightedProcrustes(canonical.positionsCm, candidate, uniform);
    let sum = 0;
    for (let i = 0; i < MESH_VERTEX_COUNT; i++) {
      const [cx, cy, cz] = [canonical.positionsCm[i * 3], canonical.positionsCm[i * 3 + 1], canonical.positionsCm[i * 3 + 2]];
      for (let a = 0; a < 3; a++) {
        const fitted = m[a * 4] * cx + m[a * 4 + 1] * cy + m[a * 4 + 2] * cz + m[a * 4 + 3];
        sum += (fitted - candidate[i * 3 + a]) ** 2;
      }
    }
    const scale2 = m[0] ** 2 + m[4] ** 2 + m[8] ** 2;
    return sum / scale2;
  };
  let lo = Math.log(0.02);
  let hi = Math.log(50);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = residual(a);
  let fb = residual(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = residual(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = residual(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
