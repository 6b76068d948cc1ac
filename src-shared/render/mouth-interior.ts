import { LOWER_LIP_INNER, LOWER_LIP_INNER_MID, UPPER_LIP_INNER, UPPER_LIP_INNER_MID } from '../face/landmark-regions.js';
import { smoothstep } from '../math/smoothstep.js';
import type { MouthPalette } from './mouth-palette.js';
import { DEFAULT_MOUTH_PALETTE } from './mouth-palette.js';
import type { RgbaImage } from './rgba-image.js';

/** Below this opening (px at the lips' middle) the lips touch and nothing is drawn. */
const MIN_OPENING_PX = 1.2;
/** The teeth's free edge fades from this fraction of their height to the next (soft, not a band). */
const TEETH_EDGE_START = 0.55;
const TEETH_EDGE_END = 1.15;


/**
 * Synthesizes the mouth interior between the inner lip contours instead of stretching the photo:
 * a shaded oral cavity, an upper-teeth band that follows the upper lip, a hint of lower teeth and
 * tongue. Anti-aliased against the lips, which keep their own (warped) texture. Where the photo's
 * own mouth is open, its warped interior shows until the frame opens wider than the photo, then
 * the synthesized one fades in. `landmarksPx` are the frame's projected landmarks ([x, y] each);
 * `light` (0..1, mouth-light.ts) dims the colours to the photo's lighting; `palette`
 * (mouth-palette.ts) gives them the photo's hue and saturation.
 */
