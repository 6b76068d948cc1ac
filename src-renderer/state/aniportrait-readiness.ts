import type { AppInfo } from '../../src-shared/ipc/contract';
import type { GraphStage } from '../../src-shared/models/model-manifest';

/** What the studio knows about the AniPortrait engine's model files and GPU providers (from app:info). */
export interface AniPortraitReadiness {
  /** Graph files that are not ready, e.g. 'audio2mesh.onnx', with the stage that loads each (from the manifest). */
  readonly missing: readonly { readonly file: string; readonly stage: GraphStage }[];
  /** Where the studio looks for them. */
  readonly modelsDir: string;
  /** A GPU execution provider (CUDA or DirectML) is installed. */
  readonly gpuProvider: boolean;
}

export function aniPortraitReadiness(info: AppInfo | null): AniPortraitReadiness | null {
  if (info === null) return null;
  const missing = info.models.flatMap((m) => (m.graph !== undefined && m.status !== 'ready' ? [m.graph] : []));
  return {
    missing,
    modelsDir: info.modelsDir,
    gpuProvider: info.executionProviders.some((p) => p.name !== 'cpu' && p.available),
  };
}

/** Files a stage needs that are missing (the video stage with FILM needs the interpolation graph too). */
export function missingFor(readiness: AniPortraitReadiness, stage: 'audio2lmk' | 'lmk2video', film: boolean): string[] {
  const stages: readonly GraphStage[] = stage === 'audio2lmk' ? ['audio2lmk'] : film ? ['lmk2video', 'interpolation'] : ['lmk2video'];
  return readiness.missing.filter((m) => stages.includes(m.stage)).map((m) => m.file);
}

/** "a.onnx, b.onnx" for a few files, "11 model files (a.onnx, b.onnx, ...)" for many. */
export function describeFiles(files: readonly string[]): string {
  return files.length <= 3 ? files.join(', ') : `${files.length} model files (${files.slice(0, 2).join(', ')}, ...)`;
}
