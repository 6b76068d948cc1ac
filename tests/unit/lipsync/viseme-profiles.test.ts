// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { CalibrationRecording } from '../../../src-shared/lipsync/build-viseme-profiles.js';
import { buildVisemeProfiles } from '../../../src-shared/lipsync/build-viseme-profiles.js';
import { DEFAULT_MFCC_CONFIG } from '../../../src-shared/lipsync/mfcc-config.js';
import { defaultVisemeProfiles, parseVisemeProfiles, VISEME_CLASSES } from '../../../src-shared/lipsync/index.js';
import type { VisemeClass } from '../../../src-shared/lipsync/index.js';
import { concat, silence, syntheticVowel } from './speech-audio.js';

describe('viseme profiles', () => {
  it('ships calibrated profiles made with the current MFCC configuration (else: npm run calibrate:visemes)', () => {
    const profiles = defaultVisemeProfiles();
    expect(profiles.mfcc).toEqual(DEFAULT_MFCC_CONFIG);
    expect(profiles.classes).toEqual([...VISEME_CLASSES]);
    expect(profiles.frameCounts.every((n) => n > 500)).toBe(true);
  });

  it('rejects profiles whose vectors do not fit the MFCC size', () => {
    const broken = { ...defaultVisemeProfiles(), pooledVariance: [1, 2, 3] };
    expect(() => parseVisemeProfiles(broken)).toThrow(/variances/);
  });

  it('builds valid profiles from labelled recordings and recognises held-out voices', () => {
    // Crude formant vowels; "voices" differ in pitch and in a small formant scaling.
    const formantsHz: Record<VisemeClass, number[]> = {
      A: [750, 1200, 2600],
      I: [280, 2250, 3000],
      U: [320, 800, 2300],
      E: [500, 1800, 2500],
      O: [500, 900, 2500],
      N: [550, 1450, 2500],
      M: [250, 2200],
    };
    const recordings: CalibrationRecording[] = [];
    for (const [pitchHz, scale] of [[100, 1], [140, 1.05], [210, 1.12], [260, 1.18]]) {
      for (const visemeClass of VISEME_CLASSES) {
        const vowel = syntheticVowel(0.6, formantsHz[visemeClass].map((hz) => hz * scale), pitchHz);
        recordings.push({ voiceId: `${pitchHz} Hz`, visemeClass, part: 'sustained', samples: concat(silence(0.2), vowel, silence(0.2)) });
      }
    }
    const report = buildVisemeProfiles(recordings, DEFAULT_MFCC_CONFIG, { generator: 'test' });
    expect(() => parseVisemeProfiles(JSON.parse(JSON.stringify(report.profiles)))).not.toThrow();
    expect(report.heldOutAccuracy).toBeGreaterThan(0.8);
    expect(report.confusion.flat().reduce((a, b) => a + b, 0)).toBe(report.profiles.frameCounts.reduce((a, b) => a + b, 0));
  });
});
