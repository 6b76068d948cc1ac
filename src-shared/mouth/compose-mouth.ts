import type { FaceParamTrack } from '../face/face-param-track.js';
import { packedParamTrack } from '../face/face-param-track.js';
import { LANDMARK_COUNT } from '../face/topology.js';
import { MOUTH_REGION_WEIGHTS } from './mouth-region.js';
import type { MouthEdit, MouthSettings } from './mouth-schema.js';
import type { MouthParam } from './mouth-poses.js';
import { clampParam, MOUTH_PARAMS, mouthMode, REST_MOUTH, shapePose } from './mouth-poses.js';

/** The window of the local average that articulation exaggerates the mouth around. */
export const ARTICULATION_WINDOW_SEC = 0.3;

/** Neutral controls and no edits: the generated mouth as it is. */
export function isNeutralMouth(mouth: MouthSettings): boolean {
  return mouth.amount === 1 && mouth.articulation === 1 && mouth.smoothingSec === 0 && mouth.edits.length === 0;
}

/** The edit that frame `frameIndex` lies in (its centre inside [startSec, endSec)), or null. */
export function editAtFrame(edits: readonly MouthEdit[], frameIndex: number, fps: number): MouthEdit | null {
  for (const edit of edits) {
    const [first, end] = editFrames(edit, fps, Number.POSITIVE_INFINITY);
    if (frameIndex >= first && frameIndex < end) return edit;
  }
  return null;
}

/**
 * The lip sync's per-clip controls and the mouth lane's edits over a generated track (a new track;
 * the generated one is never changed). In order, per mouth parameter p with rest value r:
 *
 * 1. articulation a: x = m + a (x - m), m the zero-phase moving average over ARTICULATION_WINDOW_SEC;
 * 2. amount k: x = r + k (x - r);
 * 3. edits: in a frame whose centre lies in an edit, x = r + s (shape - r) for a shape at strength s,
 *    or x = r + s (x - r) for an edit that keeps the generated shape (shape null);
 * 4. smoothing: the zero-phase moving average over smoothingSec (it also softens the cuts into and
 *    out of edits, by half its window at most).
 *
 * Each step keeps values in the parameter's range. A mesh track (AniPortrait's audio2mesh, a
 * performance video) has its mouth in the mesh: there steps 1, 2 and 4 act on the mesh's offsets of
 * the mouth region (composeMeshMouth), and an edit is a correction that adds s (shape - rest) to
 * the parameters, over the mesh. Neutral settings return `generated` itself.
 */
export function composeMouth(generated: FaceParamTrack, mouth: MouthSettings): FaceParamTrack {
  if (isNeutralMouth(mouth)) return generated;
  const { fps, frameCount } = generated;
  const mesh = mouthMode(generated) === 'mesh';
  const meshOffsetsCm = mesh && generated.meshOffsetsCm ? composeMeshMouth(generated.meshOffsetsCm, frameCount, fps, mouth) : generated.meshOffsetsCm;
  const track = packedParamTrack(fps, frameCount, Float32Array.from(generated.paramValues), generated.poses, meshOffsetsCm);
  for (const param of MOUTH_PARAMS) {
    const values = track.params[param];
    const rest = REST_MOUTH[param];
    if (mesh) {
      applyCorrections(values, param, mouth.edits, fps);
      continue;
    }
    if (mouth.articulation !== 1) {
      const mean = movingAverage(values, Math.round(ARTICULATION_WINDOW_SEC * fps));
      for (let f = 0; f < frameCount; f++) values[f] = clampParam(param, mean[f] + mouth.articulation * (values[f] - mean[f]));
    }
    if (mouth.amount !== 1) for (let f = 0; f < frameCount; f++) values[f] = clampParam(param, rest + mouth.amount * (values[f] - rest));
    applyEdits(values, param, mouth.edits, fps);
    if (mouth.smoothingSec > 0) values.set(movingAverage(values, Math.round(mouth.smoothingSec * fps)));
  }
  return track;
}

