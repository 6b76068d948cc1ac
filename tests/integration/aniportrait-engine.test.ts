// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poseChunks } from '../../src-shared/aniportrait/audio-features.js';
import { clipPixelValues, poseGuiderInput, vaePixelValues } from '../../src-shared/aniportrait/preprocess.js';
import { rescaledAlphasCumprod } from '../../src-shared/diffusion/ddim-schedule.js';
import { POSE_IMAGE_CONNECTIONS } from '../../src-shared/face/pose-image-connections.js';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import { parseModelManifest } from '../../src-shared/models/model-manifest.js';
import { seededRandom } from '../../src-shared/util/seeded-random.js';
import { StudioError } from '../../src-shared/util/result.js';
import { generateAniPortraitTrack } from '../../src-main/engines/aniportrait/audio2lmk.js';
import type { DiffusionOptions } from '../../src-main/engines/aniportrait/lmk2video.js';
import { diffuseAniPortraitVideo } from '../../src-main/engines/aniportrait/lmk2video.js';
import { AniPortraitModels } from '../../src-main/engines/aniportrait/model-set.js';
import type { ProviderFailure } from '../../src-main/onnx-runtime/onnx-graph.js';
import { ModelSession } from '../../src-main/onnx-runtime/onnx-graph.js';
import type { RefFeeds, RefOutputs } from '../helpers/onnx/tiny-aniportrait-reference.js';
import { TINY_REFERENCE } from '../helpers/onnx/tiny-aniportrait-reference.js';
import type { TinyBuildOptions, TinyModelSet } from '../helpers/onnx/tiny-aniportrait.js';
import { TINY_BANK, TINY_DIMS, buildTinyAniPortraitModels } from '../helpers/onnx/tiny-aniportrait.js';

