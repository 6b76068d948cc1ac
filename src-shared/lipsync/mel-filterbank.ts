import type { MfccConfig } from './mfcc-config.js';

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

/** Triangular filters on the HTK mel scale, stored sparsely: each filter's first FFT bin and weights. */
export interface MelFilterbank {
  readonly firstBin: Int32Array;
  readonly weights: readonly Float32Array[];
}

export function createMelFilterbank(config: MfccConfig): MelFilterbank {
  const binHz = config.sampleRateHz / config.fftSize;
  const binCount = config.fftSize / 2 + 1;
  const minMel = hzToMel(config.melMinHz);
  const maxMel = hzToMel(Math.min(config.melMaxHz, config.sampleRateHz / 2));
  const edgesHz: number[] = [];
  for (let i = 0; i < config.melFilterCount + 2; i++) {
    edgesHz.push(melToHz(minMel + ((maxMel - minMel) * i) / (config.melFilterCount + 1)));
  }
  const firstBin = new Int32Array(config.melFilterCount);
  const weights: Float32Array[] = [];
  for (let m = 0; m < config.melFilterCount; m++) {
    const [lo, mid, hi] = [edgesHz[m], edgesHz[m + 1], edgesHz[m + 2]];
    // Weights at the exact bin frequencies (not snapped edges): narrow low filters never come out empty.
    const first = Math.max(0, Math.ceil(lo / binHz));
    const last = Math.min(binCount - 1, Math.floor(hi / binHz));
    const w = new Float32Array(Math.max(0, last - first + 1));
    for (let k = first; k <= last; k++) {
      const hz = k * binHz;
      w[k - first] = hz <= mid ? (hz - lo) / (mid - lo) : (hi - hz) / (hi - mid);
    }
    firstBin[m] = first;
    weights.push(w);
  }
  return { firstBin, weights };
}
