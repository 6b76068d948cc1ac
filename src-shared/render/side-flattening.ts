import { smoothstep } from '../math/smoothstep.js';
import { FACE_OVAL } from './warp-mesh.js';

/**
 * How much of their depth the sides of the head lose at 30 degrees of yaw (in proportion to
 * |sin yaw| below and above). A turn reveals the side of the face that the photo shows
 * foreshortened; warping its few pixels over the width it takes when turned smears them into a
 * band (the near cheek), and bends hair that hangs inside the face oval. With their depth
 * flattened towards the face's mean depth, the sides turn less than a rigid head would: less
 * stretch, a little less parallax at the edges. The middle of the face (nose, eyes, mouth) keeps
 * its depth.
 */
export const SIDE_FLATTENING_AT_30 = 0.7;
/** The sides begin and are fully flattened at these fractions of the face oval's half width. */
const SIDE_FROM = 0.45;
const SIDE_TO = 0.95;

/**
 * Flattens the depth of the face's sides on a head turn (see SIDE_FLATTENING_AT_30), the same for
 * the face landmarks and for the helper-ring shell points around them, so the two stay together.
 * At yaw 0 it changes nothing: a still frame remains the photo.
 */
export class SideFlattening {
  private readonly meanDepthCm: number;
  private readonly centreXCm: number;
  private readonly halfWidthCm: number;

  constructor(restLandmarksCm: ArrayLike<number>, landmarkCount: number) {
    let depth = 0;
    for (let i = 0; i < landmarkCount; i++) depth += restLandmarksCm[i * 3 + 2] / landmarkCount;
    this.meanDepthCm = depth;
    let cx = 0;
    for (const i of FACE_OVAL) cx += restLandmarksCm[i * 3] / FACE_OVAL.length;
    this.centreXCm = cx;
    this.halfWidthCm = Math.max(...FACE_OVAL.map((i) => Math.abs(restLandmarksCm[i * 3] - cx)));
  }

  /** Each point's weight (0 middle, 1 sides) by its rest x (face space, cm). */
  weights(pointsCm: ArrayLike<number>, count: number): Float32Array {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = smoothstep(Math.abs(pointsCm[i * 3] - this.centreXCm) / this.halfWidthCm, SIDE_FROM, SIDE_TO);
    return out;
  }

  /** `pointsCm` with the sides' depth flattened for a turn of `yawDeg` into `out` (count x 3); `weights` from `weights`. */
  apply(pointsCm: ArrayLike<number>, count: number, weights: Float32Array, yawDeg: number, out: Float32Array): Float32Array {
    const amount = Math.min(1, SIDE_FLATTENING_AT_30 * (Math.abs(Math.sin((yawDeg * Math.PI) / 180)) / 0.5));
    for (let i = 0; i < count * 3; i++) out[i] = pointsCm[i];
    if (amount === 0) return out;
    for (let i = 0; i < count; i++) out[i * 3 + 2] += (this.meanDepthCm - pointsCm[i * 3 + 2]) * amount * weights[i];
    return out;
  }
}
