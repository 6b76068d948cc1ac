import type { InterpolatorId, RenderJob } from '../../src-shared/job/render-job.js';
import type { EngineId } from '../../src-shared/project/project-schema.js';
import { aniPortraitAudio2Lmk, aniPortraitLmk2Video, filmInterpolator } from './aniportrait/aniportrait-engines.js';
import { builtinAudio2Lmk, builtinLmk2Video } from './builtin/builtin-engines.js';
import { performanceAudio2Lmk } from './performance/performance-engine.js';
import type { Audio2LmkEngine, FrameInterpolator, Lmk2VideoEngine } from './engine-types.js';

/** No interpolation: every frame is made by the video engine. */
const noInterpolator: FrameInterpolator = { id: 'none', modelStages: [], keyFrameStep: () => 1 };

/**
 * The engines of each stage by id: the one place that knows which engines exist. Everything else
 * (the CLI, the studio, the pipeline) asks here and talks to the stage interfaces.
 */
const AUDIO2LMK: Readonly<Record<EngineId, Audio2LmkEngine>> = { builtin: builtinAudio2Lmk, aniportrait: aniPortraitAudio2Lmk };
const LMK2VIDEO: Readonly<Record<EngineId, Lmk2VideoEngine>> = { builtin: builtinLmk2Video, aniportrait: aniPortraitLmk2Video };
const INTERPOLATORS: Readonly<Record<InterpolatorId, FrameInterpolator>> = { none: noInterpolator, film: filmInterpolator };

export function audio2LmkEngine(id: EngineId): Audio2LmkEngine {
  return AUDIO2LMK[id];
}

/**
 * The engine that makes a job's track: the performance video's when the job has one (it replaces
 * Audio2Lmk: the face in the video is the motion), else the job's chosen Audio2Lmk engine.
 */
export function trackEngine(job: Pick<RenderJob, 'performance' | 'engines'>): Audio2LmkEngine {
  return job.performance !== null ? performanceAudio2Lmk(job.performance) : AUDIO2LMK[job.engines.audio2lmk];
}

export function lmk2VideoEngine(id: EngineId): Lmk2VideoEngine {
  return LMK2VIDEO[id];
}

export function frameInterpolator(id: InterpolatorId): FrameInterpolator {
  return INTERPOLATORS[id];
}

/** Every engine of both stages, named as the user knows them ("the aniportrait Lmk2Video"). */
export function allStageEngines(): { readonly name: string; readonly stage: 'audio' | 'video'; readonly ownOptions: readonly string[] }[] {
  return [
    ...Object.values(AUDIO2LMK).map((e) => ({ name: `the ${e.id} Audio2Lmk`, stage: 'audio' as const, ownOptions: e.ownOptions })),
    ...Object.values(LMK2VIDEO).map((e) => ({ name: `the ${e.id} Lmk2Video`, stage: 'video' as const, ownOptions: e.ownOptions })),
  ];
}
