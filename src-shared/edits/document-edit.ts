import type { ProjectDocument } from '../project/project-schema.js';

/**
 * Every change to the document is a named pure function from one document to the next, so the
 * undo stack records `label` with the document before it. An edit that changes nothing returns
 * its input (the same object), which keeps the project clean and adds no undo step.
 */
export interface DocumentEdit {
  /** Shown in the status bar and in Edit > Undo <label>. */
  readonly label: string;
  readonly apply: (doc: ProjectDocument) => ProjectDocument;
}

/** `edit` applied to `doc`, stamped with a new modification time when it changed anything. */
export function applyEdit(doc: ProjectDocument, edit: DocumentEdit, now: Date = new Date()): ProjectDocument {
  const next = edit.apply(doc);
  return next === doc ? doc : { ...next, modifiedAt: now.toISOString() };
}

/** Several edits as one (one undo step), labelled by theirs joined with commas. */
export function combineEdits(edits: readonly DocumentEdit[]): DocumentEdit {
  return { label: edits.map((e) => e.label).join(', '), apply: (doc) => edits.reduce((d, e) => e.apply(d), doc) };
}
