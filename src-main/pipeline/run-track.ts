import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import type { RenderJob } from '../../src-shared/job/render-job.js';
import type { EngineContext } from '../engines/engine-types.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip, fitToSampleCount } from '../media/decode-audio-clip.js';
import { checkModelsPresent, checkTrackStage, jobEngines } from './job-checks.js';
import type { PreparedTrack } from './prepared-track.js';
import type { TrackCache } from './track-cache.js';

export interface PipelineContext extends EngineContext {
  /** A host's cache of its last track (the studio's); without one every call generates. */
  readonly cache?: TrackCache;
}

/**
 * Audio2Lmk for a job, the same for the CLI and the studio: checks (frame rate, model files)
 * before any work, then face analysis, audio decoding and the job's Audio2Lmk engine. With a
 * cache and a trackKey, a track made before for the same inputs is returned as it is.
 */
export async function runTrack(job: RenderJob, context: PipelineContext): Promise<PreparedTrack> {
  const { audio2lmk } = jobEngines(job);
  checkTrackStage(job, audio2lmk);
  const make = async (): Promise<PreparedTrack> => {
    await checkModelsPresent(context.models, audio2lmk.modelStages);
    const progress = context.onProgress ?? (() => {});
    progress(0.05, 'Analysing the face');
    const analysis = await analyzePhoto(job.photo.path, job.photo.label);
    const { rig } = analysis;
    const warnings = [...analysis.warnings];
    progress(0.35, 'Decoding the audio');
    const decoded = await decodeAudioClip(job.audio.path, job.audio.label, context.signal);
    const samples = job.audio.analysisSampleCount === undefined ? decoded : fitToSampleCount(decoded, job.audio.analysisSampleCount);
    const generated = await audio2lmk.generate(
      { rig, samples, fps: job.fps, seed: job.seed, poseStyle: job.poseStyle, poseSource: job.poseSource },
      { ...context, onProgress: (fraction, message) => progress(0.45 + 0.55 * fraction, message), onWarning: (message) => warnings.push(message) },
    );
    return { rig, expression: new ExpressionRig(rig.lmks3dCm), generated, warnings };
  };
  return context.cache && job.trackKey !== null ? context.cache.track(job.trackKey, make) : make();
}