const D = TINY_DIMS;
const root = mkdtempSync(join(tmpdir(), 'aniportrait-onnx-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function tinySet(options: TinyBuildOptions = {}): { dir: string; set: TinyModelSet; models: AniPortraitModels } {
  const dir = join(root, `set-${counter++}`);
  mkdirSync(dir);
  const set = buildTinyAniPortraitModels(dir, options);
  return { dir, set, models: new AniPortraitModels(dir, parseModelManifest(set.manifest), { providers: ['cpu'] }) };
}

/** Runs a tiny graph's plain TypeScript oracle. */
function oracle(set: TinyModelSet, file: string, feeds: RefFeeds): RefOutputs {
  return TINY_REFERENCE[file](set.weights, feeds);
}

const f32 = (data: Float32Array, dims: number[]) => ({ data, dims });

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

describe('AniPortrait Audio2Lmk on tiny graphs', () => {
  // 12 s of a voiced tone with noise: three 5 s audio chunks, the last two merged (150 + 210 frames).
  const sampleCount = 192000;
  const random = seededRandom(7);
  const samples = Float32Array.from({ length: sampleCount }, (_, i) => 0.3 * Math.sin(i * 0.05) * Math.sin(i / 3000) + 0.05 * (random() - 0.5));
  const lmks3dCm = Float32Array.from({ length: 478 * 3 }, () => (random() - 0.5) * 10);
  const rig: FaceRig = { imageWidthPx: 64, imageHeightPx: 64, lmks3dCm, transMat: new Float64Array(16), landmarks2dPx: new Float32Array(478 * 2) };

  it('matches a plain TypeScript reference: normalisation, 30 fps resampling, mesh, chunked autoregressive pose', async () => {
    const { set, models } = tinySet();
    const track = await generateAniPortraitTrack({ models, rig, samples, poseSource: { kind: 'audio', idSeed: 17 } });
    await models.dispose();

    expect(poseChunks(sampleCount)).toEqual([
      { startSample: 0, endSample: 80000, frameCount: 150 },
      { startSample: 80000, endSample: 192000, frameCount: 210 },
    ]);
    const T = 360;
    expect(track.frameCount).toBe(T);
    expect(track.fps).toBe(30);

    // Reference: z-normalise over the clip, CNN, align-corners lerp, audio2mesh.
    let mean = 0;
    for (const s of samples) mean += s / sampleCount;
    let variance = 0;
    for (const s of samples) variance += (s - mean) ** 2 / sampleCount;
    const x = samples.map((s) => (s - mean) / Math.sqrt(variance + 1e-7));
    const lerp = (features: Float32Array, frames: number) => {
      const L = features.length / D.AUDIO_FEAT;
      const out = new Float32Array(frames * D.AUDIO_FEAT);
      for (let t = 0; t < frames; t++) {
        const src = (t * (L - 1)) / (frames - 1);
        const i0 = Math.floor(src);
        const i1 = Math.min(i0 + 1, L - 1);
        for (let c = 0; c < D.AUDIO_FEAT; c++) out[t * D.AUDIO_FEAT + c] = (1 - (src - i0)) * features[i0 * D.AUDIO_FEAT + c] + (src - i0) * features[i1 * D.AUDIO_FEAT + c];
      }
      return out;
    };
    const cnn = (audio: Float32Array) => oracle(set, 'w2v_feature_encoder.onnx', { input_values: f32(audio, [1, audio.length]) }).extract_features.data;
    const mesh = oracle(set, 'audio2mesh.onnx', { features: f32(lerp(cnn(x), T), [1, T, D.AUDIO_FEAT]) }).offsets.data;
    for (let f = 0; f < T; f += 37) {
      expect(maxAbsDiff(track.offsetsCm.subarray(f * 1434, f * 1434 + 1404), mesh.subarray(f * 1404, (f + 1) * 1404))).toBeLessThan(1e-4);
    }
    // Iris points move with their eye: the mean offset of one of the eye contours.
    const eyes = ['LEFT_EYE', 'RIGHT_EYE'].map((name) => [...new Set(POSE_IMAGE_CONNECTIONS.find((g) => g.name === name)?.edges.flat())]);
    const irisX = track.offsetsCm[100 * 1434 + 468 * 3];
    const eyeMeans = eyes.map((points) => points.reduce((s, p) => s + track.offsetsCm[100 * 1434 + p * 3], 0) / points.length);
    expect(Math.min(...eyeMeans.map((m) => Math.abs(m - irisX)))).toBeLessThan(1e-6);

    // Reference pose: per chunk its own CNN + encoder, one step per frame, rotations halved, smoothing 7.
    const raw: number[][] = [];
    for (const [start, end, S] of [[0, 80000, 150], [80000, 192000, 210]]) {
      const memory = oracle(set, 'audio2pose_encoder.onnx', { features: f32(lerp(cnn(x.slice(start, end)), S), [1, S, D.AUDIO_FEAT]) }).memory;
      const hist: number[][] = [[0, 0, 0, 0, 0, 0]];
      for (let i = 0; i < S; i++) {
        const pose = oracle(set, 'audio2pose_step.onnx', {
          pose_hist: f32(Float32Array.from(hist.flat()), [1, i + 1, 6]),
          memory: f32(memory.data, memory.dims),
          id_seed: { data: BigInt64Array.of(17n), dims: [1] },
        }).pose.data;
        hist.push([...pose]);
        raw.push([...pose].map((v, k) => (k < 3 ? v * 0.5 : v)));
      }
    }
    for (let f = 0; f < T; f++) {
      const lo = Math.max(0, f - 3);
      const hi = Math.min(T, f + 4);
      for (let k = 0; k < 6; k++) {
        let sum = 0;
        for (let g = lo; g < hi; g++) sum += raw[g][k];
        expect(Math.abs(track.poses[f * 6 + k] - sum / (hi - lo))).toBeLessThan(1e-4);
      }
    }
  });

  it('uses given poses as they are, and names a missing graph before running anything', async () => {
    const { dir, models } = tinySet();
    const poses = Float32Array.from({ length: 150 * 6 }, (_, i) => i / 100);
    const track = await generateAniPortraitTrack({ models, rig, samples: samples.subarray(0, 80000), poseSource: { kind: 'given', poses } });
    expect(track.poses).toEqual(poses);
    await models.dispose();
    unlinkSync(join(dir, 'audio2pose_step.onnx'));
    const missing = tinySet();
    unlinkSync(join(missing.dir, 'audio2mesh.onnx'));
    await expect(generateAniPortraitTrack({ models: missing.models, rig, samples, poseSource: { kind: 'audio', idSeed: 1 } })).rejects.toThrow(
      /needs audio2mesh\.onnx in .* which is missing/,
    );
  });
});

/** Plain TypeScript Lmk2Video (docs/aniportrait-engine.md §3.9) over the tiny oracles, for frame-by-frame comparison. */
function referenceVideo(set: TinyModelSet, referenceRgb: Uint8Array, poseImages: Uint8Array[], options: DiffusionOptions & { initialLatents: Float32Array }, windows: number[][], timesteps: number[]): { frames: Uint8Array[]; latents: Float32Array } {
  const W = D.IMG_W;
  const H = D.IMG_H;
  const latentSize = 4 * D.LAT_H * D.LAT_W;
  const embeds = oracle(set, 'clip_image_encoder.onnx', { pixel_values: f32(clipPixelValues(referenceRgb, W, H, D.CLIP_SIZE), [1, 3, D.CLIP_SIZE, D.CLIP_SIZE]) }).image_embeds.data;
  const refLatent = oracle(set, 'vae_encoder.onnx', { image: f32(vaePixelValues(referenceRgb, W, H, W, H), [1, 3, H, W]) }).latent_mean.data.map((v) => v * 0.18215);
  const bank = oracle(set, 'reference_unet.onnx', {
    sample: f32(refLatent, [1, 4, D.LAT_H, D.LAT_W]),
    timestep: f32(Float32Array.of(0), [1]),
    encoder_hidden_states: f32(embeds, [1, 1, D.EMBED]),
  });
  const emptyBank = Object.fromEntries(TINY_BANK.map((b) => [b.name, f32(new Float32Array(0), [1, 0, b.channels])]));
  const keys = poseImages.filter((_, i) => i % options.filmStep === 0);
  const N = keys.length;
  const poseFea = keys.map((image) => oracle(set, 'pose_guider.onnx', { pose: f32(poseGuiderInput(image, W, H, 'release'), [1, 3, H, W]) }));
  const x = Float32Array.from(options.initialLatents);
  const alphas = rescaledAlphasCumprod();
  const stride = Math.floor(1000 / options.steps);
  for (const t of timesteps) {
    const accU = new Float64Array(N * latentSize);
    const accC = new Float64Array(N * latentSize);
    const count = new Array<number>(N).fill(0);
    for (const window of windows) {
      const sample = new Float32Array(window.length * latentSize);
      window.forEach((f, k) => sample.set(x.subarray(f * latentSize, (f + 1) * latentSize), k * latentSize));
      const pose = Object.fromEntries(
        ['pose_fea_0', 'pose_fea_1', 'pose_fea_2', 'pose_fea_3', 'pose_fea_4'].map((name) => {
          const one = poseFea[0][name];
          const size = one.data.length;
          const data = new Float32Array(window.length * size);
          window.forEach((f, k) => data.set(poseFea[f][name].data, k * size));
          return [name, f32(data, [window.length, ...one.dims.slice(1)])];
        }),
      );
      const common = { sample: f32(sample, [window.length, 4, D.LAT_H, D.LAT_W]), timestep: f32(Float32Array.of(t), [1]), ...pose };
      const uncond = oracle(set, 'denoising_unet.onnx', { ...common, encoder_hidden_states: f32(new Float32Array(D.EMBED), [1, 1, D.EMBED]), ...emptyBank }).model_output.data;
      const cond = oracle(set, 'denoising_unet.onnx', { ...common, encoder_hidden_states: f32(embeds, [1, 1, D.EMBED]), ...bank }).model_output.data;
      window.forEach((f, k) => {
        count[f]++;
        for (let i = 0; i < latentSize; i++) {
          accU[f * latentSize + i] += uncond[k * latentSize + i];
          accC[f * latentSize + i] += cond[k * latentSize + i];
        }
      });
    }
    const a = alphas[t];
    const ap = t - stride >= 0 ? alphas[t - stride] : 1;
    for (let f = 0; f < N; f++) {
      for (let i = f * latentSize; i < (f + 1) * latentSize; i++) {
        const u = accU[i] / count[f];
        const v = u + options.guidanceScale * (accC[i] / count[f] - u);
        const x0 = Math.sqrt(a) * x[i] - Math.sqrt(1 - a) * v;
        const eps = Math.sqrt(a) * v + Math.sqrt(1 - a) * x[i];
        x[i] = Math.sqrt(ap) * x0 + Math.sqrt(1 - ap) * eps;
      }
    }
  }
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const decoded = Array.from({ length: N }, (_, f) =>
    oracle(set, 'vae_decoder.onnx', { latent: f32(x.slice(f * latentSize, (f + 1) * latentSize).map((v) => v / 0.18215), [1, 4, D.LAT_H, D.LAT_W]) }).image.data.map((v) => clamp(v / 2 + 0.5)),
  );
  const film = (a: Float32Array, b: Float32Array, dt: number) => oracle(set, 'film_net.onnx', { x0: f32(a, [1, 3, H, W]), x1: f32(b, [1, 3, H, W]), dt: f32(Float32Array.of(dt), [1, 1]) }).image.data.map(clamp);
  const planar: Float32Array[] = [];
  for (let k = 0; k < N; k++) {
    planar.push(decoded[k]);
    if (k === N - 1 || options.filmStep === 1) continue;
    if (options.filmStep !== 3) throw new Error('reference covers FILM steps 1 and 3');
    // AniPortrait's order (parity test): frame 2 from the two key frames, then frame 1 between key frame k and frame 2.
    const p2 = film(decoded[k], decoded[k + 1], 0.66650390625);
    planar.push(film(decoded[k], p2, 0.5), p2);
  }
  const frames = planar.map((p) => {
    const out = new Uint8Array(W * H * 3);
    for (let i = 0; i < W * H; i++) for (let c = 0; c < 3; c++) out[i * 3 + c] = Math.trunc(p[c * W * H + i] * 255);
    return out;
  });
  return { frames, latents: x };
}

describe('AniPortrait Lmk2Video orchestration on tiny graphs', () => {
  const random = seededRandom(11);
  const referenceRgb = Uint8Array.from({ length: D.IMG_W * D.IMG_H * 3 }, (_, i) => (i * 7 + Math.floor(random() * 40)) % 256);
  const poseImage = (f: number) => Uint8Array.from({ length: D.IMG_W * D.IMG_H * 3 }, (_, i) => ((i % 97) + f * 13) % 3 === 0 ? 200 : 0);
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

  async function compare(frameCount: number, options: DiffusionOptions & { initialLatents: Float32Array }, windows: number[][], timesteps: number[], build: TinyBuildOptions = {}) {
    const { set, models } = tinySet(build);
    const images = range(0, frameCount).map(poseImage);
    const stream = await diffuseAniPortraitVideo({ models, referenceRgb, frameCount, poseImage: (f) => images[f], options });
    const { frames: expected, latents } = referenceVideo(set, referenceRgb, images, options, windows, timesteps);
    // The final latents carry the orchestration (windows, CFG, bank routing, DDIM) before the VAE squashes it.
    const scale = Math.max(...latents.map(Math.abs));
    expect(maxAbsDiff(stream.latents, latents) / scale).toBeLessThan(build.float16Io ? 1e-3 : 2e-5);
    expect(stream.frameCount).toBe(expected.length);
    let worst = 0;
    const frame = new Uint8Array(D.IMG_W * D.IMG_H * 3);
    for (let f = 0; f < stream.frameCount; f++) {
      await stream.frameInto(f, frame);
      worst = Math.max(worst, maxAbsDiff(frame, expected[f]));
    }
    await models.dispose();
    return { worst, expected };
  }

  it('matches the reference: 17 key frames (wrapping windows), CFG with and without the bank, DDIM v-prediction, FILM -acc', async () => {
    const N = 17;
    const latents = Float32Array.from({ length: N * 4 * D.LAT_H * D.LAT_W }, () => random() * 2 - 1);
    const options = { steps: 3, guidanceScale: 3.5, seed: 0, filmStep: 3, poseValueRange: 'release' as const, initialLatents: latents };
    const { worst, expected } = await compare(50, options, [range(0, 16), [...range(12, 17), ...range(0, 11)]], [999, 666, 332]);
    expect(expected).toHaveLength(49);
    expect(worst).toBeLessThanOrEqual(1);
    // The frames are not flat: the comparison means something.
    expect(new Set(expected[20]).size).toBeGreaterThan(20);
  });

  it('matches the reference without FILM and with pose features recomputed per window', async () => {
    const latents = Float32Array.from({ length: 20 * 4 * D.LAT_H * D.LAT_W }, () => random() * 2 - 1);
    const options = { steps: 2, guidanceScale: 2, seed: 0, filmStep: 1, poseValueRange: 'release' as const, initialLatents: latents, poseFeatureCacheBytes: 0 };
    const { worst } = await compare(20, options, [range(0, 16), [...range(12, 20), ...range(0, 8)]], [999, 499]);
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('runs graphs with float16 inputs and outputs', async () => {
    const latents = Float32Array.from({ length: 4 * 4 * D.LAT_H * D.LAT_W }, () => random() * 2 - 1);
    const options = { steps: 2, guidanceScale: 3.5, seed: 0, filmStep: 3, poseValueRange: 'release' as const, initialLatents: latents };
    const { worst } = await compare(10, options, [range(0, 4)], [999, 499], { float16Io: ['vae_decoder.onnx', 'film_net.onnx'] });
    expect(worst).toBeLessThanOrEqual(3);
  });

  it('seeds the noise: same seed, same frames; another seed, other frames', async () => {
    const { models } = tinySet();
    const options = { steps: 2, guidanceScale: 3.5, seed: 5, filmStep: 1, poseValueRange: 'release' as const };
    const first = async (seed: number) => {
      const stream = await diffuseAniPortraitVideo({ models, referenceRgb, frameCount: 3, poseImage, options: { ...options, seed } });
      const out = new Uint8Array(D.IMG_W * D.IMG_H * 3);
      await stream.frameInto(1, out);
      return out;
    };
    const a = await first(5);
    expect(await first(5)).toEqual(a);
    expect(maxAbsDiff(await first(6), a)).toBeGreaterThan(0);
    await models.dispose();
  });

  it('stops mid-run when cancelled', async () => {
    const { models } = tinySet();
    const controller = new AbortController();
    const messages: string[] = [];
    const run = diffuseAniPortraitVideo({
      models,
      referenceRgb,
      frameCount: 30,
      poseImage,
      options: { steps: 10, guidanceScale: 3.5, seed: 1, filmStep: 1, poseValueRange: 'release' },
      signal: controller.signal,
      onProgress: (_, message) => {
        messages.push(message);
        if (message.includes('step 3 of')) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(messages.some((m) => m.includes('step 4 of'))).toBe(false);
    await models.dispose();
  });
});

describe('AniPortrait model files are checked against the manifest', () => {
  it('names the file and tensor of a renamed input, a wrong size, a frozen free axis and a wrong dtype', async () => {
    const renamed = tinySet({ mutate: { file: 'denoising_unet.onnx', renameInput: ['sample', 'latents'] } });
    await expect(renamed.models.loadStages(['lmk2video'])).rejects.toThrow(/denoising_unet\.onnx does not match the model manifest: input "sample" is missing.*input "latents" is not in the manifest/);
    const size = tinySet({ mutate: { file: 'vae_encoder.onnx', wrongDim: { tensor: 'image', axis: 2, size: 32 } } });
    await expect(size.models.session('vae_encoder.onnx')).rejects.toThrow(/vae_encoder\.onnx .*input "image" axis 2 is 32, expected IMG_H = 64/);
    const frozen = tinySet({ mutate: { file: 'denoising_unet.onnx', wrongDim: { tensor: 'sample', axis: 0, size: 16 } } });
    await expect(frozen.models.session('denoising_unet.onnx')).rejects.toThrow(/input "sample" axis 0 is fixed at 16, but the engine varies it \(F\)/);
    const dtype = tinySet({ mutate: { file: 'audio2pose_step.onnx', wrongDtype: { tensor: 'id_seed', dtype: 'float32' } } });
    await expect(dtype.models.session('audio2pose_step.onnx')).rejects.toThrow(/audio2pose_step\.onnx .*input "id_seed" is float32, expected int64/);
  });

  it('names a corrupt file and a missing one', async () => {
    const corrupt = tinySet();
    writeFileSync(join(corrupt.dir, 'film_net.onnx'), Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 251));
    await expect(corrupt.models.loadStages(['interpolation'])).rejects.toSatisfy((e: unknown) => e instanceof StudioError && e.code === 'invalid-model' && /film_net\.onnx could not be read as an ONNX model/.test(e.message));
    const missing = tinySet();
    unlinkSync(join(missing.dir, 'vae_decoder.onnx'));
    unlinkSync(join(missing.dir, 'film_net.onnx'));
    expect(() => missing.models.assertPresent(['lmk2video', 'interpolation'])).toThrow(/needs vae_decoder\.onnx, film_net\.onnx in .* which are missing/);
  });
});

describe('execution providers', () => {
  let dir: string;
  beforeAll(() => {
    dir = tinySet().dir;
  });

  it('reports each provider that fails before trying the next, ending on the CPU here', async () => {
    const failures: ProviderFailure[] = [];
    const session = await ModelSession.open(join(dir, 'film_net.onnx'), 'film_net.onnx', { onProviderFailure: (f) => failures.push(f) });
    if (session.provider === 'cpu') {
      // No GPU provider loads on this machine: CUDA and DirectML are each reported with their error.
      expect(failures.map((f) => f.provider)).toEqual(['cuda', 'dml']);
      expect(failures[0].message).toMatch(/CUDA/);
      expect(failures[1].message).toMatch(/DirectML is not available/);
    }
    expect(failures.every((f) => f.file === 'film_net.onnx' && f.message.length > 0)).toBe(true);
    await session.dispose();
    const cpuOnly: ProviderFailure[] = [];
    const cpu = await ModelSession.open(join(dir, 'film_net.onnx'), 'film_net.onnx', { providers: ['cpu'], onProviderFailure: (f) => cpuOnly.push(f) });
    expect(cpu.provider).toBe('cpu');
    expect(cpuOnly).toEqual([]);
    await cpu.dispose();
  });

  it('fails clearly when only an unavailable provider is allowed', async () => {
    const session = ModelSession.open(join(dir, 'film_net.onnx'), 'film_net.onnx', { providers: ['dml'] });
    await expect(session).rejects.toThrow(/film_net\.onnx: no execution provider could load it \(dml tried/);
  });
});
