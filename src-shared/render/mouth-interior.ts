import { LOWER_LIP_INNER, UPPER_LIP_INNER } from '../face/landmark-regions.js';
import { smoothstep } from '../math/smoothstep.js';
import type { RgbaImage } from './rgba-image.js';

/** Below this opening (px at the lips' middle) the lips touch and nothing is drawn. */
const MIN_OPENING_PX = 1.2;

const CAVITY_DEEP = [34, 8, 12] as const;
const CAVITY_EDGE = [92, 34, 38] as const;
const TEETH = [242, 238, 230] as const;
const TONGUE = [168, 72, 78] as const;

/**
 * Synthesizes the mouth interior between the inner lip contours instead of stretching the photo:
 * a shaded oral cavity, an upper-teeth band that follows the upper lip, a hint of lower teeth and
 * tongue. Anti-aliased against the lips, which keep their own (warped) texture. Where the photo's
 * own mouth is open, its warped interior shows until the frame opens wider than the photo, then
 * the synthesized one fades in. `landmarksPx` are the frame's projected landmarks ([x, y] each).
 */
export function paintMouthInterior(image: RgbaImage, landmarksPx: ArrayLike<number>, restOpeningPx = 0): void {
  const opening = landmarksPx[14 * 2 + 1] - landmarksPx[13 * 2 + 1];
  const rest = Math.max(0, restOpeningPx);
  const strength = smoothstep(opening, Math.max(MIN_OPENING_PX, rest * 0.9 + 0.5), rest * 1.4 + 3);
  if (!(opening > MIN_OPENING_PX) || strength <= 0) return;
  const upper = UPPER_LIP_INNER.map((i) => [landmarksPx[i * 2], landmarksPx[i * 2 + 1]] as const);
  const lower = LOWER_LIP_INNER.map((i) => [landmarksPx[i * 2], landmarksPx[i * 2 + 1]] as const);
  const left = upper[0];
  const right = upper[upper.length - 1];
  const widthPx = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const teethPx = Math.min(opening * 0.42, widthPx * 0.11);
  const lowerTeethPx = Math.max(0, Math.min(opening * 0.25, widthPx * 0.07) - 1);
  const { widthPx: W, heightPx: H, data } = image;
  const xStart = Math.max(0, Math.floor(Math.min(left[0], right[0])));
  const xEnd = Math.min(W - 1, Math.ceil(Math.max(left[0], right[0])));
  const centreX = (left[0] + right[0]) / 2;
  const rgb = new Float64Array(3);
  for (let x = xStart; x <= xEnd; x++) {
    const px = x + 0.5;
    const top = contourY(upper, px);
    const bottom = contourY(lower, px);
    const depth = bottom - top;
    if (depth <= 0) continue;
    // Horizontal anti-aliasing at the corners, vertical against the lips.
    const sideCoverage = Math.min(1, px - Math.min(left[0], right[0]), Math.max(left[0], right[0]) - px);
    const across = Math.min(1, Math.abs(px - centreX) / (widthPx / 2 + 1e-6)); // 0 centre, 1 corners
    const yStart = Math.max(0, Math.floor(top));
    const yEnd = Math.min(H - 1, Math.ceil(bottom));
    for (let y = yStart; y <= yEnd; y++) {
      const py = y + 0.5;
      const coverage = strength * Math.max(0, sideCoverage) * clamp01(py - top + 0.5) * clamp01(bottom - py + 0.5);
      if (coverage <= 0) continue;
      const t = (py - top) / depth; // 0 at the upper lip, 1 at the lower lip
      // Cavity: dark in the middle, lighter near the lips and darker towards the corners.
      const rim = Math.max(0, 1 - Math.min(t, 1 - t) * 4);
      rgb.set(CAVITY_DEEP);
      mixInto(rgb, CAVITY_EDGE, 1, rim * 0.7 * (1 - across * 0.6));
      const tongue = ((px - centreX) / (widthPx * 0.32)) ** 2 + ((py - bottom) / (depth * 0.55)) ** 2;
      if (tongue < 1) mixInto(rgb, TONGUE, 1, Math.min(1, (1 - tongue) * 2.5) * 0.85 * (1 - across));
      const fromTop = py - top;
      if (fromTop < teethPx) {
        // Teeth: bright and flat, greying into the shadow of the corners, soft lower edge.
        mixInto(rgb, TEETH, 1 - across ** 3 * 0.55, clamp01((teethPx - fromTop) * 0.9) * (1 - across ** 4));
      }
      const fromBottom = bottom - py;
      if (fromBottom < lowerTeethPx) mixInto(rgb, TEETH, 0.82, clamp01(lowerTeethPx - fromBottom) * 0.5 * (1 - across));
      const o = (y * W + x) * 4;
      data[o] = data[o] + (rgb[0] - data[o]) * coverage;
      data[o + 1] = data[o + 1] + (rgb[1] - data[o + 1]) * coverage;
      data[o + 2] = data[o + 2] + (rgb[2] - data[o + 2]) * coverage;
    }
  }
}

/** y of a left-to-right contour at x (linear between its points, clamped at the ends). */
function contourY(contour: readonly (readonly [number, number])[], x: number): number {
  if (x <= contour[0][0]) return contour[0][1];
  for (let k = 1; k < contour.length; k++) {
    const [ax, ay] = contour[k - 1];
    const [bx, by] = contour[k];
    if (x <= bx) return bx === ax ? by : ay + ((by - ay) * (x - ax)) / (bx - ax);
  }
  return contour[contour.length - 1][1];
}

/** rgb <- rgb + (colour * shade - rgb) * t, in place (the pixel loop allocates nothing). */
function mixInto(rgb: Float64Array, colour: readonly number[], shade: number, t: number): void {
  for (let c = 0; c < 3; c++) rgb[c] += (colour[c] * shade - rgb[c]) * t;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

