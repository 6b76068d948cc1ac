import { meshToLandmarkOffsets } from '../../../src-shared/aniportrait/mesh-offsets.js';
import { ANIPORTRAIT_FPS, normalizeForWav2Vec, poseChunks, resampleFeatures, videoFrameCount } from '../../../src-shared/aniportrait/audio-features.js';
import type { FaceRig } from '../../../src-shared/face/face-rig.js';
import type { LandmarkTrack } from '../../../src-shared/face/landmark-track.js';
import { POSE_LENGTH } from '../../../src-shared/face/topology.js';
import { smoothSequence } from '../../../src-shared/motion/pose-sequence.js';
import { StudioError } from '../../../src-shared/util/result.js';
import type { HostTensor } from '../../onnx-runtime/onnx-graph.js';
import { floats } from '../../onnx-runtime/onnx-graph.js';
import type { JobPoseSource } from '../../../src-shared/job/render-job.js';
import { templatePoses, videoStyle } from '../shared/pose-sources.js';
import type { AniPortraitModels } from './model-set.js';

export type AniPortraitPoseSource =
  /** audio2pose: head motion predicted from the speech. */
  | { readonly kind: 'audio'; readonly idSeed: number }
  /** Poses from elsewhere (a looped template, a reference video): frameCount x 6 at 30 fps. */
  | { readonly kind: 'given'; readonly poses: Float32Array };

/**
 * A track's pose source for this engine: audio2pose with style id `idSeed` for the voice, else the
 * template's or the reference video's poses at 30 fps for a clip of `sampleCount` samples.
 */
export async function aniPortraitPoseSource(source: JobPoseSource, idSeed: number, sampleCount: number, signal?: AbortSignal): Promise<AniPortraitPoseSource> {
  const frameCount = videoFrameCount(sampleCount);
  switch (source.kind) {
    case 'audio':
      return { kind: 'audio', idSeed };
    case 'template':
      return { kind: 'given', poses: await templatePoses(source.path, frameCount) };
    case 'video':
      return { kind: 'given', poses: (await videoStyle(source.path, source.label, ANIPORTRAIT_FPS, frameCount, signal)).poses };
  }
}

export interface AniPortraitTrackRequest {
  readonly models: AniPortraitModels;
  readonly rig: FaceRig;
  /** 16 kHz mono samples. */
  readonly samples: Float32Array;
  readonly poseSource: AniPortraitPoseSource;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message: string) => void;
}

/** audio2pose's rotations are halved after prediction (AniPortrait's audio2vid.py). */
const ROTATION_SCALE = 0.5;
const POSE_SMOOTH_WINDOW = 7;

/**
 * AniPortrait's Audio2Lmk on the exported graphs (docs/aniportrait-engine.md §1.1-1.5): wav2vec2 features
 * of the normalised clip, resampled to 30 fps, give the mesh offsets (audio2mesh) and, chunk by
 * chunk, the head pose (audio2pose, autoregressive). Output: the shared LandmarkTrack at 30 fps.
 */
export async function generateAniPortraitTrack(request: AniPortraitTrackRequest): Promise<LandmarkTrack> {
  const { models, rig, samples, poseSource, signal } = request;
  const progress = request.onProgress ?? (() => {});
  if (samples.length < 400) throw new StudioError('unsupported-media', 'The audio is too short for the AniPortrait engine (at least 25 ms of speech is needed).');
  models.assertPresent(['audio2lmk']);
  const normalized = normalizeForWav2Vec(samples);
  const frameCount = videoFrameCount(samples.length);
  const featureWidth = models.dim('AUDIO_FEAT');

  progress(0.02, 'AniPortrait: speech features');
  const features = await cnnFeatures(models, normalized, signal);
  const meshFeatures = resampleFeatures(features, featureWidth, frameCount);
  progress(0.15, 'AniPortrait: audio2mesh');
  const mesh = await (await models.session('audio2mesh.onnx')).run({ features: { data: meshFeatures, dims: [1, frameCount, featureWidth] } }, signal);
  const offsetsCm = meshToLandmarkOffsets(floats(mesh.offsets), frameCount, rig.lmks3dCm);

  let poses: Float32Array;
  if (poseSource.kind === 'given') {
    if (poseSource.poses.length !== frameCount * POSE_LENGTH) throw new Error(`given poses must be ${frameCount} x ${POSE_LENGTH}`);
    poses = poseSource.poses;
  } else {
    poses = await audioToPose(models, normalized, poseSource.idSeed, signal, (f) => progress(0.25 + 0.75 * f, 'AniPortrait: audio2pose'));
  }
  progress(1, 'Track ready');
  return { fps: ANIPORTRAIT_FPS, frameCount, offsetsCm, poses };
}

async function cnnFeatures(models: AniPortraitModels, samples: Float32Array, signal?: AbortSignal): Promise<Float32Array> {
  const session = await models.session('w2v_feature_encoder.onnx');
  const out = await session.run({ input_values: { data: samples, dims: [1, samples.length] } }, signal);
  return floats(out.extract_features);
}

/** audio2pose over 5 s chunks: per chunk its own features and memory, then one graph call per frame. */
async function audioToPose(models: AniPortraitModels, samples: Float32Array, idSeed: number, signal: AbortSignal | undefined, progress: (fraction: number) => void): Promise<Float32Array> {
  if (!Number.isInteger(idSeed) || idSeed < 0 || idSeed > 99) throw new StudioError('invalid-request', `The AniPortrait pose style id must be 0..99, got ${idSeed}.`);
  const chunks = poseChunks(samples.length);
  const total = chunks.reduce((s, c) => s + c.frameCount, 0);
  const encoder = await models.session('audio2pose_encoder.onnx');
  const step = await models.session('audio2pose_step.onnx');
  const featureWidth = models.dim('AUDIO_FEAT');
  const poseWidth = models.dim('POSE_WIDTH');
  const poses = new Float32Array(total * POSE_LENGTH);
  const id: HostTensor = { data: BigInt64Array.of(BigInt(idSeed)), dims: [1] };
  let done = 0;
  for (const chunk of chunks) {
    const features = await cnnFeatures(models, samples.subarray(chunk.startSample, chunk.endSample), signal);
    const S = chunk.frameCount;
    const resampled = resampleFeatures(features, featureWidth, S);
    const memory = floats((await encoder.run({ features: { data: resampled, dims: [1, S, featureWidth] } }, signal)).memory);
    const memoryTensor: HostTensor = { data: memory, dims: [1, S, poseWidth] };
    // hist = [0, p_0, ..., p_{i-1}]: row 0 is the zero start pose.
    const hist = new Float32Array((S + 1) * POSE_LENGTH);
    for (let i = 0; i < S; i++) {
      const out = await step.run({ pose_hist: { data: hist.subarray(0, (i + 1) * POSE_LENGTH), dims: [1, i + 1, POSE_LENGTH] }, memory: memoryTensor, id_seed: id }, signal);
      const pose = floats(out.pose);
      hist.set(pose.subarray(0, POSE_LENGTH), (i + 1) * POSE_LENGTH);
      const at = (done + i) * POSE_LENGTH;
      for (let k = 0; k < POSE_LENGTH; k++) poses[at + k] = k < 3 ? pose[k] * ROTATION_SCALE : pose[k];
      if (i % 10 === 0) progress((done + i) / total);
    }
    done += S;
  }
  return smoothSequence(poses, POSE_LENGTH, POSE_SMOOTH_WINDOW);
}


