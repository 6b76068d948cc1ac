import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSE_FEATURE_NAMES } from '../../src-shared/aniportrait/graph-names.js';
import { generateAniPortraitTrack } from '../engines/aniportrait/audio2lmk.js';
import { diffuseAniPortraitVideo, gather } from '../engines/aniportrait/lmk2video.js';
import { manifestForDir } from '../engines/aniportrait/load-manifest.js';
import { AniPortraitModels } from '../engines/aniportrait/model-set.js';
import { poseImageSource } from '../engines/aniportrait/render-video.js';
import { parityRig } from './parity-rig.js';

/** The tiny graphs exported from AniPortrait's code for the parity test (tests/fixtures/parity). */
const PARITY_DIR = fileURLToPath(new URL('../../tests/fixtures/parity/', import.meta.url));

interface StageTimes {
  wallMs: number;
  runMs: number;
}

/**
 * AniPortrait ONNX engine, CPU provider, on the tiny graphs of tests/fixtures/parity (a 10 s clip,
 * 61 frames with -acc 3, 25 DDIM steps, CFG 3.5): wall time per stage and the share of it spent
 * outside onnxruntime's `session.run` (TypeScript orchestration: feeds, windows, guidance, DDIM,
 * pose images, conversions). Tiny graphs make `session.run` cheap, so that share is an upper bound;
 * the realistic figure is extrapolated from the host work per window and step measured at 512x512
 * (`aniportrait_host_ms_per_window_step_512`), which does not depend on the GPU (docs/aniportrait-engine.md §7.5).
 */
export async function aniportraitOnnxFigures(): Promise<Record<string, number | string>> {
  if (!existsSync(join(PARITY_DIR, 'parity.json'))) return { aniportrait_onnx: 'skipped: tests/fixtures/parity is missing' };
  const meta = JSON.parse(readFileSync(join(PARITY_DIR, 'parity.json'), 'utf8')) as { id_seed: number; args: { W: number; H: number; L: number; steps: number; cfg: number; fi_step: number } };
  const { W, H, L, steps, cfg, fi_step: filmStep } = meta.args;
  let runMs = 0;
  const perGraph: Record<string, number> = {};
  const models = new AniPortraitModels(PARITY_DIR, await manifestForDir(PARITY_DIR), {
    providers: ['cpu'],
    onRun: (file, ms) => {
      runMs += ms;
      perGraph[file] = (perGraph[file] ?? 0) + ms;
    },
  });
  const figures: Record<string, number | string> = {};
  try {
    await models.loadStages(['audio2lmk', 'lmk2video', 'interpolation']);
    const stage = async (fn: () => Promise<void>): Promise<StageTimes> => {
      const runBefore = runMs;
      const started = performance.now();
      await fn();
      return { wallMs: performance.now() - started, runMs: runMs - runBefore };
    };
    const rig = parityRig(PARITY_DIR, W, H);
    const s16 = readFileSync(join(PARITY_DIR, 'speech.s16'));
    const samples = Float32Array.from(new Int16Array(s16.buffer.slice(s16.byteOffset, s16.byteOffset + s16.byteLength)), (v) => v / 32768);
    let track: Awaited<ReturnType<typeof generateAniPortraitTrack>> | undefined;
    const audio = await stage(async () => {
      track = await generateAniPortraitTrack({ models, rig, samples, poseSource: { kind: 'audio', idSeed: meta.id_seed } });
    });
    if (!track) throw new Error('no track');
    const done = track;
    let stream: Awaited<ReturnType<typeof diffuseAniPortraitVideo>> | undefined;
    const diffusion = await stage(async () => {
      stream = await diffuseAniPortraitVideo({
        models,
        referenceRgb: new Uint8Array(readFileSync(join(PARITY_DIR, 'reference.rgb'))),
        frameCount: L,
        poseImage: poseImageSource(rig, done, { originXPx: 0, originYPx: 0, scale: 1, outputWidthPx: W, outputHeightPx: H }, W, H),
        options: { steps, guidanceScale: cfg, seed: 1, filmStep, poseValueRange: 'release' },
      });
    });
    if (!stream) throw new Error('no stream');
    const frames = stream;
    const rgb = new Uint8Array(W * H * 3);
    const decode = await stage(async () => {
      for (let f = 0; f < frames.frameCount; f++) await frames.frameInto(f, rgb);
    });
    const share = (s: StageTimes) => Math.round((1000 * (s.wallMs - s.runMs)) / s.wallMs) / 10;
    const total: StageTimes = { wallMs: audio.wallMs + diffusion.wallMs + decode.wallMs, runMs: audio.runMs + diffusion.runMs + decode.runMs };
    figures.aniportrait_tiny_audio2lmk_ms = Math.round(audio.wallMs);
    figures.aniportrait_tiny_audio2lmk_outside_run_pct = share(audio);
    figures.aniportrait_tiny_diffusion_ms = Math.round(diffusion.wallMs);
    figures.aniportrait_tiny_diffusion_outside_run_pct = share(diffusion);
    figures.aniportrait_tiny_decode_film_ms = Math.round(decode.wallMs);
    figures.aniportrait_tiny_decode_film_outside_run_pct = share(decode);
    figures.aniportrait_tiny_outside_run_pct = share(total);
    figures.aniportrait_tiny_run_ms_by_graph = Object.entries(perGraph)
      .map(([file, ms]) => `${file.replace('.onnx', '')} ${Math.round(ms)}`)
      .join(', ');
  } finally {
    await models.dispose();
  }
  Object.assign(figures, fullSizeHostWork());
  return figures;
}

/**
 * The engine's host work per window and step at 512x512 (F = 16): gathering the window's latents
 * and its five pose feature maps (`gather`, what lmk2video does per window and step), which dominates the
 * per-call work outside session.run at full size. Real arrays of the real sizes; no GPU needed.
 */
function fullSizeHostWork(): Record<string, number> {
  const frames = 24;
  const window = Array.from({ length: 16 }, (_, k) => (k * 7) % frames);
  const sizes = [320 * 64 * 64, 320 * 32 * 32, 640 * 16 * 16, 1280 * 8 * 8, 1280 * 8 * 8];
  if (sizes.length !== POSE_FEATURE_NAMES.length) throw new Error('pose feature list changed');
  const features = sizes.map((size) => new Float32Array(frames * size).fill(0.5));
  const latents = new Float32Array(frames * 4 * 64 * 64).fill(0.25);
  const runs = 5;
  const started = performance.now();
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    sink += gather(latents, window, 4 * 64 * 64)[0];
    for (const [i, f] of features.entries()) sink += gather(f, window, sizes[i])[0];
  }
  const ms = (performance.now() - started) / runs;
  if (!Number.isFinite(sink)) throw new Error('gather produced no data');
  return { aniportrait_host_ms_per_window_step_512: Math.round(ms * 10) / 10 };
}
