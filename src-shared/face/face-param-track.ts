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
  /**
   * FACE_PARAM_NAMES.length x frameCount, parameter-major: every parameter's frames in one run.
   * The layout the track crosses IPC in; `params` are views into it, so nothing is repacked.
   */
  readonly paramValues: Float32Array;
  /** Per parameter, frameCount values: views into paramValues. */
  readonly params: Readonly<Record<FaceParamName, Float32Array>>;
  /** frameCount x POSE_LENGTH, the LandmarkTrack pose convention. */
  readonly poses: Float32Array;
  /**
   * frameCount x LANDMARK_COUNT x 3 offsets (cm) from a mesh engine (AniPortrait's audio2mesh); the
   * expression params then add to them. Absent for the built-in engine, whose params are the motion.
   */
  readonly meshOffsetsCm?: Float32Array;
  /** Sculpted shapes with their composed weights (compose-layers.ts), added to every frame's offsets; absent when none is keyed. */
  readonly shapes?: ShapeWeights;
}

/** `count` shapes: their offsets (count x LANDMARK_COUNT x 3, cm, face space) and per frame their weights (frameCount x count). */
export interface ShapeWeights {
  /** The shapes' ids, in slot order. */
  readonly ids: readonly string[];
  readonly count: number;
  readonly offsetsCm: Float32Array;
  readonly weights: Float32Array;
}

/** A track over packed parameter values (paramValues layout): `params` become views, nothing is copied. */
export function packedParamTrack(fps: number, frameCount: number, paramValues: Float32Array, poses: Float32Array, meshOffsetsCm?: Float32Array): FaceParamTrack {
  if (paramValues.length !== FACE_PARAM_NAMES.length * frameCount || poses.length !== frameCount * POSE_LENGTH) throw new Error(`a FaceParamTrack of ${frameCount} frames needs ${FACE_PARAM_NAMES.length * frameCount} params and ${frameCount * POSE_LENGTH} pose values`);
  const params = Object.fromEntries(FACE_PARAM_NAMES.map((name, k) => [name, paramValues.subarray(k * frameCount, (k + 1) * frameCount)])) as Record<FaceParamName, Float32Array>;
  return { fps, frameCount, paramValues, params, poses, ...(meshOffsetsCm ? { meshOffsetsCm } : {}) };
}

/** A track from per-parameter arrays (as an engine computes them), packed once into the paramValues layout. */
export function paramTrack(fps: number, frameCount: number, params: Readonly<Record<FaceParamName, ArrayLike<number>>>, poses: Float32Array, meshOffsetsCm?: Float32Array): FaceParamTrack {
  const paramValues = new Float32Array(FACE_PARAM_NAMES.length * frameCount);
  FACE_PARAM_NAMES.forEach((name, k) => paramValues.set(params[name], k * frameCount));
  return packedParamTrack(fps, frameCount, paramValues, poses, meshOffsetsCm);
}

/** A mesh engine's landmark track as a FaceParamTrack: neutral params over its per-frame offsets. */
export function meshParamTrack(track: LandmarkTrack): FaceParamTrack {
  return packedParamTrack(track.fps, track.frameCount, new Float32Array(FACE_PARAM_NAMES.length * track.frameCount), track.poses, track.offsetsCm);
}

/** Writes frame `frameIndex`'s landmark offsets (mesh offsets, if any, plus the params through the rig) into `out`. */
export function frameOffsetsInto(track: FaceParamTrack, rig: ExpressionRig, frameIndex: number, out: Float32Array): Float32Array {
  rig.offsets(frameParams(track, frameIndex), out);
  const mesh = track.meshOffsetsCm;
  if (mesh) {
    const stride = LANDMARK_COUNT * 3;
    for (let i = 0, o = frameIndex * stride; i < stride; i++) out[i] += mesh[o + i];
  }
  const shapes = track.shapes;
  if (shapes) {
    // landmarks = generated + sum over shapes of weight(t) x offsets, the weights composed through every layer.
    const stride = LANDMARK_COUNT * 3;
    for (let s = 0; s < shapes.count; s++) {
      const w = shapes.weights[frameIndex * shapes.count + s];
      if (w === 0) continue;
      for (let i = 0, o = s * stride; i < stride; i++) out[i] += w * shapes.offsetsCm[o + i];
    }
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
