import { analyzeLipSync, defaultVisemeProfiles } from '../../../src-shared/lipsync/index.js';
import type { FaceParamName, FaceParamTrack } from '../../../src-shared/face/face-param-track.js';
import { paramTrack } from '../../../src-shared/face/face-param-track.js';
import { generateEyeBrowMotion } from '../../../src-shared/motion/eye-brow-motion.js';
import { findEmphasis, generateHeadMotion } from '../../../src-shared/motion/head-motion.js';
import { StudioError } from '../../../src-shared/util/result.js';
import { ANALYSIS_RATE_HZ } from '../../media/decode-audio-clip.js';
import type { JobPoseSource } from '../../../src-shared/job/render-job.js';
import { templatePoses, videoStyle } from '../shared/pose-sources.js';

export interface TrackRequest {
  /** 16 kHz mono speech (decodeAudioClip). */
  readonly samples: Float32Array;
  readonly fps: number;
  readonly seed: number;
  readonly poseSource: JobPoseSource;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number, message: string) => void;
}

/**
 * The built-in Audio2Lmk engine: lip sync from the speech (MFCC visemes + loudness), head motion
 * from prosody or from a template or reference video, blinks and brow raises. Deterministic for a
 * given seed.
 */
export async function generateBuiltinTrack(request: TrackRequest): Promise<FaceParamTrack> {
  const { samples, fps, seed, poseSource, signal } = request;
  const progress = request.onProgress ?? (() => {});
  progress(0, 'Analysing speech');
  const mouth = analyzeLipSync(samples, { sampleRateHz: ANALYSIS_RATE_HZ, fps, profiles: defaultVisemeProfiles() });
  checkCancelled(signal);
  const { frameCount } = mouth;
  const emphasis = findEmphasis(mouth.loudness, fps);
  progress(0.3, 'Generating head motion');
  let poses: Float32Array;
  let eyes = generateEyeBrowMotion(fps, frameCount, emphasis, seed);
  switch (poseSource.kind) {
    case 'audio':
      poses = generateHeadMotion({ fps, frameCount, loudness: mouth.loudness, seed }, emphasis);
      break;
    case 'template':
      poses = await templatePoses(poseSource.path, frameCount);
      break;
    case 'video': {
      const style = await videoStyle(poseSource.path, poseSource.label, fps, frameCount, signal);
      poses = style.poses;
      eyes = { blinkLeft: style.blinkLeft, blinkRight: style.blinkRight, browRaise: style.browRaise };
      break;
    }
  }
  checkCancelled(signal);
  const params: Record<FaceParamName, Float32Array> = {
    jawOpen: mouth.jawOpen,
    lipFunnel: mouth.lipFunnel,
    mouthWidth: mouth.mouthWidth,
    lipPress: mouth.lipPress,
    smile: new Float32Array(frameCount),
    blinkLeft: eyes.blinkLeft,
    blinkRight: eyes.blinkRight,
    browRaise: eyes.browRaise,
  };
  progress(1, 'Track ready');
  return paramTrack(fps, frameCount, params, poses);
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StudioError('cancelled', 'Track generation was cancelled.');
}
