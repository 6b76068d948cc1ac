import type { RgbaImage } from './rgba-image.js';
import { createRgbaImage } from './rgba-image.js';

/** Matte values at or below this are background, at or above 255 - this the person (no faint veil over the background). */
const MATTE_FLOOR = 8;
/** The hole left in the background plate reaches this far (px) past the matte, so no hair colour bleeds into the fill. */
export const PLATE_HOLE_MARGIN_PX = 4;

/**
 * The two layers of a photo for the warp: a still background plate (the photo with the person
 * cut out and the hole filled from around it) and the person layer (the person's own colour,
 * its matte in the alpha channel). Composited as plate + (person - plate) * alpha, the two give
 * the photo back; the person layer is what the mesh warps.
 */
export interface PersonLayers {
  readonly plate: RgbaImage;
  readonly person: RgbaImage;
  /** 1 where the plate was filled (the dilated matte), 0 where it is the photo. */
  readonly hole: Uint8Array;
}

/** The matte (one byte a pixel, the photo's size) with faint values cut off (MATTE_FLOOR). */
export function cleanMatte(matte: Uint8Array): Uint8Array {
  const out = new Uint8Array(matte.length);
  for (let i = 0; i < matte.length; i++) {
    const a = matte[i];
    out[i] = a <= MATTE_FLOOR ? 0 : a >= 255 - MATTE_FLOOR ? 255 : Math.round(((a - MATTE_FLOOR) * 255) / (255 - 2 * MATTE_FLOOR));
  }
  return out;
}

/** Pixels within `radiusPx` (chessboard distance) of a non-zero matte pixel. */
export function dilate(matte: Uint8Array, widthPx: number, heightPx: number, radiusPx: number): Uint8Array {
  // Separable: rows, then columns, each a running count of set pixels in the window.
  const rows = new Uint8Array(matte.length);
  for (let y = 0; y < heightPx; y++) {
    let count = 0;
    const base = y * widthPx;
    for (let x = 0; x < Math.min(widthPx, radiusPx); x++) count += matte[base + x] > 0 ? 1 : 0;
    for (let x = 0; x < widthPx; x++) {
      if (x + radiusPx < widthPx && matte[base + x + radiusPx] > 0) count++;
      if (x - radiusPx - 1 >= 0 && matte[base + x - radiusPx - 1] > 0) count--;
      rows[base + x] = count > 0 ? 1 : 0;
    }
  }
  const out = new Uint8Array(matte.length);
  for (let x = 0; x < widthPx; x++) {
    let count = 0;
    for (let y = 0; y < Math.min(heightPx, radiusPx); y++) count += rows[y * widthPx + x];
    for (let y = 0; y < heightPx; y++) {
      if (y + radiusPx < heightPx) count += rows[(y + radiusPx) * widthPx + x];
      if (y - radiusPx - 1 >= 0) count -= rows[(y - radiusPx - 1) * widthPx + x];
      out[y * widthPx + x] = count > 0 ? 1 : 0;
    }
  }
  return out;
}

/**
 * Splits `photo` by `matte` (cleanMatte'd, the photo's size). The plate's hole (the matte dilated
 * by PLATE_HOLE_MARGIN_PX) is filled by push-pull: the known pixels are averaged down a pyramid
 * and the hole takes the coarsest levels' smooth colour, so what a turning head uncovers looks
 * like the background around it. The person layer holds the foreground colour F that gives the
 * photo back over the plate: I = P + (F - P) a; where F would leave 0..255 alpha is raised.
 */
export function personLayers(photo: RgbaImage, matte: Uint8Array): PersonLayers {
  const { widthPx: W, heightPx: H } = photo;
  if (matte.length !== W * H) throw new Error(`the person matte has ${matte.length} pixels, the photo ${W}x${H}`);
  const hole = dilate(matte, W, H, PLATE_HOLE_MARGIN_PX);
  const plate = pushPullFill(photo, hole);
  const person = createRgbaImage(W, H);
  const I = photo.data;
  const P = plate.data;
  const F = person.data;
  for (let p = 0; p < W * H; p++) {
    const o = p * 4;
    let a = matte[p];
    if (a < 255 && hole[p]) {
      // Where the photo is further from the plate than this alpha allows (F would leave 0..255),
      // the pixel is more person than the matte says: raise alpha just enough. (In the hole even
      // a pixel the matte calls background: the fill is not the photo there.)
      let needed = 0;
      for (let c = 0; c < 3; c++) {
        const i = I[o + c];
        const b = P[o + c];
        if (i > b) needed = Math.max(needed, (i - b) / (255 - b));
        else if (i < b) needed = Math.max(needed, (b - i) / b);
      }
      a = Math.min(255, Math.max(a, Math.ceil(needed * 255)));
    }
    F[o + 3] = a;
    const k = a / 255;
    for (let c = 0; c < 3; c++) F[o + c] = a === 0 || a === 255 ? I[o + c] : Math.max(0, Math.min(255, Math.round((I[o + c] - (1 - k) * P[o + c]) / k)));
  }
  return { plate, person, hole };
}

