import { spawn } from 'node:child_process';
import { StudioError } from '../../src-shared/util/result.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';
import { lastLine } from './ffmpeg-error.js';

export interface FfmpegDecoderOptions {
  /** Kills ffmpeg; the promise rejects with 'cancelled'. */
  readonly signal?: AbortSignal;
  /**
   * Each chunk of ffmpeg's output as it arrives. When it returns a promise, reading stops until it
   * settles (backpressure: ffmpeg waits on its full pipe); when it throws or rejects, ffmpeg is
   * killed and the decode rejects with that error.
   */
  readonly onData: (chunk: Buffer) => Promise<void> | void;
  /** The ffmpeg to run; default: ffmpegBinaries()'s. */
  readonly ffmpegPath?: string;
}

/**
 * Runs ffmpeg with `-i path` and `outputArgs` writing raw data to its stdout, and resolves once
 * the process has exited 0 and all its output has been handed to `onData`. The end is the
 * process's own exit, not the pipe's close: under load the pipe closes well before the exit is
 * reported, and a decoder that took the close for a failure failed good files.
 */
export function runFfmpegDecoder(path: string, label: string, outputArgs: readonly string[], options: FfmpegDecoderOptions): Promise<void> {
  const ffmpegPath = options.ffmpegPath ?? ffmpegBinaries().ffmpegPath;
  const { signal, onData } = options;
  if (signal?.aborted) return Promise.reject(new StudioError('cancelled', 'Cancelled.'));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath, ['-nostdin', '-hide_banner', '-v', 'error', '-i', path, ...outputArgs, 'pipe:1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let failure: Error | null = null;
    let settled = false;
    let reading = Promise.resolve();
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const fail = (error: Error) => {
      if (failure === null) failure = error;
      child.kill('SIGKILL');
    };
    const onAbort = () => fail(new StudioError('cancelled', 'Cancelled.'));
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      // The last lines say what went wrong; keep a bounded tail.
      stderr = (stderr + text).slice(-4096);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure !== null) return;
      let result: Promise<void> | void;
      try {
        result = onData(chunk);
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (result === undefined) return;
      child.stdout.pause();
      reading = result.then(
        () => {
          if (failure === null) child.stdout.resume();
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
    child.on('error', (error) => fail(new StudioError('unavailable', `Could not run ffmpeg (${ffmpegPath}) to decode ${label}: ${error.message}`)));
    // 'close': the process has exited and its stdio streams are done, so every chunk was seen.
    child.on('close', (code, killedBy) => {
      void reading.then(() => {
        if (failure !== null) finish(failure);
        else if (code === 0) finish(null);
        else {
          const why = stderr.trim() === '' ? `ffmpeg ${killedBy === null ? `exited with code ${code}` : `was stopped by ${killedBy}`}` : lastLine(stderr);
          finish(new StudioError('unsupported-media', `Could not decode ${label}: ${why}`));
        }
      });
    });
  });
}
