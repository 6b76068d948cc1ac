import type { KeyChannelId } from '../keyframes/shape-channels.js';
import { applyDocumentEdit } from './apply-edit.js';
import { combineEdits } from './document-edit.js';
import type { EditState } from './edit-state.js';
import type { KeyClipboard } from './key-clipboard.js';
import { copyKeys, pasteKeys } from './key-clipboard.js';
import { deleteKeys, setKeysAt } from './keyframe-edits.js';
import { activeLayerValue } from './keyframe-queries.js';
import { addMarker, deleteMarkers } from './marker-edits.js';
import { EMPTY_SELECTION, isSelectionEmpty } from './selection.js';
import type { SelectionState } from './selection.js';

/** Edits that act on the selection or make one: each is one undo step. Times are frame starts. */

function withSelection(state: EditState, selection: SelectionState): EditState {
  return state.selection === selection ? state : { ...state, selection };
}

/** Delete key: the selected keys and markers, as one undo step; nothing is selected afterwards. */
export function deleteSelection(state: EditState): EditState {
  const { keys, markerIds } = state.selection;
  if (isSelectionEmpty(state.selection)) return state;
  const edits = [keys.length > 0 ? deleteKeys(keys) : null, markerIds.length > 0 ? deleteMarkers(markerIds) : null].filter((e) => e !== null);
  return withSelection(applyDocumentEdit(state, combineEdits(edits)), EMPTY_SELECTION);
}

/** Keys `channel` at `frameTimeSec` with the value the layer already has there (the output does not jump). */
export function addKeyAt(state: EditState, channel: KeyChannelId, frameTimeSec: number): EditState {
  if (state.document === null) return state;
  const value = activeLayerValue(state.document, channel, frameTimeSec);
  return applyDocumentEdit(state, setKeysAt(frameTimeSec, state.document.settings.fps, [{ channel, value }], `Add ${channel} key`));
}

/** A marker at `frameTimeSec` (M1, M2, …), selected alone. */
export function addMarkerAt(state: EditState, frameTimeSec: number): EditState {
  if (state.document === null) return state;
  const { edit, id } = addMarker(state.document, frameTimeSec);
  return withSelection(applyDocumentEdit(state, edit), { keys: [], markerIds: [id] });
}

/** The selected keys, with times relative to the earliest; null when no selected key exists. */
export function copySelection(state: EditState): KeyClipboard | null {
  return state.document === null ? null : copyKeys(state.document, state.selection.keys);
}

/** Pastes `clipboard` with its earliest key at `atTimeSec` (on frames); the pasted keys become the selection. */
export function pasteAt(state: EditState, clipboard: KeyClipboard, atTimeSec: number): EditState {
  if (state.document === null) return state;
  const { edit, pasted } = pasteKeys(clipboard, atTimeSec, state.document.settings.fps);
  return withSelection(applyDocumentEdit(state, edit), { keys: pasted, markerIds: [] });
}
