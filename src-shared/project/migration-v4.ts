import type { Migration } from './migrations.js';

type JsonRecord = Record<string, unknown>;
interface V3Key extends JsonRecord {
  timeSec: number;
  value: number;
  handles: { outX: number; outY: number; inX: number; inY: number };
}

/**
 * Version 4 gives keys Blender's per-key bezier handles (a handle mode and a left and right handle
 * as offsets in seconds and channel units) instead of one CSS cubic-bezier per segment, and layers
 * a solo flag and a weight; the document names its active layer and keeps a loop range (none yet). Exact: a version-3 key's segment
 * (x1, y1, x2, y2) over span T and change V becomes its right handle (x1 T, y1 V) and the next
 * key's left handle ((x2 - 1) T, (y2 - 1) V), both 'free', which evaluates to the same curve. The
 * first key's left handle and the last key's right one shape no segment: they mirror the other.
 */
export const toV4: Migration = {
  id: 'project/4',
  toVersion: 4,
  migrate(doc) {
    const layers = Array.isArray(doc.layers) ? (doc.layers as JsonRecord[]) : [];
    return {
      ...doc,
      schemaVersion: 4,
      layers: layers.map((layer) => {
        const channels = (layer?.channels ?? {}) as Record<string, V3Key[]>;
        return {
          ...layer,
          solo: false,
          weight: 1,
          channels: Object.fromEntries(Object.entries(channels).map(([channel, keys]) => [channel, Array.isArray(keys) ? migrateKeys(keys) : keys])),
        };
      }),
      activeLayerId: null,
      loop: null,
    };
  },
};

function migrateKeys(keys: readonly V3Key[]): JsonRecord[] {
  const sorted = [...keys].sort((a, b) => a.timeSec - b.timeSec);
  const right = sorted.map((key, i) => {
    const next = sorted[i + 1];
    if (next === undefined || typeof key.handles !== 'object') return null;
    return { dtSec: key.handles.outX * (next.timeSec - key.timeSec), dValue: key.handles.outY * (next.value - key.value) };
  });
  const left = sorted.map((key, i) => {
    const prev = sorted[i - 1];
    if (prev === undefined || typeof prev.handles !== 'object') return null;
    return { dtSec: (prev.handles.inX - 1) * (key.timeSec - prev.timeSec), dValue: (prev.handles.inY - 1) * (key.value - prev.value) };
  });
  return sorted.map((key, i) => {
    const { handles: _handles, ...rest } = key;
    const r = right[i] ?? (left[i] ? { dtSec: -left[i].dtSec, dValue: -left[i].dValue } : { dtSec: 0, dValue: 0 });
    const l = left[i] ?? { dtSec: -r.dtSec, dValue: -r.dValue };
    return { ...rest, handleMode: 'free', leftHandle: clean(l), rightHandle: clean(r) };
  });
}

/** No negative zero in the file (JSON has none, and fixtures compare exactly). */
function clean(h: { dtSec: number; dValue: number }): { dtSec: number; dValue: number } {
  return { dtSec: h.dtSec === 0 ? 0 : h.dtSec, dValue: h.dValue === 0 ? 0 : h.dValue };
}
