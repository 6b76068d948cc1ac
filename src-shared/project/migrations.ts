import type { Result } from '../util/result.js';
import { fail, ok } from '../util/result.js';
import { ANALYSIS_RATE_HZ } from './derived.js';
import { toV4 } from './migration-v4.js';
import { toV6 } from './migration-v6.js';
import { toV7 } from './migration-v7.js';
import type { ProjectDocument } from './project-schema.js';
import { CURRENT_SCHEMA_VERSION, PROJECT_FORMAT, projectDocumentSchema } from './project-schema.js';

type JsonRecord = Record<string, unknown>;

/** One numbered step `project/N`: turns a version N-1 document into a version N document. */
export interface Migration {
  readonly id: `project/${number}`;
  readonly toVersion: number;
  readonly migrate: (doc: JsonRecord) => JsonRecord;
}

/**
 * Version 0 is the walking skeleton's unversioned draft `{ id?, name, fps?, seed? }` (no `format`,
 * no `schemaVersion`). No release wrote it; it is the first step the runner ships with, so the
 * runner is exercised from day one. Fields it does not know make it fail rather than vanish.
 */
const V0_FIELDS = new Set(['id', 'name', 'fps', 'seed']);

const toV1: Migration = {
  id: 'project/1',
  toVersion: 1,
  migrate(doc) {
    const unknown = Object.keys(doc).filter((key) => !V0_FIELDS.has(key));
    if (unknown.length > 0) throw new Error(`unknown version-0 field "${unknown[0]}"`);
    const epoch = new Date(0).toISOString();
    return {
      format: PROJECT_FORMAT,
      schemaVersion: 1,
      id: doc.id ?? 'proj_v0',
      name: doc.name,
      createdAt: epoch,
      modifiedAt: epoch,
      settings: { fps: doc.fps ?? 30, outputWidthPx: 512, outputHeightPx: 512, seed: doc.seed ?? 42 },
      engines: { audio2lmk: 'builtin', lmk2video: 'builtin', interpolation: 'none' },
      poseSource: { kind: 'audio' },
      assets: [],
      photoAssetId: null,
      audioAssetId: null,
      layers: [],
      markers: [],
    };
  },
};

/**
 * Version 2 adds asset roles 'pose-template' and 'pose-video' (with their media kinds). A version-1
 * document is valid as it is; only the number changes, so that a studio that knows only version 1
 * says "newer version" for files that may use the new roles instead of calling them malformed.
 */
const toV2: Migration = {
  id: 'project/2',
  toVersion: 2,
  migrate: (doc) => ({ ...doc, schemaVersion: 2 }),
};

/**
 * Version 3 records each audio asset's decoded sample count at 16 kHz (the one source of the frame
 * count). A version-2 file knows only the container's duration: the count is estimated from it,
 * exact for WAV; the studio measures the file again when it imports it.
 */
const toV3: Migration = {
  id: 'project/3',
  toVersion: 3,
  migrate(doc) {
    const assets = Array.isArray(doc.assets) ? doc.assets : [];
    return {
      ...doc,
      schemaVersion: 3,
      assets: assets.map((asset: JsonRecord) => {
        const media = asset?.media as JsonRecord | undefined;
        if (media?.kind !== 'audio' || typeof media.durationSec !== 'number') return asset;
        return { ...asset, media: { ...media, analysisSampleCount: Math.max(1, Math.round(media.durationSec * ANALYSIS_RATE_HZ)) } };
      }),
    };
  },
};

/**
 * Version 5 adds the 'performance-video' asset role and the 'performance' pose source (a video
 * that drives the whole face, with per-part settings). Additive: a version-4 document is valid as
 * it is; only the number changes, so that a studio that knows only version 4 says "newer version"
 * for files that may use them instead of calling them malformed.
 */
const toV5: Migration = {
  id: 'project/5',
  toVersion: 5,
  migrate: (doc) => ({ ...doc, schemaVersion: 5 }),
};

/** Ordered: MIGRATIONS[i] produces version i + 1. */
export const MIGRATIONS: readonly Migration[] = [toV1, toV2, toV3, toV4, toV5, toV6, toV7];

export interface MigratedProject {
  readonly document: ProjectDocument;
  /** Ids of the migrations that ran, oldest first (empty for a current document). */
  readonly applied: readonly string[];
  /** Version the file was written with. */
  readonly fromVersion: number;
}

/**
 * Reads any supported document version into the current schema. Never throws and never drops
 * data silently: unknown fields, newer versions and invalid values come back as failures.
 */
export function migrateProject(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): Result<MigratedProject> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('malformed-project', 'The project file does not contain a project object.');
  }
  let doc = raw as JsonRecord;
  const version = readVersion(doc);
  if (version === undefined) {
    return fail('malformed-project', 'The project file has an invalid schemaVersion.');
  }
  const latest = migrations.length;
  if (version > latest || version > CURRENT_SCHEMA_VERSION) {
    return fail(
      'newer-version',
      `This project was saved by a newer AniPortrait Studio (project version ${version}; this one reads up to ${latest}). Update the studio to open it.`,
    );
  }
  const applied: string[] = [];
  for (const migration of migrations.slice(version)) {
    try {
      doc = migration.migrate(doc);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('malformed-project', `The project file could not be upgraded (${migration.id}): ${reason}.`);
    }
    applied.push(migration.id);
  }
  const parsed = projectDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the document';
    return fail('malformed-project', `The project file is invalid at ${where}: ${issue.message}.`);
  }
  return ok({ document: parsed.data, applied, fromVersion: version });
}

function readVersion(doc: JsonRecord): number | undefined {
  if (!('schemaVersion' in doc) && !('format' in doc)) return 0;
  const v = doc.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}
