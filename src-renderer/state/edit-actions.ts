import { applyDocumentEdit, redo, undo } from '../../src-shared/edits/apply-edit';
import type { DocumentEdit } from '../../src-shared/edits/document-edit';
import type { EditState } from '../../src-shared/edits/edit-state';
import { redoLabel, undoLabel } from '../../src-shared/edits/history';
import { setKeysAt } from '../../src-shared/edits/keyframe-edits';
import { setLoopEnabled, setLoopIn, setLoopOut } from '../../src-shared/edits/loop-edits';
import { timelineFrameCount } from './timeline-math';
import type { KeyRef, SelectionState } from '../../src-shared/edits/selection';
import { EMPTY_SELECTION, isSelectionEmpty } from '../../src-shared/edits/selection';
import { addKeyAt, addMarkerAt, copySelection, deleteSelection, pasteAt } from '../../src-shared/edits/selection-edits';
import { frameStartSec } from '../../src-shared/edits/snapping';
import { beginTransaction, cancelTransaction, commitTransaction, updateTransaction } from '../../src-shared/edits/transaction';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import type { MarkerId } from '../../src-shared/util/ids';
import type { StudioState } from './studio-state';
import type { StudioStore } from './studio-store';
import { editStateOf, setStatus, updateEdits } from './store-updates';

/** Seconds of the playhead's frame: keys and markers added "at the playhead" sit on whole frames. */
export function playheadFrameTimeSec(state: StudioState): number {
  return frameStartSec(state.session.playheadTimeSec, state.document?.settings.fps ?? 30);
}

/**
 * The studio's one entry point for document edits: every change goes through the pure edits of
 * src-shared/edits (single steps, drags, undo/redo, selection, clipboard) on the store's state.
 * A change that records an undo step names it in the status bar.
 */
export class EditActions {
  constructor(private readonly store: StudioStore) {}

  /** Runs a pure edit; when it recorded a new undo step, the status bar shows that step's label. */
  private run(change: (edits: EditState) => EditState): void {
    this.store.update((s) => {
      const next = updateEdits(s, change);
      const step = next.ephemeral.history.past.at(-1);
      return step === undefined || step === s.ephemeral.history.past.at(-1) ? next : setStatus(next, 'info', step.label);
    });
  }

  /** One undo step; the status bar names it. */
  edit(edit: DocumentEdit): void {
    this.run((e) => applyDocumentEdit(e, edit));
  }

  undo(): void {
    this.store.update((s) => {
      const label = undoLabel(s.ephemeral.history);
      return label === null ? s : setStatus(updateEdits(s, undo), 'info', `Undo: ${label}`);
    });
  }

  redo(): void {
    this.store.update((s) => {
      const label = redoLabel(s.ephemeral.history);
      return label === null ? s : setStatus(updateEdits(s, redo), 'info', `Redo: ${label}`);
    });
  }

  /** A drag starts: its updates replace each other and its commit is one undo step. */
  begin(label: string): void {
    this.run((e) => beginTransaction(e, label));
  }

  update(edit: DocumentEdit): void {
    this.run((e) => updateTransaction(e, edit));
  }

  commit(): void {
    this.run(commitTransaction);
  }

  cancel(): void {
    this.run(cancelTransaction);
  }

  inTransaction(): boolean {
    return this.store.getState().ephemeral.history.transaction !== null;
  }

  select(selection: SelectionState): void {
    this.store.update((s) => (s.ephemeral.selection === selection ? s : { ...s, ephemeral: { ...s.ephemeral, selection } }));
  }

  selectKeys(keys: readonly KeyRef[], markerIds: readonly MarkerId[] = []): void {
    this.select({ keys, markerIds });
  }

  clearSelection(): void {
    if (!isSelectionEmpty(this.store.getState().ephemeral.selection)) this.select(EMPTY_SELECTION);
  }

  /** Keys `channel` at the playhead's frame with the value the layer has there (the output does not jump). */
  addKeyAtPlayhead(channel: KeyChannelId): void {
    const timeSec = playheadFrameTimeSec(this.store.getState());
    this.run((e) => addKeyAt(e, channel, timeSec));
  }

  /** Sets keys at the playhead's frame (inspector fields and sliders); `asDrag` within a drag. */
  setKeysAtPlayhead(values: readonly { readonly channel: KeyChannelId; readonly value: number }[], label: string, asDrag = false): void {
    const state = this.store.getState();
    if (state.document === null) return;
    const edit = setKeysAt(playheadFrameTimeSec(state), state.document.settings.fps, values, label);
    if (asDrag) this.update(edit);
    else this.edit(edit);
  }

  addMarkerAtPlayhead(): void {
    const timeSec = playheadFrameTimeSec(this.store.getState());
    this.run((e) => addMarkerAt(e, timeSec));
  }

  /** Delete key: the selected keys and markers, as one undo step. */
  deleteSelection(): void {
    this.run(deleteSelection);
  }

  copy(): void {
    const clipboard = copySelection(editStateOf(this.store.getState()));
    if (clipboard === null) return;
    this.store.update((s) => setStatus({ ...s, ephemeral: { ...s.ephemeral, clipboard } }, 'info', `Copied ${clipboard.keys.length} key${clipboard.keys.length === 1 ? '' : 's'}`));
  }

  paste(): void {
    const state = this.store.getState();
    const { clipboard } = state.ephemeral;
    if (clipboard === null) return;
    const timeSec = playheadFrameTimeSec(state);
    this.run((e) => pasteAt(e, clipboard, timeSec));
  }

  /** I: the loop starts at the playhead's frame. */
  setLoopInAtPlayhead(): void {
    const state = this.store.getState();
    this.edit(setLoopIn(playheadFrameTimeSec(state), lastFrameSec(state)));
  }

  /** O: the loop ends at the playhead's frame. */
  setLoopOutAtPlayhead(): void {
    this.edit(setLoopOut(playheadFrameTimeSec(this.store.getState())));
  }

  toggleLoop(): void {
    const state = this.store.getState();
    this.edit(setLoopEnabled(state.document?.loop?.enabled !== true, lastFrameSec(state)));
  }
}

function lastFrameSec(state: StudioState): number {
  return (timelineFrameCount(state) - 1) / (state.document?.settings.fps ?? 30);
}
