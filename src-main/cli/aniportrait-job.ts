import type { FaceRig } from '../../src-shared/face/face-rig.js';
import type { LandmarkTrack } from '../../src-shared/face/landmark-track.js';
import { StudioError } from '../../src-shared/util/result.js';
import { aniPortraitPoseSource, generateAniPortraitTrack } from '../engines/aniportrait/audio2lmk.js';
import { manifestForDir } from '../engines/aniportrait/load-manifest.js';
import { AniPortraitModels } from '../engines/aniportrait/model-set.js';
import { defaultModelsDir } from '../services/model-status.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import type { JobArgs } from './job-args.js';

/** The AniPortrait models a CLI job names (--models, ANIPORTRAIT_MODELS_DIR or the data folder). */
export async function openJobModels(job: JobArgs, log: (line: string) => void): Promise<AniPortraitModels> {
  const dir = job.modelsDir ?? defaultModelsDir(resolveDataDirs().dataDir);
  const manifest = await manifestForDir(dir);
  return new AniPortraitModels(dir, manifest, {
    providers: job.providers,
    onProviderFailure: (f) => log(`warning: ${f.provider} could not load ${f.file}: ${f.message}; trying the next provider`),
  });
}

/** Audio2Lmk on the AniPortrait graphs, with the job's pose source. */
export async function aniPortraitTrack(job: JobArgs, models: AniPortraitModels, rig: FaceRig, samples: Float32Array, signal?: AbortSignal): Promise<LandmarkTrack> {
  if (job.fps !== 30) throw new StudioError('invalid-request', `The AniPortrait engine makes 30 fps tracks; drop --fps ${job.fps} or use --engine builtin.`);
  const poseSource = await aniPortraitPoseSource(job.poseSource, job.poseStyle, samples.length, signal);
  return generateAniPortraitTrack({ models, rig, samples, poseSource, signal });
}
