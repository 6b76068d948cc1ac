import { ALL_PERFORMANCE_PARTS } from '../performance/performance-parts.js';
import type { JobInput, RenderJob } from './render-job.js';
import { DEFAULT_DIFFUSION_SETTINGS } from './render-job.js';

/** What a plain built-in reenactment needs besides its two files. */
export interface ReenactmentJobOptions {
  readonly fps: number;
  readonly seed: number;
  /** The models folder (the built-in engines read none; a job names one all the same). */
  readonly modelsDir: string;
}

/**
 * The job of a photo driven by a performance video with the built-in engines at 512 x 512: every
 * part of the performance kept, the video's own sound as the voice, no keyframe layers.
 */
export function builtinReenactmentJob(photo: JobInput, video: JobInput, options: ReenactmentJobOptions): RenderJob {
  return {
    photo,
    audio: video,
    poseSource: { kind: 'audio' },
    performance: { ...video, parts: ALL_PERFORMANCE_PARTS },
    engines: { audio2lmk: 'builtin', lmk2video: 'builtin', interpolation: 'none' },
    fps: options.fps,
    seed: options.seed,
    poseStyle: options.seed,
    size: { widthPx: 512, heightPx: 512 },
    diffusion: DEFAULT_DIFFUSION_SETTINGS,
    layers: [],
    shapes: [],
    models: { dir: options.modelsDir },
    project: null,
    trackKey: null,
  };
}
