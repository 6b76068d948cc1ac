import type { VisemeClass } from './viseme-profiles.js';

/** One mouth pose in the four parameters of a MouthTrack. */
export interface MouthShape {
  /** 0 closed .. 1 wide open. */
  readonly jawOpen: number;
  /** 0 neutral .. 1 fully rounded (pucker). */
  readonly lipFunnel: number;
  /** -1 narrowed .. 0 neutral .. 1 spread. */
  readonly mouthWidth: number;
  /** 0 apart .. 1 pressed together. */
  readonly lipPress: number;
}

/**
 * Each viseme's pose at full loudness (the mouth shapes of the Preston Blair / uLipSync vowel
 * charts): A open, O open and round, U small and very round, I small and spread, E half open and
 * spread, N relaxed and slightly open, M closed and pressed.
 */
export const VISEME_SHAPES: Readonly<Record<VisemeClass, MouthShape>> = {
  A: { jawOpen: 0.9, lipFunnel: 0, mouthWidth: 0.15, lipPress: 0 },
  I: { jawOpen: 0.25, lipFunnel: 0, mouthWidth: 0.85, lipPress: 0 },
  U: { jawOpen: 0.18, lipFunnel: 0.95, mouthWidth: -0.6, lipPress: 0 },
  E: { jawOpen: 0.5, lipFunnel: 0, mouthWidth: 0.6, lipPress: 0 },
  O: { jawOpen: 0.65, lipFunnel: 0.6, mouthWidth: -0.35, lipPress: 0 },
  N: { jawOpen: 0.25, lipFunnel: 0.05, mouthWidth: 0, lipPress: 0 },
  M: { jawOpen: 0, lipFunnel: 0.05, mouthWidth: 0, lipPress: 1 },
};

/** How pressed the lips are when nobody speaks: closed and relaxed, not clenched. */
export const SILENCE_LIP_PRESS = 0.5;
/** Jaw opening of quiet syllables relative to loud ones: soft speech still moves the mouth. */
const QUIET_JAW_GAIN = 0.35;

/** Per-hop target poses (before coarticulation smoothing). */
export interface MouthTargets {
  readonly jawOpen: Float32Array;
  readonly lipFunnel: Float32Array;
  readonly mouthWidth: Float32Array;
  readonly lipPress: Float32Array;
}

/**
 * Blends the class poses by their weights, scales by how much speech the hop holds, and opens the
 * jaw further for louder syllables; rounding and spreading depend on the vowel, not the volume.
 */
export function mouthTargets(
  classes: readonly VisemeClass[],
  weights: Float32Array,
  speech: Float32Array,
  level: Float32Array,
): MouthTargets {
  const hopCount = speech.length;
  const k = classes.length;
  const shapes = classes.map((c) => VISEME_SHAPES[c]);
  const jawOpen = new Float32Array(hopCount);
  const lipFunnel = new Float32Array(hopCount);
  const mouthWidth = new Float32Array(hopCount);
  const lipPress = new Float32Array(hopCount);
  for (let h = 0; h < hopCount; h++) {
    let jaw = 0;
    let funnel = 0;
    let width = 0;
    let press = 0;
    for (let j = 0; j < k; j++) {
      const w = weights[h * k + j];
      jaw += w * shapes[j].jawOpen;
      funnel += w * shapes[j].lipFunnel;
      width += w * shapes[j].mouthWidth;
      press += w * shapes[j].lipPress;
    }
    const s = speech[h];
    jawOpen[h] = s * jaw * (QUIET_JAW_GAIN + (1 - QUIET_JAW_GAIN) * level[h]);
    lipFunnel[h] = s * funnel;
    mouthWidth[h] = s * width;
    lipPress[h] = s * press + (1 - s) * SILENCE_LIP_PRESS;
  }
  return { jawOpen, lipFunnel, mouthWidth, lipPress };
}
