import { PassThrough } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { StudioError } from '../../src-shared/util/result.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';
import { lastLine } from './ffmpeg-error.js';
import { probeImage } from './probe-media.js';

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

/** Decodes an image resampled (Lanczos when shrinking or growing) to about widthPx x heightPx. */
export async function decodeImageScaled(
  path: string,
  label: string,
  targetWidthPx: number,
  targetHeightPx: number,
  known?: { widthPx: number; heightPx: number },
): Promise<DecodedImage> {
  const facts = known ?? (await probeImage(path, label));
  ffmpegBinaries();
  const widthPx = Math.max(1, Math.round(targetWidthPx));
  const heightPx = Math.max(1, Math.round(targetHeightPx));
  const flags = widthPx < facts.widthPx ? 'area' : 'lanczos';
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    ffmpeg(path)
      .outputOptions(['-frames:v', '1', '-vf', `scale=${widthPx}:${heightPx}:flags=${flags}`, '-pix_fmt', 'rgb24'])
      .format('rawvideo')
      .on('error', (error: Error) => reject(new StudioError('unsupported-media', `Could not decode ${label}: ${lastLine(error.message)}`)))
      .on('end', () => resolve())
      .pipe(out, { end: true });
  });
  const rgb = new Uint8Array(Buffer.concat(chunks));
  if (rgb.length !== widthPx * heightPx * 3) {
    throw new StudioError('unsupported-media', `${label} decoded to ${rgb.length} bytes, expected ${widthPx}x${heightPx} RGB. The file may be damaged.`);
  }
  return { widthPx, heightPx, sourceWidthPx: facts.widthPx, sourceHeightPx: facts.heightPx, rgb };
}
