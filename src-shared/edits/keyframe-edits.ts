import type { ChannelId } from '../keyframes/channels.js';
import type { BezierHandles, Interpolation, Keyframe, KeyframeLayer } from '../keyframes/keyframe-schema.js';
import { EASE_HANDLES } from '../keyframes/keyframe-schema.js';
import type { ProjectDocument } from '../project/project-schema.js';
import type { KeyframeId, LayerId } from '../util/ids.js';
import { randomId } from '../util/ids.js';
import type { DocumentEdit } from './document-edit.js';
import { activeLayer, findKey, sameFrame } from './keyframe-queries.js';
import type { KeyRef } from './selection.js';

/** The layer a new project's keys go into; made by the first key. */
export const KEYS_LAYER_NAME = 'Keys';

export type Channels = KeyframeLayer['channels'];

/** Runs `change` on the active layer, creating the "Keys" layer (id `newLayerId`) when there is none. */
export function editActiveLayer(doc: ProjectDocument, newLayerId: LayerId, change: (channels: Channels) => Channels): ProjectDocument {
  const layer: KeyframeLayer = activeLayer(doc) ?? { id: newLayerId, name: KEYS_LAYER_NAME, enabled: true, channels: {} };
  const channels = change(layer.channels);
  if (channels === layer.channels) return doc;
  return { ...doc, layers: [{ ...layer, channels }, ...doc.layers.slice(1)] };
}

export const byTime = (a: Keyframe, b: Keyframe) => a.timeSec - b.timeSec;

function newKey(id: KeyframeId, timeSec: number, value: number): Keyframe {
  return { id, timeSec, value, interp: 'bezier', handles: { ...EASE_HANDLES } };
}

/** Sets the key of `channel` at `timeSec` (within half a frame) to `value`, or adds one with id `id`. */
function upsertKey(channels: Channels, channel: ChannelId, timeSec: number, fps: number, value: number, id: KeyframeId): Channels {
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
export function setKeysAt(timeSec: number, fps: number, values: readonly { readonly channel: ChannelId; readonly value: number }[], label: string): DocumentEdit {
  const layerId = randomId<LayerId>('layer');
  const ids = values.map(() => randomId<KeyframeId>('key'));
  return {
    label,
    apply: (doc) => editActiveLayer(doc, layerId, (channels) => values.reduce((acc, { channel, value }, i) => upsertKey(acc, channel, timeSec, fps, value, ids[i]), channels)),
  };
}

/** Maps the referenced keys of each channel; unreferenced keys and channels stay the same objects. */
function mapKeys(channels: Channels, refs: readonly KeyRef[], map: (key: Keyframe) => Keyframe | null): Channels {
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

const NO_LAYER = 'layer_none' as LayerId;

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

export function setKeysInterpolation(refs: readonly KeyRef[], interp: Interpolation, handles: BezierHandles | null, label: string): DocumentEdit {
  const sameHandles = (a: BezierHandles) => handles === null || (a.outX === handles.outX && a.outY === handles.outY && a.inX === handles.inX && a.inY === handles.inY);
  return {
    label,
    apply: (doc) =>
      editActiveLayer(doc, NO_LAYER, (channels) =>
        mapKeys(channels, refs, (k) => (k.interp === interp && sameHandles(k.handles) ? k : { ...k, interp, handles: handles === null ? k.handles : { ...handles } })),
      ),
  };
}
