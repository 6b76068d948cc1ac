import type { AssetRef, EngineId, PoseSource, ProjectDocument, ProjectSettings } from '../project/project-schema.js';
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
      poseSource:
        asset.role === 'pose-template'
          ? { kind: 'template', relPath: asset.relPath }
          : asset.role === 'pose-video'
            ? { kind: 'video', relPath: asset.relPath }
            : doc.poseSource,
    }),
  };
}

/** Head motion from the voice, or from an already imported template or video. */
export function setPoseSource(kind: PoseSource['kind']): DocumentEdit {
  return {
    label: 'Head motion source',
    apply: (doc) => {
      if (kind === 'audio') return doc.poseSource.kind === 'audio' ? doc : { ...doc, poseSource: { kind: 'audio' } };
      const asset = doc.assets.find((a) => a.role === (kind === 'template' ? 'pose-template' : 'pose-video'));
      return asset ? { ...doc, poseSource: { kind, relPath: asset.relPath } } : doc;
    },
  };
}

