import type { ResampleFilter } from '../render/resample-image.js';
import { resampleImage } from '../render/resample-image.js';

/** CLIPImageProcessor's normalisation (docs/aniportrait-engine.md §3.1). */
const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073];
const CLIP_STD = [0.26862954, 0.26130258, 0.27577711];
/** SD1.5's latent scale. */
export const VAE_SCALE = 0.18215;

/** HWC RGB -> planar CHW floats through `map(value0to255, channel)`, resized first when needed. */
function toPlanar(rgb: Uint8Array, widthPx: number, heightPx: number, targetWidthPx: number, targetHeightPx: number, filter: ResampleFilter, map: (v: number, c: number) => number): Float32Array {
  const pixels = widthPx === targetWidthPx && heightPx === targetHeightPx ? rgb : resampleImage(rgb, widthPx, heightPx, 3, targetWidthPx, targetHeightPx, filter);
  const plane = targetWidthPx * targetHeightPx;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) out[c * plane + i] = map(pixels[i * 3 + c], c);
  return out;
}

/** The reference photo as CLIP's pixel_values [3, size, size]: bicubic resize, /255, mean/std. */
export function clipPixelValues(rgb: Uint8Array, widthPx: number, heightPx: number, clipSizePx: number): Float32Array {
  return toPlanar(rgb, widthPx, heightPx, clipSizePx, clipSizePx, 'bicubic', (v, c) => (v / 255 - CLIP_MEAN[c]) / CLIP_STD[c]);
}

/** The reference photo as the VAE's input [3, H, W] in [-1, 1] (Lanczos resize when the size differs). */
export function vaePixelValues(rgb: Uint8Array, widthPx: number, heightPx: number, targetWidthPx: number, targetHeightPx: number): Float32Array {
  return toPlanar(rgb, widthPx, heightPx, targetWidthPx, targetHeightPx, 'lanczos', (v) => (v / 255) * 2 - 1);
}

/**
 * How pose images reach the PoseGuider. `release`: AniPortrait's published scripts feed uint8 arrays,
 * so values are 2v - 1 (-1..509); `training`: v/255 mapped to [-1, 1] as in training
 * (docs/aniportrait-engine.md §3.2). The default is `release`.
 */
export type PoseValueRange = 'release' | 'training';

/** A pose image (HWC, array channel order) as the pose guider's planar input [3, H, W]. */
export function poseGuiderInput(poseImage: Uint8Array, widthPx: number, heightPx: number, range: PoseValueRange, out?: Float32Array): Float32Array {
  const plane = widthPx * heightPx;
  const result = out ?? new Float32Array(3 * plane);
  const scale = range === 'release' ? 2 : 2 / 255;
  for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) result[c * plane + i] = poseImage[i * 3 + c] * scale - 1;
  return result;
}
