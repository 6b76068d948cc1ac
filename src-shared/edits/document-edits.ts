import type { PerformancePart } from '../performance/performance-parts.js';
import { ALL_PERFORMANCE_PARTS, PERFORMANCE_STRENGTH_LIMITS } from '../performance/performance-parts.js';
import type { AssetRef, AssetRole, EngineId, PoseSource, ProjectDocument, ProjectSettings } from '../project/project-schema.js';
import type { DocumentEdit } from './document-edit.js';

// Edits of the project as a whole: name, settings, engines, assets and head-motion source.

export type InterpolationMode = ProjectDocument['engines']['interpolation'];
export type EngineStage = 'audio2lmk' | 'lmk2video';

export function renameProject(name: string): DocumentEdit {
  return {
    label: 'Rename project',
    apply: (doc) => (doc.name === name ? doc : { ...doc, name }),
  };
}

export function setSetting<K extends keyof ProjectSettings>(key: K, value: ProjectSettings[K]): DocumentEdit {
  return {
    label: `Change ${key}`,
    apply: (doc) => (doc.settings[key] === value ? doc : { ...doc, settings: { ...doc.settings, [key]: value } }),
  };
}

/** Several settings as one undo step (the export dialog's "make these the project's settings"). */
export function setSettings(values: Partial<ProjectSettings>, label: string): DocumentEdit {
  return {
    label,
    apply: (doc) => {
      const changed = (Object.keys(values) as (keyof ProjectSettings)[]).some((key) => doc.settings[key] !== values[key]);
      return changed ? { ...doc, settings: { ...doc.settings, ...values } } : doc;
    },
  };
}

export function setEngine(stage: EngineStage, engine: EngineId): DocumentEdit {
  return {
    label: `Use ${engine} for ${stage}`,
    apply: (doc) => (doc.engines[stage] === engine ? doc : { ...doc, engines: { ...doc.engines, [stage]: engine } }),
  };
}

export function setInterpolation(mode: InterpolationMode): DocumentEdit {
  return {
    label: `Interpolation ${mode}`,
    apply: (doc) =>
      doc.engines.interpolation === mode ? doc : { ...doc, engines: { ...doc.engines, interpolation: mode } },
  };
}

/**
 * Puts an imported asset in use, replacing the previous asset of the same role. A pose template or
 * reference video becomes the head-motion source.
 */
export function adoptAsset(asset: AssetRef): DocumentEdit {
  return {
    label: `Import ${asset.role}`,
    apply: (doc) => ({
      ...doc,
      assets: [...doc.assets.filter((a) => a.role !== asset.role), asset],
      photoAssetId: asset.role === 'photo' ? asset.id : doc.photoAssetId,
      audioAssetId: asset.role === 'audio' ? asset.id : doc.audioAssetId,
      poseSource: SOURCE_OF_ROLE[asset.role]?.(asset.relPath, doc.poseSource) ?? doc.poseSource,
    }),
  };
}

/** The motion source an imported asset of each role becomes (a performance keeps the parts chosen before). */
const SOURCE_OF_ROLE: Partial<Record<AssetRole, (relPath: string, current: PoseSource) => PoseSource>> = {
  'pose-template': (relPath) => ({ kind: 'template', relPath }),
  'pose-video': (relPath) => ({ kind: 'video', relPath }),
  'performance-video': (relPath, current) => ({ kind: 'performance', relPath, parts: current.kind === 'performance' ? current.parts : ALL_PERFORMANCE_PARTS }),
};

/** The asset role each motion source reads. */
export const ROLE_OF_SOURCE = { template: 'pose-template', video: 'pose-video', performance: 'performance-video' } as const satisfies Record<Exclude<PoseSource['kind'], 'audio'>, AssetRole>;

/** Motion from the voice, or from an already imported template, reference video or performance video. */
export function setPoseSource(kind: PoseSource['kind']): DocumentEdit {
  return {
    label: 'Motion source',
    apply: (doc) => {
      if (kind === 'audio') return doc.poseSource.kind === 'audio' ? doc : { ...doc, poseSource: { kind: 'audio' } };
      if (doc.poseSource.kind === kind) return doc;
      const asset = doc.assets.find((a) => a.role === ROLE_OF_SOURCE[kind]);
      const source = asset ? SOURCE_OF_ROLE[asset.role]?.(asset.relPath, doc.poseSource) : undefined;
      return source ? { ...doc, poseSource: source } : doc;
    },
  };
}

/**
 * Keeps or drops one part of the performance, or sets its strength (clamped to
 * PERFORMANCE_STRENGTH_LIMITS). No change unless the motion source is a performance video.
 */
export function setPerformancePart(part: PerformancePart, change: { readonly keep?: boolean; readonly strength?: number }): DocumentEdit {
  return {
    label: `Performance ${part}`,
    apply: (doc) => {
      const source = doc.poseSource;
      if (source.kind !== 'performance') return doc;
      const [min, max] = PERFORMANCE_STRENGTH_LIMITS;
      const before = source.parts[part];
      const after = {
        keep: change.keep ?? before.keep,
        strength: change.strength === undefined || !Number.isFinite(change.strength) ? before.strength : Math.min(max, Math.max(min, change.strength)),
      };
      if (after.keep === before.keep && after.strength === before.strength) return doc;
      return { ...doc, poseSource: { ...source, parts: { ...source.parts, [part]: after } } };
    },
  };
}

