// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyDocumentEdit, undo } from '../../../src-shared/edits/apply-edit';
import { renameProject } from '../../../src-shared/edits/document-edits';
import { isDirty } from '../../../src-shared/edits/edit-state';
import { undoLabel } from '../../../src-shared/edits/history';
import { moveKeys } from '../../../src-shared/edits/keyframe-edits';
import type { KeyRef } from '../../../src-shared/edits/selection';
import { beginTransaction, cancelTransaction, commitTransaction, updateTransaction } from '../../../src-shared/edits/transaction';
import type { KeyframeId } from '../../../src-shared/util/ids';
import { documentWith, editState, key, keyTimes, LATER } from './edit-fixtures';

const yawKey: KeyRef = { channel: 'yawDeg', keyId: 'key_a' as KeyframeId };

function draggedState() {
  const start = editState(documentWith({ yawDeg: [key('key_a', 1, 10), key('key_b', 2, 20)] }));
  let state = beginTransaction(start, 'Move key');
  // Each pointer move replaces the drag's effect over the document the drag started from.
  for (const deltaSec of [0.1, 0.2, 0.3, 0.5]) state = updateTransaction(state, moveKeys([yawKey], deltaSec), LATER);
  return { start, state };
}

describe('drags (transactions)', () => {
  it('make one undo step however many moves, and Undo puts the key back', () => {
    const { start, state } = draggedState();
    expect(keyTimes(state.document, 'yawDeg')).toEqual([1.5, 2]);
    expect(state.history.past).toHaveLength(0);
    const committed = commitTransaction(state);
    expect(committed.history.past).toHaveLength(1);
    expect(undoLabel(committed.history)).toBe('Move key');
    expect(keyTimes(committed.document, 'yawDeg')).toEqual([1.5, 2]);
    const undone = undo(committed);
    expect(undone.document).toBe(start.document);
    expect(undone.history.past).toHaveLength(0);
  });

  it('cancel restores the document exactly and adds no step; the project is clean again', () => {
    const { start, state } = draggedState();
    const cancelled = cancelTransaction(state);
    expect(cancelled.document).toBe(start.document);
    expect(cancelled.history.past).toHaveLength(0);
    expect(cancelled.history.transaction).toBeNull();
    expect(isDirty(cancelled.document, start.document)).toBe(false);
    expect(isDirty(state.document, start.document)).toBe(true);
  });

  it('adds no step for a drag that ends where it started', () => {
    const start = editState(documentWith({ yawDeg: [key('key_a', 1, 10)] }));
    const back = updateTransaction(updateTransaction(beginTransaction(start, 'Move key'), moveKeys([yawKey], 0.4), LATER), moveKeys([yawKey], 0), LATER);
    const committed = commitTransaction(back);
    expect(committed.history.past).toHaveLength(0);
    expect(committed.document).toBe(start.document);
  });

  it('commits a drag in progress before another edit, as two steps', () => {
    const { state } = draggedState();
    const renamed = applyDocumentEdit(state, renameProject('Other'), LATER);
    expect(renamed.history.past.map((e) => e.label)).toEqual(['Move key', 'Rename project']);
    expect(keyTimes(undo(renamed).document, 'yawDeg')).toEqual([1.5, 2]);
  });

  it('without a drag, an update is a plain undo step', () => {
    const start = editState(documentWith({ yawDeg: [key('key_a', 1, 10)] }));
    const moved = updateTransaction(start, moveKeys([yawKey], 1), LATER);
    expect(keyTimes(moved.document, 'yawDeg')).toEqual([2]);
    expect(moved.history.past).toHaveLength(1);
  });
});
