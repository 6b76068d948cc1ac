import { parseArgs } from 'node:util';
import type { RenderJob } from '../../src-shared/job/render-job.js';
import { DEFAULT_DIFFUSION_SETTINGS } from '../../src-shared/job/render-job.js';
import { lmk2VideoEngine } from '../engines/registry.js';
import { AniPortraitModelSource } from '../pipeline/aniportrait-model-source.js';
import { runExport } from '../pipeline/run-export.js';
import { JOB_OPTIONS, JOB_OPTIONS_HELP, RENDER_ONLY_OPTIONS, jobFromArgs } from './job-args.js';
import { createProgressBar } from './progress-bar.js';

export const RENDER_USAGE = `aniportrait render (--image PHOTO --audio AUDIO --out OUT.mp4 | --project P.aniproj [--out OUT.mp4])
                 [--size 512 | --size WxH] [--fps 30] [--pose-template NPY | --pose-video VIDEO | --video SOURCE [--keep PARTS]] [--seed N]
                 [--engine builtin|aniportrait | --audio-engine E --video-engine E]
                 [aniportrait: --models DIR --providers cuda,dml,cpu --pose-style 0..99
                  --steps 25 --guidance 3.5 --film-step 3 --pose-range release|training]`;

/** What `aniportrait render --help` prints. */
export const RENDER_HELP = `Usage: ${RENDER_USAGE}

Renders a talking-head MP4 (H.264 + AAC) from a portrait photo and a voice recording, or from a
saved studio project with its keyframe layers, with a progress bar and ETA. Ctrl+C cancels and
leaves no file behind.

${JOB_OPTIONS_HELP}
  --size 512 | WxH         output size in even pixels, 64..4096; the crop keeps it around the face
                           (default: the project's, else 512; aniportrait: the exported models' size)
  --steps N                (aniportrait) DDIM steps (default ${DEFAULT_DIFFUSION_SETTINGS.steps})
  --guidance X             (aniportrait) classifier-free guidance scale (default ${DEFAULT_DIFFUSION_SETTINGS.guidanceScale})
  --film-step N            (aniportrait) diffuse every Nth frame, FILM fills the rest (default ${DEFAULT_DIFFUSION_SETTINGS.filmStep}; 1: all)
  --pose-range release|training
                           (aniportrait) how pose images are fed to the pose guider (default release)
`;

export const RENDER_OPTIONS = { ...JOB_OPTIONS, ...RENDER_ONLY_OPTIONS } as const;

/** `aniportrait render`: photo + speech (or a saved project) -> talking-head MP4, the main job in one command. */
export async function renderCommand(args: string[], log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: RENDER_OPTIONS });
  const { job, outPath } = await jobFromArgs(values, RENDER_USAGE, 'render');
  await renderJobToFile(job, outPath, log, signal);
}

/** Runs an export with the CLI's progress bars and messages (render and reenact). */
export async function renderJobToFile(job: RenderJob, outPath: string, log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const started = performance.now();
  const models = new AniPortraitModelSource(job.models.dir, job.models.providers, (warning) => log(`warning: ${warning}`));
  // The diffusion engine reports its own work before frames are encoded; the bars show both.
  const workBar = lmk2VideoEngine(job.engines.lmk2video).frameShare < 1 ? createProgressBar('Diffusing', process.stderr, '') : null;
  const framesBar = createProgressBar(workBar ? 'Encoding ' : 'Rendering');
  try {
    const result = await runExport(job, outPath, {
      models,
      signal,
      onProgress: (fraction) => workBar?.update(Math.round(fraction * 1000), 1000),
      onFrames: (done, total) => framesBar.update(done, total),
    });
    result.warnings.forEach((w) => log(`warning: ${w}`));
    const providers = await models.providersInUse();
    const on = providers.length > 0 ? ` (AniPortrait on ${providers.join(', ')})` : '';
    log(`wrote ${outPath}: ${result.size.widthPx}x${result.size.heightPx}, ${result.frameCount} frames at ${result.fps} fps${on} in ${elapsed(started)} s`);
  } finally {
    await models.dispose();
  }
}

function elapsed(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(1);
}
