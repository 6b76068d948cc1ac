import type { ClipSpectra } from './feature-extractor.js';

/** Hops without speech it takes (0.3 s at 10 ms) before the background is worth subtracting. */
const MIN_BACKGROUND_HOPS = 30;
/** Hops below this speech amount count as background. */
const BACKGROUND_MAX_SPEECH = 0.05;
/**
 * A low percentile per band, not the mean: unvoiced consonants (s, f, t) also fail the speech
 * test, and their hiss must not be taken for background.
 */
const BACKGROUND_PERCENTILE = 0.3;

/**
 * Typical mel spectrum of the clip's pauses: the music bed, hum or hiss under the voice. Subtracted
 * from every hop before the cepstrum, it keeps a steady background from pulling every vowel
 * towards the same profile. Undefined when the clip has too few pauses to tell (a held vowel).
 */
export function estimateBackground(spectra: ClipSpectra, speech: Float32Array): Float32Array | undefined {
  const { hopCount, melFilterCount, melEnergy } = spectra;
  let count = 0;
  for (let h = 0; h < hopCount; h++) if (speech[h] < BACKGROUND_MAX_SPEECH) count++;
  if (count < MIN_BACKGROUND_HOPS) return undefined;
  const background = new Float32Array(melFilterCount);
  const values = new Float32Array(count);
  const rank = Math.round(BACKGROUND_PERCENTILE * (count - 1));
  for (let m = 0; m < melFilterCount; m++) {
    for (let h = 0, i = 0; h < hopCount; h++) if (speech[h] < BACKGROUND_MAX_SPEECH) values[i++] = melEnergy[h * melFilterCount + m];
    background[m] = values.sort()[rank];
  }
  return background;
}
