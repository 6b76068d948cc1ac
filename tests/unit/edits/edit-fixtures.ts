import type { EditState } from '../../../src-shared/edits/edit-state';
import { EMPTY_HISTORY } from '../../../src-shared/edits/history';
import { EMPTY_SELECTION } from '../../../src-shared/edits/selection';
import type { ChannelId } from '../../../src-shared/keyframes/channels';
import type { Keyframe } from '../../../src-shared/keyframes/keyframe-schema';
import { newKey } from '../../../src-shared/edits/keyframe-edits';
import { createProject } from '../../../src-shared/project/create-project';
import type { ProjectDocument } from '../../../src-shared/project/project-schema';
import type { KeyframeId, LayerId, MarkerId } from '../../../src-shared/util/ids';

/** Fixed clock for edits: modifiedAt is predictable. */
export const LATER = new Date('2026-01-02T00:00:00.000Z');

/** A fresh 30 fps project, as project:new makes it (fixed time and ids). */
export function newDocument(): ProjectDocument {
  let seed = 1;
  return createProject('Talk', new Date('2026-01-01T00:00:00.000Z'), () => (seed = (seed * 16807) % 2147483647) / 2147483647);
}

export function key(id: string, timeSec: number, value: number): Keyframe {
  return newKey(id as KeyframeId, timeSec, value);
}

/** A document whose "Keys" layer holds `keys` per channel, with markers at `markersSec`. */
export function documentWith(keys: Partial<Record<ChannelId, Keyframe[]>>, markersSec: readonly number[] = []): ProjectDocument {
  return {
    ...newDocument(),
    layers: [{ id: 'layer_keys' as LayerId, name: 'Keys', enabled: true, solo: false, weight: 1, channels: keys }],
    markers: markersSec.map((timeSec, i) => ({ id: `marker_${i + 1}` as MarkerId, timeSec, label: `M${i + 1}` })),
  };
}

export function editState(document: ProjectDocument | null = newDocument()): EditState {
  return { document, history: EMPTY_HISTORY, selection: EMPTY_SELECTION };
}

/** Times of a channel's keys in the active layer, in order. */
export function keyTimes(doc: ProjectDocument | null, channel: ChannelId): number[] {
  return (doc?.layers[0]?.channels[channel] ?? []).map((k) => k.timeSec);
}
