import type { FaceParamTrack } from '../face/face-param-track.js';
import { UPPER_LIP_INNER_MID, LOWER_LIP_INNER_MID } from '../face/landmark-regions.js';
import { LANDMARK_COUNT } from '../face/topology.js';
import { VISEME_CLASSES } from '../lipsync/viseme-profiles.js';
import { editFrames } from './compose-mouth.js';
import type { MouthEdit, MouthShapeId } from './mouth-schema.js';
import { mouthMode, REST_MOUTH, shapePose } from './mouth-poses.js';

/**
 * What a lane segment shows: a lane shape, or, on a mesh track (whose mouth is not made of visemes),
 * 'open' where the mesh's mouth is open (closed runs are 'rest').
 */
export type SegmentShape = MouthShapeId | 'open';

/** A run of frames [startFrame, endFrame) showing one shape. */
export interface MouthSegment {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly shape: SegmentShape;
  /** How far the mouth goes towards the shape, 0..1 (the mean over the run). */
  readonly strength: number;
}

/** Runs shorter than this are merged into a neighbour: a viseme flickering for one frame is not a shape. */
export const MIN_SEGMENT_FRAMES = 2;
/** Below this fit the frame counts as rest. */
const REST_BELOW = 0.3;
/** The jaw's opening also follows loudness (0.35..1 of the shape's): it counts half in the fit. */
const JAW_WEIGHT = 0.5;
const JAW_GAIN_RANGE = [0.35, 1] as const;
/** A mesh's mouth counts as open above this fraction of the way from the clip's most closed to its widest opening (and 0.02 cm above the most closed). */
const MESH_OPEN_FRACTION = 0.25;
const MESH_OPEN_MIN_CM = 0.02;

/**
 * The shape of one frame of the built-in lip sync's four mouth parameters. The lip sync makes a
 * frame as rest + s (shape - rest), its jaw also scaled by loudness g (0.35..1); each viseme is fit
 * with the best s (0..1) and g, and the frame gets the viseme of the smallest residual, or rest
 * when rest fits better or s < 0.3.
 */
export function classifyMouthFrame(jawOpen: number, lipFunnel: number, mouthWidth: number, lipPress: number): { shape: MouthShapeId; strength: number } {
  const y = [lipFunnel - REST_MOUTH.lipFunnel, mouthWidth - REST_MOUTH.mouthWidth, lipPress - REST_MOUTH.lipPress];
  const yJaw = jawOpen - REST_MOUTH.jawOpen;
  let best: { shape: MouthShapeId; strength: number } = { shape: 'rest', strength: 0 };
  let bestResidual = y[0] ** 2 + y[1] ** 2 + y[2] ** 2 + JAW_WEIGHT * yJaw ** 2;
  for (const shape of VISEME_CLASSES) {
    const pose = shapePose(shape);
    const d = [pose.lipFunnel - REST_MOUTH.lipFunnel, pose.mouthWidth - REST_MOUTH.mouthWidth, pose.lipPress - REST_MOUTH.lipPress];
    const dd = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
    const s = Math.min(1, Math.max(0, (y[0] * d[0] + y[1] * d[1] + y[2] * d[2]) / dd));
    const jaw = s * pose.jawOpen;
    const g = jaw > 0 ? Math.min(JAW_GAIN_RANGE[1], Math.max(JAW_GAIN_RANGE[0], yJaw / jaw)) : 1;
    const residual = (y[0] - s * d[0]) ** 2 + (y[1] - s * d[1]) ** 2 + (y[2] - s * d[2]) ** 2 + JAW_WEIGHT * (yJaw - g * jaw) ** 2;
    if (residual < bestResidual - 1e-12) {
      bestResidual = residual;
      best = { shape, strength: s };
    }
  }
  return best.strength < REST_BELOW ? { shape: 'rest', strength: 0 } : best;
}

/**
 * The generated mouth as lane segments, by this one function. The built-in engine's track carries
 * its mouth parameters, not its viseme weights, so each frame's viseme is read back from them
 * (classifyMouthFrame). A mesh track's frames (mouthMode 'mesh') are 'open' or 'rest' by its mouth opening
 * (meshMouthOpeningCm; open above 25 % of the way from the clip's most closed to its widest,
 * strength = that fraction). Runs of
 * one shape are joined, runs shorter than MIN_SEGMENT_FRAMES merged into the longer neighbour.
 */
export function mouthSegments(track: FaceParamTrack): MouthSegment[] {
  const opening = mouthMode(track) === 'mesh' ? meshMouthOpeningCm(track) : null;
  const frames: { shape: SegmentShape; strength: number }[] = [];
  if (opening !== null) {
    const { closed, widest } = openingRange(opening);
    const threshold = closed + Math.max(MESH_OPEN_MIN_CM, MESH_OPEN_FRACTION * (widest - closed));
    for (const o of opening) frames.push(o > threshold ? { shape: 'open', strength: Math.min(1, (o - closed) / (widest - closed)) } : { shape: 'rest', strength: 0 });
  } else {
    const { jawOpen, lipFunnel, mouthWidth, lipPress } = track.params;
    for (let f = 0; f < track.frameCount; f++) frames.push(classifyMouthFrame(jawOpen[f], lipFunnel[f], mouthWidth[f], lipPress[f]));
  }
  return joinRuns(frames);
}

