import { DEFAULT_MOUTH_SETTINGS } from '../mouth/mouth-schema.js';
import { randomId } from '../util/ids.js';
import type { ProjectDocument } from './project-schema.js';
import { CURRENT_SCHEMA_VERSION, PROJECT_FORMAT, projectDocumentSchema } from './project-schema.js';

/** Defaults follow AniPortrait: 30 fps, 512x512 output, seed 42. */
export function createProject(name: string, now: Date = new Date(), random: () => number = Math.random): ProjectDocument {
  const at = now.toISOString();
  return projectDocumentSchema.parse({
    format: PROJECT_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: randomId('proj', random),
    name,
    createdAt: at,
    modifiedAt: at,
    settings: { fps: 30, outputWidthPx: 512, outputHeightPx: 512, seed: 42 },
    engines: { audio2lmk: 'builtin', lmk2video: 'builtin', interpolation: 'none' },
    poseSource: { kind: 'audio' },
    assets: [],
    photoAssetId: null,
    audioAssetId: null,
    layers: [],
    activeLayerId: null,
    markers: [],
    loop: null,
    mouth: DEFAULT_MOUTH_SETTINGS,
    shapes: [],
  });
}
