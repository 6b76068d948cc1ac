import { LANDMARK_COUNT } from './topology.js';

/**
 * What face analysis of the reference photo yields; every engine starts from it.
 * Mirrors AniPortrait's `{lmks3d, trans_mat, lmks}` (docs/aniportrait-engine.md §1.6).
 */
export interface FaceRig {
  /** Size of the analysed photo in pixels. */
  readonly imageWidthPx: number;
  readonly imageHeightPx: number;
  /**
   * LANDMARK_COUNT x 3 points in the face's own metric space (cm), expression included:
   * MediaPipe's metric landmarks mapped back by inv(transMat). Iris points follow the 468 mesh points.
   */
  readonly lmks3dCm: Float32Array;
  /** 4x4 row-major transform, canonical face space -> camera metric space ([s*R | t]). */
  readonly transMat: Float64Array;
  /** LANDMARK_COUNT x 2 landmarks of the photo, in photo pixels. */
  readonly landmarks2dPx: Float32Array;
}

export function assertFaceRig(rig: FaceRig): void {
  if (rig.lmks3dCm.length !== LANDMARK_COUNT * 3) throw new Error(`FaceRig.lmks3dCm must hold ${LANDMARK_COUNT * 3} values`);
  if (rig.transMat.length !== 16) throw new Error('FaceRig.transMat must hold 16 values');
  if (rig.landmarks2dPx.length !== LANDMARK_COUNT * 2) throw new Error(`FaceRig.landmarks2dPx must hold ${LANDMARK_COUNT * 2} values`);
  if (!(rig.imageWidthPx > 0 && rig.imageHeightPx > 0)) throw new Error('FaceRig image size must be positive');
}
