import type { RgbaImage } from './rgba-image.js';

const FIXED = 65536;

/**
 * Fills destination triangle (d0, d1, d2) with the source triangle (s0, s1, s2) mapped by the
 * affine transform between them, sampling the source bilinearly. Pixel centres decide coverage
 * with a top-left rule, so triangles sharing an edge leave neither gaps nor double pixels, and
 * the mapping is continuous across the edge (no seams). Coordinates are pixels, y down.
 * The inner loop runs in 16.16 fixed point and blends two channels per 32-bit operation.
 */
export function warpTriangle(source: RgbaImage, target: RgbaImage, s: ArrayLike<number>, d: ArrayLike<number>): void {
  const dx0 = d[0];
  const dy0 = d[1];
  const dx1 = d[2];
  const dy1 = d[3];
  const dx2 = d[4];
  const dy2 = d[5];
  const area = (dx1 - dx0) * (dy2 - dy0) - (dx2 - dx0) * (dy1 - dy0);
  if (Math.abs(area) < 1e-6) return;
  // Affine map destination -> source via barycentric coordinates.
  const inv = 1 / area;
  const l1x = (dy2 - dy0) * inv;
  const l1y = -(dx2 - dx0) * inv;
  const l2x = -(dy1 - dy0) * inv;
  const l2y = (dx1 - dx0) * inv;
  const ux = (s[2] - s[0]) * l1x + (s[4] - s[0]) * l2x;
  const uy = (s[2] - s[0]) * l1y + (s[4] - s[0]) * l2y;
  const vx = (s[3] - s[1]) * l1x + (s[5] - s[1]) * l2x;
  const vy = (s[3] - s[1]) * l1y + (s[5] - s[1]) * l2y;

  const W = target.widthPx;
  const H = target.heightPx;
  const SW = source.widthPx;
  const minY = Math.max(0, Math.floor(Math.min(dy0, dy1, dy2)));
  const maxY = Math.min(H - 1, Math.ceil(Math.max(dy0, dy1, dy2)));
  const minX = Math.max(0, Math.floor(Math.min(dx0, dx1, dx2)));
  const maxX = Math.min(W - 1, Math.ceil(Math.max(dx0, dx1, dx2)));
  // Edge functions a x + b y + c, oriented so that inside is >= 0 whatever the winding. Pixels
  // exactly on a right or bottom edge belong to the neighbour (top-left rule).
  const sign = area > 0 ? 1 : -1;
  const ea0 = (dy1 - dy2) * sign;
  const eb0 = (dx2 - dx1) * sign;
  const ec0 = (dx1 * dy2 - dy1 * dx2) * sign - (ea0 > 0 || (ea0 === 0 && eb0 > 0) ? 0 : 1e-9);
  const ea1 = (dy2 - dy0) * sign;
  const eb1 = (dx0 - dx2) * sign;
  const ec1 = (dx2 * dy0 - dy2 * dx0) * sign - (ea1 > 0 || (ea1 === 0 && eb1 > 0) ? 0 : 1e-9);
  const ea2 = (dy0 - dy1) * sign;
  const eb2 = (dx1 - dx0) * sign;
  const ec2 = (dx0 * dy1 - dy0 * dx1) * sign - (ea2 > 0 || (ea2 === 0 && eb2 > 0) ? 0 : 1e-9);
  const maxU = (source.widthPx - 1.001) * FIXED;
  const maxV = (source.heightPx - 1.001) * FIXED;
  const stepU = Math.round(ux * FIXED);
  const stepV = Math.round(vx * FIXED);
  const src = source.pixels;
  const out = target.pixels;
  for (let y = minY; y <= maxY; y++) {
    const py = y + 0.5;
    // The row's span: where all three edge functions are >= 0 at pixel centres.
    let from = minX;
    let to = maxX;
    const r0 = eb0 * py + ec0;
    const r1 = eb1 * py + ec1;
    const r2 = eb2 * py + ec2;
    if (ea0 > 0) from = Math.max(from, Math.ceil(-r0 / ea0 - 0.5));
    else if (ea0 < 0) to = Math.min(to, Math.floor(-r0 / ea0 - 0.5));
    else if (r0 < 0) continue;
    if (ea1 > 0) from = Math.max(from, Math.ceil(-r1 / ea1 - 0.5));
    else if (ea1 < 0) to = Math.min(to, Math.floor(-r1 / ea1 - 0.5));
    else if (r1 < 0) continue;
    if (ea2 > 0) from = Math.max(from, Math.ceil(-r2 / ea2 - 0.5));
    else if (ea2 < 0) to = Math.min(to, Math.floor(-r2 / ea2 - 0.5));
    else if (r2 < 0) continue;
    if (from > to) continue;
    let fxU = Math.round((s[0] + ux * (from + 0.5 - dx0) + uy * (py - dy0) - 0.5) * FIXED);
    let fxV = Math.round((s[1] + vx * (from + 0.5 - dx0) + vy * (py - dy0) - 0.5) * FIXED);
    const endU = fxU + stepU * (to - from);
    const endV = fxV + stepV * (to - from);
    const clampNeeded = fxU < 0 || fxU > maxU || endU < 0 || endU > maxU || fxV < 0 || fxV > maxV || endV < 0 || endV > maxV;
    let o = y * W + from;
    for (let x = from; x <= to; x++) {
      let cu = fxU;
      let cv = fxV;
      if (clampNeeded) {
        cu = cu < 0 ? 0 : cu > maxU ? maxU : cu;
        cv = cv < 0 ? 0 : cv > maxV ? maxV : cv;
      }
      const fu = (cu >> 8) & 255;
      const fv = (cv >> 8) & 255;
      const gu = 256 - fu;
      const gv = 256 - fv;
      const i = (cv >> 16) * SW + (cu >> 16);
      const p00 = src[i];
      const p10 = src[i + 1];
      const p01 = src[i + SW];
      const p11 = src[i + SW + 1];
      // Red+blue and green+alpha lanes, each 8 bits with 8 bits of headroom.
      const topRb = (((p00 & 0xff00ff) * gu + (p10 & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      const topAg = ((((p00 >>> 8) & 0xff00ff) * gu + ((p10 >>> 8) & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      const bottomRb = (((p01 & 0xff00ff) * gu + (p11 & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      const bottomAg = ((((p01 >>> 8) & 0xff00ff) * gu + ((p11 >>> 8) & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      out[o++] = (((topRb * gv + bottomRb * fv) >>> 8) & 0xff00ff) | ((((topAg * gv + bottomAg * fv) >>> 8) & 0xff00ff) << 8);
      fxU += stepU;
      fxV += stepV;
    }
  }
}
