import type { ProjectDocument } from '../project/project-schema.js';
import type { DocumentEdit } from './document-edit.js';
import type { EditState } from './edit-state.js';
import { pushUndoStep } from './history.js';
import { commitTransaction, updateTransaction } from './transaction.js';

/**
 * The one way a document changes outside a drag: `edit` as one undo step (committing a drag in
 * progress first). An edit that changes nothing returns `state` itself: no step, still clean.
 */
export function applyDocumentEdit(state: EditState, edit: DocumentEdit, now?: Date): EditState {
  const current = commitTransaction(state);
  return updateTransaction(current, edit, now);
}

/** Puts `document` in place as it is (no new modification time), as one undo step named `label`. */
export function replaceDocument(state: EditState, document: ProjectDocument, label: string): EditState {
  const current = commitTransaction(state);
  if (current.document === document) return current;
  if (current.document === null) return { ...current, document };
  return { ...current, document, history: pushUndoStep(current.history, label, current.document) };
}

export function undo(state: EditState): EditState {
  const current = commitTransaction(state);
  const { past, future } = current.history;
  const entry = past.at(-1);
  if (entry === undefined || current.document === null) return current;
  return { ...current, document: entry.document, history: { past: past.slice(0, -1), future: [...future, { label: entry.label, document: current.document }], transaction: null } };
}

export function redo(state: EditState): EditState {
  const current = commitTransaction(state);
  const { past, future } = current.history;
  const entry = future.at(-1);
  if (entry === undefined || current.document === null) return current;
  return { ...current, document: entry.document, history: { past: [...past, { label: entry.label, document: current.document }], future: future.slice(0, -1), transaction: null } };
}
