import type { DocumentEdit } from './document-edit.js';
import { applyEdit } from './document-edit.js';
import type { EditState } from './edit-state.js';
import { pushUndoStep } from './history.js';

/**
 * Drags: beginTransaction() remembers the document, each updateTransaction() replaces the drag's
 * effect (the edit applied to that document), commitTransaction() makes it one undo step and
 * cancelTransaction() (Escape) puts the document back exactly as it was.
 */

/** Starts a drag named `label` over the document as it is now (committing one in progress). */
export function beginTransaction(state: EditState, label: string): EditState {
  const current = commitTransaction(state);
  if (current.document === null) return current;
  return { ...current, history: { ...current.history, transaction: { label, base: current.document } } };
}

/** The document becomes `edit` applied to the drag's starting document; without a drag, one undo step. */
export function updateTransaction(state: EditState, edit: DocumentEdit, now?: Date): EditState {
  const { transaction } = state.history;
  if (transaction === null) {
    if (state.document === null) return state;
    const next = applyEdit(state.document, edit, now);
    return next === state.document ? state : { ...state, document: next, history: pushUndoStep(state.history, edit.label, state.document) };
  }
  const next = applyEdit(transaction.base, edit, now);
  return next === state.document ? state : { ...state, document: next };
}

/** Ends a drag: one undo step when it changed anything, none otherwise. */
export function commitTransaction(state: EditState): EditState {
  const { history } = state;
  const { transaction } = history;
  if (transaction === null) return state;
  if (state.document === transaction.base || state.document === null) return { ...state, history: { ...history, transaction: null } };
  return { ...state, history: pushUndoStep(history, transaction.label, transaction.base) };
}

/** Abandons a drag: the document goes back to the very object the drag started from. */
export function cancelTransaction(state: EditState): EditState {
  const { history } = state;
  if (history.transaction === null) return state;
  return { ...state, document: history.transaction.base, history: { ...history, transaction: null } };
}
