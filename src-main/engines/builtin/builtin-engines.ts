import type { Audio2LmkEngine, Lmk2VideoEngine } from '../engine-types.js';
import { exportBuiltinVideo } from './export-video.js';
import { generateBuiltinTrack } from './generate-track.js';

/** The built-in Audio2Lmk: DSP lip sync, prosody head motion, blinks; any fps. */
export const builtinAudio2Lmk: Audio2LmkEngine = {
  id: 'builtin',
  ownOptions: [],
  modelStages: [],
  fpsProblem: () => null,
  generate: (input, context) =>
    generateBuiltinTrack({ samples: input.samples, fps: input.fps, seed: input.seed, poseSource: input.poseSource, signal: context.signal, onProgress: context.onProgress }),
};

/** The default output size of the built-in warp. */
const BUILTIN_SIZE = { widthPx: 512, heightPx: 512 } as const;

/** The built-in Lmk2Video: the landmark mesh warp of the photo with a synthesized mouth; any size, any fps. */
export const builtinLmk2Video: Lmk2VideoEngine = {
  id: 'builtin',
  ownOptions: [],
  modelStages: [],
  frameShare: 1,
  usesInterpolator: false,
  fpsProblem: () => null,
  settingsProblem: () => null,
  outputSize: (requested) => Promise.resolve(requested ?? BUILTIN_SIZE),
  async encode(input, context) {
    await exportBuiltinVideo({
      photoPath: input.photo.path,
      photoLabel: input.photo.label,
      audioPath: input.audio.path,
      rig: input.rig,
      track: input.track,
      outPath: input.outPath,
      widthPx: input.size.widthPx,
      heightPx: input.size.heightPx,
      signal: context.signal,
      onProgress: context.onFrames,
    });
  },
};
