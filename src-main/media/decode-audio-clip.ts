import { ANALYSIS_RATE_HZ } from '../../src-shared/project/derived.js';
import { StudioError } from '../../src-shared/util/result.js';
import { decodeAudioStream } from './decode-audio.js';
import { probeAudio } from './probe-media.js';

export { ANALYSIS_RATE_HZ };
/** Below this peak level (about -80 dBFS) a recording is treated as silent. */
const SILENCE_PEAK = 1e-4;

/**
 * A whole clip as 16 kHz mono float32, with clear errors for empty and all-silent audio. Memory is
 * 64 KB per second of audio (a 10-minute file takes 38 MB): the buffer is sized from the file's
 * duration up front and filled while decoding streams, so no second copy is ever made.
 */
export async function decodeAudioClip(path: string, label: string, signal?: AbortSignal): Promise<Float32Array> {
  const facts = await probeAudio(path, label);
  let buffer = new Float32Array(Math.ceil(facts.durationSec * ANALYSIS_RATE_HZ) + ANALYSIS_RATE_HZ);
  let filled = 0;
  let peak = 0;
  const count = await decodeAudioStream(path, label, { sampleRateHz: ANALYSIS_RATE_HZ, signal }, (samples) => {
    if (filled + samples.length > buffer.length) {
      // The container's duration was short of the truth: grow by half.
      const grown = new Float32Array(Math.ceil((filled + samples.length) * 1.5));
      grown.set(buffer.subarray(0, filled));
      buffer = grown;
    }
    buffer.set(samples, filled);
    filled += samples.length;
    for (let i = 0; i < samples.length; i++) {
      const a = Math.abs(samples[i]);
      if (a > peak) peak = a;
    }
  });
  if (count < ANALYSIS_RATE_HZ * 0.1) {
    throw new StudioError('unsupported-media', `${label} is empty or shorter than 0.1 s. Choose a recording with speech.`);
  }
  if (peak < SILENCE_PEAK) {
    throw new StudioError('unsupported-media', `${label} is silent (no sound above -80 dBFS). Check the recording or choose another file.`);
  }
  return buffer.subarray(0, count);
}

/** How many 16 kHz mono samples decoding the file gives (the project's frame count is derived from it). */
export function countAnalysisSamples(path: string, label: string, signal?: AbortSignal): Promise<number> {
  return decodeAudioStream(path, label, { sampleRateHz: ANALYSIS_RATE_HZ, signal }, () => {});
}

/**
 * The clip fitted to `sampleCount` samples (the count the project recorded at import), so the
 * track has the project's frame count even if this ffmpeg decodes a few samples more or less.
 */
export function fitToSampleCount(samples: Float32Array, sampleCount: number): Float32Array {
  if (samples.length === sampleCount) return samples;
  if (samples.length > sampleCount) return samples.subarray(0, sampleCount);
  const out = new Float32Array(sampleCount);
  out.set(samples);
  return out;
}
