import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import type { LandmarkTrack } from '../../../src-shared/face/landmark-track.js';
import { LANDMARK_COUNT } from '../../../src-shared/face/topology.js';
import { applyCrop } from '../../../src-shared/render/face-crop.js';
import type { FaceCrop } from '../../../src-shared/render/face-crop.js';
import { POSE_IMAGE_SIZE_PX, drawPoseImage, resizePoseImage } from '../../../src-shared/render/pose-image.js';
import { projectTrackFrame } from '../../../src-shared/projection/project-frame.js';
import { StudioError } from '../../../src-shared/util/result.js';
import { encodeVideo } from '../../media/encode-video.js';
import { referenceCrop } from '../shared/reference-crop.js';
import type { DiffusionOptions } from './lmk2video.js';
import { diffuseAniPortraitVideo } from './lmk2video.js';
import type { AniPortraitModels } from './model-set.js';
import type { FrameStream } from './frame-stream.js';
import { assertUsablePoseTrack } from '../shared/check-pose-track.js';

export interface AniPortraitRenderRequest {
  readonly models: AniPortraitModels;
  readonly photoPath: string;
  readonly photoLabel: string;
  readonly rig: FaceRig;
  /** The final track (30 fps: AniPortrait's networks know no other rate). */
  readonly track: LandmarkTrack;
  readonly options: DiffusionOptions;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message: string) => void;
}

/** The pose image of each track frame, drawn as AniPortrait does, at the model's size. */
export function poseImageSource(rig: FaceRig, track: LandmarkTrack, crop: FaceCrop, widthPx: number, heightPx: number): (frameIndex: number) => Uint8Array {
  const photo = { widthPx: rig.imageWidthPx, heightPx: rig.imageHeightPx };
  const landmarks = new Float32Array(LANDMARK_COUNT * 2);
  const canvas = new Uint8Array(POSE_IMAGE_SIZE_PX * POSE_IMAGE_SIZE_PX * 3);
  return (frameIndex) => {
    applyCrop(crop, projectTrackFrame(rig, track, frameIndex, photo, landmarks), landmarks);
    drawPoseImage(landmarks, widthPx, heightPx, canvas);
    return resizePoseImage(canvas, widthPx, heightPx);
  };
}

/** Photo + track -> the diffused video as a frame stream (reference crop at the model size). */
export async function diffuseTrack(request: AniPortraitRenderRequest): Promise<FrameStream> {
  const { models, rig, track } = request;
  if (track.fps !== 30) throw new StudioError('invalid-request', `The AniPortrait video engine renders 30 fps tracks; this one is ${track.fps} fps. Set the project to 30 fps.`);
  const widthPx = models.dim('IMG_W');
  const heightPx = models.dim('IMG_H');
  const reference = await referenceCrop(request.photoPath, request.photoLabel, rig, widthPx, heightPx);
  return diffuseAniPortraitVideo({
    models,
    referenceRgb: rgbaToRgb(reference.image.data),
    frameCount: track.frameCount,
    poseImage: poseImageSource(rig, track, reference.crop, widthPx, heightPx),
    options: request.options,
    signal: request.signal,
    onProgress: request.onProgress,
  });
}

export interface AniPortraitExportRequest extends AniPortraitRenderRequest {
  readonly audioPath: string;
  readonly outPath: string;
  readonly onFrames?: (framesDone: number, frameCount: number) => void;
}

/**
 * Photo + track -> MP4 on the AniPortrait engine at the model size and 30 fps. The frames past the
 * last key frame (which -acc does not make) repeat it, so the video is as long as the audio.
 */
export async function exportAniPortraitVideo(request: AniPortraitExportRequest): Promise<void> {
  assertUsablePoseTrack(request.track.poses);
  const stream = await diffuseTrack(request);
  const rgb = new Uint8Array(stream.widthPx * stream.heightPx * 3);
  await encodeVideo(
    {
      outPath: request.outPath,
      widthPx: stream.widthPx,
      heightPx: stream.heightPx,
      fps: request.track.fps,
      frameCount: request.track.frameCount,
      audioPath: request.audioPath,
      signal: request.signal,
      onProgress: request.onFrames,
    },
    async (frameIndex, image) => {
      await stream.frameInto(Math.min(frameIndex, stream.frameCount - 1), rgb);
      const { data } = image;
      for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
        data[j] = rgb[i];
        data[j + 1] = rgb[i + 1];
        data[j + 2] = rgb[i + 2];
        data[j + 3] = 255;
      }
    },
  );
}

function rgbaToRgb(rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; j < rgba.length; i += 3, j += 4) {
    out[i] = rgba[j];
    out[i + 1] = rgba[j + 1];
    out[i + 2] = rgba[j + 2];
  }
  return out;
}
