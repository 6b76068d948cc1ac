import type { FeatureExtractor } from './feature-extractor.js';
import { createFeatureExtractor } from './feature-extractor.js';
import type { MfccConfig } from './mfcc-config.js';
import { percentile } from './speech-gate.js';
import type { VisemeClass, VisemeProfiles } from './viseme-profiles.js';
import { VISEME_CLASSES } from './viseme-profiles.js';

/** One labelled calibration recording (16 kHz mono). */
export interface CalibrationRecording {
  /** Voice and pitch it was made with; frames are speaker-normalised per voice. */
  readonly voiceId: string;
  readonly visemeClass: VisemeClass;
  readonly samples: Float32Array;
  /**
   * Which part of its voiced stretch holds the class: 'sustained' = the middle (a held vowel or
   * hum), 'final' = the end (the vowel of a consonant-vowel syllable).
   */
  readonly part: 'sustained' | 'final';
}

export interface CalibrationReport {
  readonly profiles: VisemeProfiles;
  /** Leave-one-voice-out accuracy of the nearest profile, per frame. */
  readonly heldOutAccuracy: number;
  /** confusion[true][predicted] frame counts of the leave-one-voice-out test, VISEME_CLASSES order. */
  readonly confusion: number[][];
}

interface LabelledFrames {
  voiceId: string;
  classIndex: number;
  frames: number[][];
}

/** Hops within this many dB of the recording's loudest and tonal count as its voiced stretch. */
const VOICED_RANGE_DB = 15;
const VOICED_MAX_FLATNESS = 0.3;
/** Softmax temperatures tried; the one with the best held-out log-likelihood is kept. */
const TEMPERATURES = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16];

