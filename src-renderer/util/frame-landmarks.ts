import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { frameOffsetsInto } from '../../src-shared/face/face-param-track';
import type { ExpressionRig } from '../../src-shared/face/expression-rig';
import type { FaceRig } from '../../src-shared/face/face-rig';
import { LANDMARK_COUNT, MESH_VERTEX_COUNT, POSE_LENGTH } from '../../src-shared/face/topology';
import { poseToMatrix } from '../../src-shared/projection/euler-pose';
import { projectPoints } from '../../src-shared/projection/perspective-projection';
import { applyCrop, faceCrop } from '../../src-shared/render/face-crop';

/** The frame's pose vector [rxDeg, ryDeg, rzDeg, txCm, tyCm, tzCm] (a view, no copy). */
export function framePose(track: FaceParamTrack, frameIndex: number): Float32Array {
  return track.poses.subarray(frameIndex * POSE_LENGTH, (frameIndex + 1) * POSE_LENGTH);
}

/** The frame's 478 face-space points (cm): the rest face plus the frame's offsets (mesh engine and composed params). */
export function frameFacePointsCm(rig: FaceRig, expression: ExpressionRig, track: FaceParamTrack, frameIndex: number, out = new Float32Array(LANDMARK_COUNT * 3)): Float32Array {
  frameOffsetsInto(track, expression, frameIndex, out);
  for (let i = 0; i < LANDMARK_COUNT * 3; i++) out[i] += rig.lmks3dCm[i];
  return out;
}

/** Points moved by the pose D = Rz Ry Rx + t, still in face space (cm, y up, z towards the viewer). */
export function posePointsCm(pointsCm: Float32Array, pose: ArrayLike<number>, out = new Float32Array(pointsCm.length)): Float32Array {
  const m = poseToMatrix(pose);
  for (let i = 0; i < pointsCm.length; i += 3) {
    const x = pointsCm[i];
    const y = pointsCm[i + 1];
    const z = pointsCm[i + 2];
    out[i] = m[0] * x + m[1] * y + m[2] * z + m[3];
    out[i + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
    out[i + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
  }
  return out;
}

/**
 * The frame's landmarks in output pixels, as the built-in renderer places them: AniPortrait's
 * camera into the photo, then the face-centred crop at the output size.
 */
export function outputLandmarksPx(rig: FaceRig, pointsCm: Float32Array, pose: ArrayLike<number>, outputWidthPx: number, outputHeightPx: number): Float32Array {
  const photo = { widthPx: rig.imageWidthPx, heightPx: rig.imageHeightPx };
  const crop = faceCrop(rig.landmarks2dPx, MESH_VERTEX_COUNT, rig.imageWidthPx, rig.imageHeightPx, outputWidthPx, outputHeightPx);
  return applyCrop(crop, projectPoints(pointsCm, LANDMARK_COUNT, rig.transMat, pose, photo));
}