export function paintMouthInterior(image: RgbaImage, landmarksPx: ArrayLike<number>, restOpeningPx = 0, light = 1, palette: MouthPalette = DEFAULT_MOUTH_PALETTE): void {
  const opening = lipOpeningPx(landmarksPx);
  const rest = Math.max(0, restOpeningPx);
  const strength = smoothstep(opening, Math.max(MIN_OPENING_PX, rest * 0.9 + 0.5), rest * 1.4 + 3);
  if (!(opening > MIN_OPENING_PX) || strength <= 0) return;
  const upper = UPPER_LIP_INNER.map((i) => [landmarksPx[i * 2], landmarksPx[i * 2 + 1]] as const);
  const left = upper[0];
  const right = upper[upper.length - 1];
  // The lower inner contour ends short of the corners: closing it there makes the opening an
  // almond that narrows into the corners between the lips, not a slot with upright ends.
  const lower = [left, ...LOWER_LIP_INNER.map((i) => [landmarksPx[i * 2], landmarksPx[i * 2 + 1]] as const), right];
  const widthPx = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const teethPx = Math.min(opening * 0.42, widthPx * 0.11);
  const lowerTeethPx = Math.max(0, Math.min(opening * 0.25, widthPx * 0.07) - 1);
  const { widthPx: W, heightPx: H, data } = image;
  const [deepR, deepG, deepB] = palette.cavityDeep.map((v) => v * light);
  const [edgeR, edgeG, edgeB] = palette.cavityEdge.map((v) => v * light);
  const [teethR, teethG, teethB] = palette.teeth.map((v) => v * light);
  const [tongueR, tongueG, tongueB] = palette.tongue.map((v) => v * light);
  const xStart = Math.max(0, Math.floor(Math.min(left[0], right[0])));
  const xEnd = Math.min(W - 1, Math.ceil(Math.max(left[0], right[0])));
  const centreX = (left[0] + right[0]) / 2;
  for (let x = xStart; x <= xEnd; x++) {
    const px = x + 0.5;
    const top = contourY(upper, px);
    const bottom = contourY(lower, px);
    const depth = bottom - top;
    if (depth <= 0) continue;
    // Anti-aliasing against the lips by the distance across each contour (steep near the corners).
    const topAcross = 1 / Math.hypot(1, contourY(upper, px + 0.5) - contourY(upper, px - 0.5));
    const bottomAcross = 1 / Math.hypot(1, contourY(lower, px + 0.5) - contourY(lower, px - 0.5));
    // Horizontal anti-aliasing at the corners, vertical against the lips.
    const sideCoverage = Math.min(1, px - Math.min(left[0], right[0]), Math.max(left[0], right[0]) - px);
    const across = Math.min(1, Math.abs(px - centreX) / (widthPx / 2 + 1e-6)); // 0 centre, 1 corners
    // What depends on the column only: shading towards the corners, the tongue's width, the teeth's tone.
    const rimStrength = 0.7 * (1 - across * 0.6);
    const tongueX = ((px - centreX) / (widthPx * 0.32)) ** 2;
    const tongueStrength = 0.85 * (1 - across);
    const teethShade = 1 - across ** 3 * 0.55;
    const teethFade = 1 - smoothstep(across, 0.5, 0.97);
    const lowerTeethFade = 0.5 * (1 - across);
    const yStart = Math.max(0, Math.floor(top));
    const yEnd = Math.min(H - 1, Math.ceil(bottom));
    for (let y = yStart; y <= yEnd; y++) {
      const py = y + 0.5;
      const coverage = strength * Math.max(0, sideCoverage) * clamp01((py - top) * topAcross + 0.5) * clamp01((bottom - py) * bottomAcross + 0.5);
      if (coverage <= 0) continue;
      const t = (py - top) / depth; // 0 at the upper lip, 1 at the lower lip
      // Cavity: dark in the middle, lighter near the lips and darker towards the corners.
      const rim = Math.max(0, 1 - Math.min(t, 1 - t) * 4);
      const cavity = rim * rimStrength;
      let r = deepR + (edgeR - deepR) * cavity;
      let g = deepG + (edgeG - deepG) * cavity;
      let b = deepB + (edgeB - deepB) * cavity;
      const tongue = tongueX + ((py - bottom) / (depth * 0.55)) ** 2;
      if (tongue < 1) {
        const k = Math.min(1, (1 - tongue) * 2.5) * tongueStrength;
        r += (tongueR - r) * k;
        g += (tongueG - g) * k;
        b += (tongueB - b) * k;
      }
      const fromTop = py - top;
      if (fromTop < teethPx * TEETH_EDGE_END) {
        // Teeth: bright, greying into the shadow of the corners and of the upper lip; their lower
        // edge fades over about half their height (a hard band reads as a sticker).
        const k = (1 - smoothstep(fromTop, teethPx * TEETH_EDGE_START, teethPx * TEETH_EDGE_END)) * teethFade;
        const shade = teethShade * (0.8 + 0.2 * clamp01(fromTop / (teethPx * 0.5)));
        r += (teethR * shade - r) * k;
        g += (teethG * shade - g) * k;
        b += (teethB * shade - b) * k;
      }
      const fromBottom = bottom - py;
      if (fromBottom < lowerTeethPx * TEETH_EDGE_END) {
        const k = (1 - smoothstep(fromBottom, lowerTeethPx * TEETH_EDGE_START, lowerTeethPx * TEETH_EDGE_END)) * lowerTeethFade;
        r += (teethR * 0.82 - r) * k;
        g += (teethG * 0.82 - g) * k;
        b += (teethB * 0.82 - b) * k;
      }
      const o = (y * W + x) * 4;
      data[o] = data[o] + (r - data[o]) * coverage;
      data[o + 1] = data[o + 1] + (g - data[o + 1]) * coverage;
      data[o + 2] = data[o + 2] + (b - data[o + 2]) * coverage;
    }
  }
}

/** How far apart the inner lips are at the middle (px, downwards positive), of 2D landmarks ([x, y] each). */
export function lipOpeningPx(landmarksPx: ArrayLike<number>): number {
  return landmarksPx[LOWER_LIP_INNER_MID * 2 + 1] - landmarksPx[UPPER_LIP_INNER_MID * 2 + 1];
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

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

