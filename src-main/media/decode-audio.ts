import { PassThrough } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { StudioError } from '../../src-shared/util/result.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';
import { lastLine } from './ffmpeg-error.js';

export interface DecodeOptions {
  readonly sampleRateHz: number;
  readonly signal?: AbortSignal;
}

/**
 * Decodes any audio ffmpeg reads to mono float32 at `sampleRateHz`, handing blocks of samples to
 * `onSamples` as they arrive, so memory stays flat in the file's length. Resolves with the sample
 * count. `label` names the file in errors.
 */
export async function decodeAudioStream(
  path: string,
  label: string,
  options: DecodeOptions,
  onSamples: (samples: Float32Array) => void,
): Promise<number> {
  ffmpegBinaries();
  const { sampleRateHz, signal } = options;
  if (signal?.aborted) throw new StudioError('cancelled', 'Cancelled.');
  return new Promise<number>((resolve, reject) => {
    const out = new PassThrough();
    let carry = Buffer.alloc(0);
    let sampleCount = 0;
    let settled = false;
    const finish = (error?: StudioError) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(sampleCount);
    };
    const command = ffmpeg(path)
      .noVideo()
      .audioChannels(1)
      .audioFrequency(sampleRateHz)
      .format('f32le')
      .on('error', (error: Error) => {
        finish(
          signal?.aborted
            ? new StudioError('cancelled', 'Cancelled.')
            : new StudioError('unsupported-media', `Could not decode ${label}: ${lastLine(error.message)}`),
        );
      })
      .on('end', () => finish());
    const onAbort = () => command.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    out.on('data', (chunk: Buffer) => {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const usable = bytes.length - (bytes.length % 4);
      if (usable > 0) {
        // Copy into an aligned buffer: Node's pooled chunks may start at odd offsets.
        const samples = new Float32Array(usable / 4);
        new Uint8Array(samples.buffer).set(bytes.subarray(0, usable));
        sampleCount += samples.length;
        onSamples(samples);
      }
      carry = Buffer.from(bytes.subarray(usable));
    });
    command.pipe(out, { end: true });
  });
}
