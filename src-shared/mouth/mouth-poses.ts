import type { FaceParamTrack } from '../face/face-param-track.js';
import type { MouthShape } from '../lipsync/mouth-shapes.js';
import { SILENCE_LIP_PRESS, VISEME_SHAPES } from '../lipsync/mouth-shapes.js';
import type { MouthShapeId } from './mouth-schema.js';

/** The four mouth parameters of the built-in lip sync (a MouthShape's fields, FaceParamTrack params). */
export const MOUTH_PARAMS = ['jawOpen', 'lipFunnel', 'mouthWidth', 'lipPress'] as const;
export type MouthParam = (typeof MOUTH_PARAMS)[number];

/** Each mouth parameter's range (MouthTrack's): values are kept inside it. */
export const MOUTH_PARAM_RANGE: Readonly<Record<MouthParam, readonly [number, number]>> = {
  jawOpen: [0, 1],
  lipFunnel: [0, 1],
  mouthWidth: [-1, 1],
  lipPress: [0, 1],
};

/** The mouth in silence: closed, relaxed lips (the lip sync's own rest pose). */
export const REST_MOUTH: MouthShape = { jawOpen: 0, lipFunnel: 0, mouthWidth: 0, lipPress: SILENCE_LIP_PRESS };

/** The pose of a lane shape at strength 1 (the lip sync's charted viseme poses). */
export function shapePose(shape: MouthShapeId): MouthShape {
  return shape === 'rest' ? REST_MOUTH : VISEME_SHAPES[shape];
}

/** Where the mouth of a track lives: the lip sync's parameters (built-in) or a mesh's offsets (AniPortrait's audio2mesh, a performance video). */
export type MouthMode = 'visemes' | 'mesh';

/**
 * 'mesh' when the track has mesh offsets and its four mouth parameters are 0 in every frame (the
 * mesh moves the mouth: AniPortrait's Audio2Lmk, a performance video with its mouth kept);
 * otherwise 'visemes' (the lip sync's parameters move it; its lips rest at 0.5 press, never 0 throughout).
 */
export function mouthMode(track: FaceParamTrack): MouthMode {
  if (!track.meshOffsetsCm) return 'visemes';
  for (const param of MOUTH_PARAMS) if (track.params[param].some((v) => v !== 0)) return 'visemes';
  return 'mesh';
}

export function clampParam(param: MouthParam, value: number): number {
  const [min, max] = MOUTH_PARAM_RANGE[param];
  return Math.min(max, Math.max(min, value));
}
