import type { FaceParamName, FaceParamTrack } from '../../../src-shared/face/face-param-track.js';
import { paramTrack } from '../../../src-shared/face/face-param-track.js';
import type { JobPerformance } from '../../../src-shared/job/render-job.js';
import { analyzeLipSync, defaultVisemeProfiles } from '../../../src-shared/lipsync/index.js';
import { generateEyeBrowMotion } from '../../../src-shared/motion/eye-brow-motion.js';
import { findEmphasis } from '../../../src-shared/motion/head-motion.js';
import { ANALYSIS_RATE_HZ, frameCountForSamples } from '../../../src-shared/project/derived.js';
import { buildPerformanceMotion } from '../../../src-shared/performance/performance-track.js';
import type { PerformanceReport } from '../../../src-shared/performance/performance-track.js';
import { bridgedFramesNote, performanceProblem } from '../../../src-shared/performance/performance-problem.js';
import { StudioError } from '../../../src-shared/util/result.js';
import type { EngineContext, TrackInput } from '../engine-types.js';
import { trackedVideo } from './tracked-video-cache.js';

export interface PerformanceTrackResult {
  readonly track: FaceParamTrack;
  readonly report: PerformanceReport;
}

/**
 * The performance track: the video's face tracked frame by frame (as many frames as the audio
 * needs, at the job's fps), made into pose + retargeted expression offsets
 * (buildPerformanceMotion). The expression parameters stay at rest, so keyframe layers and the
 * mouth lane add to the performance; a mouth not kept follows the voice (the built-in lip sync),
 * blinks not kept are generated (seeded).
 */
export async function generatePerformanceTrack(input: TrackInput, performance: JobPerformance, context: EngineContext): Promise<PerformanceTrackResult> {
  const { fps, samples, seed } = input;
  const progress = context.onProgress ?? (() => {});
  const frameCount = Math.max(1, frameCountForSamples(samples.length, ANALYSIS_RATE_HZ, fps));
  progress(0, 'Tracking the performance');
  const tracked = await trackedVideo(performance.path, performance.label, fps, frameCount, context.signal, (done) =>
    progress((0.9 * done) / frameCount, `Tracking the performance: frame ${done} of ${frameCount}`),
  );
  if (context.signal?.aborted) throw new StudioError('cancelled', 'Track generation was cancelled.');
  const problem = performanceProblem(tracked.frames, fps, performance.label);
  if (problem !== null) throw new StudioError('unsupported-media', problem);
  if (tracked.variableFrameRate) context.onWarning?.(`${performance.label} has a variable frame rate; its frames were resampled to ${fps} fps.`);
  const bridged = bridgedFramesNote(tracked.frames, fps, performance.label);
  if (bridged !== null) context.onWarning?.(bridged);

  const { parts } = performance;
  const referenceFrame = performance.poseReferenceSec === undefined ? undefined : Math.round(performance.poseReferenceSec * fps);
  if (referenceFrame !== undefined && !tracked.frames[referenceFrame]) {
    const why = referenceFrame >= tracked.frames.length ? `the video's first ${(tracked.frames.length / fps).toFixed(1)} s drive this track` : 'no face is found there';
    throw new StudioError('invalid-request', `The pose reference at ${performance.poseReferenceSec} s cannot be used: ${why}. Choose a time where the face is in view.`);
  }
  const motion = buildPerformanceMotion({ frames: tracked.frames, fps, targetRestCm: input.rig.lmks3dCm, frameCount, parts, referenceFrame });
  const zeros = () => new Float32Array(frameCount);
  const params: Record<FaceParamName, Float32Array> = {
    jawOpen: zeros(),
    lipFunnel: zeros(),
    mouthWidth: zeros(),
    lipPress: zeros(),
    smile: zeros(),
    blinkLeft: zeros(),
    blinkRight: zeros(),
    browRaise: zeros(),
  };
  if (!parts.mouth.keep || !parts.blinks.keep) {
    const voice = analyzeLipSync(samples, { sampleRateHz: ANALYSIS_RATE_HZ, fps, profiles: defaultVisemeProfiles() });
    if (!parts.mouth.keep) Object.assign(params, { jawOpen: voice.jawOpen, lipFunnel: voice.lipFunnel, mouthWidth: voice.mouthWidth, lipPress: voice.lipPress });
    if (!parts.blinks.keep) {
      const eyes = generateEyeBrowMotion(fps, frameCount, findEmphasis(voice.loudness, fps), seed);
      Object.assign(params, { blinkLeft: eyes.blinkLeft, blinkRight: eyes.blinkRight });
    }
  }
  progress(1, 'Performance track ready');
  return { track: paramTrack(fps, frameCount, params, motion.poses, motion.meshOffsetsCm), report: motion.report };
}
