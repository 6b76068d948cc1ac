import type { FaceParamTrack } from '../../../src-shared/face/face-param-track.js';
import { frameOffsetsInto } from '../../../src-shared/face/face-param-track.js';
import { ExpressionRig } from '../../../src-shared/face/expression-rig.js';
import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import { LANDMARK_COUNT, POSE_LENGTH } from '../../../src-shared/face/topology.js';
import { encodeVideo } from '../../media/encode-video.js';
import { createWarpRenderer } from './warp-renderer-for-photo.js';
import { assertUsablePoseTrack } from '../shared/check-pose-track.js';

export interface ExportRequest {
  readonly photoPath: string;
  readonly photoLabel: string;
  readonly audioPath: string;
  readonly rig: FaceRig;
  readonly track: FaceParamTrack;
  readonly outPath: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (framesDone: number, frameCount: number) => void;
}

/** Photo + track -> MP4 on the built-in Lmk2Video engine, one frame in memory at a time. */
export async function exportBuiltinVideo(request: ExportRequest): Promise<void> {
  const { rig, track } = request;
  assertUsablePoseTrack(track.poses);
  const renderer = await createWarpRenderer(request.photoPath, request.photoLabel, rig, request.widthPx, request.heightPx);
  const expression = new ExpressionRig(rig.lmks3dCm);
  const offsets = new Float32Array(LANDMARK_COUNT * 3);
  await encodeVideo(
    {
      outPath: request.outPath,
      widthPx: request.widthPx,
      heightPx: request.heightPx,
      fps: track.fps,
      frameCount: track.frameCount,
      audioPath: request.audioPath,
      signal: request.signal,
      onProgress: request.onProgress,
    },
    (frameIndex) => {
      frameOffsetsInto(track, expression, frameIndex, offsets);
      return renderer.renderI420(offsets, track.poses.subarray(frameIndex * POSE_LENGTH, (frameIndex + 1) * POSE_LENGTH));
    },
  );
}
