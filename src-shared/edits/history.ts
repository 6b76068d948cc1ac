import type { ProjectDocument } from '../project/project-schema.js';

/** One undo step: the document as it was before the edit named `label`. */
export interface HistoryEntry {
  readonly label: string;
  readonly document: ProjectDocument;
}

/** A drag in progress: its edits replace each other over `base` until it is committed (one step). */
export interface Transaction {
  readonly label: string;
  readonly base: ProjectDocument;
}

export interface HistoryState {
  /** Oldest first; the last entry is what Undo restores. */
  readonly past: readonly HistoryEntry[];
  /** What Redo restores, last entry first. */
  readonly future: readonly HistoryEntry[];
  readonly transaction: Transaction | null;
}

export const EMPTY_HISTORY: HistoryState = { past: [], future: [], transaction: null };

/** Undo steps kept per project; older ones are forgotten. */
export const MAX_UNDO_STEPS = 200;

/** `history` with one more undo step (the document `before` an edit named `label`); Redo is gone. */
export function pushUndoStep(history: HistoryState, label: string, before: ProjectDocument): HistoryState {
  return { past: [...history.past, { label, document: before }].slice(-MAX_UNDO_STEPS), future: [], transaction: null };
}

export function undoLabel(history: HistoryState): string | null {
  return history.past.at(-1)?.label ?? null;
}

export function redoLabel(history: HistoryState): string | null {
  return history.future.at(-1)?.label ?? null;
}
