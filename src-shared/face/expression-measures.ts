import { LEFT_BROW, LEFT_EYE_LOWER, LEFT_EYE_UPPER, MOUTH_CORNERS, RIGHT_BROW, RIGHT_EYE_LOWER, RIGHT_EYE_UPPER } from './landmark-regions.js';

/** Outer eye corners: the face's own length unit for expression measures. */
const EYE_OUTER_CORNERS = [33, 263] as const;
/** The middle of the upper and lower lip's outer contour. */
const LIP_OUTER_MIDS = [0, 17] as const;

/**
 * Expression measures of one face in face space (cm, x right, y up, z towards the viewer), each as
 * a fraction of the distance between the outer eye corners, so faces of any size compare.
 */
export interface ExpressionMeasures {
  /** Mouth corner to mouth corner (a smile spreads it, a funnel narrows it). */
  readonly mouthSpread: number;
  /** Mouth corners above the outer lips' middle (a smile lifts them). */
  readonly cornerLift: number;
  /** Brows above the upper lids (a brow raise lifts them). */
  readonly browLift: number;
  /** Upper to lower lid at the eyes' middle (a blink closes it). */
  readonly eyeOpening: number;
  /** The outer lips' middle in front of the mouth corners (a funnel pushes the lips forward). */
  readonly lipProtrusion: number;
}

export function expressionMeasures(pointsCm: ArrayLike<number>): ExpressionMeasures {
  const at = (i: number, axis: number) => pointsCm[i * 3 + axis];
  const mean = (ids: readonly number[], axis: number) => ids.reduce((sum, i) => sum + at(i, axis), 0) / ids.length;
  const eyeCm = Math.hypot(at(EYE_OUTER_CORNERS[0], 0) - at(EYE_OUTER_CORNERS[1], 0), at(EYE_OUTER_CORNERS[0], 1) - at(EYE_OUTER_CORNERS[1], 1), at(EYE_OUTER_CORNERS[0], 2) - at(EYE_OUTER_CORNERS[1], 2));
  const [left, right] = MOUTH_CORNERS;
  const spread = Math.hypot(at(left, 0) - at(right, 0), at(left, 1) - at(right, 1));
  const cornerY = (at(left, 1) + at(right, 1)) / 2;
  const lipsY = mean(LIP_OUTER_MIDS, 1);
  const brows = mean([...RIGHT_BROW, ...LEFT_BROW], 1) - mean([...RIGHT_EYE_UPPER, ...LEFT_EYE_UPPER], 1);
  const eyes = (at(RIGHT_EYE_UPPER[3], 1) - at(RIGHT_EYE_LOWER[3], 1) + at(LEFT_EYE_UPPER[3], 1) - at(LEFT_EYE_LOWER[3], 1)) / 2;
  const protrusion = mean(LIP_OUTER_MIDS, 2) - (at(left, 2) + at(right, 2)) / 2;
  return { mouthSpread: spread / eyeCm, cornerLift: (cornerY - lipsY) / eyeCm, browLift: brows / eyeCm, eyeOpening: eyes / eyeCm, lipProtrusion: protrusion / eyeCm };
}
