import { ANIPORTRAIT_FPS } from '../../../src-shared/aniportrait/audio-features.js';
import { meshParamTrack, toLandmarkTrack } from '../../../src-shared/face/face-param-track.js';
import { diffusionSettingsProblem } from '../../../src-shared/job/render-job.js';
import { StudioError } from '../../../src-shared/util/result.js';
import type { Audio2LmkEngine, FrameInterpolator, Lmk2VideoEngine } from '../engine-types.js';
import { aniPortraitPoseSource, generateAniPortraitTrack } from './audio2lmk.js';
import { exportAniPortraitVideo } from './render-video.js';

const fpsProblem = (stage: string) => (fps: number) =>
  fps === ANIPORTRAIT_FPS ? null : `AniPortrait's ${stage} works at ${ANIPORTRAIT_FPS} fps only; this job is ${fps} fps. Use ${ANIPORTRAIT_FPS} fps (--fps ${ANIPORTRAIT_FPS}, or the project's frame rate) or the built-in ${stage}.`;

/** AniPortrait's audio2mesh + audio2pose graphs (wav2vec2 inside); 30 fps. */
export const aniPortraitAudio2Lmk: Audio2LmkEngine = {
  id: 'aniportrait',
  ownOptions: ['models', 'providers', 'pose-style'],
  modelStages: ['audio2lmk'],
  fpsProblem: fpsProblem('Audio2Lmk'),
  async generate(input, context) {
    const models = await context.models.open();
    const poseSource = await aniPortraitPoseSource(input.poseSource, input.poseStyle, input.samples.length, context.signal);
    const track = await generateAniPortraitTrack({ models, rig: input.rig, samples: input.samples, poseSource, signal: context.signal, onProgress: context.onProgress });
    return meshParamTrack(track);
  },
};

/** AniPortrait's diffusion (ReferenceNet, PoseGuider, UNet3D, VAE under DDIM) at the exported models' size; 30 fps. */
export const aniPortraitLmk2Video: Lmk2VideoEngine = {
  id: 'aniportrait',
  ownOptions: ['models', 'providers', 'steps', 'guidance', 'film-step', 'pose-range'],
  modelStages: ['lmk2video'],
  frameShare: 0.08,
  usesInterpolator: true,
  fpsProblem: fpsProblem('Lmk2Video'),
  settingsProblem: diffusionSettingsProblem,
  async outputSize(requested, context) {
    const models = await context.models.open();
    const size = { widthPx: models.dim('IMG_W'), heightPx: models.dim('IMG_H') };
    if (requested !== null && (requested.widthPx !== size.widthPx || requested.heightPx !== size.heightPx)) {
      throw new StudioError(
        'invalid-request',
        `The exported AniPortrait models render ${size.widthPx}x${size.heightPx}; ${requested.widthPx}x${requested.heightPx} needs an export at that size (models/README.md). Use ${size.widthPx}x${size.heightPx} (omit --size, or set the project's size).`,
      );
    }
    return size;
  },
  async encode(input, context) {
    const models = await context.models.open();
    await exportAniPortraitVideo({
      models,
      photoPath: input.photo.path,
      photoLabel: input.photo.label,
      rig: input.rig,
      track: toLandmarkTrack(input.track, input.expression),
      options: { ...input.diffusion, seed: input.seed, filmStep: input.keyFrameStep },
      audioPath: input.audio.path,
      outPath: input.outPath,
      signal: context.signal,
      onProgress: context.onProgress,
      onFrames: context.onFrames,
    });
  },
};

/** FILM (film_net) between diffused key frames, AniPortrait's -acc schedule. */
export const filmInterpolator: FrameInterpolator = {
  id: 'film',
  modelStages: ['interpolation'],
  keyFrameStep: (diffusion) => diffusion.filmStep,
};
