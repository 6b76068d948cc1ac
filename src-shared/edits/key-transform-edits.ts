import type { DocumentEdit } from './document-edit.js';
import { editActiveLayer, mapKeys, NO_LAYER } from './keyframe-edits.js';
import { findKey } from './keyframe-queries.js';
import type { KeyRef } from './selection.js';

// Multi-key transforms of the active layer's keys (move in time is moveKeys in keyframe-edits).

/**
 * Scales the keys' times around `pivotSec` (the playhead) by `factor` > 0, their handles' time
 * reach with them; no key goes before 0 s (the factor is reduced for the whole group instead).
 */
export function scaleKeysTime(refs: readonly KeyRef[], pivotSec: number, factor: number): DocumentEdit {
  return {
    label: refs.length === 1 ? 'Scale key' : `Scale ${refs.length} keys`,
    apply: (doc) => {
      if (!(factor > 0) || factor === 1) return doc;
      const times = refs.map((r) => findKey(doc, r)?.timeSec).filter((t) => t !== undefined);
      if (times.length === 0) return doc;
      const earliest = Math.min(...times);
      // pivot + (t - pivot) f >= 0 for the earliest key.
      const f = earliest < pivotSec && pivotSec + (earliest - pivotSec) * factor < 0 ? pivotSec / (pivotSec - earliest) : factor;
      return editActiveLayer(doc, NO_LAYER, (channels) =>
        mapKeys(channels, refs, (k) => ({
          ...k,
          timeSec: Math.max(0, pivotSec + (k.timeSec - pivotSec) * f),
          leftHandle: { dtSec: k.leftHandle.dtSec * f, dValue: k.leftHandle.dValue },
          rightHandle: { dtSec: k.rightHandle.dtSec * f, dValue: k.rightHandle.dValue },
        })),
      );
    },
  };
}

/** Adds `delta` (channel units) to the keys' values; their handles move with them. */
export function offsetKeysValue(refs: readonly KeyRef[], delta: number): DocumentEdit {
  return {
    label: refs.length === 1 ? 'Offset key value' : `Offset ${refs.length} key values`,
    apply: (doc) => (delta === 0 ? doc : editActiveLayer(doc, NO_LAYER, (channels) => mapKeys(channels, refs, (k) => ({ ...k, value: k.value + delta })))),
  };
}
