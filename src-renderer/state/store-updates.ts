import type { OpenedProject } from '../../src-shared/ipc/contract';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { replaceDocument as replaceDocumentUndoably } from '../../src-shared/edits/apply-edit';
import type { EditState } from '../../src-shared/edits/edit-state';
import { EMPTY_HISTORY } from '../../src-shared/edits/history';
import { EMPTY_SELECTION } from '../../src-shared/edits/selection';
import type { DialogState, StudioState, ToastTone } from './studio-state';

/** Pure updaters over StudioState, for StudioStore.update(). */

/** The part of the state the pure edits in src-shared/edits work on. */
export function editStateOf(state: StudioState): EditState {
  return { document: state.document, history: state.ephemeral.history, selection: state.ephemeral.selection };
}

/** Runs a pure edit (src-shared/edits) on the state; `state` itself when it changed nothing. */
export function updateEdits(state: StudioState, change: (edits: EditState) => EditState): StudioState {
  const next = change(editStateOf(state));
  const { document, history, selection } = next;
  if (document === state.document && history === state.ephemeral.history && selection === state.ephemeral.selection) return state;
  return { ...state, document, ephemeral: { ...state.ephemeral, history, selection } };
}

export function adoptProject(state: StudioState, opened: OpenedProject): StudioState {
  return {
    document: opened.document,
    session: {
      workDir: opened.workDir,
      savedPath: opened.savedPath,
      savedDocument: opened.document,
      autosavedDocument: null,
      autosavedAt: null,
      playheadTimeSec: 0,
      timelineZoom: 1,
    },
    // A new project starts with its own undo history, selection and (not yet generated) track.
    ephemeral: {
      ...state.ephemeral,
      recovery: opened.recovery,
      dialog: null,
      history: EMPTY_HISTORY,
      selection: EMPTY_SELECTION,
      generated: null,
      generation: { status: 'idle' },
      playing: false,
      playbackRate: 1,
      exportJob: { status: 'idle' },
    },
  };
}

/** Replaces the whole document (restoring an autosave) as one undo step; dirty until saved. */
export function replaceDocument(state: StudioState, document: ProjectDocument): StudioState {
  const restored = updateEdits(state, (edits) => replaceDocumentUndoably(edits, document, 'Restore unsaved changes'));
  return { ...restored, ephemeral: { ...restored.ephemeral, recovery: null } };
}

/** `saved` is the document that was sent: edits made while saving keep the project dirty. */
export function markSaved(state: StudioState, saved: ProjectDocument, workDir: string, savedPath: string): StudioState {
  return { ...state, session: { ...state.session, workDir, savedPath, savedDocument: saved, autosavedAt: null } };
}

export function markAutosaved(state: StudioState, autosaved: ProjectDocument, savedAt: string): StudioState {
  return { ...state, session: { ...state.session, autosavedDocument: autosaved, autosavedAt: savedAt } };
}

export function setPlayhead(state: StudioState, timeSec: number): StudioState {
  const playheadTimeSec = Math.max(0, timeSec);
  return playheadTimeSec === state.session.playheadTimeSec ? state : { ...state, session: { ...state.session, playheadTimeSec } };
}

export function setStatus(state: StudioState, tone: ToastTone, text: string): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, status: { tone, text } } };
}

let nextToastId = 1;

/**
 * A toast, deduplicated: the same text while its toast is shown counts up on it (and restarts its
 * time) instead of stacking. An error is also kept as the status bar's last error.
 */
export function addToast(state: StudioState, tone: ToastTone, text: string, now: Date = new Date()): StudioState {
  const same = state.ephemeral.toasts.find((t) => t.tone === tone && t.text === text);
  // A new id restarts the toast's timer; it keeps its place in the stack.
  const toasts = same
    ? state.ephemeral.toasts.map((t) => (t === same ? { ...t, id: nextToastId++, count: t.count + 1 } : t))
    : // Keep the last few: a burst of failures should not bury the UI.
      [...state.ephemeral.toasts, { id: nextToastId++, tone, text, count: 1 }].slice(-3);
  const lastError = tone === 'error' ? { text, atIso: now.toISOString() } : state.ephemeral.lastError;
  return setStatus({ ...state, ephemeral: { ...state.ephemeral, toasts, lastError } }, tone, text);
}

export function clearLastError(state: StudioState): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, lastError: null } };
}

export function removeToast(state: StudioState, id: number): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, toasts: state.ephemeral.toasts.filter((t) => t.id !== id) } };
}

export function setDialog(state: StudioState, dialog: DialogState | null): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, dialog } };
}

export function setBusy(state: StudioState, busy: string | null): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, busy } };
}

export function clearRecovery(state: StudioState): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, recovery: null } };
}