function joinRuns(frames: readonly { shape: SegmentShape; strength: number }[]): MouthSegment[] {
  const runs: { startFrame: number; endFrame: number; shape: SegmentShape; sum: number }[] = [];
  frames.forEach(({ shape, strength }, f) => {
    const last = runs.at(-1);
    if (last !== undefined && last.shape === shape) {
      last.endFrame = f + 1;
      last.sum += strength;
    } else runs.push({ startFrame: f, endFrame: f + 1, shape, sum: strength });
  });
  const length = (r: { startFrame: number; endFrame: number }) => r.endFrame - r.startFrame;
  // Merge short runs, shortest first, into their longer neighbour (joining equal shapes).
  for (;;) {
    let shortest = -1;
    for (let i = 0; i < runs.length; i++) if (runs.length > 1 && length(runs[i]) < MIN_SEGMENT_FRAMES && (shortest < 0 || length(runs[i]) < length(runs[shortest]))) shortest = i;
    if (shortest < 0) break;
    const run = runs[shortest];
    const before = runs[shortest - 1];
    const after = runs[shortest + 1];
    const target = after === undefined || (before !== undefined && length(before) >= length(after)) ? before : after;
    // The merged frames take the target's mean strength.
    target.sum += (target.sum / length(target)) * length(run);
    target.startFrame = Math.min(target.startFrame, run.startFrame);
    target.endFrame = Math.max(target.endFrame, run.endFrame);
    runs.splice(shortest, 1);
    for (let i = runs.length - 1; i > 0; i--) {
      if (runs[i].shape !== runs[i - 1].shape) continue;
      runs[i - 1].endFrame = runs[i].endFrame;
      runs[i - 1].sum += runs[i].sum;
      runs.splice(i, 1);
    }
  }
  return runs.map((r) => ({ startFrame: r.startFrame, endFrame: r.endFrame, shape: r.shape, strength: r.shape === 'rest' ? 0 : r.sum / length(r) }));
}

/** A segment of the mouth lane as drawn: a generated run, or an edit over it. */
export interface LaneSegment {
  readonly startSec: number;
  readonly endSec: number;
  /** The shape shown (an edit that keeps the generated shape shows the generated one under its middle). */
  readonly shape: SegmentShape;
  readonly strength: number;
  /** The edit this segment is, or null for the generated mouth. */
  readonly editId: string | null;
  /** An edit that keeps the generated shape and only scales it. */
  readonly keepsGenerated: boolean;
}

/**
 * What the lane draws: the generated segments with the edits laid over them (an edit takes its
 * span; generated runs are cut around it). Edits past the track's end are left out (they are kept
 * in the project but cover no frame).
 */
export function laneSegments(generated: readonly MouthSegment[], edits: readonly MouthEdit[], fps: number, frameCount: number): LaneSegment[] {
  const out: LaneSegment[] = [];
  const spans = edits.map((edit) => ({ edit, frames: editFrames(edit, fps, frameCount) })).filter((s) => s.frames[1] > s.frames[0]);
  for (const seg of generated) {
    let cursor = seg.startFrame;
    for (const { frames } of spans) {
      if (frames[1] <= cursor || frames[0] >= seg.endFrame) continue;
      if (frames[0] > cursor) out.push(generatedPiece(seg, cursor, frames[0], fps));
      cursor = Math.max(cursor, frames[1]);
    }
    if (cursor < seg.endFrame) out.push(generatedPiece(seg, cursor, seg.endFrame, fps));
  }
  for (const { edit, frames } of spans) {
    const middle = Math.floor((frames[0] + frames[1] - 1) / 2);
    const under = generated.find((g) => middle >= g.startFrame && middle < g.endFrame);
    out.push({
      startSec: frames[0] / fps,
      endSec: frames[1] / fps,
      shape: edit.shape ?? under?.shape ?? 'rest',
      strength: edit.strength,
      editId: edit.id,
      keepsGenerated: edit.shape === null,
    });
  }
  return out.sort((a, b) => a.startSec - b.startSec);
}

function generatedPiece(seg: MouthSegment, startFrame: number, endFrame: number, fps: number): LaneSegment {
  return { startSec: startFrame / fps, endSec: endFrame / fps, shape: seg.shape, strength: seg.strength, editId: null, keepsGenerated: false };
}

/** The most closed and the widest opening of a clip (cm; 0 and 0 for no frames). */
export function openingRange(opening: Float32Array): { closed: number; widest: number } {
  if (opening.length === 0) return { closed: 0, widest: 0 };
  let closed = Number.POSITIVE_INFINITY;
  let widest = Number.NEGATIVE_INFINITY;
  for (const o of opening) {
    closed = Math.min(closed, o);
    widest = Math.max(widest, o);
  }
  return { closed, widest };
}

/**
 * A mesh track's mouth opening per frame (cm): how far the inner lips' middles (13 above, 14 below)
 * move apart from the photo's own, in the mesh's offsets (face space, y up). Null without a mesh.
 */
export function meshMouthOpeningCm(track: FaceParamTrack): Float32Array | null {
  const mesh = track.meshOffsetsCm;
  if (!mesh) return null;
  const stride = LANDMARK_COUNT * 3;
  const out = new Float32Array(track.frameCount);
  for (let f = 0; f < track.frameCount; f++) out[f] = mesh[f * stride + UPPER_LIP_INNER_MID * 3 + 1] - mesh[f * stride + LOWER_LIP_INNER_MID * 3 + 1];
  return out;
}
