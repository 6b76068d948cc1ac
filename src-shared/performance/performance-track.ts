import { LANDMARK_COUNT, POSE_LENGTH } from '../face/topology.js';
import { invertSimilarity } from '../math/weighted-procrustes.js';
import { matrixToPose, multiplyMat4 } from '../projection/euler-pose.js';
import { bridgeRowsInPlace, missingRuns } from './bridge-missing.js';
import type { MissingRun } from './bridge-missing.js';
import { measureFace } from './face-measures.js';
import { mostNeutralFrames } from './neutral-frame.js';
import type { OneEuroSettings } from './one-euro-filter.js';
import { zeroPhaseOneEuroInPlace } from './one-euro-filter.js';
import type { PerformancePartSettings } from './performance-parts.js';
import { partGain } from './performance-parts.js';
import type { RetargetRatios } from './retarget.js';
import { faceRegionWeights, retargetOffsetsInto, retargetRatios } from './retarget.js';

/** One frame of a tracked source video: the face geometry pipeline's output (FaceRig's lmks3dCm and transMat). */
export interface TrackedFace {
  /** LANDMARK_COUNT x 3, face space (pose removed), cm. */
  readonly lmks3dCm: Float32Array;
  /** Canonical face space -> camera ([s R | t]), row-major 4x4. */
  readonly transMat: ArrayLike<number>;
}

/**
 * Tracker jitter filters (zero-phase one-euro: a forward and a backward pass). Offsets in cm: still
 * below 1.5 Hz; the cutoff rises by 2 Hz per cm/s, so a lip closing at 10 cm/s passes at about
 * 20 Hz. Pose in degrees and cm: 1 Hz still, +0.1 Hz per degree/s.
 */
export const OFFSET_FILTER: OneEuroSettings = { minCutoffHz: 1.5, beta: 2, derivativeCutoffHz: 2 };
export const POSE_FILTER: OneEuroSettings = { minCutoffHz: 1, beta: 0.1, derivativeCutoffHz: 1 };

export interface PerformanceInput {
  /** Per source frame (already at the track's fps) the tracked face, or null where none was found. */
  readonly frames: readonly (TrackedFace | null)[];
  readonly fps: number;
  /** The photo's face in face space (FaceRig.lmks3dCm): the target of the retargeting. */
  readonly targetRestCm: ArrayLike<number>;
  /** Frames of the track to make (the audio's); a shorter source is looped mirrored, as pose templates are. */
  readonly frameCount: number;
  readonly parts: PerformancePartSettings;
  /** The source frame the pose is relative to (default: the first frame with a face). */
  readonly referenceFrame?: number;
}

export interface PerformanceReport {
  readonly sourceFrameCount: number;
  /** Runs of source frames without a face, bridged. */
  readonly missing: readonly MissingRun[];
  /** The source frames averaged into the neutral face, most neutral first. */
  readonly neutralFrames: readonly number[];
  readonly referenceFrame: number;
  readonly ratios: RetargetRatios;
}

export interface PerformanceMotion {
  /** frameCount x POSE_LENGTH, relative to the reference frame, times the pose part's gain. */
  readonly poses: Float32Array;
  /** frameCount x LANDMARK_COUNT x 3 expression offsets from the source's neutral face, retargeted to the photo. */
  readonly meshOffsetsCm: Float32Array;
  readonly report: PerformanceReport;
}

const STRIDE = LANDMARK_COUNT * 3;

/**
 * AniPortrait's vid2vid representation of a performance, moved onto the photo's face: per frame the
 * head pose relative to the reference frame (inv(T_ref) T_f, as generate_ref_pose) and the
 * expression as offsets of the pose-free face from the source's most neutral face, scaled by the
 * two faces' region sizes; frames without a face bridged; jitter filtered.
 */
export function buildPerformanceMotion(input: PerformanceInput): PerformanceMotion {
  const { frames, fps, parts } = input;
  const sourceCount = frames.length;
  const known = frames.map((f) => f !== null);
  const firstTracked = known.indexOf(true);
  if (firstTracked < 0) throw new Error('buildPerformanceMotion: no frame has a face');
  const referenceFrame = input.referenceFrame ?? firstTracked;
  const reference = frames[referenceFrame];
  if (!reference) throw new Error(`buildPerformanceMotion: the reference frame ${referenceFrame} has no face`);
  const toReference = invertSimilarity(reference.transMat);

  const poses = new Float32Array(sourceCount * POSE_LENGTH);
  const points = new Float32Array(sourceCount * STRIDE);
  frames.forEach((face, f) => {
    if (!face) return;
    poses.set(matrixToPose(multiplyMat4(toReference, face.transMat)), f * POSE_LENGTH);
    points.set(face.lmks3dCm.subarray(0, STRIDE), f * STRIDE);
  });
  bridgeRowsInPlace(poses, POSE_LENGTH, known);
  bridgeRowsInPlace(points, STRIDE, known);

  const trackedIndices = known.flatMap((k, f) => (k ? [f] : []));
  const measures = trackedIndices.map((f) => measureFace(points.subarray(f * STRIDE, (f + 1) * STRIDE)));
  const neutralFrames = mostNeutralFrames(measures).map((i) => trackedIndices[i]);
  const neutral = new Float32Array(STRIDE);
  for (const f of neutralFrames) for (let k = 0; k < STRIDE; k++) neutral[k] += points[f * STRIDE + k] / neutralFrames.length;

  const ratios = retargetRatios(measureFace(input.targetRestCm), measureFace(neutral));
  const weights = faceRegionWeights(input.targetRestCm);
  const gains = { mouth: partGain(parts, 'mouth'), eyes: partGain(parts, 'blinks'), expression: partGain(parts, 'expression') };
  const offsets = points;
  for (let f = 0; f < sourceCount; f++) {
    const row = offsets.subarray(f * STRIDE, (f + 1) * STRIDE);
    for (let k = 0; k < STRIDE; k++) row[k] -= neutral[k];
    retargetOffsetsInto(row, ratios, weights, gains, row);
  }
  zeroPhaseOneEuroInPlace(offsets, STRIDE, fps, OFFSET_FILTER);
  zeroPhaseOneEuroInPlace(poses, POSE_LENGTH, fps, POSE_FILTER);
  const poseGain = partGain(parts, 'pose');
  for (let i = 0; i < poses.length; i++) poses[i] *= poseGain;

  return {
    poses: loopRowsMirrored(poses, POSE_LENGTH, input.frameCount),
    meshOffsetsCm: loopRowsMirrored(offsets, STRIDE, input.frameCount),
    report: { sourceFrameCount: sourceCount, missing: missingRuns(frames), neutralFrames, referenceFrame, ratios },
  };
}

/** Source frame of output frame `f` for a source of `n` frames: forwards, then backwards without the end frames (AniPortrait's template loop). */
export function mirroredFrame(f: number, n: number): number {
  if (n <= 1) return 0;
  const period = 2 * n - 2;
  const m = f % period;
  return m < n ? m : period - m;
}

function loopRowsMirrored(rows: Float32Array, channels: number, frameCount: number): Float32Array {
  const n = rows.length / channels;
  if (frameCount === n) return rows;
  const out = new Float32Array(frameCount * channels);
  for (let f = 0; f < frameCount; f++) {
    const src = mirroredFrame(f, n);
    out.set(rows.subarray(src * channels, (src + 1) * channels), f * channels);
  }
  return out;
}
