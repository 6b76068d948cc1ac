import { contextWindows } from '../../../src-shared/diffusion/context-windows.js';
import { ddimStepCoefficients, ddimStepInPlace, ddimTimesteps, rescaledAlphasCumprod } from '../../../src-shared/diffusion/ddim-schedule.js';
import type { PoseValueRange } from '../../../src-shared/aniportrait/preprocess.js';
import { VAE_SCALE, clipPixelValues, poseGuiderInput, vaePixelValues } from '../../../src-shared/aniportrait/preprocess.js';
import { gaussian, seededRandom } from '../../../src-shared/util/seeded-random.js';
import { StudioError } from '../../../src-shared/util/result.js';
import { diffusionSettingsProblem } from '../../../src-shared/job/render-job.js';
import type { HostTensor } from '../../onnx-runtime/onnx-graph.js';
import { floats } from '../../onnx-runtime/onnx-graph.js';
import { BANK_NAMES, POSE_FEATURE_NAMES } from '../../../src-shared/aniportrait/graph-names.js';
import type { AniPortraitModels } from './model-set.js';
import { FrameStream } from './frame-stream.js';

export interface DiffusionOptions {
  /** DDIM steps (AniPortrait: 25; its app allows 5..30). */
  readonly steps: number;
  /** Classifier-free guidance scale (AniPortrait: 3.5). */
  readonly guidanceScale: number;
  /** Seeds the initial noise (not bit-identical to torch.manual_seed). */
  readonly seed: number;
  /** 1 = diffuse every frame; 3 = AniPortrait's -acc: diffuse every 3rd frame, FILM fills the rest. */
  readonly filmStep: number;
  readonly poseValueRange: PoseValueRange;
  /** Initial latents [N, 4, h, w] instead of seeded noise (parity tests). */
  readonly initialLatents?: Float32Array;
  /** Pose features of all key frames are kept when they fit in this many bytes, else recomputed per window. */
  readonly poseFeatureCacheBytes?: number;
}

export const DEFAULT_DIFFUSION: DiffusionOptions = { steps: 25, guidanceScale: 3.5, seed: 42, filmStep: 3, poseValueRange: 'release' };

export interface AniPortraitVideoRequest {
  readonly models: AniPortraitModels;
  /** The reference photo cropped to the model size: IMG_W x IMG_H x 3 RGB. */
  readonly referenceRgb: Uint8Array;
  /** Pose frames (30 fps) in the video. */
  readonly frameCount: number;
  /** AniPortrait's pose image of a frame: IMG_W x IMG_H x 3, array channel order. */
  readonly poseImage: (frameIndex: number) => Uint8Array;
  readonly options: DiffusionOptions;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message: string) => void;
}

/**
 * AniPortrait's Lmk2Video (Pose2VideoPipeline, docs/aniportrait-engine.md §3.9, CFG mode A): CLIP and VAE
 * of the reference, the reference UNet's attention bank once, pose features per key frame, DDIM over
 * 16-frame context windows with wrap-around and averaging, then a FrameStream that decodes and
 * interpolates frames in order for preview and export.
 */
