import { CHIN_BOTTOM, MOUTH_CORNERS, NOSE_TIP } from '../face/landmark-regions.js';
import type { RgbaImage } from './rgba-image.js';

/**
 * Luma (BT.601) of the photo's lower-face highlights at which the mouth keeps its own colours:
 * the teeth's (mouth-interior.ts), so that the teeth come out as bright as those highlights.
 */
const FULL_LIGHT_LUMA = 238;
/** The darkest the synthesized mouth gets, as a share of its colours (a very dark photo). */
const MIN_LIGHT = 0.3;
/** Share of the lower face's pixels brighter than the highlight measured. */
const HIGHLIGHT_SHARE = 0.05;

/**
 * How bright the synthesized mouth may be in this photo, 0.3..1: the teeth come out about as bright
 * as the photo's own highlights on the lower face (nose tip, lips, chin, and its own teeth if they
 * show), where constant colours would glow in a dim photo. Only in a very dark photo are they
 * brighter: the 0.3 floor keeps them visible. The highlight, not the mean, so that dark skin in
 * good light keeps bright teeth. Measured once, on the photo as cropped for the output, between
 * the nose tip and the chin and a little wider than the mouth (`landmarksPx`: rest landmarks, [x, y]).
 */
export function mouthLight(photo: RgbaImage, landmarksPx: ArrayLike<number>): number {
  const [left, right] = MOUTH_CORNERS.map((i) => landmarksPx[i * 2]);
  const margin = Math.abs(right - left) * 0.25;
  const x0 = clampInt(Math.min(left, right) - margin, 0, photo.widthPx - 1);
  const x1 = clampInt(Math.max(left, right) + margin, 0, photo.widthPx - 1);
  const y0 = clampInt(landmarksPx[NOSE_TIP * 2 + 1], 0, photo.heightPx - 1);
  const y1 = clampInt(landmarksPx[CHIN_BOTTOM * 2 + 1], 0, photo.heightPx - 1);
  const histogram = new Uint32Array(256);
  let count = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0, o = (y * photo.widthPx + x0) * 4; x <= x1; x++, o += 4) {
      histogram[(photo.data[o] * 77 + photo.data[o + 1] * 150 + photo.data[o + 2] * 29) >> 8]++;
      count++;
    }
  }
  if (count === 0) return 1;
  let above = 0;
  let luma = 255;
  while (luma > 0 && above + histogram[luma] <= count * HIGHLIGHT_SHARE) above += histogram[luma--];
  return Math.min(1, Math.max(MIN_LIGHT, luma / FULL_LIGHT_LUMA));
}

function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(v)));
}
