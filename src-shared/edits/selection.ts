import type { KeyChannelId } from '../keyframes/shape-channels.js';
import type { KeyframeId, MarkerId } from '../util/ids.js';

/** A key of the active layer, by channel and id. */
export interface KeyRef {
  readonly channel: KeyChannelId;
  readonly keyId: KeyframeId;
}

export interface SelectionState {
  readonly keys: readonly KeyRef[];
  readonly markerIds: readonly MarkerId[];
}

export const EMPTY_SELECTION: SelectionState = { keys: [], markerIds: [] };

export function sameKey(a: KeyRef, b: KeyRef): boolean {
  return a.channel === b.channel && a.keyId === b.keyId;
}

export function isKeySelected(selection: SelectionState, ref: KeyRef): boolean {
  return selection.keys.some((k) => sameKey(k, ref));
}

export function isSelectionEmpty(selection: SelectionState): boolean {
  return selection.keys.length === 0 && selection.markerIds.length === 0;
}

/** Click: select only this key. Shift/Ctrl click: toggle it in the selection. */
export function clickKey(selection: SelectionState, ref: KeyRef, additive: boolean): SelectionState {
  if (!additive) return { keys: [ref], markerIds: [] };
  const keys = isKeySelected(selection, ref) ? selection.keys.filter((k) => !sameKey(k, ref)) : [...selection.keys, ref];
  return { ...selection, keys };
}
