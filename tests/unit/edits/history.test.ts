// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyDocumentEdit, redo, replaceDocument, undo } from '../../../src-shared/edits/apply-edit';
import { renameProject, setSetting } from '../../../src-shared/edits/document-edits';
import { isDirty } from '../../../src-shared/edits/edit-state';
import { MAX_UNDO_STEPS, redoLabel, undoLabel } from '../../../src-shared/edits/history';
import { editState, LATER } from './edit-fixtures';

describe('undo history', () => {
  it('records each edit as one undo step that Undo and Redo walk', () => {
    const start = editState();
    const renamed = applyDocumentEdit(start, renameProject('Interview'), LATER);
    const faster = applyDocumentEdit(renamed, setSetting('fps', 25), LATER);
    expect(faster.document?.name).toBe('Interview');
    expect(faster.document?.settings.fps).toBe(25);
    expect(faster.document?.modifiedAt).toBe(LATER.toISOString());
    expect(faster.history.past).toHaveLength(2);
    expect(undoLabel(faster.history)).toBe('Change fps');

    const undone = undo(faster);
    expect(undone.document).toBe(renamed.document);
    expect(redoLabel(undone.history)).toBe('Change fps');
    expect(undo(undone).document).toBe(start.document);
    expect(redo(undo(undone)).document).toBe(renamed.document);
    expect(redo(undone).document).toBe(faster.document);
  });

  it('adds no step for an edit that changes nothing, and a new edit drops what Redo had', () => {
    const start = editState();
    const same = applyDocumentEdit(start, renameProject(start.document?.name ?? ''), LATER);
    expect(same).toBe(start);
    const undone = undo(applyDocumentEdit(start, renameProject('A'), LATER));
    expect(undone.history.future).toHaveLength(1);
    const other = applyDocumentEdit(undone, renameProject('B'), LATER);
    expect(other.history.future).toHaveLength(0);
    expect(redo(other).document?.name).toBe('B');
  });

  it('reads as clean again after undoing back to the saved document, and dirty after redo', () => {
    const saved = applyDocumentEdit(editState(), renameProject('Saved'), LATER);
    const savedDocument = saved.document;
    const edited = applyDocumentEdit(applyDocumentEdit(saved, setSetting('seed', 7), LATER), setSetting('fps', 24), LATER);
    expect(isDirty(edited.document, savedDocument)).toBe(true);
    const once = undo(edited);
    expect(isDirty(once.document, savedDocument)).toBe(true);
    const back = undo(once);
    expect(isDirty(back.document, savedDocument)).toBe(false);
    expect(isDirty(redo(back).document, savedDocument)).toBe(true);
    // Undoing past the saved revision is a change too.
    expect(isDirty(undo(back).document, savedDocument)).toBe(true);
    // An edit that changes nothing keeps it clean.
    expect(isDirty(applyDocumentEdit(back, setSetting('fps', back.document?.settings.fps ?? 0), LATER).document, savedDocument)).toBe(false);
  });

  it('restores an autosave as one undo step, document as it was written', () => {
    const start = editState();
    const recovered = { ...start.document!, name: 'Recovered' };
    const restored = replaceDocument(start, recovered, 'Restore unsaved changes');
    expect(restored.document).toBe(recovered);
    expect(undoLabel(restored.history)).toBe('Restore unsaved changes');
    expect(undo(restored).document).toBe(start.document);
    // Restoring the document that is already there is no change.
    expect(replaceDocument(start, start.document!, 'Restore unsaved changes')).toBe(start);
  });

  it(`keeps the last ${MAX_UNDO_STEPS} steps`, () => {
    let state = editState();
    for (let i = 0; i < MAX_UNDO_STEPS + 5; i++) state = applyDocumentEdit(state, setSetting('seed', i + 1), LATER);
    expect(state.history.past).toHaveLength(MAX_UNDO_STEPS);
    for (let i = 0; i < MAX_UNDO_STEPS; i++) state = undo(state);
    expect(state.document?.settings.seed).toBe(5);
    expect(undo(state)).toBe(state);
  });

  it('does nothing without a document', () => {
    const empty = editState(null);
    expect(applyDocumentEdit(empty, renameProject('X'))).toBe(empty);
    expect(undo(empty)).toBe(empty);
    expect(isDirty(null, null)).toBe(false);
  });
});
