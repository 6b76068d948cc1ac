import { LEFT_EYE_LOWER, LEFT_EYE_UPPER, LEFT_IRIS, LEFT_LID_CREASE, NOSE_TIP, RIGHT_EYE_LOWER, RIGHT_EYE_UPPER, RIGHT_IRIS, RIGHT_LID_CREASE, UPPER_LIP_OUTER } from '../face/landmark-regions.js';
import { LANDMARK_COUNT } from '../face/topology.js';
import { smoothstep } from '../math/smoothstep.js';
import type { FaceMeasures } from './face-measures.js';

/** Ratios beyond these are clamped: a tracking failure on one face must not blow the other up. */
export const RETARGET_RATIO_LIMITS = [0.5, 2] as const;

/** Target size over source size of each region that scales the offsets. */
export interface RetargetRatios {
  readonly mouthWidth: number;
  readonly lowerFaceHeight: number;
  readonly eyeHeight: number;
  readonly faceHeight: number;
}

const clampRatio = (target: number, source: number) => Math.min(RETARGET_RATIO_LIMITS[1], Math.max(RETARGET_RATIO_LIMITS[0], target / source));

export function retargetRatios(target: FaceMeasures, source: FaceMeasures): RetargetRatios {
  return {
    mouthWidth: clampRatio(target.mouthWidthCm, source.mouthWidthCm),
    lowerFaceHeight: clampRatio(target.lowerFaceHeightCm, source.lowerFaceHeightCm),
    eyeHeight: clampRatio(target.eyeHeightCm, source.eyeHeightCm),
    faceHeight: clampRatio(target.faceHeightCm, source.faceHeightCm),
  };
}

/** Per landmark, how much it belongs to the mouth (the lower face the jaw and lips move) and to the eyes (lids, creases, irises); the rest is expression (brows, forehead, upper cheeks, nose). */
export interface FaceRegionWeights {
  readonly mouth: Float32Array;
  readonly eyes: Float32Array;
  readonly expression: Float32Array;
}

const EYE_POINTS = [...LEFT_EYE_UPPER, ...LEFT_EYE_LOWER, ...LEFT_LID_CREASE, ...LEFT_IRIS, ...RIGHT_EYE_UPPER, ...RIGHT_EYE_LOWER, ...RIGHT_LID_CREASE, ...RIGHT_IRIS];

/**
 * Region weights over a rest face (face space, y up): the mouth ramps in from the nose tip down to
 * the top of the upper lip, so cheeks fade between; the eye points are the lids, creases and irises.
 */
export function faceRegionWeights(restCm: ArrayLike<number>): FaceRegionWeights {
  const mouth = new Float32Array(LANDMARK_COUNT);
  const eyes = new Float32Array(LANDMARK_COUNT);
  const expression = new Float32Array(LANDMARK_COUNT);
  const noseY = restCm[NOSE_TIP * 3 + 1];
  const lipTopY = restCm[UPPER_LIP_OUTER[4] * 3 + 1];
  for (const i of EYE_POINTS) eyes[i] = 1;
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    mouth[i] = eyes[i] > 0 ? 0 : smoothstep(restCm[i * 3 + 1], noseY, lipTopY);
    expression[i] = 1 - mouth[i] - eyes[i];
  }
  return { mouth, eyes, expression };
}

/**
 * Scales one frame's offsets (LANDMARK_COUNT x 3, face space) from the source face to the target
 * face and applies each part's gain: mouth offsets by the mouth's width (x) and the lower face's
 * height (y, z), eye offsets by the eyes' height (y) and the face's (x, z), the rest by the face's
 * height. `out` may be `offsets`.
 */
export function retargetOffsetsInto(
  offsets: ArrayLike<number>,
  ratios: RetargetRatios,
  weights: FaceRegionWeights,
  gains: { readonly mouth: number; readonly eyes: number; readonly expression: number },
  out: Float32Array,
): Float32Array {
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const m = weights.mouth[i] * gains.mouth;
    const e = weights.eyes[i] * gains.eyes;
    const x = weights.expression[i] * gains.expression;
    const sx = m * ratios.mouthWidth + e * ratios.faceHeight + x * ratios.faceHeight;
    const sy = m * ratios.lowerFaceHeight + e * ratios.eyeHeight + x * ratios.faceHeight;
    const sz = m * ratios.lowerFaceHeight + e * ratios.faceHeight + x * ratios.faceHeight;
    out[i * 3] = offsets[i * 3] * sx;
    out[i * 3 + 1] = offsets[i * 3 + 1] * sy;
    out[i * 3 + 2] = offsets[i * 3 + 2] * sz;
  }
  return out;
}
