import { StudioError } from '../../src-shared/util/result.js';
import { probeImage } from './probe-media.js';
import { runFfmpegDecoder } from './run-ffmpeg-decoder.js';

export interface DecodedImage {
  /** Size of the decoded pixels (after any downscale). */
  readonly widthPx: number;
  readonly heightPx: number;
  /** Size of the file's image. */
  readonly sourceWidthPx: number;
  readonly sourceHeightPx: number;
  /** widthPx x heightPx x 3 bytes, RGB, row-major. */
  readonly rgb: Uint8Array;
}

/**
 * Decodes any image ffmpeg reads to RGB24, downscaled so that its longer side is at most
 * `maxSidePx` (face analysis needs no more; huge photos would cost memory for nothing).
 */
export async function decodeImageRgb(path: string, label: string, maxSidePx = 2048): Promise<DecodedImage> {
  const facts = await probeImage(path, label);
  const factor = Math.min(1, maxSidePx / Math.max(facts.widthPx, facts.heightPx));
  return decodeImageScaled(path, label, facts.widthPx * factor, facts.heightPx * factor, facts);
}

/** A rectangle of a photo in whole source pixels. */
export interface PixelRegion {
  readonly xPx: number;
  readonly yPx: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** Decodes an image resampled (Lanczos when growing, area when shrinking) to about widthPx x heightPx. */
export async function decodeImageScaled(
  path: string,
  label: string,
  targetWidthPx: number,
  targetHeightPx: number,
  known?: { widthPx: number; heightPx: number },
): Promise<DecodedImage> {
  const facts = known ?? (await probeImage(path, label));
  return decodeImageRegion(path, label, { xPx: 0, yPx: 0, widthPx: facts.widthPx, heightPx: facts.heightPx }, targetWidthPx, targetHeightPx, facts);
}

/**
 * Decodes only `region` of an image, resampled to about targetWidthPx x targetHeightPx: ffmpeg
 * crops first, then resamples, so a small face in a huge photo costs the output's memory, not
 * the whole photo upscaled.
 */
export async function decodeImageRegion(
  path: string,
  label: string,
  region: PixelRegion,
  targetWidthPx: number,
  targetHeightPx: number,
  known?: { widthPx: number; heightPx: number },
): Promise<DecodedImage> {
  const facts = known ?? (await probeImage(path, label));
  const widthPx = Math.max(1, Math.round(targetWidthPx));
  const heightPx = Math.max(1, Math.round(targetHeightPx));
  const flags = widthPx < region.widthPx ? 'area' : 'lanczos';
  const whole = region.xPx === 0 && region.yPx === 0 && region.widthPx === facts.widthPx && region.heightPx === facts.heightPx;
  // exact=1: no rounding of the offsets to the chroma grid of a YUV (JPEG) photo.
  const cropFilter = whole ? '' : `crop=${region.widthPx}:${region.heightPx}:${region.xPx}:${region.yPx}:exact=1,`;
  const chunks: Buffer[] = [];
  await runFfmpegDecoder(path, label, ['-frames:v', '1', '-vf', `${cropFilter}scale=${widthPx}:${heightPx}:flags=${flags}`, '-pix_fmt', 'rgb24', '-f', 'rawvideo'], {
    onData: (chunk) => {
      chunks.push(chunk);
    },
  });
  const rgb = new Uint8Array(Buffer.concat(chunks));
  if (rgb.length !== widthPx * heightPx * 3) {
    throw new StudioError('unsupported-media', `${label} decoded to ${rgb.length} bytes, expected ${widthPx}x${heightPx} RGB. The file may be damaged.`);
  }
  return { widthPx, heightPx, sourceWidthPx: facts.widthPx, sourceHeightPx: facts.heightPx, rgb };
}
