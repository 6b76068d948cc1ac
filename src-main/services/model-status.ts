import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import manifest from '../../models/aniportrait.manifest.json' with { type: 'json' };
import type { GraphStage } from '../../src-shared/models/model-manifest.js';

const require = createRequire(import.meta.url);

export interface ModelStatus {
  readonly name: string;
  readonly status: 'ready' | 'missing' | 'invalid' | 'not-implemented';
  readonly detail: string;
  readonly graph?: { readonly file: string; readonly stage: GraphStage };
}

/** The user's exported AniPortrait graphs live here unless --models or ANIPORTRAIT_MODELS_DIR says otherwise. */
export function defaultModelsDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ANIPORTRAIT_MODELS_DIR ?? join(dataDir, 'models', 'aniportrait');
}

/** Face-mesh models of the built-in engine, shipped inside @vladmandic/human. */
const FACE_MESH_FILES = ['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin', 'iris.json', 'iris.bin'];

/**
 * What each engine needs and whether it is here. The AniPortrait graphs are checked for presence
 * here; their signatures are checked against the manifest when a job loads them.
 */
export function modelStatus(modelsDir: string): ModelStatus[] {
  const builtin: ModelStatus[] = [builtinFaceMeshStatus(), { name: 'builtin: Lmk2Video (mesh warp)', status: 'ready', detail: 'needs no model files' }];
  const graphs = manifest.graphs.map((graph): ModelStatus => {
    const path = join(modelsDir, graph.file);
    const about = { name: `aniportrait: ${graph.file}`, graph: { file: graph.file, stage: graph.stage as GraphStage } };
    return existsSync(path)
      ? { ...about, status: 'ready', detail: `${path} (its inputs and outputs are checked against the manifest when loaded)` }
      : { ...about, status: 'missing', detail: `not found in ${modelsDir}; see models/README.md` };
  });
  return [...builtin, ...graphs];
}

function builtinFaceMeshStatus(): ModelStatus {
  const name = 'builtin: Audio2Lmk (face mesh + lip sync)';
  let modelDir: string;
  try {
    modelDir = join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
    require.resolve('@mediapipe/face_mesh/face_mesh.js');
  } catch (error) {
    return { name, status: 'missing', detail: `${(error as Error).message}; run npm ci` };
  }
  const missing = FACE_MESH_FILES.filter((file) => !existsSync(join(modelDir, file)));
  return missing.length === 0
    ? { name, status: 'ready', detail: `face mesh models in ${modelDir}` }
    : { name, status: 'missing', detail: `${missing.join(', ')} missing from ${modelDir}; run npm ci` };
}
