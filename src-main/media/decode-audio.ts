import { runFfmpegDecoder } from './run-ffmpeg-decoder.js';

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
  const { sampleRateHz, signal } = options;
  let carry = Buffer.alloc(0);
  let sampleCount = 0;
  await runFfmpegDecoder(path, label, ['-vn', '-ac', '1', '-ar', String(sampleRateHz), '-f', 'f32le'], {
    ...(signal ? { signal } : {}),
    onData: (chunk) => {
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
    },
  });
  return sampleCount;
}
