import { parseArgs } from 'node:util';
import { StudioError } from '../../src-shared/util/result.js';
import { DEFAULT_DIFFUSION } from '../engines/aniportrait/lmk2video.js';
import { exportAniPortraitVideo } from '../engines/aniportrait/render-video.js';
import { exportBuiltinVideo } from '../engines/builtin/export-video.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import { aniPortraitTrack, openJobModels } from './aniportrait-job.js';
import { checkJobOutput } from './check-job-output.js';
import { parseDecimalNumber } from './parse-number.js';
import type { JobArgs } from './job-args.js';
import { JOB_OPTIONS, JOB_OPTIONS_HELP, parseJobArgs } from './job-args.js';
import { createProgressBar } from './progress-bar.js';

export const RENDER_USAGE = `aniportrait render --image PHOTO --audio AUDIO --out OUT.mp4 [--size 512 | --size WxH]
                 [--fps 30] [--pose-template NPY | --pose-video VIDEO] [--seed N]
                 [--engine builtin | --engine aniportrait [--models DIR] [--providers cuda,dml,cpu]
                  [--steps 25] [--guidance 3.5] [--film-step 3] [--pose-style 0..99] [--pose-range release|training]]`;

/** What `aniportrait render --help` prints. */
export const RENDER_HELP = `Usage: ${RENDER_USAGE}

Renders a talking-head MP4 (H.264 + AAC) from a portrait photo and a voice recording, with a
progress bar and ETA. Ctrl+C cancels and leaves no file behind.

${JOB_OPTIONS_HELP}
  --size 512 | WxH         output size in even pixels, 64..4096; the crop keeps it around the face
                           (default 512; aniportrait: the exported models' size)
  --steps N                (aniportrait) DDIM steps (default ${DEFAULT_DIFFUSION.steps})
  --guidance X             (aniportrait) classifier-free guidance scale (default ${DEFAULT_DIFFUSION.guidanceScale})
  --film-step N            (aniportrait) diffuse every Nth frame, FILM fills the rest (default ${DEFAULT_DIFFUSION.filmStep}; 1: all)
  --pose-range release|training
                           (aniportrait) how pose images are fed to the pose guider (default release)
`;

const RENDER_OPTIONS = {
  ...JOB_OPTIONS,
  size: { type: 'string' },
  steps: { type: 'string' },
  guidance: { type: 'string' },
  'film-step': { type: 'string' },
  'pose-range': { type: 'string' },
} as const;

/** `aniportrait render`: photo + speech -> talking-head MP4, the main job in one command. */
export async function renderCommand(args: string[], log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: RENDER_OPTIONS });
  const job = parseJobArgs(values, RENDER_USAGE);
  await checkJobOutput(job);
  const started = performance.now();
  if (job.engine === 'aniportrait') {
    await renderAniPortrait(job, values, log, signal, started);
  } else {
    if (values.steps || values.guidance || values['film-step'] || values['pose-range']) {
      throw new StudioError('invalid-request', '--steps, --guidance, --film-step and --pose-range belong to --engine aniportrait.');
    }
    const { widthPx, heightPx } = parseSize(values.size ?? '512');
    const { rig, warnings } = await analyzePhoto(job.imagePath, job.imageLabel);
    warnings.forEach((w) => log(`warning: ${w}`));
    const samples = await decodeAudioClip(job.audioPath, job.audioLabel, signal);
    const track = await generateBuiltinTrack({ samples, fps: job.fps, seed: job.seed, poseSource: job.poseSource, signal });
    const bar = createProgressBar('Rendering');
    await exportBuiltinVideo({
      photoPath: job.imagePath,
      photoLabel: job.imageLabel,
      audioPath: job.audioPath,
      rig,
      track,
      outPath: job.outPath,
      widthPx,
      heightPx,
      signal,
      onProgress: (done, total) => bar.update(done, total),
    });
    log(`wrote ${job.outPath}: ${widthPx}x${heightPx}, ${track.frameCount} frames at ${job.fps} fps in ${elapsed(started)} s`);
  }
}

type RenderValues = { [K in keyof typeof RENDER_OPTIONS]?: string };

async function renderAniPortrait(job: JobArgs, values: RenderValues, log: (line: string) => void, signal: AbortSignal, started: number): Promise<void> {
  const options = {
    ...DEFAULT_DIFFUSION,
    seed: job.seed,
    steps: numberOption(values.steps, '--steps', DEFAULT_DIFFUSION.steps),
    guidanceScale: numberOption(values.guidance, '--guidance', DEFAULT_DIFFUSION.guidanceScale),
    filmStep: numberOption(values['film-step'], '--film-step', DEFAULT_DIFFUSION.filmStep),
    poseValueRange: poseRange(values['pose-range']),
  };
  const models = await openJobModels(job, log);
  try {
    // Every graph is present before anything runs or any file is written.
    models.assertPresent(options.filmStep > 1 ? ['audio2lmk', 'lmk2video', 'interpolation'] : ['audio2lmk', 'lmk2video']);
    const widthPx = models.dim('IMG_W');
    const heightPx = models.dim('IMG_H');
    if (values.size !== undefined) {
      const size = parseSize(values.size);
      if (size.widthPx !== widthPx || size.heightPx !== heightPx) {
        throw new StudioError('invalid-request', `The exported AniPortrait models render ${widthPx}x${heightPx}; --size ${values.size} needs an export at that size (models/README.md). Omit --size.`);
      }
    }
    const { rig, warnings } = await analyzePhoto(job.imagePath, job.imageLabel);
    warnings.forEach((w) => log(`warning: ${w}`));
    const samples = await decodeAudioClip(job.audioPath, job.audioLabel, signal);
    const diffusionBar = createProgressBar('Diffusing', process.stderr, '');
    const framesBar = createProgressBar('Encoding ');
    const track = await aniPortraitTrack(job, models, rig, samples, signal);
    await exportAniPortraitVideo({
      models,
      photoPath: job.imagePath,
      photoLabel: job.imageLabel,
      rig,
      track,
      options,
      audioPath: job.audioPath,
      outPath: job.outPath,
      signal,
      onProgress: (fraction) => diffusionBar.update(Math.round(fraction * 1000), 1000),
      onFrames: (done, total) => framesBar.update(done, total),
    });
    log(`wrote ${job.outPath}: ${widthPx}x${heightPx}, ${track.frameCount} frames at 30 fps (AniPortrait on ${models.providersInUse().join(', ')}) in ${elapsed(started)} s`);
  } finally {
    await models.dispose();
  }
}

function elapsed(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(1);
}

function numberOption(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  return parseDecimalNumber(text, name);
}

function poseRange(text: string | undefined): 'release' | 'training' {
  if (text === undefined || text === 'release' || text === 'training') return text ?? 'release';
  throw new StudioError('invalid-request', `--pose-range must be release or training, got ${text}.`);
}

/** "512" (square) or "WxH"; even sizes (H.264 yuv420p needs them), 64..4096. */
function parseSize(text: string): { widthPx: number; heightPx: number } {
  const match = /^(\d+)(?:x(\d+))?$/.exec(text);
  const widthPx = Number(match?.[1]);
  const heightPx = Number(match?.[2] ?? match?.[1]);
  const ok = (v: number) => Number.isInteger(v) && v >= 64 && v <= 4096 && v % 2 === 0;
  if (!match || !ok(widthPx) || !ok(heightPx)) throw new StudioError('invalid-request', `--size must be an even size like 512 or 768x512 (64..4096), got ${text}.`);
  return { widthPx, heightPx };
}
