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
/**
 * The same for the side that turns towards the camera, which the turn reveals. Where the photo
 * shows that side edge-on (the cheek's outline in front of the face oval, on one ray of the photo),
 * the points left apart by 0.7 drew one pixel of the photo out into a flat band: on ref_cxk at yaw
 * -30 a crease between the near cheek and the sideburn, which read wider than in the photo (the
 * cheek's outline 447 and the oval 454 moved 9.3 px apart, now 4.6). The far side slides behind the
 * face and keeps 0.7, so it still turns away as far.
 */
export const NEAR_SIDE_FLATTENING_AT_30 = 0.9;
/** The sides begin and are fully flattened at these fractions of the face oval's half width. */
const SIDE_FROM = 0.45;
const SIDE_TO = 0.95;

/**
 * Flattens the depth of the face's sides on a head turn (see SIDE_FLATTENING_AT_30), the same for
 * the face landmarks and for the helper-ring shell points around them, so the two stay together.
 * The depth flattened is the photo camera's: each point slides along its own ray from the camera
 * of the photo, so where it lies in the photo does not change, only how far it is. Flattening along
 * the face's own depth axis instead left points that the photo shows in one place (a head turned
 * in the photo shows its far temple foreshortened: on ref_jijin the face oval beside her right eye
 * lies 2.2 cm beyond the eye corner's skin across the face, yet in the same column of the photo)
 * apart across the face, and a turn pulled them apart in the picture too: the few pixels between
 * them (lashes, a shadow, the hair strand over the temple) smeared into a dark streak and the
 * strand bent at the oval. Along the rays such points come together, and turn together.
 * At yaw 0 it changes nothing: a still frame remains the photo.
 */
export class SideFlattening {
  private readonly meanDepthCm: number;
  private readonly centreXCm: number;
  private readonly halfWidthCm: number;
  /** The photo camera's depth row of `transMat` (z = row . [x, y, z, 1]) and the camera's place in face space (cm). */
  private readonly depthRow: readonly [number, number, number, number];
  private readonly cameraCm: readonly [number, number, number];

  /** `transMat`: the face's placement before the camera in the photo (row-major 4x4, FaceRig.transMat). */
  constructor(restLandmarksCm: ArrayLike<number>, landmarkCount: number, transMat: ArrayLike<number>) {
    this.depthRow = [transMat[8], transMat[9], transMat[10], transMat[11]];
    this.cameraCm = cameraInFaceSpace(transMat);
    let depth = 0;
    for (let i = 0; i < landmarkCount; i++) depth += this.cameraDepth(restLandmarksCm, i) / landmarkCount;
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
    const turn = Math.abs(Math.sin((yawDeg * Math.PI) / 180)) / 0.5;
    const amount = Math.min(1, SIDE_FLATTENING_AT_30 * turn);
    const nearAmount = Math.min(1, NEAR_SIDE_FLATTENING_AT_30 * turn);
    // At positive yaw the side at negative x turns towards the camera.
    const nearSign = -Math.sign(yawDeg);
    for (let i = 0; i < count * 3; i++) out[i] = pointsCm[i];
    if (amount === 0) return out;
    const [cx, cy, cz] = this.cameraCm;
    for (let i = 0; i < count; i++) {
      if (weights[i] === 0) continue;
      // Along the ray from the camera: the point at camera depth z moves to z', p' = c + (p - c) z' / z.
      const z = this.cameraDepth(pointsCm, i);
      const near = Math.sign(pointsCm[i * 3] - this.centreXCm) === nearSign;
      const scale = ((this.meanDepthCm - z) * (near ? nearAmount : amount) * weights[i]) / z;
      out[i * 3] += (pointsCm[i * 3] - cx) * scale;
      out[i * 3 + 1] += (pointsCm[i * 3 + 1] - cy) * scale;
      out[i * 3 + 2] += (pointsCm[i * 3 + 2] - cz) * scale;
    }
    return out;
  }

  private cameraDepth(pointsCm: ArrayLike<number>, i: number): number {
    const [a, b, c, d] = this.depthRow;
    return a * pointsCm[i * 3] + b * pointsCm[i * 3 + 1] + c * pointsCm[i * 3 + 2] + d;
  }
}

/** The camera's position in face space: the point `transMat` takes to the origin, -A^-1 t. */
function cameraInFaceSpace(m: ArrayLike<number>): [number, number, number] {
  const [a, b, c, d, e, f, g, h, i] = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  const inverse = [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d].map((v) => v / det);
  const [tx, ty, tz] = [m[3], m[7], m[11]];
  return [-(inverse[0] * tx + inverse[1] * ty + inverse[2] * tz), -(inverse[3] * tx + inverse[4] * ty + inverse[5] * tz), -(inverse[6] * tx + inverse[7] * ty + inverse[8] * tz)];
}
