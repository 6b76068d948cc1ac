import type { ClipSpectra } from './feature-extractor.js';
import { smoothstep } from '../math/smoothstep.js';

/**
 * Decides per analysis hop how much speech there is, from the 300-3400 Hz band only, with levels
 * relative to the clip itself so that quiet and loud recordings animate alike.
 */
export interface SpeechGate {
  /** Per hop, 0..1: 0 = silence, noise or background only (mouth closed), 1 = clear speech. */
  readonly speech: Float32Array;
  /** Per hop, 0..1: band level relative to the clip's speech level (1 = its loud syllables). */
  readonly level: Float32Array;
  /** The clip's speech reference level (95th percentile of audible hops), dB re full scale. */
  readonly referenceDb: number;
  /** Level below which a hop counts as silence, dB re full scale. */
  readonly thresholdDb: number;
}

/** Below this band level nothing is speech, however quiet the recording (about -62 dBFS). */
const ABSOLUTE_FLOOR_DB = -62;
/** Syllables this far below the clip's loud ones still open the mouth. */
const SPEECH_DYNAMIC_RANGE_DB = 30;
/** Speech must stand this far above the clip's background (its quietest tenth). */
const MIN_SNR_DB = 10;
/** Soft edges of the level gate around the threshold. */
const GATE_BELOW_DB = 3;
const GATE_ABOVE_DB = 6;
/** Level from 0 at (reference - range) to 1 at the reference, for jaw scaling and loudness. */
const LEVEL_RANGE_DB = 24;
/**
 * Spectral flatness of voiced speech stays well below that of noise (about 0.5 for white noise):
 * a stationary hiss loud enough to pass the level test still keeps the mouth closed.
 */
const FLATNESS_VOICED = 0.22;
const FLATNESS_NOISE = 0.4;

/** The value below which `fraction` of `values` lie (nearest rank on a sorted copy). */
export function percentile(values: Float32Array, fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float32Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))));
  return sorted[rank];
}

export function computeSpeechGate(spectra: Pick<ClipSpectra, 'hopCount' | 'bandLevelDb' | 'bandFlatness'>): SpeechGate {
  const { hopCount, bandLevelDb, bandFlatness } = spectra;
  const speech = new Float32Array(hopCount);
  const level = new Float32Array(hopCount);
  let audibleCount = 0;
  for (let h = 0; h < hopCount; h++) if (bandLevelDb[h] > ABSOLUTE_FLOOR_DB) audibleCount++;
  if (audibleCount === 0) return { speech, level, referenceDb: -Infinity, thresholdDb: ABSOLUTE_FLOOR_DB };

  const audible = new Float32Array(audibleCount);
  for (let h = 0, i = 0; h < hopCount; h++) if (bandLevelDb[h] > ABSOLUTE_FLOOR_DB) audible[i++] = bandLevelDb[h];
  const referenceDb = percentile(audible, 0.95);
  const backgroundDb = percentile(bandLevelDb, 0.1);
  // Without pauses (a sustained vowel, a song) the background estimate is the voice itself:
  // then only the dynamic-range bound applies, and the flatness test rejects steady noise.
  const thresholdDb = Math.max(
    ABSOLUTE_FLOOR_DB,
    referenceDb - SPEECH_DYNAMIC_RANGE_DB,
    Math.min(backgroundDb + MIN_SNR_DB, referenceDb - MIN_SNR_DB),
  );

  for (let h = 0; h < hopCount; h++) {
    const db = bandLevelDb[h];
    const byLevel = smoothstep(db, thresholdDb - GATE_BELOW_DB, thresholdDb + GATE_ABOVE_DB);
    const byVoicing = 1 - smoothstep(bandFlatness[h], FLATNESS_VOICED, FLATNESS_NOISE);
    speech[h] = byLevel * byVoicing;
    level[h] = Math.min(1, Math.max(0, (db - (referenceDb - LEVEL_RANGE_DB)) / LEVEL_RANGE_DB));
  }
  return { speech, level, referenceDb, thresholdDb };
}
