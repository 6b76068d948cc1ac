import type { FaceMeasures } from './face-measures.js';

/** How many of the most neutral frames are averaged into the neutral face (one frame would carry its tracker jitter). */
export const NEUTRAL_FRAME_COUNT = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A robust spread (interquartile range) with a floor, so a channel that never moves does not dominate. */
function spread(values: readonly number[], floor: number): number {
  return Math.max(floor, quantile(values, 0.75) - quantile(values, 0.25));
}

/**
 * How far each frame's face is from rest (0 = most neutral): the mouth closed (its smallest
 * opening in the video), the mouth's width at its median, the eyes open (their upper quartile)
 * and the brows at their median, each in units of its own spread over the video. Sizes are taken
 * relative to the face height, so a head moving nearer does not count as an expression.
 */
export function neutralScores(measures: readonly FaceMeasures[]): number[] {
  const rel = (pick: (m: FaceMeasures) => number) => measures.map((m) => pick(m) / m.faceHeightCm);
  const open = rel((m) => m.mouthOpenCm);
  const width = rel((m) => m.mouthWidthCm);
  const eyes = rel((m) => m.eyeHeightCm);
  const brows = rel((m) => m.browHeightCm);
  const floor = 0.002;
  const openMin = Math.min(...open);
  const [openSpread, widthSpread, eyeSpread, browSpread] = [spread(open, floor), spread(width, floor), spread(eyes, floor), spread(brows, floor)];
  const widthRest = median(width);
  const eyeRest = quantile(eyes, 0.75);
  const browRest = median(brows);
  return measures.map((_, f) =>
    (2 * (open[f] - openMin)) / openSpread +
    Math.abs(width[f] - widthRest) / widthSpread +
    Math.abs(eyes[f] - eyeRest) / eyeSpread +
    Math.abs(brows[f] - browRest) / browSpread,
  );
}

/** Indices (into `measures`) of the `count` most neutral frames, most neutral first. */
export function mostNeutralFrames(measures: readonly FaceMeasures[], count = NEUTRAL_FRAME_COUNT): number[] {
  const scores = neutralScores(measures);
  return scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, Math.max(1, Math.min(count, scores.length)))
    .map((s) => s.index);
}
