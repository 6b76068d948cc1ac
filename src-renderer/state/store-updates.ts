import type { OpenedProject } from '../../src-shared/ipc/contract';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { editDocument, EMPTY_HISTORY, replaceDocumentUndoably } from './history';
import { EMPTY_SELECTION } from './selection';
import type { DialogState, StudioState, ToastTone } from './studio-state';

/** Pure updaters over StudioState, for StudioStore.update(). */

export { editDocument };

export function adoptProject(state: StudioState, opened: OpenedProject): StudioState {
  return {
    document: opened.document,
    session: {
      workDir: opened.workDir,
      savedPath: opened.savedPath,
      savedDocument: opened.document,
      autosavedDocument: null,
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
  const restored = replaceDocumentUndoably(state, document, 'Restore unsaved changes');
  return { ...restored, ephemeral: { ...restored.ephemeral, recovery: null } };
}

/** `saved` is the document that was sent: edits made while saving keep the project dirty. */
export function markSaved(state: StudioState, saved: ProjectDocument, workDir: string, savedPath: string): StudioState {
  return { ...state, session: { ...state.session, workDir, savedPath, savedDocument: saved } };
}

export function markAutosaved(state: StudioState, autosaved: ProjectDocument): StudioState {
  return { ...state, session: { ...state.session, autosavedDocument: autosaved } };
}

export function setPlayhead(state: StudioState, timeSec: number): StudioState {
  const playheadTimeSec = Math.max(0, timeSec);
  return playheadTimeSec === state.session.playheadTimeSec ? state : { ...state, session: { ...state.session, playheadTimeSec } };
}

export function setStatus(state: StudioState, tone: ToastTone, text: string): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, status: { tone, text } } };
}

let nextToastId = 1;

export function addToast(state: StudioState, tone: ToastTone, text: string): StudioState {
  const toast = { id: nextToastId++, tone, text };
  // Keep the last few: a burst of failures should not bury the UI.
  const toasts = [...state.ephemeral.toasts, toast].slice(-4);
  return setStatus({ ...state, ephemeral: { ...state.ephemeral, toasts } }, tone, text);
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
