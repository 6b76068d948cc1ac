import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { DocumentEdit } from './document-edits';
import { applyEdit } from './document-edits';
import type { StudioState } from './studio-state';

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
const MAX_UNDO_STEPS = 200;

function withHistory(state: StudioState, history: HistoryState): StudioState {
  return { ...state, ephemeral: { ...state.ephemeral, history } };
}

/** Applies `edit` as one undo step (committing a drag in progress first). */
export function editDocument(state: StudioState, edit: DocumentEdit): StudioState {
  const current = commitTransaction(state);
  if (current.document === null) return current;
  const next = applyEdit(current.document, edit);
  if (next === current.document) return current;
  const { history } = current.ephemeral;
  const past = [...history.past, { label: edit.label, document: current.document }].slice(-MAX_UNDO_STEPS);
  return withHistory({ ...current, document: next }, { past, future: [], transaction: null });
}

/** Puts `document` in place as it is (no new modification time), as one undo step named `label`. */
export function replaceDocumentUndoably(state: StudioState, document: ProjectDocument, label: string): StudioState {
  const current = commitTransaction(state);
  if (current.document === null || current.document === document) return { ...current, document };
  const past = [...current.ephemeral.history.past, { label, document: current.document }].slice(-MAX_UNDO_STEPS);
  return withHistory({ ...current, document }, { past, future: [], transaction: null });
}

export function undo(state: StudioState): StudioState {
  const current = commitTransaction(state);
  const { past, future } = current.ephemeral.history;
  const entry = past.at(-1);
  if (entry === undefined || current.document === null) return current;
  return withHistory({ ...current, document: entry.document }, { past: past.slice(0, -1), future: [...future, { label: entry.label, document: current.document }], transaction: null });
}

export function redo(state: StudioState): StudioState {
  const current = commitTransaction(state);
  const { past, future } = current.ephemeral.history;
  const entry = future.at(-1);
  if (entry === undefined || current.document === null) return current;
  return withHistory({ ...current, document: entry.document }, { past: [...past, { label: entry.label, document: current.document }], future: future.slice(0, -1), transaction: null });
}

/** Starts a drag: later updateTransaction() calls edit the document as it is now. */
export function beginTransaction(state: StudioState, label: string): StudioState {
  const current = commitTransaction(state);
  if (current.document === null) return current;
  return withHistory(current, { ...current.ephemeral.history, transaction: { label, base: current.document } });
}

/** Replaces the drag's effect: the document becomes `edit` applied to the drag's starting document. */
export function updateTransaction(state: StudioState, edit: DocumentEdit): StudioState {
  const transaction = state.ephemeral.history.transaction;
  if (transaction === null) return editDocument(state, edit);
  const next = applyEdit(transaction.base, edit);
  return next === state.document ? state : { ...state, document: next };
}

/** Ends a drag: one undo step when it changed anything, none otherwise. */
export function commitTransaction(state: StudioState): StudioState {
  const { history } = state.ephemeral;
  const transaction = history.transaction;
  if (transaction === null) return state;
  if (state.document === transaction.base || state.document === null) return withHistory(state, { ...history, transaction: null });
  const past = [...history.past, { label: transaction.label, document: transaction.base }].slice(-MAX_UNDO_STEPS);
  return withHistory(state, { past, future: [], transaction: null });
}

/** Abandons a drag (Escape): the document goes back to where the drag started. */
export function cancelTransaction(state: StudioState): StudioState {
  const { history } = state.ephemeral;
  if (history.transaction === null) return state;
  return withHistory({ ...state, document: history.transaction.base }, { ...history, transaction: null });
}

export function undoLabel(history: HistoryState): string | null {
  return history.past.at(-1)?.label ?? null;
}

export function redoLabel(history: HistoryState): string | null {
  return history.future.at(-1)?.label ?? null;
}
