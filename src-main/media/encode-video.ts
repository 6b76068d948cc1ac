import { availableParallelism } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import ffmpeg from 'fluent-ffmpeg';
import type { RgbaImage } from '../../src-shared/render/rgba-image.js';
import { I420Converter } from '../../src-shared/render/rgba-to-i420.js';
import { StudioError } from '../../src-shared/util/result.js';
import { onExitCleanup } from '../util/exit-cleanup.js';
import { acquireOutputLock } from '../util/output-lock.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';
import { FramePipe } from './frame-pipe.js';
import { checkOutputWritable } from './check-output.js';

export interface EncodeOptions {
  /**
   * Final file; the encoder writes `<outPath>.part` (created exclusively, under `<outPath>.lock`)
   * and renames it only when complete. A second job on the same output fails at once.
   */
  readonly outPath: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly fps: number;
  readonly frameCount: number;
  /** Audio muxed as AAC, padded with silence to the video's length. */
  readonly audioPath: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (framesDone: number, frameCount: number) => void;
}

/**
 * Draws frame `frameIndex`: as RGBA into `image` (synchronously, or by a promise for engines that
 * run models), or returns it already as I420 planes (yuv420p: Y, U, V), as the built-in warp does.
 */
export type FrameRenderer = (frameIndex: number, image: RgbaImage) => void | Uint8Array | Promise<void>;

/**
 * Streams frames into ffmpeg (H.264 yuv420p + AAC, +faststart). RGBA frames are converted to
 * yuv420p here (SIMD, rgba-to-i420.ts), so ffmpeg reads 1.5 bytes a pixel and only encodes.
 * Nothing holds more than a couple of frames. A cancelled or failed export kills ffmpeg and
 * removes the .part file: no broken file, no process left behind.
 */
export async function encodeVideo(options: EncodeOptions, renderFrame: FrameRenderer): Promise<void> {
  const { outPath, widthPx, heightPx, signal } = options;
  if (signal?.aborted) throw new StudioError('cancelled', 'The export was cancelled.');
  if (widthPx % 2 !== 0 || heightPx % 2 !== 0) {
    throw new StudioError('invalid-request', `H.264 video (yuv420p) needs an even width and height; the output size is ${widthPx}x${heightPx}. Change it to an even size and export again.`);
  }
  await checkOutputWritable(outPath);
  ffmpegBinaries();
  const lock = await acquireOutputLock(outPath, `the video "${outPath}"`);
  try {
    await encodeInto(lock.partPath, options, renderFrame);
    await lock.commit();
  } finally {
    await lock.release();
  }
}

async function encodeInto(partPath: string, options: EncodeOptions, renderFrame: FrameRenderer): Promise<void> {
  const { outPath, widthPx, heightPx, fps, frameCount, signal } = options;
  let stderrTail = '';
  const command = ffmpeg()
    // Frames go to ffmpeg's stdin directly (FramePipe), not through a stream fluent-ffmpeg pipes.
    .input('pipe:0')
    .inputFormat('rawvideo')
    .inputOptions(['-pix_fmt', 'yuv420p', '-s', `${widthPx}x${heightPx}`, '-r', String(fps)])
    .input(options.audioPath)
    .outputOptions([
      '-map', '0:v:0',
      '-map', '1:a:0',
      '-c:v', 'libx264',
      '-preset', 'veryfast',
      // One core stays free for rendering the frames (measured: about 10 % faster on 2 cores).
      '-threads', String(Math.max(1, availableParallelism() - 1)),
      '-crf', '18',
      '-pix_fmt', 'yuv420p',
      '-r', String(fps),
      '-c:a', 'aac',
      '-b:a', '160k',
      '-af', 'apad',
      // The video ends the file: if our process dies, stdin closes and ffmpeg stops there (with
      // apad alone it would go on encoding silence up to -t).
      '-shortest',
      '-t', (frameCount / fps).toFixed(6),
      '-movflags', '+faststart',
    ])
    .format('mp4')
    .output(partPath)
    .on('stderr', (line: string) => (stderrTail = `${stderrTail}\n${line}`.slice(-4000)));

  const finished = new Promise<void>((resolve, reject) => {
    command.on('end', () => resolve());
    command.on('error', (error: Error) => reject(error));
  });
  // fluent-ffmpeg spawns asynchronously: a stop asked for before the process exists is applied on start.
  let stopped = false;
  const onAbort = () => {
    stopped = true;
    command.kill('SIGKILL');
  };
  // However this process ends (exit, crash), ffmpeg is killed with it.
  const unregisterKill = onExitCleanup(onAbort);
  const pipe = new Promise<FramePipe>((resolve, reject) => {
    command.on('start', () => {
      if (stopped) command.kill('SIGKILL');
      // fluent-ffmpeg keeps the process it spawned here (untyped); with a 'pipe:0' input its stdin is ours.
      const stdin = (command as unknown as { ffmpegProc?: ChildProcess }).ffmpegProc?.stdin;
      if (stdin) resolve(new FramePipe(stdin, (widthPx * heightPx * 3) / 2, finished));
      else reject(new Error('ffmpeg started without a stdin to write frames to'));
    });
    finished.then(() => reject(new Error('ffmpeg ended before any frame was written')), reject);
  });
  pipe.catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  command.run();
  try {
    const frames = await pipe;
    const converter = new I420Converter(widthPx, heightPx);
    for (let f = 0; f < frameCount; f++) {
      if (signal?.aborted) throw new StudioError('cancelled', 'The export was cancelled.');
      const rendered = renderFrame(f, converter.rgba);
      if (rendered instanceof Promise) await rendered;
      await frames.write(rendered instanceof Uint8Array ? rendered : converter.convert());
      options.onProgress?.(f + 1, frameCount);
    }
    frames.end();
    await finished;
    if (signal?.aborted) throw new StudioError('cancelled', 'The export was cancelled.');
  } catch (error) {
    onAbort();
    await finished.catch(() => undefined);
    throw toEncodeError(error, stderrTail, outPath, signal);
  } finally {
    unregisterKill();
    signal?.removeEventListener('abort', onAbort);
  }
}


function toEncodeError(error: unknown, stderrTail: string, outPath: string, signal?: AbortSignal): StudioError {
  if (error instanceof StudioError) return error;
  if (signal?.aborted) return new StudioError('cancelled', 'The export was cancelled.');
  if (/No space left on device/i.test(stderrTail)) {
    return new StudioError('disk-full', `The disk is full while writing "${outPath}". Free some space and export again; nothing was left behind.`);
  }
  if (/Permission denied/i.test(stderrTail)) return new StudioError('permission-denied', `No permission to write "${outPath}". Choose another folder.`);
  const detail = stderrTail.trim().split('\n').slice(-2).join(' ') || (error instanceof Error ? error.message : String(error));
  return new StudioError('io-error', `Encoding "${outPath}" failed: ${detail}`);
}
