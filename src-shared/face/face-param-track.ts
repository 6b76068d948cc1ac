import type { FaceParams } from './expression-rig.js';
import type { ExpressionRig } from './expression-rig.js';
import type { LandmarkTrack } from './landmark-track.js';
import { LANDMARK_COUNT, POSE_LENGTH } from './topology.js';

export const FACE_PARAM_NAMES = ['jawOpen', 'lipFunnel', 'mouthWidth', 'lipPress', 'smile', 'blinkLeft', 'blinkRight', 'browRaise'] as const;
export type FaceParamName = (typeof FACE_PARAM_NAMES)[number];

/**
 * The built-in engine's track before it becomes landmarks: per frame the expression parameters
 * and the head pose. Small (8 + 6 floats a frame), so keyframe layers can compose over it and any
 * frame's landmarks can be rebuilt on demand.
 */
export interface FaceParamTrack {
  readonly fps: number;
  readonly frameCount: number;
  readonly params: Readonly<Record<FaceParamName, Float32Array>>;
  /** frameCount x POSE_LENGTH, the LandmarkTrack pose convention. */
  readonly poses: Float32Array;
}

export function frameParams(track: FaceParamTrack, frameIndex: number): FaceParams {
  const out = {} as FaceParams;
  for (const name of FACE_PARAM_NAMES) out[name] = track.params[name][frameIndex];
  return out;
}

/** The track's frames as landmark offsets through the person's expression rig, made on demand. */
export function paramTrackFrames(track: FaceParamTrack, rig: ExpressionRig) {
  return {
    fps: track.fps,
    frameCount: track.frameCount,
    poses: track.poses,
    offsetsInto: (frameIndex: number, out: Float32Array) => void rig.offsets(frameParams(track, frameIndex), out),
  };
}

/** Landmark offsets of every frame through the person's expression rig. */
export function toLandmarkTrack(track: FaceParamTrack, rig: ExpressionRig): LandmarkTrack {
  const stride = LANDMARK_COUNT * 3;
  const offsetsCm = new Float32Array(track.frameCount * stride);
  for (let f = 0; f < track.frameCount; f++) rig.offsets(frameParams(track, f), offsetsCm.subarray(f * stride, (f + 1) * stride));
  if (track.poses.length !== track.frameCount * POSE_LENGTH) throw new Error('FaceParamTrack poses do not match frameCount');
  return { fps: track.fps, frameCount: track.frameCount, offsetsCm, poses: track.poses };
}
