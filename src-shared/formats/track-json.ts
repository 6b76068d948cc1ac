import type { FaceRig } from '../face/face-rig.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../face/topology.js';
import { projectPoints } from '../projection/perspective-projection.js';

/** A track whose frames are produced on demand (so a long track never exists whole). */
export interface TrackFrames {
  readonly fps: number;
  readonly frameCount: number;
  /** frameCount x POSE_LENGTH. */
  readonly poses: Float32Array;
  /** Writes frame `frameIndex`'s LANDMARK_COUNT x 3 offsets (cm) into `out`. */
  offsetsInto(frameIndex: number, out: Float32Array): void;
}

/**
 * The documented track file (`aniportrait track --out`):
 * { "format": "aniportrait-track", "version": 1, "fps", "imageSize": [w, h], "frameCount",
 *   "landmarks2d": [per frame [x0, y0, x1, y1, ...] of the 478 points in reference-image pixels],
 *   "pose": [per frame [rx, ry, rz, tx, ty, tz]] (degrees, cm) }
 * Written piece by piece so long tracks never exist as one string.
 */
export function* trackJsonChunks(rig: FaceRig, track: TrackFrames): Generator<string> {
  const target = { widthPx: rig.imageWidthPx, heightPx: rig.imageHeightPx };
  yield `{"format":"aniportrait-track","version":1,"fps":${track.fps},"imageSize":[${rig.imageWidthPx},${rig.imageHeightPx}],"frameCount":${track.frameCount},"landmarks2d":[`;
  const points = new Float32Array(LANDMARK_COUNT * 2);
  const offsets = new Float32Array(LANDMARK_COUNT * 3);
  for (let f = 0; f < track.frameCount; f++) {
    track.offsetsInto(f, offsets);
    for (let i = 0; i < offsets.length; i++) offsets[i] += rig.lmks3dCm[i];
    projectPoints(offsets, LANDMARK_COUNT, rig.transMat, track.poses.subarray(f * POSE_LENGTH, (f + 1) * POSE_LENGTH), target, points);
    yield `${f > 0 ? ',' : ''}[${Array.from(points, round2).join(',')}]`;
  }
  yield '],"pose":[';
  for (let f = 0; f < track.frameCount; f++) {
    const pose = Array.from(track.poses.subarray(f * POSE_LENGTH, (f + 1) * POSE_LENGTH), round4);
    yield `${f > 0 ? ',' : ''}[${pose.join(',')}]`;
  }
  yield ']}\n';
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}
