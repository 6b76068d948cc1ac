import {
  CHIN_BOTTOM,
  FOREHEAD_TOP,
  LEFT_BROW,
  LEFT_EYE_LOWER,
  LEFT_EYE_UPPER,
  LOWER_LIP_INNER_MID,
  MOUTH_CORNERS,
  NOSE_TIP,
  RIGHT_BROW,
  RIGHT_EYE_LOWER,
  RIGHT_EYE_UPPER,
  UPPER_LIP_INNER_MID,
} from '../face/landmark-regions.js';

/**
 * Sizes of one face in its own metric space (cm; pose removed): what retargeting scales by and
 * what the neutral frame is chosen by. `points` is LANDMARK_COUNT x 3 (FaceRig.lmks3dCm layout).
 */
export interface FaceMeasures {
  /** Forehead top to chin bottom. */
  readonly faceHeightCm: number;
  /** Nose tip to chin bottom: the part the jaw moves. */
  readonly lowerFaceHeightCm: number;
  /** Mouth corner to mouth corner. */
  readonly mouthWidthCm: number;
  /** Inner lips, midline: 0 when closed. */
  readonly mouthOpenCm: number;
  /** Upper to lower lid at the eyes' middle, the mean of both eyes. */
  readonly eyeHeightCm: number;
  /** Brows above the upper lids (mean height difference). */
  readonly browHeightCm: number;
}

function distance(points: ArrayLike<number>, a: number, b: number): number {
  return Math.hypot(points[a * 3] - points[b * 3], points[a * 3 + 1] - points[b * 3 + 1], points[a * 3 + 2] - points[b * 3 + 2]);
}

function meanY(points: ArrayLike<number>, indices: readonly number[]): number {
  let sum = 0;
  for (const i of indices) sum += points[i * 3 + 1];
  return sum / indices.length;
}

export function measureFace(points: ArrayLike<number>): FaceMeasures {
  const lid = (upper: readonly number[], lower: readonly number[]) => distance(points, upper[3], lower[3]);
  const upperLids = [...LEFT_EYE_UPPER, ...RIGHT_EYE_UPPER];
  return {
    faceHeightCm: distance(points, FOREHEAD_TOP, CHIN_BOTTOM),
    lowerFaceHeightCm: distance(points, NOSE_TIP, CHIN_BOTTOM),
    mouthWidthCm: distance(points, MOUTH_CORNERS[0], MOUTH_CORNERS[1]),
    mouthOpenCm: distance(points, UPPER_LIP_INNER_MID, LOWER_LIP_INNER_MID),
    eyeHeightCm: (lid(LEFT_EYE_UPPER, LEFT_EYE_LOWER) + lid(RIGHT_EYE_UPPER, RIGHT_EYE_LOWER)) / 2,
    browHeightCm: meanY(points, [...LEFT_BROW, ...RIGHT_BROW]) - meanY(points, upperLids),
  };
}
