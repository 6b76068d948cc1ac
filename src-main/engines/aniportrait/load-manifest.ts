import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import builtInJson from '../../../models/aniportrait.manifest.json' with { type: 'json' };
import type { ModelManifest } from '../../../src-shared/models/model-manifest.js';
import { parseModelManifest } from '../../../src-shared/models/model-manifest.js';
import { StudioError } from '../../../src-shared/util/result.js';

export const MANIFEST_FILE = 'aniportrait.manifest.json';

/** The manifest that ships with the studio (512 x 512 exports). */
export function builtInManifest(): ModelManifest {
  return parseModelManifest(builtInJson);
}

/**
 * The manifest for a models folder: the folder's own aniportrait.manifest.json when the export wrote
 * one (an export at another size changes only `dims`), else the built-in one. A folder manifest must
 * list the same graphs and tensors as the built-in one.
 */
export async function manifestForDir(dir: string): Promise<ModelManifest> {
  const builtIn = builtInManifest();
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return builtIn;
  let manifest: ModelManifest;
  try {
    manifest = parseModelManifest(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    throw new StudioError('invalid-model', `${path} is not a valid model manifest (${(error as Error).message.split('\n')[0]}). Remove it to use the built-in one, or export the models again.`);
  }
  const structure = (m: ModelManifest) => JSON.stringify(m.graphs.map((g) => [g.file, g.stage, [...g.inputs, ...g.outputs].map((t) => [t.name, t.dtype, t.shape.length])]));
  if (structure(manifest) !== structure(builtIn)) {
    throw new StudioError('invalid-model', `${path} lists other graphs or tensors than this studio's engine uses. Export the models again with models/export from this version.`);
  }
  for (const [name, size] of Object.entries(builtIn.dims)) {
    if (manifest.dims[name] === undefined) throw new StudioError('invalid-model', `${path} lacks the size ${name}.`);
    if (name === 'MESH_VALUES' && manifest.dims[name] !== size) throw new StudioError('invalid-model', `${path}: MESH_VALUES must be ${size} (468 mesh vertices x 3).`);
  }
  return manifest;
}
