import type { ProjectDocument } from '../project/project-schema.js';
import type { HistoryState } from './history.js';
import type { SelectionState } from './selection.js';

/**
 * What editing works on: the document, its undo history and the selection. The studio's store
 * holds these among other things and hands them to the pure edit functions as one value.
 */
export interface EditState {
  /** The open project's document, or null before the first project exists (nothing to edit). */
  readonly document: ProjectDocument | null;
  readonly history: HistoryState;
  readonly selection: SelectionState;
}

/**
 * Unsaved changes: the document is another revision than the one saved (or opened). Edits
 * always make new documents and Undo/Cancel put the earlier objects back, so undoing back to
 * the saved revision reads as clean again, while an edit that changes nothing leaves it clean.
 */
export function isDirty(document: ProjectDocument | null, savedDocument: ProjectDocument | null): boolean {
  return document !== null && document !== savedDocument;
}
