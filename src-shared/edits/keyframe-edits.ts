import type { KeyChannelId } from '../keyframes/shape-channels.js';
import type { Interpolation, Keyframe, KeyframeLayer } from '../keyframes/keyframe-schema.js';
import type { ProjectDocument } from '../project/project-schema.js';
import type { KeyframeId, LayerId } from '../util/ids.js';
import { randomId } from '../util/ids.js';
import type { DocumentEdit } from './document-edit.js';
import { activeLayer, findKey, sameFrame } from './keyframe-queries.js';
import type { KeyRef } from './selection.js';

/** The layer a new project's keys go into; made by the first key. */
export const KEYS_LAYER_NAME = 'Keys';

export type Channels = KeyframeLayer['channels'];

/** A new, empty, enabled layer of weight 1. */
export function emptyLayer(id: LayerId, name: string): KeyframeLayer {
  return { id, name, enabled: true, solo: false, weight: 1, channels: {} };
}

/** Runs `change` on the active layer, creating the "Keys" layer (id `newLayerId`, made active) when there is none. */
export function editActiveLayer(doc: ProjectDocument, newLayerId: LayerId, change: (channels: Channels) => Channels): ProjectDocument {
  const existing = activeLayer(doc);
  const layer: KeyframeLayer = existing ?? emptyLayer(newLayerId, KEYS_LAYER_NAME);
  const channels = change(layer.channels);
  if (channels === layer.channels) return doc;
  if (existing === null) return { ...doc, layers: [{ ...layer, channels }], activeLayerId: layer.id };
  return { ...doc, layers: doc.layers.map((l) => (l === existing ? { ...l, channels } : l)) };
}

export const byTime = (a: Keyframe, b: Keyframe) => a.timeSec - b.timeSec;

/** A new key: bezier with auto-clamped handles (Blender's default). */
export function newKey(id: KeyframeId, timeSec: number, value: number): Keyframe {
  return { id, timeSec, value, interp: 'bezier', handleMode: 'auto-clamped', leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } };
}

/** Sets the key of `channel` at `timeSec` (within half a frame) to `value`, or adds one with id `id`. */
function upsertKey(channels: Channels, channel: KeyChannelId, timeSec: number, fps: number, value: number, id: KeyframeId): Channels {
  const keys = channels[channel] ?? [];
  const existing = keys.find((k) => sameFrame(k.timeSec, timeSec, fps));
  if (existing !== undefined) {
    if (existing.value === value) return channels;
    return { ...channels, [channel]: keys.map((k) => (k === existing ? { ...k, value } : k)) };
  }
  return { ...channels, [channel]: [...keys, newKey(id, timeSec, value)].sort(byTime) };
}

/**
 * Keys several channels at one time (a gizmo drag keys yaw and pitch together). Ids are made
 * here, not in `apply`, so a drag that re-applies the edit keeps the same keys.
 */
export function setKeysAt(timeSec: number, fps: number, values: readonly { readonly channel: KeyChannelId; readonly value: number }[], label: string): DocumentEdit {
  const layerId = randomId<LayerId>('layer');
  const ids = values.map(() => randomId<KeyframeId>('key'));
  return {
    label,
    apply: (doc) => editActiveLayer(doc, layerId, (channels) => values.reduce((acc, { channel, value }, i) => upsertKey(acc, channel, timeSec, fps, value, ids[i]), channels)),
  };
}

/** Maps the referenced keys of each channel; unreferenced keys and channels stay the same objects. */
export function mapKeys(channels: Channels, refs: readonly KeyRef[], map: (key: Keyframe) => Keyframe | null): Channels {
  let result = channels;
  for (const channel of new Set(refs.map((r) => r.channel))) {
    const keys = channels[channel];
    if (keys === undefined) continue;
    const ids = new Set(refs.filter((r) => r.channel === channel).map((r) => r.keyId));
    let changed = false;
    const next: Keyframe[] = [];
    for (const key of keys) {
      const mapped = ids.has(key.id) ? map(key) : key;
      if (mapped !== key) changed = true;
      if (mapped !== null) next.push(mapped);
    }
    if (changed) result = { ...result, [channel]: next.sort(byTime) };
  }
  return result;
}

export const NO_LAYER = 'layer_none' as LayerId;

export function deleteKeys(refs: readonly KeyRef[]): DocumentEdit {
  return {
    label: refs.length === 1 ? 'Delete key' : `Delete ${refs.length} keys`,
    apply: (doc) => editActiveLayer(doc, NO_LAYER, (channels) => mapKeys(channels, refs, () => null)),
  };
}

/** Moves keys by `deltaSec`, never before 0 s (the whole group stops together). */
export function moveKeys(refs: readonly KeyRef[], deltaSec: number): DocumentEdit {
  return {
    label: refs.length === 1 ? 'Move key' : `Move ${refs.length} keys`,
    apply: (doc) => {
      const times = refs.map((r) => findKey(doc, r)?.timeSec ?? Infinity);
      const clampedSec = Math.max(deltaSec, -Math.min(...times));
      if (clampedSec === 0 || !Number.isFinite(clampedSec)) return doc;
      return editActiveLayer(doc, NO_LAYER, (channels) => mapKeys(channels, refs, (k) => ({ ...k, timeSec: k.timeSec + clampedSec })));
    },
  };
}

export function setKeysValue(refs: readonly KeyRef[], value: number): DocumentEdit {
  return {
    label: refs.length === 1 ? 'Change key value' : `Change ${refs.length} key values`,
    apply: (doc) => editActiveLayer(doc, NO_LAYER, (channels) => mapKeys(channels, refs, (k) => (k.value === value ? k : { ...k, value }))),
  };
}

/** The segments after the keys: hold, linear or bezier (handles as they are). */
export function setKeysInterpolation(refs: readonly KeyRef[], interp: Interpolation, label = `Interpolation ${interp}`): DocumentEdit {
  return {
    label,
    apply: (doc) => editActiveLayer(doc, NO_LAYER, (channels) => mapKeys(channels, refs, (k) => (k.interp === interp ? k : { ...k, interp }))),
  };
}