export async function diffuseAniPortraitVideo(request: AniPortraitVideoRequest): Promise<FrameStream> {
  const { models, options, signal } = request;
  const progress = request.onProgress ?? (() => {});
  validateOptions(options, request.frameCount);
  await models.loadStages(options.filmStep > 1 ? ['lmk2video', 'interpolation'] : ['lmk2video']);
  const W = models.dim('IMG_W');
  const H = models.dim('IMG_H');
  const h = models.dim('LAT_H');
  const w = models.dim('LAT_W');
  const latentSize = 4 * h * w;
  if (request.referenceRgb.length !== W * H * 3) throw new Error(`reference image must be ${W}x${H} RGB`);

  progress(0, 'AniPortrait: encoding the reference');
  const clip = await models.session('clip_image_encoder.onnx');
  const clipSize = models.dim('CLIP_SIZE');
  const embeds = (await clip.run({ pixel_values: { data: clipPixelValues(request.referenceRgb, W, H, clipSize), dims: [1, 3, clipSize, clipSize] } }, signal)).image_embeds;
  const embed = models.dim('EMBED');
  const condition: HostTensor = { data: floats(embeds), dims: [1, 1, embed] };
  const noCondition: HostTensor = { data: new Float32Array(embed), dims: [1, 1, embed] };
  const vae = await models.session('vae_encoder.onnx');
  const refLatent = floats((await vae.run({ image: { data: vaePixelValues(request.referenceRgb, W, H, W, H), dims: [1, 3, H, W] } }, signal)).latent_mean).map((v) => v * VAE_SCALE);
  const refUnet = await models.session('reference_unet.onnx');
  const bank = await refUnet.run({ sample: { data: refLatent, dims: [1, 4, h, w] }, timestep: { data: Float32Array.of(0), dims: [1] }, encoder_hidden_states: condition }, signal);
  const emptyBank = Object.fromEntries(BANK_NAMES.map((name) => [name, { data: new Float32Array(0), dims: [1, 0, bank[name].dims[2]] }]));

  const keyFrames = keyFrameIndices(request.frameCount, options.filmStep);
  const N = keyFrames.length;
  const poseFeatures = new PoseFeatures(models, keyFrames, request.poseImage, W, H, options.poseValueRange, options.poseFeatureCacheBytes ?? 2 ** 31, signal);
  progress(0.03, 'AniPortrait: pose features');
  await poseFeatures.prepare();

  const latents = initialLatents(options, N * latentSize);
  const timesteps = ddimTimesteps(options.steps);
  const alphas = rescaledAlphasCumprod();
  const windows = contextWindows(N);
  const unet = await models.session('denoising_unet.onnx');
  const useUncond = options.guidanceScale !== 1;
  const totalCalls = timesteps.length * windows.length;
  for (const [stepIndex, t] of timesteps.entries()) {
    const accCond = new Float32Array(N * latentSize);
    const accUncond = useUncond ? new Float32Array(N * latentSize) : accCond;
    const counts = new Uint16Array(N);
    for (const [windowIndex, window] of windows.entries()) {
      if (signal?.aborted) throw new StudioError('cancelled', 'The job was cancelled.');
      const F = window.length;
      const sample: HostTensor = { data: gather(latents, window, latentSize), dims: [F, 4, h, w] };
      const timestep: HostTensor = { data: Float32Array.of(t), dims: [1] };
      const pose = await poseFeatures.forWindow(window);
      const cond = floats((await unet.run({ sample, timestep, encoder_hidden_states: condition, ...pose, ...bank }, signal)).model_output);
      scatterAdd(accCond, cond, window, latentSize);
      if (useUncond) {
        const uncond = floats((await unet.run({ sample, timestep, encoder_hidden_states: noCondition, ...pose, ...emptyBank }, signal)).model_output);
        scatterAdd(accUncond, uncond, window, latentSize);
      }
      for (const frame of window) counts[frame]++;
      progress(0.05 + (0.95 * (stepIndex * windows.length + windowIndex + 1)) / totalCalls, `AniPortrait: denoising step ${stepIndex + 1} of ${timesteps.length}`);
    }
    const velocity = new Float32Array(N * latentSize);
    const g = options.guidanceScale;
    for (let f = 0; f < N; f++) {
      for (let i = f * latentSize; i < (f + 1) * latentSize; i++) {
        const u = accUncond[i] / counts[f];
        velocity[i] = useUncond ? u + g * (accCond[i] / counts[f] - u) : u;
      }
    }
    ddimStepInPlace(latents, velocity, ddimStepCoefficients(alphas, t, options.steps));
  }
  poseFeatures.release();
  return new FrameStream(models, latents, N, options.filmStep, signal);
}

/** Every filmStep-th pose frame from 0 (all frames when filmStep is 1). */
export function keyFrameIndices(frameCount: number, filmStep: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < frameCount; f += filmStep) out.push(f);
  return out;
}

