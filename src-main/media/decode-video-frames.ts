import { runFfmpegDecoder } from './run-ffmpeg-decoder.js';
import { probeVideo } from './probe-media.js';

export interface VideoFrameFormat {
  readonly widthPx: number;
  readonly heightPx: number;
}

/**
 * Streams a video's frames as RGB24 at `fps`, downscaled to at most `maxSidePx`, one frame at a
 * time (memory stays flat in the video's length). `onFrame` may be async; decoding waits for it.
 */
export async function decodeVideoFrames(
  path: string,
  label: string,
  options: {
    fps: number;
    maxSidePx?: number;
    signal?: AbortSignal;
    /** Stop after this many frames (the rest of the video is not decoded). */
    maxFrames?: number;
    /** Horizontal band to keep, as fractions of the width (e.g. the right half of a side-by-side video). */
    crop?: { readonly leftFraction: number; readonly widthFraction: number };
  },
  onFrame: (rgb: Uint8Array, frameIndex: number, format: VideoFrameFormat) => Promise<void> | void,
): Promise<number> {
  const facts = await probeVideo(path, label);
  const crop = options.crop ?? { leftFraction: 0, widthFraction: 1 };
  const cropWidthPx = Math.floor(facts.widthPx * crop.widthFraction);
  const cropLeftPx = Math.floor(facts.widthPx * crop.leftFraction);
  const factor = Math.min(1, (options.maxSidePx ?? 720) / Math.max(cropWidthPx, facts.heightPx));
  const format = { widthPx: 2 * Math.round((cropWidthPx * factor) / 2), heightPx: 2 * Math.round((facts.heightPx * factor) / 2) };
  const frameBytes = format.widthPx * format.heightPx * 3;
  let pending: Buffer = Buffer.alloc(0);
  let frameIndex = 0;
  const handFrames = async () => {
    while (pending.length >= frameBytes) {
      const frame = new Uint8Array(pending.subarray(0, frameBytes));
      pending = Buffer.from(pending.subarray(frameBytes));
      await onFrame(frame, frameIndex++, format);
    }
  };
  const outputArgs = [
    '-an',
    '-vf', `crop=${cropWidthPx}:${facts.heightPx}:${cropLeftPx}:0,fps=${options.fps},scale=${format.widthPx}:${format.heightPx}:flags=area`,
    '-pix_fmt', 'rgb24',
    ...(options.maxFrames === undefined ? [] : ['-frames:v', String(Math.max(1, Math.floor(options.maxFrames)))]),
    '-f', 'rawvideo',
  ];
  await runFfmpegDecoder(path, label, outputArgs, {
    ...(options.signal ? { signal: options.signal } : {}),
    onData: (chunk) => {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      return pending.length >= frameBytes ? handFrames() : undefined;
    },
  });
  return frameIndex;
}
