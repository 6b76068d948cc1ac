import { bakeHandles } from '../keyframes/bezier-handles.js';
import type { EasePreset } from '../keyframes/interpolate.js';
import { cssBezierHandles, EASE_PRESETS } from '../keyframes/interpolate.js';
import type { HandleMode, Keyframe, KeyHandle } from '../keyframes/keyframe-schema.js';
import type { KeyChannelId } from '../keyframes/shape-channels.js';
import type { DocumentEdit } from './document-edit.js';
import type { Channels } from './keyframe-edits.js';
import { editActiveLayer, NO_LAYER } from './keyframe-edits.js';
import type { KeyRef } from './selection.js';

// Edits of the bezier handles of the active layer's keys (graph editor, key menu).

export type HandleSide = 'left' | 'right';

/** Replaces one channel's key array by `change(keys)`; the same object when nothing changed. */
function editChannel(channels: Channels, channel: KeyChannelId, change: (keys: readonly Keyframe[]) => readonly Keyframe[]): Channels {
  const keys = channels[channel];
  if (keys === undefined) return channels;
  const next = change(keys);
  return next === keys ? channels : { ...channels, [channel]: [...next] };
}

function refsByChannel(refs: readonly KeyRef[]): Map<KeyChannelId, Set<string>> {
  const map = new Map<KeyChannelId, Set<string>>();
  for (const ref of refs) map.set(ref.channel, (map.get(ref.channel) ?? new Set()).add(ref.keyId));
  return map;
}

/** Sets the handle mode of the keys; their current handles are kept (baked) when the mode stores handles. */
export function setKeysHandleMode(refs: readonly KeyRef[], mode: HandleMode): DocumentEdit {
  return {
    label: `Handles ${mode}`,
    apply: (doc) =>
      editActiveLayer(doc, NO_LAYER, (channels) => {
        let result = channels;
        for (const [channel, ids] of refsByChannel(refs)) {
          result = editChannel(result, channel, (keys) => {
            if (!keys.some((k) => ids.has(k.id) && k.handleMode !== mode)) return keys;
            // With the interpolation: a key switched to handles is a bezier key.
            return keys.map((k, i) => (ids.has(k.id) && k.handleMode !== mode ? { ...bakeHandles(keys, i, mode), interp: 'bezier' } : k));
          });
        }
        return result;
      }),
  };
}

/**
 * Drags one handle of a key to `handle` (offset from the key; its time is clamped to its side).
 * An auto or auto-clamped key becomes 'aligned', a vector key 'free' (as in Blender); an aligned
 * key keeps its other handle in line (same time reach, the slope of the dragged one).
 */
export function setKeyHandle(ref: KeyRef, side: HandleSide, handle: KeyHandle): DocumentEdit {
  return {
    label: 'Drag handle',
    apply: (doc) =>
      editActiveLayer(doc, NO_LAYER, (channels) =>
        editChannel(channels, ref.channel, (keys) => {
          const index = keys.findIndex((k) => k.id === ref.keyId);
          if (index < 0) return keys;
          const key = keys[index];
          const mode: HandleMode = key.handleMode === 'vector' || key.handleMode === 'free' ? 'free' : 'aligned';
          const baked = bakeHandles(keys, index, mode);
          const dtSec = side === 'left' ? Math.min(0, handle.dtSec) : Math.max(0, handle.dtSec);
          const moved = { dtSec, dValue: handle.dValue };
          let next: Keyframe = side === 'left' ? { ...baked, leftHandle: moved } : { ...baked, rightHandle: moved };
          if (mode === 'aligned' && dtSec !== 0) {
            const slope = moved.dValue / dtSec;
            next = side === 'left' ? { ...next, rightHandle: { dtSec: next.rightHandle.dtSec, dValue: slope * next.rightHandle.dtSec } } : { ...next, leftHandle: { dtSec: next.leftHandle.dtSec, dValue: slope * next.leftHandle.dtSec } };
          }
          next = { ...next, interp: side === 'right' ? 'bezier' : next.interp };
          const sameAs = (a: KeyHandle, b: KeyHandle) => a.dtSec === b.dtSec && a.dValue === b.dValue;
          if (next.handleMode === key.handleMode && next.interp === key.interp && sameAs(next.leftHandle, key.leftHandle) && sameAs(next.rightHandle, key.rightHandle)) return keys;
          return keys.map((k, i) => (i === index ? next : k));
        }),
      ),
  };
}

/**
 * The segment after each key becomes the ease preset (a CSS cubic-bezier): the key's right handle
 * and the next key's left handle are set ('free', the other handle of each kept as it was), the
 * segment is bezier. A key without a next key only becomes bezier.
 */
export function applyEasePreset(refs: readonly KeyRef[], preset: EasePreset): DocumentEdit {
  return {
    label: `Ease ${preset}`,
    apply: (doc) =>
      editActiveLayer(doc, NO_LAYER, (channels) => {
        let result = channels;
        for (const [channel, ids] of refsByChannel(refs)) {
          result = editChannel(result, channel, (keys) => {
            if (!keys.some((k) => ids.has(k.id))) return keys;
            const out = keys.map((k) => k);
            keys.forEach((key, i) => {
              if (!ids.has(key.id)) return;
              const nextKey = keys[i + 1];
              const a = out[i].handleMode === 'free' ? out[i] : bakeHandles(keys, i, 'free');
              if (nextKey === undefined) {
                out[i] = { ...a, interp: 'bezier' };
                return;
              }
              const { right, left } = cssBezierHandles(EASE_PRESETS[preset], key, nextKey);
              out[i] = { ...a, interp: 'bezier', rightHandle: right };
              const b = out[i + 1].handleMode === 'free' ? out[i + 1] : bakeHandles(keys, i + 1, 'free');
              out[i + 1] = { ...b, leftHandle: left };
            });
            return out;
          });
        }
        return result;
      }),
  };
}
