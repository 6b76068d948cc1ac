import { ANALYSIS_RATE_HZ } from '../../src-shared/project/derived.js';
import { decodeAudioStream } from './decode-audio.js';

export interface AudioPeaks {
  readonly durationSec: number;
  readonly sampleRateHz: number;
  /** Interleaved [min, max] per bucket of 1 / peaksPerSec seconds. */
  readonly minMax: Float32Array<ArrayBuffer>;
}

/** The waveform is decoded at the engines' analysis rate, so its length is the project's (derived.ts). */
const PEAKS_RATE_HZ = ANALYSIS_RATE_HZ;

/** Min/max peaks for a waveform display, computed while decoding (flat memory). */
export async function computeAudioPeaks(path: string, label: string, peaksPerSec: number, signal?: AbortSignal): Promise<AudioPeaks> {
  const samplesPerBucket = PEAKS_RATE_HZ / peaksPerSec;
  const buckets: number[] = [];
  let bucketMin = Infinity;
  let bucketMax = -Infinity;
  let inBucket = 0;
  let bucketEnd = samplesPerBucket;
  let index = 0;
  const sampleCount = await decodeAudioStream(path, label, { sampleRateHz: PEAKS_RATE_HZ, signal }, (samples) => {
    for (let i = 0; i < samples.length; i++, index++) {
      if (index >= bucketEnd) {
        buckets.push(bucketMin, bucketMax);
        bucketMin = Infinity;
        bucketMax = -Infinity;
        inBucket = 0;
        bucketEnd += samplesPerBucket;
      }
      const s = samples[i];
      if (s < bucketMin) bucketMin = s;
      if (s > bucketMax) bucketMax = s;
      inBucket++;
    }
  });
  if (inBucket > 0) buckets.push(bucketMin, bucketMax);
  return { durationSec: sampleCount / PEAKS_RATE_HZ, sampleRateHz: PEAKS_RATE_HZ, minMax: Float32Array.from(buckets) };
}
