import type { RenderJob } from '../../src-shared/job/render-job.js';
import type { GraphStage } from '../../src-shared/models/model-manifest.js';
import { StudioError } from '../../src-shared/util/result.js';
import type { Audio2LmkEngine, ModelSource } from '../engines/engine-types.js';
import { frameInterpolator, lmk2VideoEngine, trackEngine } from '../engines/registry.js';

/** The engines a job runs, from the registry. */
export function jobEngines(job: RenderJob) {
  const audio2lmk = trackEngine(job);
  const lmk2video = lmk2VideoEngine(job.engines.lmk2video);
  const interpolator = frameInterpolator(job.engines.interpolation);
  return { audio2lmk, lmk2video, interpolator, keyFrameStep: lmk2video.usesInterpolator ? interpolator.keyFrameStep(job.diffusion) : 1 };
}

/** Frame rate checks of the track stage: the one place they are made. */
export function checkTrackStage(job: RenderJob, audio2lmk: Audio2LmkEngine): void {
  checkFps(job.fps);
  const problem = audio2lmk.fpsProblem(job.fps);
  if (problem !== null) throw new StudioError('invalid-request', problem);
}

function checkFps(fps: number): void {
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) throw new StudioError('invalid-request', `The frame rate must be a whole number 1..120, got ${fps}.`);
}

/** Every model file of these stages is in the models folder, before any work or any file. */
export async function checkModelsPresent(models: ModelSource, stages: readonly GraphStage[]): Promise<void> {
  if (stages.length === 0) return;
  (await models.open()).assertPresent(stages);
}

/** The model stages of a whole export (track, video, interpolation when key frames are interpolated), so one message lists every missing file. */
export function exportStages(job: RenderJob): GraphStage[] {
  const { audio2lmk, lmk2video, interpolator, keyFrameStep } = jobEngines(job);
  return [...audio2lmk.modelStages, ...lmk2video.modelStages, ...(keyFrameStep > 1 ? interpolator.modelStages : [])];
}
