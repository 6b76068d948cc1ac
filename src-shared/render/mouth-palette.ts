import { LOWER_LIP_BODY, MOUTH_CORNERS, NOSE_TIP, CHIN_BOTTOM, UPPER_LIP_BODY } from '../face/landmark-regions.js';
import type { RgbaImage } from './rgba-image.js';

type Rgb = readonly [number, number, number];

/** The synthesized mouth's colours at full light (mouth-interior.ts scales them by mouthLight). */
export interface MouthPalette {
  readonly cavityDeep: Rgb;
  readonly cavityEdge: Rgb;
  readonly teeth: Rgb;
  readonly tongue: Rgb;
}

/** The colours as drawn for a bright photo with saturated, rosy lips (REFERENCE_LIP). */
export const DEFAULT_MOUTH_PALETTE: MouthPalette = {
  cavityDeep: [34, 8, 12],
  cavityEdge: [92, 34, 38],
  teeth: [242, 238, 230],
  tongue: [168, 72, 78],
};
/** Lips of the photos the default palette was drawn for. */
const REFERENCE_LIP: Rgb = [196, 112, 112];
/** How far a channel's gain may go (a photo with odd lips, e.g. painted blue, keeps a mouth). */
const GAIN_RANGE = [0.35, 2.5] as const;
/** How much of the photo's white balance the teeth take (they are not pure reflectors). */
const TEETH_TINT = 0.7;

/**
 * The mouth's colours in the photo's own grade: the cavity and tongue take the hue and saturation
 * of the photo's lips relative to REFERENCE_LIP (a desaturated photo gets a grey-red mouth, a cool
 * one a cooler mouth), the teeth the colour of the lower face's highlights (its white balance).
 * Brightness stays with mouthLight. Measured once on the photo as cropped for the output
 * (`landmarksPx`: rest landmarks, [x, y]).
 */
export function mouthPalette(photo: RgbaImage, landmarksPx: ArrayLike<number>): MouthPalette {
  const lip = meanAround(photo, landmarksPx, [...UPPER_LIP_BODY, ...LOWER_LIP_BODY], 1);
  if (!lip) return DEFAULT_MOUTH_PALETTE;
  const lipGain = normalisedGain(lip, REFERENCE_LIP);
  const { white, blackLevel } = lowerFaceTones(photo, landmarksPx);
  const whiteGain = white ? normalisedGain(white, [1, 1, 1]) : ([1, 1, 1] as const);
  const teethGain = whiteGain.map((g) => 1 + (g - 1) * TEETH_TINT) as unknown as Rgb;
  // A photo with lifted blacks (low contrast, haze) lifts the cavity's darks alike.
  const lift = (v: number) => blackLevel + v * (1 - blackLevel / 255);
  const apply = (colour: Rgb, gain: Rgb): Rgb => colour.map((v, c) => Math.min(255, lift(v * gain[c]))) as unknown as Rgb;
  const { cavityDeep, cavityEdge, teeth, tongue } = DEFAULT_MOUTH_PALETTE;
  return { cavityDeep: apply(cavityDeep, lipGain), cavityEdge: apply(cavityEdge, lipGain), tongue: apply(tongue, lipGain), teeth: apply(teeth, teethGain) };
}

/** colour / reference per channel, scaled so that its luma is 1, each channel within GAIN_RANGE. */
function normalisedGain(colour: Rgb, reference: Rgb): Rgb {
  const raw = colour.map((v, c) => Math.max(1e-3, v) / Math.max(1e-3, reference[c]));
  const luma = 0.299 * raw[0] + 0.587 * raw[1] + 0.114 * raw[2];
  return raw.map((g) => Math.min(GAIN_RANGE[1], Math.max(GAIN_RANGE[0], g / luma))) as unknown as Rgb;
}

/** Mean colour of the pixels within `radiusPx` of the landmarks, or undefined when none is inside the photo. */
function meanAround(photo: RgbaImage, landmarksPx: ArrayLike<number>, ids: readonly number[], radiusPx: number): Rgb | undefined {
  const sum = [0, 0, 0];
  let count = 0;
  for (const i of ids) {
    const cx = Math.round(landmarksPx[i * 2]);
    const cy = Math.round(landmarksPx[i * 2 + 1]);
    for (let y = cy - radiusPx; y <= cy + radiusPx; y++) {
      for (let x = cx - radiusPx; x <= cx + radiusPx; x++) {
        if (x < 0 || y < 0 || x >= photo.widthPx || y >= photo.heightPx) continue;
        const o = (y * photo.widthPx + x) * 4;
        for (let c = 0; c < 3; c++) sum[c] += photo.data[o + c];
        count++;
      }
    }
  }
  return count === 0 ? undefined : (sum.map((v) => v / count) as unknown as Rgb);
}

/**
 * Of the lower face (nose tip to chin, a little wider than the mouth): the mean colour of its
 * brightest 5 % (the photo's white) and the luma of its darkest 2 % (its black level, nostrils and
 * lip line), the latter less a margin, as real shadows go below what a small region shows.
 */
function lowerFaceTones(photo: RgbaImage, landmarksPx: ArrayLike<number>): { white: Rgb | undefined; blackLevel: number } {
  const [left, right] = MOUTH_CORNERS.map((i) => landmarksPx[i * 2]);
  const margin = Math.abs(right - left) * 0.25;
  const x0 = Math.max(0, Math.round(Math.min(left, right) - margin));
  const x1 = Math.min(photo.widthPx - 1, Math.round(Math.max(left, right) + margin));
  const y0 = Math.max(0, Math.round(landmarksPx[NOSE_TIP * 2 + 1]));
  const y1 = Math.min(photo.heightPx - 1, Math.round(landmarksPx[CHIN_BOTTOM * 2 + 1]));
  const pixels: { luma: number; o: number }[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const o = (y * photo.widthPx + x) * 4;
      pixels.push({ luma: photo.data[o] * 0.299 + photo.data[o + 1] * 0.587 + photo.data[o + 2] * 0.114, o });
    }
  }
  if (pixels.length === 0) return { white: undefined, blackLevel: 0 };
  pixels.sort((a, b) => b.luma - a.luma);
  const top = pixels.slice(0, Math.max(1, Math.round(pixels.length * 0.05)));
  const sum = [0, 0, 0];
  for (const { o } of top) for (let c = 0; c < 3; c++) sum[c] += photo.data[o + c] / top.length;
  const dark = pixels[Math.min(pixels.length - 1, Math.round(pixels.length * 0.98))].luma;
  return { white: sum as unknown as Rgb, blackLevel: Math.max(0, dark * 0.6 - 12) };
}
