import type { VisemeProfiles } from './viseme-profiles.js';
import { smoothstep } from '../math/smoothstep.js';

/** Per-hop soft viseme weights, profiles.classes order. */
export interface VisemeWeights {
  /** hopCount x classCount, each row sums to 1. */
  readonly weights: Float32Array;
  /** Per hop, 0..1: how much the hop resembles any calibrated speech sound at all. */
  readonly likeness: Float32Array;
}

/**
 * Hops of speech it takes for the clip's own cepstral mean to be trusted fully. A short clip of one
 * sustained vowel has that vowel as its mean; subtracting all of it would erase the vowel.
 */
const CMN_PRIOR_HOPS = 300;

/**
 * `mfcc` is hopCount x coefficientCount, `speech` the gate's per-hop speech amount.
 * Matches each hop's MFCC against the class means by variance-normalised distance, after moving
 * the clip's speech mean onto the corpus mean (cepstral mean normalisation: removes the speaker's
 * and the microphone's constant colouring), and turns distances into softmax weights.
 */
export function classifyVisemes(mfcc: Float32Array, speech: Float32Array, profiles: VisemeProfiles): VisemeWeights {
  const hopCount = speech.length;
  const n = profiles.mfcc.coefficientCount;
  const k = profiles.classes.length;
  if (mfcc.length !== hopCount * n) throw new RangeError(`expected ${hopCount} x ${n} MFCCs, got ${mfcc.length} values`);

  const offset = new Float64Array(n);
  let mass = 0;
  for (let h = 0; h < hopCount; h++) {
    const w = speech[h];
    if (w <= 0) continue;
    mass += w;
    for (let c = 0; c < n; c++) offset[c] += w * mfcc[h * n + c];
  }
  const trust = mass / (mass + CMN_PRIOR_HOPS);
  for (let c = 0; c < n; c++) offset[c] = mass > 0 ? trust * (offset[c] / mass - profiles.corpusMean[c]) : 0;

  const means = Float64Array.from(profiles.means.flat());
  const invVariance = Float64Array.from(profiles.pooledVariance, (v) => 1 / v);
  const scale = 1 / (2 * profiles.softmaxTemperature);
  const outlier = profiles.outlierDistance;
  const weights = new Float32Array(hopCount * k);
  const likeness = new Float32Array(hopCount);
  const distance = new Float64Array(k);
  for (let h = 0; h < hopCount; h++) {
    let best = Infinity;
    let bestRaw = Infinity;
    for (let j = 0; j < k; j++) {
      let d = 0;
      let raw = 0;
      for (let c = 0; c < n; c++) {
        const diff = mfcc[h * n + c] - means[j * n + c];
        const shifted = diff - offset[c];
        d += shifted * shifted * invVariance[c];
        raw += diff * diff * invVariance[c];
      }
      distance[j] = d;
      if (d < best) best = d;
      if (raw < bestRaw) bestRaw = raw;
    }
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(-(distance[j] - best) * scale);
      weights[h * k + j] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) weights[h * k + j] /= sum;
    // Judged before the mean normalisation, which pulls any steady sound (a held chord) towards
    // the corpus mean; beyond the outlier distance confidence fades out over half as much again.
    likeness[h] = 1 - smoothstep(bestRaw, outlier, 1.5 * outlier);
  }
  return { weights, likeness };
}