function labelledFrames(recording: CalibrationRecording, extractor: FeatureExtractor): number[][] {
  const f = extractor.spectra(recording.samples);
  const mfcc = extractor.cepstra(f);
  const n = extractor.config.coefficientCount;
  const maxDb = Math.max(...f.bandLevelDb);
  const voiced = (h: number): boolean => f.bandLevelDb[h] > maxDb - VOICED_RANGE_DB && f.bandFlatness[h] < VOICED_MAX_FLATNESS;
  // The longest voiced run: espeak adds no other sound, but onsets and offsets are transitions.
  let bestStart = 0;
  let bestLength = 0;
  for (let h = 0; h < f.hopCount; ) {
    if (!voiced(h)) {
      h++;
      continue;
    }
    const start = h;
    while (h < f.hopCount && voiced(h)) h++;
    if (h - start > bestLength) [bestStart, bestLength] = [start, h - start];
  }
  const [from, to] = recording.part === 'sustained' ? [0.2, 0.8] : [0.55, 0.9];
  const frames: number[][] = [];
  for (let h = bestStart + Math.floor(from * bestLength); h < bestStart + Math.floor(to * bestLength); h++) {
    frames.push(Array.from(mfcc.subarray(h * n, (h + 1) * n)));
  }
  return frames;
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/** Subtracts each voice's class-balanced mean (speaker normalisation); returns the corpus mean. */
function normaliseSpeakers(sets: LabelledFrames[], n: number): number[] {
  const voices = [...new Set(sets.map((s) => s.voiceId))];
  const voiceMeans = new Map<string, number[]>();
  for (const voice of voices) {
    const classMeans: number[][] = [];
    for (let k = 0; k < VISEME_CLASSES.length; k++) {
      const frames = sets.filter((s) => s.voiceId === voice && s.classIndex === k).flatMap((s) => s.frames);
      if (frames.length > 0) classMeans.push(zeros(n).map((_, c) => frames.reduce((a, x) => a + x[c], 0) / frames.length));
    }
    voiceMeans.set(voice, zeros(n).map((_, c) => classMeans.reduce((a, m) => a + m[c], 0) / classMeans.length));
  }
  const corpusMean = zeros(n).map((_, c) => voices.reduce((a, v) => a + (voiceMeans.get(v) as number[])[c], 0) / voices.length);
  for (const set of sets) {
    const mean = voiceMeans.get(set.voiceId) as number[];
    for (const x of set.frames) for (let c = 0; c < n; c++) x[c] += corpusMean[c] - mean[c];
  }
  return corpusMean;
}

function classStatistics(sets: LabelledFrames[], n: number): { means: number[][]; pooledVariance: number[]; counts: number[] } {
  const sums = VISEME_CLASSES.map(() => zeros(n));
  const counts = VISEME_CLASSES.map(() => 0);
  for (const s of sets) for (const x of s.frames) {
    counts[s.classIndex]++;
    for (let c = 0; c < n; c++) sums[s.classIndex][c] += x[c];
  }
  const means = sums.map((sum, k) => sum.map((v) => v / Math.max(1, counts[k])));
  const squares = zeros(n);
  for (const s of sets) for (const x of s.frames) for (let c = 0; c < n; c++) squares[c] += (x[c] - means[s.classIndex][c]) ** 2;
  const total = counts.reduce((a, b) => a + b, 0);
  return { means, pooledVariance: squares.map((v) => v / Math.max(1, total - VISEME_CLASSES.length) + 1e-6), counts };
}

function distances(x: number[], means: number[][], variance: number[]): number[] {
  return means.map((m) => m.reduce((a, mu, c) => a + (x[c] - mu) ** 2 / variance[c], 0));
}

/**
 * Builds viseme profiles from labelled recordings: MFCC frames of each recording's voiced stretch,
 * speaker-normalised per voice, class means with a pooled within-class variance; the softmax
 * temperature and the outlier distance come from a leave-one-voice-out test.
 */
export function buildVisemeProfiles(recordings: readonly CalibrationRecording[], config: MfccConfig, source: Record<string, unknown>): CalibrationReport {
  const extractor = createFeatureExtractor(config);
  const n = config.coefficientCount;
  const sets: LabelledFrames[] = recordings.map((r) => ({
    voiceId: r.voiceId,
    classIndex: VISEME_CLASSES.indexOf(r.visemeClass),
    frames: labelledFrames(r, extractor),
  }));
  for (let k = 0; k < VISEME_CLASSES.length; k++) {
    if (!sets.some((s) => s.classIndex === k && s.frames.length > 0)) throw new Error(`No voiced calibration frames for class ${VISEME_CLASSES[k]}`);
  }
  const corpusMean = normaliseSpeakers(sets, n);
  const { means, pooledVariance, counts } = classStatistics(sets, n);

  // Leave one voice out: how well do profiles built without a voice recognise it?
  const confusion = VISEME_CLASSES.map(() => VISEME_CLASSES.map(() => 0));
  const logLikelihood = TEMPERATURES.map(() => 0);
  const ownDistances: number[] = [];
  let tested = 0;
  for (const voice of new Set(sets.map((s) => s.voiceId))) {
    const held = sets.filter((s) => s.voiceId === voice);
    const fold = classStatistics(sets.filter((s) => s.voiceId !== voice), n);
    for (const s of held) for (const x of s.frames) {
      const d = distances(x, fold.means, fold.pooledVariance);
      const best = Math.min(...d);
      confusion[s.classIndex][d.indexOf(best)]++;
      ownDistances.push(best);
      TEMPERATURES.forEach((t, i) => {
        const sum = d.reduce((a, v) => a + Math.exp(-(v - best) / (2 * t)), 0);
        logLikelihood[i] += -(d[s.classIndex] - best) / (2 * t) - Math.log(sum);
      });
      tested++;
    }
  }
  const correct = confusion.reduce((a, row, k) => a + row[k], 0);
  const softmaxTemperature = TEMPERATURES[logLikelihood.indexOf(Math.max(...logLikelihood))];
  // Generous: real voices and microphones sit further from espeak's voices than these from each
  // other (real speech measured up to 4x this percentile before mean normalisation).
  const outlierDistance = 3 * percentile(Float32Array.from(ownDistances), 0.99);

  const round = (v: number): number => Number(v.toPrecision(6));
  const profiles: VisemeProfiles = {
    format: 'aniportrait-viseme-profiles/1',
    mfcc: config,
    classes: [...VISEME_CLASSES],
    means: means.map((m) => m.map(round)),
    pooledVariance: pooledVariance.map(round),
    corpusMean: corpusMean.map(round),
    softmaxTemperature,
    outlierDistance: round(outlierDistance),
    frameCounts: counts,
    source,
  };
  return { profiles, heldOutAccuracy: tested > 0 ? correct / tested : Number.NaN, confusion };
}
