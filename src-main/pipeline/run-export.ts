import { StudioError } from '../../src-shared/util/result.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import type { FrameSize, RenderJob } from '../../src-shared/job/render-job.js';
import type { VideoContext } from '../engines/engine-types.js';
import { checkJobOutput } from './check-job-output.js';
import { checkModelsPresent, exportStages, jobEngines } from './job-checks.js';
import type { PipelineContext } from './run-track.js';
import { runTrack } from './run-track.js';

export type ExportContext = PipelineContext & Pick<VideoContext, 'onFrames'>;

/** Share of an export's progress that the track stage takes (face analysis, decoding, Audio2Lmk). */
const TRACK_SHARE = 0.1;

export interface ExportResult {
  readonly outPath: string;
  readonly size: FrameSize;
  readonly fps: number;
  readonly frameCount: number;
  readonly durationSec: number;
  readonly warnings: string[];
}

/**
 * The export of a job, the same for the CLI and the studio: every check first (the video engine's
 * frame rate, the model files of every stage, the video engine's size, the output writable),
 * then the track (runTrack), the keyframe layers composed over it, and the video engine.
 */
export async function runExport(job: RenderJob, outPath: string, context: ExportContext): Promise<ExportResult> {
  const { lmk2video, keyFrameStep } = jobEngines(job);
  const videoProblem = lmk2video.fpsProblem(job.fps) ?? lmk2video.settingsProblem(job.diffusion);
  if (videoProblem !== null) throw new StudioError('invalid-request', videoProblem);
  await checkModelsPresent(context.models, exportStages(job));
  const size = await lmk2video.outputSize(job.size, context);
  await checkJobOutput(job, outPath);
  // runTrack checks the track stage's frame rate before it does any work.

  const progress = exportProgress(lmk2video.frameShare, context.onProgress);
  const prepared = await runTrack(job, { ...context, onProgress: progress.track });
  const track = composeLayers(prepared.generated, job.layers, { mouth: job.mouth, shapes: job.shapes });
  await lmk2video.encode(
    { photo: job.photo, audio: job.audio, rig: prepared.rig, track, expression: prepared.expression, size, seed: job.seed, diffusion: job.diffusion, keyFrameStep, outPath },
    {
      ...context,
      onProgress: progress.video,
      // The caller learns the frame count first, so the progress report it sends next can carry it.
      onFrames: (done, total) => {
        context.onFrames?.(done, total);
        progress.frames(done, total);
      },
    },
  );
  return { outPath, size, fps: track.fps, frameCount: track.frameCount, durationSec: track.frameCount / track.fps, warnings: [...prepared.warnings] };
}

/**
 * One export's progress, never going back: the track stage, then the video engine's own work, then
 * the frames. While frames are encoded by an engine whose frameShare is 1, the fraction is the
 * frame count's (frame 27 of 235 reads 11 %).
 */
function exportProgress(frameShare: number, report: ((fraction: number, message: string) => void) | undefined) {
  const started = performance.now();
  let last = 0;
  const emit = (fraction: number, message: string) => {
    last = Math.max(last, Math.min(1, fraction));
    report?.(last, message);
  };
  const workShare = Math.max(0, 1 - frameShare - TRACK_SHARE);
  return {
    track: (fraction: number, message: string) => emit(TRACK_SHARE * fraction, message),
    video: (fraction: number, message: string) => emit(TRACK_SHARE + workShare * fraction, message),
    frames: (done: number, total: number) => {
      const etaSec = Math.round((((performance.now() - started) / 1000) * (total - done)) / Math.max(1, done));
      emit(1 - frameShare + frameShare * (done / total), `Exporting frame ${done} of ${total}, about ${etaSec} s left`);
    },
  };
}
