import { composeTrack } from '../../src-shared/keyframes/compose-track.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { exportBuiltinVideo } from '../engines/builtin/export-video.js';
import type { ProjectEngines } from './project-engines.js';

/** Studio export: the project's generated track with its keyframe layers, to MP4. */
export async function exportProjectVideo(
  engines: ProjectEngines,
  workDir: string,
  document: ProjectDocument,
  outPath: string,
  signal: AbortSignal,
  onProgress: (fraction: number, message: string) => void,
): Promise<{ outPath: string; frameCount: number; durationSec: number }> {
  const prepared = await engines.prepare(workDir, document, (fraction, message) => onProgress(fraction * 0.1, message), signal);
  const track = composeTrack(prepared.generated, document.layers);
  const started = performance.now();
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
    onProgress: (done, total) => {
      const elapsedSec = (performance.now() - started) / 1000;
      const etaSec = Math.round((elapsedSec * (total - done)) / Math.max(1, done));
      onProgress(0.1 + 0.9 * (done / total), `Exporting frame ${done} of ${total}, about ${etaSec} s left`);
    },
  });
  return { outPath, frameCount: track.frameCount, durationSec: track.frameCount / track.fps };
}
