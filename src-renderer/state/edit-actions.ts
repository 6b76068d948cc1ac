import type { ChannelId } from '../../src-shared/keyframes/channels';
import type { MarkerId } from '../../src-shared/util/ids';
import type { DocumentEdit } from './document-edits';
import * as history from './history';
import { activeLayerValue, copyKeys, deleteKeys, pasteKeys, setKeysAt } from './keyframe-edits';
import { addMarker, deleteMarkers } from './marker-edits';
import type { KeyRef, SelectionState } from './selection';
import { EMPTY_SELECTION } from './selection';
import type { StudioState } from './studio-state';
import type { StudioStore } from './studio-store';
import { setStatus } from './store-updates';

/** Seconds of the playhead's frame: keys and markers added "at the playhead" sit on whole frames. */
export function playheadFrameTimeSec(state: StudioState): number {
  const fps = state.document?.settings.fps ?? 30;
  return Math.floor(state.session.playheadTimeSec * fps + 1e-6) / fps;
}

/**
 * Document editing with undo: single edits, drags (transactions), selection, clipboard.
 * Everything here is synchronous and goes through the store.
 */
export class EditActions {
  constructor(private readonly store: StudioStore) {}

  /** One undo step; the status bar names it. */
  edit(edit: DocumentEdit): void {
    this.store.update((s) => {
      const next = history.editDocument(s, edit);
      return next.document === s.document ? next : setStatus(next, 'info', edit.label);
    });
  }

  undo(): void {
    this.store.update((s) => {
      const label = history.undoLabel(s.ephemeral.history);
      return label === null ? s : setStatus(history.undo(s), 'info', `Undo: ${label}`);
    });
  }

  redo(): void {
    this.store.update((s) => {
      const label = history.redoLabel(s.ephemeral.history);
      return label === null ? s : setStatus(history.redo(s), 'info', `Redo: ${label}`);
    });
  }

  /** A drag starts: its updates replace each other and its commit is one undo step. */
  begin(label: string): void {
    this.store.update((s) => history.beginTransaction(s, label));
  }

  update(edit: DocumentEdit): void {
    this.store.update((s) => history.updateTransaction(s, edit));
  }

  commit(): void {
    this.store.update((s) => {
      const transaction = s.ephemeral.history.transaction;
      const next = history.commitTransaction(s);
      return transaction === null || transaction.base === s.document ? next : setStatus(next, 'info', transaction.label);
    });
  }

  cancel(): void {
    this.store.update(history.cancelTransaction);
  }

  inTransaction(): boolean {
    return this.store.getState().ephemeral.history.transaction !== null;
  }

  select(selection: SelectionState): void {
    this.store.update((s) => (s.ephemeral.selection === selection ? s : { ...s, ephemeral: { ...s.ephemeral, selection } }));
  }

  clearSelection(): void {
    const { selection } = this.store.getState().ephemeral;
    if (selection.keys.length > 0 || selection.markerIds.length > 0) this.select(EMPTY_SELECTION);
  }

  /** Keys `channel` at the playhead's frame with the value the layer has there (the output does not jump). */
  addKeyAtPlayhead(channel: ChannelId): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const timeSec = playheadFrameTimeSec(state);
    const value = activeLayerValue(state.document, channel, timeSec);
    this.edit(setKeysAt(timeSec, state.document.settings.fps, [{ channel, value }], `Add ${channel} key`));
  }

  /** Sets keys at the playhead's frame (inspector fields and sliders). */
  setKeysAtPlayhead(values: readonly { readonly channel: ChannelId; readonly value: number }[], label: string, asDrag = false): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const edit = setKeysAt(playheadFrameTimeSec(state), state.document.settings.fps, values, label);
    if (asDrag) this.update(edit);
    else this.edit(edit);
  }

  addMarkerAtPlayhead(): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const { edit, id } = addMarker(state.document, playheadFrameTimeSec(state));
    this.edit(edit);
    this.select({ keys: [], markerIds: [id] });
  }

  /** Delete key: the selected keys and markers, as one undo step. */
  deleteSelection(): void {
    const { keys, markerIds } = this.store.getState().ephemeral.selection;
    if (keys.length === 0 && markerIds.length === 0) return;
    const edits = [keys.length > 0 ? deleteKeys(keys) : null, markerIds.length > 0 ? deleteMarkers(markerIds) : null].filter((e) => e !== null);
    const label = edits.map((e) => e.label).join(', ');
    this.edit({ label, apply: (doc) => edits.reduce((d, e) => e.apply(d), doc) });
    this.select(EMPTY_SELECTION);
  }

  copy(): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const clipboard = copyKeys(state.document, state.ephemeral.selection.keys);
    if (clipboard === null) return;
    this.store.update((s) => setStatus({ ...s, ephemeral: { ...s.ephemeral, clipboard } }, 'info', `Copied ${clipboard.keys.length} key${clipboard.keys.length === 1 ? '' : 's'}`));
  }

  paste(): void {
    const state = this.store.getState();
    const { clipboard } = state.ephemeral;
    if (state.document === null || clipboard === null) return;
    const { edit, pasted } = pasteKeys(clipboard, playheadFrameTimeSec(state), state.document.settings.fps);
    this.edit(edit);
    this.select({ keys: pasted, markerIds: [] });
  }

  selectKeys(keys: readonly KeyRef[], markerIds: readonly MarkerId[] = []): void {
    this.select({ keys, markerIds });
  }
}