/** The image with the `hole` pixels filled from the others by push-pull (weighted pyramid). */
function pushPullFill(image: RgbaImage, hole: Uint8Array): RgbaImage {
  const { widthPx: W, heightPx: H } = image;
  // Level 0: premultiplied colour and weight per pixel.
  type Level = { w: number; h: number; rgb: Float32Array; weight: Float32Array };
  const base: Level = { w: W, h: H, rgb: new Float32Array(W * H * 3), weight: new Float32Array(W * H) };
  for (let p = 0; p < W * H; p++) {
    if (hole[p]) continue;
    base.weight[p] = 1;
    for (let c = 0; c < 3; c++) base.rgb[p * 3 + c] = image.data[p * 4 + c];
  }
  const levels: Level[] = [base];
  while (levels[levels.length - 1].w > 1 || levels[levels.length - 1].h > 1) {
    const fine = levels[levels.length - 1];
    const w = Math.max(1, Math.ceil(fine.w / 2));
    const h = Math.max(1, Math.ceil(fine.h / 2));
    const coarse: Level = { w, h, rgb: new Float32Array(w * h * 3), weight: new Float32Array(w * h) };
    for (let y = 0; y < fine.h; y++) {
      for (let x = 0; x < fine.w; x++) {
        const f = y * fine.w + x;
        const q = (y >> 1) * w + (x >> 1);
        coarse.weight[q] += fine.weight[f];
        for (let c = 0; c < 3; c++) coarse.rgb[q * 3 + c] += fine.rgb[f * 3 + c];
      }
    }
    // At most weight 1 (premultiplied colour and its confidence).
    for (let q = 0; q < w * h; q++) {
      const weight = coarse.weight[q];
      if (weight > 1) {
        for (let c = 0; c < 3; c++) coarse.rgb[q * 3 + c] /= weight;
        coarse.weight[q] = 1;
      }
    }
    levels.push(coarse);
  }
  // Pull: each level's missing weight is made up by the coarser level, sampled bilinearly.
  for (let l = levels.length - 2; l >= 0; l--) {
    const fine = levels[l];
    const coarse = levels[l + 1];
    for (let y = 0; y < fine.h; y++) {
      const cy = Math.min(coarse.h - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
      const y0 = Math.floor(cy);
      const y1 = Math.min(coarse.h - 1, y0 + 1);
      const fy = cy - y0;
      for (let x = 0; x < fine.w; x++) {
        const f = y * fine.w + x;
        const missing = 1 - Math.min(1, fine.weight[f]);
        if (missing <= 0) continue;
        const cx = Math.min(coarse.w - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
        const x0 = Math.floor(cx);
        const x1 = Math.min(coarse.w - 1, x0 + 1);
        const fx = cx - x0;
        const corners = [y0 * coarse.w + x0, y0 * coarse.w + x1, y1 * coarse.w + x0, y1 * coarse.w + x1];
        const weights = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy];
        let total = 0;
        const rgb = [0, 0, 0];
        for (let k = 0; k < 4; k++) {
          const w = weights[k] * coarse.weight[corners[k]];
          total += w;
          for (let c = 0; c < 3; c++) rgb[c] += weights[k] * coarse.rgb[corners[k] * 3 + c];
        }
        if (total <= 0) continue;
        // Premultiplied colour: the coarse level's mean colour makes up the missing weight.
        for (let c = 0; c < 3; c++) fine.rgb[f * 3 + c] += (rgb[c] / total) * missing;
        fine.weight[f] = 1;
      }
    }
  }
  const out = createRgbaImage(W, H);
  out.data.set(image.data);
  for (let p = 0; p < W * H; p++) {
    if (!hole[p]) continue;
    for (let c = 0; c < 3; c++) out.data[p * 4 + c] = Math.max(0, Math.min(255, Math.round(base.rgb[p * 3 + c])));
    out.data[p * 4 + 3] = 255;
  }
  return out;
}

/**
 * Composites the warped person layer in `frame` (its alpha the warped matte) over the still
 * plate, in place, opaque: (person a + plate (255 - a) + 128) / 255 exactly rounded, the formula of
 * the SIMD kernel (wasm/composite-over-plate.wat); this is its scalar twin, from pixel `from` on.
 */
export function compositeOverPlate(frame: RgbaImage, plate: RgbaImage, from = 0): void {
  const target = frame.pixels;
  const under = plate.pixels;
  for (let p = from; p < target.length; p++) {
    const top = target[p];
    const a = top >>> 24;
    const bottom = under[p];
    let out = 0xff000000;
    for (let shift = 0; shift < 24; shift += 8) {
      const sum = ((top >>> shift) & 0xff) * a + ((bottom >>> shift) & 0xff) * (255 - a) + 128;
      out |= ((sum + (sum >>> 8)) >>> 8) << shift;
    }
    target[p] = out >>> 0;
  }
}
