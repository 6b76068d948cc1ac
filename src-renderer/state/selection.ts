import type { ChannelId } from '../../src-shared/keyframes/channels';
import type { Interpolation, BezierHandles } from '../../src-shared/keyframes/keyframe-schema';
import type { KeyframeId, MarkerId } from '../../src-shared/util/ids';

/** A key of the active layer, by channel and id. */
export interface KeyRef {
  readonly channel: ChannelId;
  readonly keyId: KeyframeId;
}

export interface SelectionState {
  readonly keys: readonly KeyRef[];
  readonly markerIds: readonly MarkerId[];
}

export const EMPTY_SELECTION: SelectionState = { keys: [], markerIds: [] };

/** Copied keys, with times relative to the earliest one, for Ctrl+V at the playhead. */
export interface KeyClipboard {
  readonly keys: readonly {
    readonly channel: ChannelId;
    readonly offsetSec: number;
    readonly value: number;
    readonly interp: Interpolation;
    readonly handles: BezierHandles;
  }[];
}

export function sameKey(a: KeyRef, b: KeyRef): boolean {
  return a.channel === b.channel && a.keyId === b.keyId;
}

export function isKeySelected(selection: SelectionState, ref: KeyRef): boolean {
  return selection.keys.some((k) => sameKey(k, ref));
}

/** Click: select only this key. Shift/Ctrl click: toggle it in the selection. */
export function clickKey(selection: SelectionState, ref: KeyRef, additive: boolean): SelectionState {
  if (!additive) return { keys: [ref], markerIds: [] };
  const keys = isKeySelected(selection, ref) ? selection.keys.filter((k) => !sameKey(k, ref)) : [...selection.keys, ref];
  return { ...selection, keys };
}