function validateOptions(options: DiffusionOptions, frameCount: number): void {
  if (!Number.isInteger(frameCount) || frameCount < 1) throw new StudioError('invalid-request', 'The track has no frames to render.');
  const problem = diffusionSettingsProblem(options);
  if (problem !== null) throw new StudioError('invalid-request', problem);
}

function initialLatents(options: DiffusionOptions, size: number): Float32Array {
  if (options.initialLatents) {
    if (options.initialLatents.length !== size) throw new StudioError('invalid-request', `Initial latents hold ${options.initialLatents.length} values; this video needs ${size}.`);
    return Float32Array.from(options.initialLatents);
  }
  const random = seededRandom(options.seed);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = gaussian(random);
  return out;
}

/** Frames `window` of a frame-major array, packed. */
export function gather(source: Float32Array, window: readonly number[], frameSize: number): Float32Array {
  const out = new Float32Array(window.length * frameSize);
  window.forEach((frame, k) => out.set(source.subarray(frame * frameSize, (frame + 1) * frameSize), k * frameSize));
  return out;
}

function scatterAdd(target: Float32Array, values: Float32Array, window: readonly number[], frameSize: number): void {
  window.forEach((frame, k) => {
    const o = frame * frameSize;
    const s = k * frameSize;
    for (let i = 0; i < frameSize; i++) target[o + i] += values[s + i];
  });
}


/**
 * Pose guider features per key frame: the same for every step, both CFG branches and every window,
 * so they are computed once and kept when they fit the budget, else computed per window.
 */
class PoseFeatures {
  private cache: Record<string, Float32Array> | undefined;
  private sizes: Record<string, { size: number; dims: number[] }> = {};

  constructor(
    private readonly models: AniPortraitModels,
    private readonly keyFrames: readonly number[],
    private readonly poseImage: (frameIndex: number) => Uint8Array,
    private readonly widthPx: number,
    private readonly heightPx: number,
    private readonly range: PoseValueRange,
    private readonly budgetBytes: number,
    private readonly signal?: AbortSignal,
  ) {}

  async prepare(): Promise<void> {
    const first = await this.compute([0]);
    for (const name of POSE_FEATURE_NAMES) this.sizes[name] = { size: first[name].data.length, dims: first[name].dims.slice(1) };
    const perFrame = POSE_FEATURE_NAMES.reduce((s, n) => s + this.sizes[n].size, 0) * 4;
    if (perFrame * this.keyFrames.length > this.budgetBytes) return;
    const all = Object.fromEntries(POSE_FEATURE_NAMES.map((n) => [n, new Float32Array(this.keyFrames.length * this.sizes[n].size)]));
    for (let k = 0; k < this.keyFrames.length; k++) {
      const one = k === 0 ? first : await this.compute([k]);
      for (const n of POSE_FEATURE_NAMES) all[n].set(one[n].data as Float32Array, k * this.sizes[n].size);
    }
    this.cache = all;
  }

  async forWindow(window: readonly number[]): Promise<Record<string, HostTensor>> {
    if (!this.cache) return this.compute(window);
    const out: Record<string, HostTensor> = {};
    for (const n of POSE_FEATURE_NAMES) out[n] = { data: gather(this.cache[n], window, this.sizes[n].size), dims: [window.length, ...this.sizes[n].dims] };
    return out;
  }

  release(): void {
    this.cache = undefined;
  }

  /** Runs the pose guider on the key frames at these positions (one call, Nf = positions). */
  private async compute(positions: readonly number[]): Promise<Record<string, HostTensor>> {
    const plane = 3 * this.widthPx * this.heightPx;
    const input = new Float32Array(positions.length * plane);
    positions.forEach((p, k) => poseGuiderInput(this.poseImage(this.keyFrames[p]), this.widthPx, this.heightPx, this.range, input.subarray(k * plane, (k + 1) * plane)));
    const guider = await this.models.session('pose_guider.onnx');
    return guider.run({ pose: { data: input, dims: [positions.length, 3, this.heightPx, this.widthPx] } }, this.signal);
  }
}
