import type { AppInfo } from '../../src-shared/ipc/contract';

/** What the studio knows about the AniPortrait engine's model files and GPU providers (from app:info). */
export interface AniPortraitReadiness {
  /** Graph files that are not ready, e.g. 'audio2mesh.onnx'. */
  readonly missingFiles: readonly string[];
  /** Where the studio looks for them. */
  readonly modelsDir: string;
  /** A GPU execution provider (CUDA or DirectML) is installed. */
  readonly gpuProvider: boolean;
}

const AUDIO_FILES = ['w2v_feature_encoder.onnx', 'audio2mesh.onnx', 'audio2pose_encoder.onnx', 'audio2pose_step.onnx'];

export function aniPortraitReadiness(info: AppInfo | null): AniPortraitReadiness | null {
  if (info === null) return null;
  const graphs = info.models.filter((m) => m.name.startsWith('aniportrait: '));
  const missing = graphs.filter((m) => m.status !== 'ready');
  return {
    missingFiles: missing.map((m) => m.name.slice('aniportrait: '.length)),
    modelsDir: info.modelsDir,
    gpuProvider: info.executionProviders.some((p) => p.name !== 'cpu' && p.available),
  };
}

/** Files a stage needs that are missing. */
export function missingFor(readiness: AniPortraitReadiness, stage: 'audio2lmk' | 'lmk2video', film: boolean): string[] {
  return readiness.missingFiles.filter((file) => (stage === 'audio2lmk' ? AUDIO_FILES.includes(file) : !AUDIO_FILES.includes(file) && (film || file !== 'film_net.onnx')));
}

/** "a.onnx, b.onnx" for a few files, "11 model files (a.onnx, b.onnx, ...)" for many. */
export function describeFiles(files: readonly string[]): string {
  return files.length <= 3 ? files.join(', ') : `${files.length} model files (${files.slice(0, 2).join(', ')}, ...)`;
}
