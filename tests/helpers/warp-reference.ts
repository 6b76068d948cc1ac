import type { RgbaImage } from '../../src-shared/render/rgba-image.js';
import type { WarpBounds } from '../../src-shared/render/triangle-setup.js';
import { TRIANGLE_RECORD_F64, maxFixedCoordinate, writeTriangleRecord } from '../../src-shared/render/triangle-setup.js';

/**
 * The warp kernel (wasm/warp-triangles.wat) in plain TypeScript: the same record, the same f64
 * span arithmetic, the scalar two-channels-per-word bilinear fill the renderer used before SIMD.
 * The SIMD kernel must match it bit for bit.
 */
export function referenceWarpTriangle(source: RgbaImage, target: RgbaImage, s: ArrayLike<number>, d: ArrayLike<number>): void {
  const bounds: WarpBounds = { sourceWidthPx: source.widthPx, sourceHeightPx: source.heightPx, targetWidthPx: target.widthPx, targetHeightPx: target.heightPx };
  const r = new Float64Array(TRIANGLE_RECORD_F64);
  if (!writeTriangleRecord(bounds, s, d, r, 0)) return;
  const src = source.pixels;
  const out = target.pixels;
  const SW = source.widthPx;
  const maxU = maxFixedCoordinate(source.widthPx);
  const maxV = maxFixedCoordinate(source.heightPx);
  for (let y = r[0]; y <= r[1]; y++) {
    const py = y + 0.5;
    let from = r[2];
    let to = r[3];
    let outside = false;
    for (const e of [4, 7, 10]) {
      const edge = r[e + 1] * py + r[e + 2];
      if (r[e] > 0) from = Math.max(from, Math.ceil(edge));
      else if (r[e] < 0) to = Math.min(to, Math.floor(edge));
      else if (edge < 0) outside = true;
    }
    if (outside || !(from <= to)) continue;
    const u = Math.floor(r[13] + r[15] * from + r[16] * py + 0.5);
    const v = Math.floor(r[14] + r[17] * from + r[18] * py + 0.5);
    const uEnd = u + r[19] * (to - from);
    const vEnd = v + r[20] * (to - from);
    const clamp = u < 0 || u > maxU || uEnd < 0 || uEnd > maxU || v < 0 || v > maxV || vEnd < 0 || vEnd > maxV;
    let fxU = u;
    let fxV = v;
    for (let o = y * target.widthPx + from; o <= y * target.widthPx + to; o++) {
      let cu = fxU;
      let cv = fxV;
      if (clamp) {
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
      const topRb = (((p00 & 0xff00ff) * gu + (p10 & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      const topAg = ((((p00 >>> 8) & 0xff00ff) * gu + ((p10 >>> 8) & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      const bottomRb = (((p01 & 0xff00ff) * gu + (p11 & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      const bottomAg = ((((p01 >>> 8) & 0xff00ff) * gu + ((p11 >>> 8) & 0xff00ff) * fu) >>> 8) & 0xff00ff;
      out[o] = (((topRb * gv + bottomRb * fv) >>> 8) & 0xff00ff) | ((((topAg * gv + bottomAg * fv) >>> 8) & 0xff00ff) << 8);
      fxU += r[19];
      fxV += r[20];
    }
  }
}
