import type { FaceParamName, FaceParamTrack } from '../../../src-shared/face/face-param-track';
import { FACE_PARAM_NAMES, paramTrack } from '../../../src-shared/face/face-param-track';
import { POSE_LENGTH } from '../../../src-shared/face/topology';
import type { MouthShapeId } from '../../../src-shared/mouth/mouth-schema';
import { shapePose } from '../../../src-shared/mouth/mouth-poses';

/** A 30 fps track whose frames are `shapes[f]` at strength `strength` (rest + s (shape - rest)), other params 0. */
export function shapeTrack(shapes: readonly MouthShapeId[], strength = 1, fps = 30): FaceParamTrack {
  const n = shapes.length;
  const params = Object.fromEntries(FACE_PARAM_NAMES.map((name) => [name, new Float32Array(n)])) as Record<FaceParamName, Float32Array>;
  const rest = shapePose('rest');
  shapes.forEach((shape, f) => {
    const pose = shapePose(shape);
    for (const p of ['jawOpen', 'lipFunnel', 'mouthWidth', 'lipPress'] as const) params[p][f] = rest[p] + strength * (pose[p] - rest[p]);
  });
  return paramTrack(fps, n, params, new Float32Array(n * POSE_LENGTH));
}

/** `count` frames of `shape`. */
export const run = (shape: MouthShapeId, count: number): MouthShapeId[] => Array.from({ length: count }, () => shape);
