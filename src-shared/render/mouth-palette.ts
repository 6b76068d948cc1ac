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
  const white = highlightColour(photo, landmarksPx);
  const blackLevel = photoBlackLevel(photo);
  const whiteGain = white ? normalisedGain(white, [1, 1, 1]) : ([1, 1, 1] as const);
  const teethGain = whiteGain.map((g) => 1 + (g - 1) * TEETH_TINT) as unknown as Rgb;
  // A photo with lifted blacks (low contrast, haze) lifts the cavity's darks alike.
  const lift = (v: number) => blackLevel + v * (1 - blackLevel / 255);
  // The gain carries the lips' hue; their saturation (relative to the reference's) scales the
  // colours' chroma too, so a nearly grey photo gets a nearly grey mouth.
  const chromaScale = Math.sqrt(Math.min(1.2, Math.max(0.02, saturation(lip) / saturation(REFERENCE_LIP))));
  const apply = (colour: Rgb, gain: Rgb, scale: number): Rgb => {
    const tinted = colour.map((v, c) => v * gain[c]);
    const luma = 0.299 * tinted[0] + 0.587 * tinted[1] + 0.114 * tinted[2];
    return tinted.map((v) => Math.max(0, Math.min(255, lift(luma + (v - luma) * scale)))) as unknown as Rgb;
  };
  const { cavityDeep, cavityEdge, teeth, tongue } = DEFAULT_MOUTH_PALETTE;
  return {
    cavityDeep: apply(cavityDeep, lipGain, chromaScale),
    cavityEdge: apply(cavityEdge, lipGain, chromaScale),
    tongue: apply(tongue, lipGain, chromaScale),
    teeth: apply(teeth, teethGain, 1),
  };
}

/** (max - min) / max of a colour: 0 grey, 1 fully saturated. */
function saturation(colour: Rgb): number {
  const max = Math.max(...colour);
  return max <= 0 ? 0 : (max - Math.min(...colour)) / max;
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
 * The photo's black level: the luma of its darkest 1 % (hair, clothes, shadows), less a margin
 * (a deep mouth is darker than anything lit). 0 for a photo with true blacks; a hazy or
 * low-contrast one has lifted blacks, and its mouth should too.
 */
function photoBlackLevel(photo: RgbaImage): number {
  const histogram = new Uint32Array(256);
  const { data } = photo;
  for (let o = 0; o < data.length; o += 4) histogram[(data[o] * 77 + data[o + 1] * 150 + data[o + 2] * 29) >> 8]++;
  let below = 0;
  let luma = 0;
  while (luma < 255 && below + histogram[luma] < (data.length / 4) * 0.01) below += histogram[luma++];
  return Math.max(0, luma * 0.8 - 8);
}

/** Mean colour of the brightest 5 % of the lower face (nose tip to chin, a little wider than the mouth): the photo's white. */
function highlightColour(photo: RgbaImage, landmarksPx: ArrayLike<number>): Rgb | undefined {
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
  if (pixels.length === 0) return undefined;
  pixels.sort((a, b) => b.luma - a.luma);
  const top = pixels.slice(0, Math.max(1, Math.round(pixels.length * 0.05)));
  const sum = [0, 0, 0];
  for (const { o } of top) for (let c = 0; c < 3; c++) sum[c] += photo.data[o + c] / top.length;
  return sum as unknown as Rgb;
}
