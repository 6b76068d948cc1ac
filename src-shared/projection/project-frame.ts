import type { FaceRig } from '../face/face-rig.js';
import type { LandmarkTrack } from '../face/landmark-track.js';
import { trackFrame } from '../face/landmark-track.js';
import { LANDMARK_COUNT } from '../face/topology.js';
import type { ProjectionTarget } from './perspective-projection.js';
import { projectPoints } from './perspective-projection.js';

/**
 * 2D landmarks (LANDMARK_COUNT x 2, target pixels) of one track frame: rest face + the frame's
 * offsets, moved by the frame's pose and the rig's transMat.
 */
export function projectTrackFrame(
  rig: FaceRig,
  track: LandmarkTrack,
  frameIndex: number,
  target: ProjectionTarget,
  out: Float32Array = new Float32Array(LANDMARK_COUNT * 2),
  scratchCm: Float32Array = new Float32Array(LANDMARK_COUNT * 3),
): Float32Array {
  const { offsetsCm, pose } = trackFrame(track, frameIndex);
  for (let i = 0; i < LANDMARK_COUNT * 3; i++) scratchCm[i] = rig.lmks3dCm[i] + offsetsCm[i];
  return projectPoints(scratchCm, LANDMARK_COUNT, rig.transMat, pose, target, out);
}
