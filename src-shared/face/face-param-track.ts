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
  /**
   * frameCount x LANDMARK_COUNT x 3 offsets (cm) from a mesh engine (AniPortrait's audio2mesh); the
   * expression params then add to them. Absent for the built-in engine, whose params are the motion.
   */
  readonly meshOffsetsCm?: Float32Array;
}

/** A mesh engine's landmark track as a FaceParamTrack: neutral params over its per-frame offsets. */
export function meshParamTrack(track: LandmarkTrack): FaceParamTrack {
  const params = Object.fromEntries(FACE_PARAM_NAMES.map((name) => [name, new Float32Array(track.frameCount)])) as Record<FaceParamName, Float32Array>;
  return { fps: track.fps, frameCount: track.frameCount, params, poses: track.poses, meshOffsetsCm: track.offsetsCm };
}

/** Writes frame `frameIndex`'s landmark offsets (mesh offsets, if any, plus the params through the rig) into `out`. */
export function frameOffsetsInto(track: FaceParamTrack, rig: ExpressionRig, frameIndex: number, out: Float32Array): Float32Array {
  rig.offsets(frameParams(track, frameIndex), out);
  const mesh = track.meshOffsetsCm;
  if (mesh) {
    const stride = LANDMARK_COUNT * 3;
    for (let i = 0, o = frameIndex * stride; i < stride; i++) out[i] += mesh[o + i];
  }
  return out;
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
    offsetsInto: (frameIndex: number, out: Float32Array) => void frameOffsetsInto(track, rig, frameIndex, out),
  };
}

/** Landmark offsets of every frame through the person's expression rig. */
export function toLandmarkTrack(track: FaceParamTrack, rig: ExpressionRig): LandmarkTrack {
  const stride = LANDMARK_COUNT * 3;
  const offsetsCm = new Float32Array(track.frameCount * stride);
  for (let f = 0; f < track.frameCount; f++) frameOffsetsInto(track, rig, f, offsetsCm.subarray(f * stride, (f + 1) * stride));
  if (track.poses.length !== track.frameCount * POSE_LENGTH) throw new Error('FaceParamTrack poses do not match frameCount');
  return { fps: track.fps, frameCount: track.frameCount, offsetsCm, poses: track.poses };
}
