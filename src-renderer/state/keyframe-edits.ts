import type { ChannelId } from '../../src-shared/keyframes/channels';
import { evaluateChannel } from '../../src-shared/keyframes/interpolate';
import type { BezierHandles, Interpolation, Keyframe, KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import { EASE_HANDLES } from '../../src-shared/keyframes/keyframe-schema';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { KeyframeId, LayerId } from '../../src-shared/util/ids';
import { randomId } from '../../src-shared/util/ids';
import type { DocumentEdit } from './document-edits';
import type { KeyClipboard, KeyRef } from './selection';

/** The layer a new project's keys go into; made by the first key. */
export const KEYS_LAYER_NAME = 'Keys';

type Channels = KeyframeLayer['channels'];

/** The layer the lanes show and edit: the first one (a project has one, "Keys", until layers get a UI). */
export function activeLayer(doc: ProjectDocument): KeyframeLayer | null {
  return doc.layers[0] ?? null;
}

export function channelKeys(doc: ProjectDocument, channel: ChannelId): readonly Keyframe[] {
  return activeLayer(doc)?.channels[channel] ?? [];
}

/** What the active layer adds to `channel` at `timeSec` (0 where it has no keys). */
export function activeLayerValue(doc: ProjectDocument, channel: ChannelId, timeSec: number): number {
  return evaluateChannel(channelKeys(doc, channel), timeSec);
}

/** The key of `channel` within half a frame of `timeSec`, if any. */
export function keyAt(doc: ProjectDocument, channel: ChannelId, timeSec: number, fps: number): Keyframe | null {
  return channelKeys(doc, channel).find((k) => Math.abs(k.timeSec - timeSec) < 0.5 / fps) ?? null;
}

export function findKey(doc: ProjectDocument, ref: KeyRef): Keyframe | null {
  return channelKeys(doc, ref.channel).find((k) => k.id === ref.keyId) ?? null;
}

/** Runs `change` on the active layer, creating the "Keys" layer (id `newLayerId`) when there is none. */
function editActiveLayer(doc: ProjectDocument, newLayerId: LayerId, change: (channels: Channels) => Channels): ProjectDocument {
  const layer: KeyframeLayer = activeLayer(doc) ?? { id: newLayerId, name: KEYS_LAYER_NAME, enabled: true, channels: {} };
  const channels = change(layer.channels);
  if (channels === layer.channels) return doc;
  return { ...doc, layers: [{ ...layer, channels }, ...doc.layers.slice(1)] };
}

const byTime = (a: Keyframe, b: Keyframe) => a.timeSec - b.timeSec;

function newKey(id: KeyframeId, timeSec: number, value: number): Keyframe {
  return { id, timeSec, value, interp: 'bezier', handles: { ...EASE_HANDLES } };
}

/** Sets the key of `channel` at `timeSec` (within half a frame) to `value`, or adds one with id `id`. */
function upsertKey(channels: Channels, channel: ChannelId, timeSec: number, fps: number, value: number, id: KeyframeId): Channels {
  const keys = channels[channel] ?? [];
  const existing = keys.find((k) => Math.abs(k.timeSec - timeSec) < 0.5 / fps);
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

/** Copies keys with times relative to the earliest, for pasting at the playhead. */
export function copyKeys(doc: ProjectDocument, refs: readonly KeyRef[]): KeyClipboard | null {
  const found = refs.flatMap((ref) => {
    const key = findKey(doc, ref);
    return key === null ? [] : [{ channel: ref.channel, key }];
  });
  if (found.length === 0) return null;
  const startSec = Math.min(...found.map((f) => f.key.timeSec));
  return { keys: found.map(({ channel, key }) => ({ channel, offsetSec: key.timeSec - startSec, value: key.value, interp: key.interp, handles: key.handles })) };
}

/** Pastes copied keys starting at `atTimeSec`; keys already at those frames are replaced. */
export function pasteKeys(clipboard: KeyClipboard, atTimeSec: number, fps: number): { edit: DocumentEdit; pasted: KeyRef[] } {
  const layerId = randomId<LayerId>('layer');
  const pasted = clipboard.keys.map((k) => ({ channel: k.channel, keyId: randomId<KeyframeId>('key') }));
  const edit: DocumentEdit = {
    label: pasted.length === 1 ? 'Paste key' : `Paste ${pasted.length} keys`,
    apply: (doc) =>
      editActiveLayer(doc, layerId, (channels) => {
        let result = channels;
        clipboard.keys.forEach((clip, i) => {
          // Frame-exact: a paste lands on frames, as keys added at the playhead do.
          const timeSec = Math.round((atTimeSec + clip.offsetSec) * fps) / fps;
          const others = (result[clip.channel] ?? []).filter((k) => Math.abs(k.timeSec - timeSec) >= 0.5 / fps);
          const key: Keyframe = { id: pasted[i].keyId, timeSec, value: clip.value, interp: clip.interp, handles: { ...clip.handles } };
          result = { ...result, [clip.channel]: [...others, key].sort(byTime) };
        });
        return result;
      }),
  };
  return { edit, pasted };
}
