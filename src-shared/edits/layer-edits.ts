import type { ProjectDocument } from '../project/project-schema.js';
import type { KeyframeLayer } from '../keyframes/keyframe-schema.js';
import type { LayerId } from '../util/ids.js';
import { randomId } from '../util/ids.js';
import type { DocumentEdit } from './document-edit.js';
import { emptyLayer } from './keyframe-edits.js';
import { activeLayer } from './keyframe-queries.js';

// Edits of the keyframe layers: add, delete, rename, reorder, mute, solo, weight, the active one.

function editLayer(doc: ProjectDocument, id: LayerId, change: (layer: KeyframeLayer) => KeyframeLayer): ProjectDocument {
  const layer = doc.layers.find((l) => l.id === id);
  if (layer === undefined) return doc;
  const next = change(layer);
  return next === layer ? doc : { ...doc, layers: doc.layers.map((l) => (l === layer ? next : l)) };
}

/** The next free "Layer N" name. */
export function nextLayerName(doc: ProjectDocument): string {
  const used = new Set(doc.layers.map((l) => l.name));
  let n = doc.layers.length + 1;
  while (used.has(`Layer ${n}`)) n++;
  return `Layer ${n}`;
}

/** A new empty layer above the others (last in order), made active. */
export function addLayer(name?: string): { edit: DocumentEdit; id: LayerId } {
  const id = randomId<LayerId>('layer');
  return {
    id,
    edit: { label: 'Add layer', apply: (doc) => ({ ...doc, layers: [...doc.layers, emptyLayer(id, name ?? nextLayerName(doc))], activeLayerId: id }) },
  };
}

/** Deletes a layer and its keys; the active layer becomes the one before it (or none). */
export function deleteLayer(id: LayerId): DocumentEdit {
  return {
    label: 'Delete layer',
    apply: (doc) => {
      const index = doc.layers.findIndex((l) => l.id === id);
      if (index < 0) return doc;
      const layers = doc.layers.filter((l) => l.id !== id);
      const wasActive = activeLayer(doc)?.id === id;
      return { ...doc, layers, activeLayerId: wasActive ? (layers[Math.max(0, index - 1)]?.id ?? null) : doc.activeLayerId };
    },
  };
}

export function renameLayer(id: LayerId, name: string): DocumentEdit {
  const trimmed = name.trim().slice(0, 200);
  return { label: 'Rename layer', apply: (doc) => (trimmed === '' ? doc : editLayer(doc, id, (l) => (l.name === trimmed ? l : { ...l, name: trimmed }))) };
}

/** Moves a layer `delta` places in the order (clamped). */
export function moveLayer(id: LayerId, delta: number): DocumentEdit {
  return {
    label: 'Reorder layers',
    apply: (doc) => {
      const from = doc.layers.findIndex((l) => l.id === id);
      const to = Math.min(doc.layers.length - 1, Math.max(0, from + delta));
      if (from < 0 || to === from) return doc;
      const layers = [...doc.layers];
      const [layer] = layers.splice(from, 1);
      layers.splice(to, 0, layer);
      return { ...doc, layers };
    },
  };
}

export function setLayerEnabled(id: LayerId, enabled: boolean): DocumentEdit {
  return { label: enabled ? 'Unmute layer' : 'Mute layer', apply: (doc) => editLayer(doc, id, (l) => (l.enabled === enabled ? l : { ...l, enabled })) };
}

export function setLayerSolo(id: LayerId, solo: boolean): DocumentEdit {
  return { label: solo ? 'Solo layer' : 'Unsolo layer', apply: (doc) => editLayer(doc, id, (l) => (l.solo === solo ? l : { ...l, solo })) };
}

/** Weight 0..1 (clamped). */
export function setLayerWeight(id: LayerId, weight: number): DocumentEdit {
  const w = Math.min(1, Math.max(0, Number.isFinite(weight) ? weight : 1));
  return { label: 'Layer weight', apply: (doc) => editLayer(doc, id, (l) => (l.weight === w ? l : { ...l, weight: w })) };
}

/** The layer new keys go to (saved with the project). */
export function setActiveLayer(id: LayerId): DocumentEdit {
  return {
    label: 'Active layer',
    apply: (doc) => (doc.activeLayerId === id || !doc.layers.some((l) => l.id === id) ? doc : { ...doc, activeLayerId: id }),
  };
}
