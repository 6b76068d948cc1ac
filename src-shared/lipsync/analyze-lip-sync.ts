import { frameCountForSamples } from '../project/derived.js';
import { estimateBackground } from './background-estimate.js';
import { resampleToFrames, smoothAsymmetric } from './coarticulation.js';
import type { FeatureExtractor } from './feature-extractor.js';
import { createFeatureExtractor } from './feature-extractor.js';
import type { MfccConfig } from './mfcc-config.js';
import { mouthTargets } from './mouth-shapes.js';
import { computeSpeechGate } from './speech-gate.js';
import { classifyVisemes } from './viseme-classifier.js';
import type { VisemeClass, VisemeProfiles } from './viseme-profiles.js';

/** Mouth motion of a clip, one value per video frame; frame i shows [i / fps, (i + 1) / fps). */
export interface MouthTrack {
  readonly fps: number;
  /** ceil(durationSec * fps). */
  readonly frameCount: number;
  /** 0 closed .. 1 wide open. */
  readonly jawOpen: Float32Array;
  /** 0 .. 1 lip rounding / pucker (/u/, /o/, w). */
  readonly lipFunnel: Float32Array;
  /** -1 narrowed (rounded vowels) .. 1 spread (/i/, /e/); 0 neutral. */
  readonly mouthWidth: Float32Array;
  /** 0 .. 1 lips pressed together: m/b/p closures, and about 0.5 in silence. */
  readonly lipPress: Float32Array;
  /** 0 .. 1 speech loudness relative to the clip's own speech level, 0 in silence (head motion). */
  readonly loudness: Float32Array;
  /** Order of the columns of visemeWeights. */
  readonly visemeClasses: readonly VisemeClass[];
  /**
   * frameCount x visemeClasses.length, unsmoothed: each row sums to the frame's amount of speech
   * (0 in silence, 1 in clear speech); the rest is silence.
   */
  readonly visemeWeights: Float32Array;
}

export interface LipSyncOptions {
  /** The analysis runs on 16 kHz mono only; resample before. */
  readonly sampleRateHz: 16000;
  /** Video frames per second; 30 by default. */
  readonly fps?: number;
  /** Calibrated profiles (defaultVisemeProfiles() or a parsed viseme-profiles.json). */
  readonly profiles: VisemeProfiles;
}

/** Loudness for head motion follows quickly and fades over a syllable or two. */
const LOUDNESS_ATTACK_SEC = 0.05;
const LOUDNESS_RELEASE_SEC = 0.25;

// One set of tables (window, FFT, mel, DCT) per MFCC configuration, built on first use.
const extractors = new WeakMap<MfccConfig, FeatureExtractor>();

function extractorFor(config: MfccConfig): FeatureExtractor {
  let extractor = extractors.get(config);
  if (!extractor) {
    extractor = createFeatureExtractor(config);
    extractors.set(config, extractor);
  }
  return extractor;
}

/**
 * uLipSync-style lip sync: MFCC per 10 ms hop matched against calibrated vowel profiles, a speech
 * gate from the clip-relative 300-3400 Hz level, poses blended from the weights, coarticulation
 * smoothing, then one value per video frame.
 */
export function analyzeLipSync(samples: Float32Array, options: LipSyncOptions): MouthTrack {
  const fps = options.fps ?? 30;
  const { profiles } = options;
  // Typed as the literal 16000, but JavaScript callers and casts can pass anything.
  const sampleRateHz: number = options.sampleRateHz;
  if (sampleRateHz !== profiles.mfcc.sampleRateHz) {
    throw new RangeError(`Lip sync needs ${profiles.mfcc.sampleRateHz} Hz mono audio, got ${sampleRateHz} Hz: resample it first.`);
  }
  if (!(fps > 0 && Number.isFinite(fps))) throw new RangeError(`fps must be a positive number, got ${fps}`);
  const frameCount = frameCountForSamples(samples.length, sampleRateHz, fps);

  const extractor = extractorFor(profiles.mfcc);
  const spectra = extractor.spectra(samples);
  const gate = computeSpeechGate(spectra);
  const mfcc = extractor.cepstra(spectra, estimateBackground(spectra, gate.speech));
  const { weights, likeness } = classifyVisemes(mfcc, gate.speech, profiles);
  const speech = Float32Array.from(gate.speech, (s, h) => s * likeness[h]);
  const targets = mouthTargets(profiles.classes, weights, speech, gate.level);

  const hopSec = spectra.hopSec;
  const track = (values: Float32Array): Float32Array => {
    smoothAsymmetric(values, hopSec);
    return resampleToFrames(values, hopSec, fps, frameCount);
  };
  const loudnessHops = Float32Array.from(speech, (s, h) => s * gate.level[h]);
  smoothAsymmetric(loudnessHops, hopSec, LOUDNESS_ATTACK_SEC, LOUDNESS_RELEASE_SEC);

  const k = profiles.classes.length;
  const visemeWeights = new Float32Array(frameCount * k);
  const column = new Float32Array(spectra.hopCount);
  for (let j = 0; j < k; j++) {
    for (let h = 0; h < spectra.hopCount; h++) column[h] = weights[h * k + j] * speech[h];
    const perFrame = resampleToFrames(column, hopSec, fps, frameCount, 0);
    for (let i = 0; i < frameCount; i++) visemeWeights[i * k + j] = perFrame[i];
  }

  return {
    fps,
    frameCount,
    jawOpen: track(targets.jawOpen),
    lipFunnel: track(targets.lipFunnel),
    mouthWidth: track(targets.mouthWidth),
    lipPress: track(targets.lipPress),
    loudness: resampleToFrames(loudnessHops, hopSec, fps, frameCount, 0),
    visemeClasses: profiles.classes,
    visemeWeights,
  };
}
