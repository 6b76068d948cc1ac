// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyDocumentEdit, redo, undo } from '../../../src-shared/edits/apply-edit';
import { applyEdit } from '../../../src-shared/edits/document-edit';
import { canMoveMouthBoundary, moveMouthBoundary, putMouthEdit, removeMouthEdit, replaceMouthShape, setLipSyncControl, setMouthStrength } from '../../../src-shared/edits/mouth-edits';
import { beginTransaction, commitTransaction, updateTransaction } from '../../../src-shared/edits/transaction';
import type { LaneSegment } from '../../../src-shared/mouth/mouth-segments';
import { projectDocumentSchema } from '../../../src-shared/project/project-schema';
import { editState, LATER, newDocument } from './edit-fixtures';

const seg = (startSec: number, endSec: number, shape: LaneSegment['shape'], editId: string | null = null, strength = 1): LaneSegment => ({ startSec, endSec, shape, strength, editId, keepsGenerated: false });

describe('mouth lane edits', () => {
  it('replacing a generated segment makes an edit over its span; replacing an edit keeps its span and strength', () => {
    const doc = applyEdit(newDocument(), replaceMouthShape(seg(0.2, 0.4, 'A'), 'O', 'm1'), LATER);
    expect(doc.mouth.edits).toEqual([{ id: 'm1', startSec: 0.2, endSec: 0.4, shape: 'O', strength: 1 }]);
    const strong = applyEdit(doc, setMouthStrength(seg(0.2, 0.4, 'O', 'm1'), 0.7, 'unused'), LATER);
    const again = applyEdit(strong, replaceMouthShape(seg(0.2, 0.4, 'O', 'm1'), 'M', 'unused'), LATER);
    expect(again.mouth.edits).toEqual([{ id: 'm1', startSec: 0.2, endSec: 0.4, shape: 'M', strength: 0.7 }]);
    expect(projectDocumentSchema.safeParse(again).success).toBe(true);
    // The same shape again changes nothing (no undo step).
    expect(applyEdit(again, replaceMouthShape(seg(0.2, 0.4, 'M', 'm1'), 'M', 'x'), LATER)).toBe(again);
  });

  it('strength of a generated segment keeps its shape (shape null) and is kept in range', () => {
    const doc = applyEdit(newDocument(), setMouthStrength(seg(0, 0.1, 'E'), 9, 'm1'), LATER);
    expect(doc.mouth.edits).toEqual([{ id: 'm1', startSec: 0, endSec: 0.1, shape: null, strength: 1.5 }]);
  });

  it('putting an edit cuts the ones it overlaps; edits stay sorted and apart', () => {
    const a = { id: 'a', startSec: 0, endSec: 1, shape: 'A' as const, strength: 1 };
    const b = { id: 'b', startSec: 1.2, endSec: 1.5, shape: 'U' as const, strength: 1 };
    const cut = putMouthEdit([a, b], { id: 'c', startSec: 0.4, endSec: 1.3, shape: 'M', strength: 1 });
    expect(cut.map((e) => [e.id, e.startSec, e.endSec])).toEqual([
      ['a', 0, 0.4],
      ['c', 0.4, 1.3],
      ['b', 1.3, 1.5],
    ]);
    const inside = putMouthEdit([a], { id: 'd', startSec: 0.4, endSec: 0.6, shape: 'M', strength: 1 });
    expect(inside.map((e) => [e.id, e.startSec, e.endSec])).toEqual([
      ['a', 0, 0.4],
      ['d', 0.4, 0.6],
      ['a-600', 0.6, 1],
    ]);
  });

  it('dragging a boundary cuts back an edit on the side that shrinks and grows an edit on the other (snapped; an edit keeps a frame)', () => {
    const left = seg(0, 0.3, 'A');
    const right = seg(0.3, 0.6, 'O', 'r1');
    const start = applyEdit(newDocument(), replaceMouthShape(seg(0.3, 0.6, 'O'), 'O', 'r1'), LATER);
    const spans = (doc: typeof start) => doc.mouth.edits.map((e) => [e.id, e.shape, +e.startSec.toFixed(6), +e.endSec.toFixed(6)]);
    // The edit shrinks: the generated A shows through further.
    expect(spans(applyEdit(start, moveMouthBoundary(left, right, 0.41, 30, 'l1'), LATER))).toEqual([['r1', 'O', 0.4, 0.6]]);
    // The edit grows over the generated A.
    expect(spans(applyEdit(start, moveMouthBoundary(left, right, 0.2, 30, 'l1'), LATER))).toEqual([['r1', 'O', 0.2, 0.6]]);
    expect(applyEdit(start, moveMouthBoundary(left, right, 5, 30, 'l1'), LATER).mouth.edits[0].startSec).toBeCloseTo(0.6 - 1 / 30, 9);
    // The edit may cover its generated neighbour whole.
    expect(spans(applyEdit(start, moveMouthBoundary(left, right, -1, 30, 'l1'), LATER))).toEqual([['r1', 'O', 0, 0.6]]);
    expect(applyEdit(start, moveMouthBoundary(left, right, 0.301, 30, 'l1'), LATER)).toBe(start);
    // Two edits: one grows, the other shrinks.
    const both = applyEdit(start, replaceMouthShape(left, 'E', 'l0'), LATER);
    expect(spans(applyEdit(both, moveMouthBoundary(seg(0, 0.3, 'E', 'l0'), right, 0.5, 30, 'x'), LATER))).toEqual([
      ['l0', 'E', 0, 0.5],
      ['r1', 'O', 0.5, 0.6],
    ]);
  });

  it('between two generated segments the growing side becomes an edit of its shape; on a mesh track nothing moves', () => {
    const doc = applyEdit(newDocument(), moveMouthBoundary(seg(0, 0.3, 'A'), seg(0.3, 0.6, 'O'), 0.4, 30, 'l1'), LATER);
    expect(doc.mouth.edits.map((e) => [e.id, e.shape, e.strength, +e.startSec.toFixed(6), +e.endSec.toFixed(6)])).toEqual([['l1', 'A', 1, 0, 0.4]]);
    const open = seg(0.3, 0.6, 'open');
    expect(canMoveMouthBoundary(seg(0, 0.3, 'rest'), open)).toBe(false);
    expect(canMoveMouthBoundary(seg(0, 0.3, 'rest', 'e'), open)).toBe(true);
    const fresh = newDocument();
    expect(applyEdit(fresh, moveMouthBoundary(seg(0, 0.3, 'rest'), open, 0.2, 30, 'l1'), LATER)).toBe(fresh);
  });

  it('a boundary drag is one undo step; undo and redo restore each state', () => {
    let state = editState(newDocument());
    const before = state.document;
    state = beginTransaction(state, 'Move mouth boundary');
    for (const t of [0.33, 0.37, 0.44]) state = updateTransaction(state, moveMouthBoundary(seg(0, 0.3, 'A'), seg(0.3, 0.6, 'O'), t, 30, 'l1'), LATER);
    state = commitTransaction(state);
    expect(state.history.past).toHaveLength(1);
    const after = state.document;
    expect(after?.mouth.edits.map((e) => [e.id, +e.endSec.toFixed(6)])).toEqual([['l1', 0.433333]]);
    state = undo(state);
    expect(state.document).toBe(before);
    state = redo(state);
    expect(state.document).toBe(after);
  });

  it('reset removes an edit; controls are kept in their ranges and are one step each', () => {
    let state = editState(newDocument());
    state = applyDocumentEdit(state, replaceMouthShape(seg(0, 0.2, 'A'), 'U', 'm1'), LATER);
    state = applyDocumentEdit(state, setLipSyncControl('amount', 5), LATER);
    state = applyDocumentEdit(state, setLipSyncControl('smoothingSec', 0.05), LATER);
    expect(state.document?.mouth).toMatchObject({ amount: 2, smoothingSec: 0.05, articulation: 1 });
    state = applyDocumentEdit(state, removeMouthEdit('m1'), LATER);
    expect(state.document?.mouth.edits).toEqual([]);
    expect(state.history.past.map((h) => h.label)).toEqual(['Mouth shape U', 'Mouth amount', 'Lip-sync smoothing', 'Reset mouth segment']);
    state = undo(state);
    expect(state.document?.mouth.edits).toHaveLength(1);
    expect(applyEdit(state.document!, setLipSyncControl('amount', 2), LATER)).toBe(state.document);
  });
});
