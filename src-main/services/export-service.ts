import { toLandmarkTrack } from '../../src-shared/face/face-param-track.js';
import { composeTrack } from '../../src-shared/keyframes/compose-track.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { DEFAULT_DIFFUSION } from '../engines/aniportrait/lmk2video.js';
import { exportAniPortraitVideo } from '../engines/aniportrait/render-video.js';
import { exportBuiltinVideo } from '../engines/builtin/export-video.js';
import { checkExportOutput } from './check-export-output.js';
import type { ProjectEngines } from './project-engines.js';

type ProgressFn = (fraction: number, message: string) => void;

/** Studio export: the project's generated track with its keyframe layers, to MP4 on the project's Lmk2Video engine. */
export async function exportProjectVideo(
  engines: ProjectEngines,
  workDir: string,
  document: ProjectDocument,
  outPath: string,
  signal: AbortSignal,
  onProgress: ProgressFn,
): Promise<{ outPath: string; frameCount: number; durationSec: number; warnings: string[] }> {
  await checkExportOutput(workDir, document, outPath);
  const aniPortrait = document.engines.lmk2video === 'aniportrait';
  const models = aniPortrait ? await engines.aniPortraitModels() : undefined;
  // Every graph the export needs is there before any work or any file.
  models?.assertPresent(document.engines.interpolation === 'film' ? ['lmk2video', 'interpolation'] : ['lmk2video']);
  if (models && (models.dim('IMG_W') !== document.settings.outputWidthPx || models.dim('IMG_H') !== document.settings.outputHeightPx)) {
    throw new StudioError(
      'invalid-request',
      `The exported AniPortrait models render ${models.dim('IMG_W')}x${models.dim('IMG_H')}; set the export size to that, or export the models at ${document.settings.outputWidthPx}x${document.settings.outputHeightPx} (models/README.md).`,
    );
  }
  const prepareShare = aniPortrait ? 0.02 : 0.1;
  const prepared = await engines.prepare(workDir, document, (fraction, message) => onProgress(fraction * prepareShare, message), signal);
  const track = composeTrack(prepared.generated, document.layers);
  const started = performance.now();
  const frameProgress = (start: number) => (done: number, total: number) => {
    const elapsedSec = (performance.now() - started) / 1000;
    const etaSec = Math.round((elapsedSec * (total - done)) / Math.max(1, done));
    onProgress(start + (1 - start) * (done / total), `Exporting frame ${done} of ${total}, about ${etaSec} s left`);
  };
  if (models) {
    if (track.fps !== 30) throw new StudioError('invalid-request', `The AniPortrait video engine renders 30 fps; this project is ${track.fps} fps. Set the project to 30 fps.`);
    const landmarks = toLandmarkTrack(track, prepared.expression);
    await exportAniPortraitVideo({
      models,
      photoPath: prepared.photoPath,
      photoLabel: prepared.photoLabel,
      rig: prepared.rig,
      track: landmarks,
      options: { ...DEFAULT_DIFFUSION, seed: document.settings.seed, filmStep: document.engines.interpolation === 'film' ? DEFAULT_DIFFUSION.filmStep : 1 },
      audioPath: prepared.audioPath,
      outPath,
      signal,
      onProgress: (fraction, message) => onProgress(prepareShare + 0.9 * fraction, message),
      onFrames: frameProgress(0.92),
    });
  } else {
    await exportBuiltinVideo({
      photoPath: prepared.photoPath,
      photoLabel: prepared.photoLabel,
      audioPath: prepared.audioPath,
      rig: prepared.rig,
      track,
      outPath,
      widthPx: document.settings.outputWidthPx,
      heightPx: document.settings.outputHeightPx,
      signal,
      onProgress: frameProgress(0.1),
    });
  }
  return { outPath, frameCount: track.frameCount, durationSec: track.frameCount / track.fps, warnings: engines.takeProviderWarnings() };
}
