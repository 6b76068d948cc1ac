import { existsSync } from 'node:fs';
import { join } from 'node:path';
import manifest from '../../models/aniportrait.manifest.json' with { type: 'json' };

export interface ModelStatus {
  readonly name: string;
  readonly status: 'ready' | 'missing' | 'invalid' | 'not-implemented';
  readonly detail: string;
}

/** The user's exported AniPortrait graphs live here unless --models or ANIPORTRAIT_MODELS_DIR says otherwise. */
export function defaultModelsDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ANIPORTRAIT_MODELS_DIR ?? join(dataDir, 'models', 'aniportrait');
}

/**
 * What each engine needs and whether it is here. The built-in engines are not written yet and say
 * so; the AniPortrait graphs are checked for presence (their signatures are checked on load).
 */
export function modelStatus(modelsDir: string): ModelStatus[] {
  const builtin: ModelStatus[] = [
    { name: 'builtin: Audio2Lmk (face analysis + lip sync)', status: 'not-implemented', detail: 'the built-in Audio2Lmk engine is not in this build yet' },
    { name: 'builtin: Lmk2Video (mesh warp)', status: 'not-implemented', detail: 'the built-in Lmk2Video engine is not in this build yet' },
  ];
  const graphs = manifest.graphs.map((graph): ModelStatus => {
    const path = join(modelsDir, graph.file);
    return existsSync(path)
      ? { name: `aniportrait: ${graph.file}`, status: 'ready', detail: `${path} (present; signature checked on load)` }
      : { name: `aniportrait: ${graph.file}`, status: 'missing', detail: `not found in ${modelsDir}; see models/README.md` };
  });
  return [...builtin, ...graphs];
}
