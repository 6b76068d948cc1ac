import { StudioError } from '../../src-shared/util/result.js';
import { decodeAudioStream } from './decode-audio.js';

/** Speech analysis rate of every engine (AniPortrait's wav2vec2 rate). */
export const ANALYSIS_RATE_HZ = 16000;
/** Below this peak level (about -80 dBFS) a recording is treated as silent. */
const SILENCE_PEAK = 1e-4;

/**
 * A whole clip as 16 kHz mono float32, with clear errors for empty and all-silent audio. Memory is
 * 64 KB per second of audio (a 10-minute file takes 38 MB); decoding streams, so nothing else grows.
 */
export async function decodeAudioClip(path: string, label: string, signal?: AbortSignal): Promise<Float32Array> {
  const blocks: Float32Array[] = [];
  let peak = 0;
  const count = await decodeAudioStream(path, label, { sampleRateHz: ANALYSIS_RATE_HZ, signal }, (samples) => {
    blocks.push(samples);
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
  const out = new Float32Array(count);
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}
