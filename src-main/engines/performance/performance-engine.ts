import type { JobPerformance } from '../../../src-shared/job/render-job.js';
import type { Audio2LmkEngine } from '../engine-types.js';
import { generatePerformanceTrack } from './generate-performance-track.js';

/** The Audio2Lmk stage of a job driven by a performance video: the video's face makes the track; any fps. */
export function performanceAudio2Lmk(performance: JobPerformance): Audio2LmkEngine {
  return {
    id: 'performance',
    ownOptions: [],
    modelStages: [],
    fpsProblem: () => null,
    generate: async (input, context) => (await generatePerformanceTrack(input, performance, context)).track,
  };
}
