import { readFile } from 'node:fs/promises';
import { LEFT_EYE_LOWER, LEFT_EYE_UPPER, RIGHT_EYE_LOWER, RIGHT_EYE_UPPER, LEFT_BROW, RIGHT_BROW } from '../../../src-shared/face/landmark-regions.js';
import { POSE_LENGTH } from '../../../src-shared/face/topology.js';
import { parseNpy } from '../../../src-shared/formats/npy.js';
import { invertSimilarity } from '../../../src-shared/math/weighted-procrustes.js';
import { firstBadPoseRow } from '../../../src-shared/motion/pose-row-check.js';
import { loopPoseMirrored, smoothSequence } from '../../../src-shared/motion/pose-sequence.js';
import { matrixToPose, multiplyMat4 } from '../../../src-shared/projection/euler-pose.js';
import { StudioError } from '../../../src-shared/util/result.js';
import { trackVideoFaces } from '../../face/track-video-faces.js';
import { toStudioFsError } from '../../util/fs-errors.js';

/** AniPortrait's pose template (.npy, n x 6, degrees + cm, 30 fps), looped mirrored to `frameCount`. */
export async function templatePoses(path: string, frameCount: number): Promise<Float32Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw toStudioFsError(error, `the pose template "${path}"`);
  }
  let array;
  try {
    array = parseNpy(new Uint8Array(bytes));
  } catch (error) {
    throw new StudioError('unsupported-media', `The pose template "${path}" is not usable: ${(error as Error).message}.`);
  }
  if (array.shape.length !== 2 || array.shape[1] !== POSE_LENGTH || array.shape[0] < 2) {
    throw new StudioError('unsupported-media', `The pose template "${path}" has shape (${array.shape.join(', ')}); expected (n, 6) rows of [rx, ry, rz, tx, ty, tz] as AniPortrait's pose_temp.npy.`);
  }
  const bad = firstBadPoseRow(array.data);
  if (bad) throw new StudioError('unsupported-media', `The pose template "${path}" cannot be used: ${bad}. Fix or re-export the template.`);
  return loopPoseMirrored(array.data, frameCount);
}

export interface VideoStyle {
  /** frameCount x POSE_LENGTH, relative to the video's first tracked frame. */
  readonly poses: Float32Array;
  readonly blinkLeft: Float32Array;
  readonly blinkRight: Float32Array;
  readonly browRaise: Float32Array;
}

/**
 * Pose and expression style of a reference video: its face is tracked in every frame; the head
 * pose relative to the first frame (AniPortrait's generate_ref_pose: inv(T0) Ti), the eyelids and
 * the brows are taken over, then looped mirrored to `frameCount`.
 */
export async function videoStyle(path: string, label: string, fps: number, frameCount: number, signal?: AbortSignal): Promise<VideoStyle> {
  const { frames } = await trackVideoFaces(path, label, { fps, signal });
  const poses: number[] = [];
  const eyes: [number, number][] = [];
  const brows: number[] = [];
  let first: Float64Array | undefined;
  let missing = 0;
  for (const face of frames) {
    if (!face) {
      missing++;
      const last = poses.length >= POSE_LENGTH ? poses.slice(-POSE_LENGTH) : [0, 0, 0, 0, 0, 0];
      poses.push(...last);
      eyes.push(eyes[eyes.length - 1] ?? [1, 1]);
      brows.push(brows[brows.length - 1] ?? 0);
      continue;
    }
    first ??= invertSimilarity(face.transMat);
    poses.push(...matrixToPose(multiplyMat4(first, face.transMat)));
    const p = face.lmks3dCm;
    const gap = (upper: readonly number[], lower: readonly number[]) => Math.hypot(p[upper[3] * 3 + 1] - p[lower[3] * 3 + 1], p[upper[3] * 3 + 2] - p[lower[3] * 3 + 2]);
    eyes.push([gap(LEFT_EYE_UPPER, LEFT_EYE_LOWER), gap(RIGHT_EYE_UPPER, RIGHT_EYE_LOWER)]);
    const browY = (brow: readonly number[]) => brow.reduce((s, i) => s + p[i * 3 + 1], 0) / brow.length;
    brows.push((browY(LEFT_BROW) + browY(RIGHT_BROW)) / 2 - (p[LEFT_EYE_UPPER[3] * 3 + 1] + p[RIGHT_EYE_UPPER[3] * 3 + 1]) / 2);
  }
  const tracked = eyes.length;
  if (tracked === 0 || missing > tracked * 0.5) {
    throw new StudioError('unsupported-media', `${label}: a face was found in only ${tracked - missing} of ${tracked} frames. Choose a video that shows one face throughout.`);
  }
  const openLeft = percentile(eyes.map((e) => e[0]), 0.9);
  const openRight = percentile(eyes.map((e) => e[1]), 0.9);
  const browRest = percentile(brows, 0.5);
  const perFrame = (values: number[]) => Float32Array.from(values);
  const blinkL = perFrame(eyes.map((e) => clamp01(1 - e[0] / openLeft) * 1.4));
  const blinkR = perFrame(eyes.map((e) => clamp01(1 - e[1] / openRight) * 1.4));
  const brow = perFrame(brows.map((b) => clamp01((b - browRest) / 0.5)));
  return {
    poses: loopPoseMirrored(smoothSequence(poses, POSE_LENGTH, 5), frameCount),
    blinkLeft: loopPoseChannel(blinkL, frameCount),
    blinkRight: loopPoseChannel(blinkR, frameCount),
    browRaise: loopPoseChannel(smoothSequence(brow, 1, 5), frameCount),
  };
}

/** Mirrored looping of one channel (the pose loop, one value per frame). */
function loopPoseChannel(values: Float32Array, frameCount: number): Float32Array {
  const six = new Float32Array(values.length * POSE_LENGTH);
  values.forEach((v, i) => (six[i * POSE_LENGTH] = v));
  const looped = loopPoseMirrored(six, frameCount);
  return Float32Array.from({ length: frameCount }, (_, i) => looped[i * POSE_LENGTH]);
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] || 1;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
