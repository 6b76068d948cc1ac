import { LANDMARK_COUNT, POSE_LENGTH } from './topology.js';

/**
 * The generated motion of one project, AniPortrait's intermediate representation: per frame an
 * expression (offsets from the rest face) and a head pose. Never edited in place: keyframe layers
 * compose over it.
 */
export interface LandmarkTrack {
  /** Frames per second; 30 by default, as AniPortrait. */
  readonly fps: number;
  readonly frameCount: number;
  /** frameCount x LANDMARK_COUNT x 3 offsets in cm, in face space, added to FaceRig.lmks3dCm. */
  readonly offsetsCm: Float32Array;
  /**
   * frameCount x POSE_LENGTH: [rxDeg, ryDeg, rzDeg, txCm, tyCm, tzCm], AniPortrait's `pose_seq`
   * convention (relative pose applied in face space before the reference transMat).
   */
  readonly poses: Float32Array;
}

export function createEmptyTrack(fps: number, frameCount: number): LandmarkTrack {
  if (!(fps > 0) || !Number.isInteger(frameCount) || frameCount < 0) {
    throw new Error(`Invalid track size: fps ${fps}, frameCount ${frameCount}`);
  }
  return {
    fps,
    frameCount,
    offsetsCm: new Float32Array(frameCount * LANDMARK_COUNT * 3),
    poses: new Float32Array(frameCount * POSE_LENGTH),
  };
}

/** Views (no copies) of one frame's offsets and pose. */
export function trackFrame(track: LandmarkTrack, frameIndex: number): { offsetsCm: Float32Array; pose: Float32Array } {
  if (!Number.isInteger(frameIndex) || frameIndex < 0 || frameIndex >= track.frameCount) {
    throw new RangeError(`frameIndex ${frameIndex} outside 0..${track.frameCount - 1}`);
  }
  const stride = LANDMARK_COUNT * 3;
  return {
    offsetsCm: track.offsetsCm.subarray(frameIndex * stride, (frameIndex + 1) * stride),
    pose: track.poses.subarray(frameIndex * POSE_LENGTH, (frameIndex + 1) * POSE_LENGTH),
  };
}

/** Duration covered by the track's frames. */
export function trackDurationSec(track: LandmarkTrack): number {
  return track.frameCount / track.fps;
}