/**
 * The per-clip controls on a mesh's offsets (cm from the neutral face, so rest is 0), for each
 * coordinate of each landmark over the frames: articulation around the local average, amount,
 * then smoothing, as for the parameters; each landmark takes the result by its mouth-region weight
 * (MOUTH_REGION_WEIGHTS: lips, jaw and lower cheeks wholly, the eyes and brows not at all). A new
 * array; the mesh's own offsets are never changed.
 */
export function composeMeshMouth(meshOffsetsCm: Float32Array, frameCount: number, fps: number, mouth: Pick<MouthSettings, 'amount' | 'articulation' | 'smoothingSec'>): Float32Array {
  if (mouth.amount === 1 && mouth.articulation === 1 && mouth.smoothingSec === 0) return meshOffsetsCm;
  const out = Float32Array.from(meshOffsetsCm);
  const stride = LANDMARK_COUNT * 3;
  const series = new Float32Array(frameCount);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const weight = MOUTH_REGION_WEIGHTS[i];
    if (weight === 0) continue;
    for (let c = 0; c < 3; c++) {
      for (let f = 0; f < frameCount; f++) series[f] = meshOffsetsCm[f * stride + i * 3 + c];
      let values: Float32Array = Float32Array.from(series);
      if (mouth.articulation !== 1) {
        const mean = movingAverage(values, Math.round(ARTICULATION_WINDOW_SEC * fps));
        for (let f = 0; f < frameCount; f++) values[f] = mean[f] + mouth.articulation * (values[f] - mean[f]);
      }
      if (mouth.amount !== 1) for (let f = 0; f < frameCount; f++) values[f] *= mouth.amount;
      if (mouth.smoothingSec > 0) values = movingAverage(values, Math.round(mouth.smoothingSec * fps));
      for (let f = 0; f < frameCount; f++) out[f * stride + i * 3 + c] = series[f] + weight * (values[f] - series[f]);
    }
  }
  return out;
}

/** Step 3 of composeMouth on one parameter's frames, in place. */
function applyEdits(values: Float32Array, param: MouthParam, edits: readonly MouthEdit[], fps: number): void {
  const rest = REST_MOUTH[param];
  for (const edit of edits) {
    const [first, end] = editFrames(edit, fps, values.length);
    const target = edit.shape === null ? null : shapePose(edit.shape)[param];
    for (let f = first; f < end; f++) values[f] = clampParam(param, rest + edit.strength * ((target ?? values[f]) - rest));
  }
}

/** A mesh track's edits: corrections s (shape - rest) added to the parameters (a shape-less edit corrects nothing). */
function applyCorrections(values: Float32Array, param: MouthParam, edits: readonly MouthEdit[], fps: number): void {
  for (const edit of edits) {
    if (edit.shape === null) continue;
    const offset = edit.strength * (shapePose(edit.shape)[param] - REST_MOUTH[param]);
    const [first, end] = editFrames(edit, fps, values.length);
    for (let f = first; f < end; f++) values[f] += offset;
  }
}

/** The frames [first, end) whose centres lie in the edit, within the track (an edit past the end covers none). */
export function editFrames(edit: MouthEdit, fps: number, frameCount: number): readonly [number, number] {
  const first = Math.min(frameCount, Math.max(0, Math.ceil(edit.startSec * fps - 0.5 - 1e-9)));
  const end = Math.min(frameCount, Math.ceil(edit.endSec * fps - 0.5 - 1e-9));
  return [first, Math.max(first, end)];
}

/** Zero-phase moving average over `windowFrames` frames (centred; the ends repeat the edge values); under 2 frames, a copy. */
export function movingAverage(values: Float32Array, windowFrames: number): Float32Array {
  const n = values.length;
  const half = Math.floor(windowFrames / 2);
  if (windowFrames < 2 || n === 0) return Float32Array.from(values);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  const out = new Float32Array(n);
  for (let f = 0; f < n; f++) {
    const lo = f - half;
    const hi = f + half;
    // Clamped ends: indices below 0 read values[0], above n - 1 read values[n - 1].
    const below = Math.max(0, -lo);
    const above = Math.max(0, hi - (n - 1));
    const inside = prefix[Math.min(n - 1, hi) + 1] - prefix[Math.max(0, lo)];
    out[f] = (inside + below * values[0] + above * values[n - 1]) / (2 * half + 1);
  }
  return out;
}
