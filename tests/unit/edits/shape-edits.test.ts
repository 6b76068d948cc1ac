import { describe, expect, it } from 'vitest';
import { applyDocumentEdit, redo, undo } from '../../../src-shared/edits/apply-edit';
import { setKeysAt } from '../../../src-shared/edits/keyframe-edits';
import { createShape, deleteShape, renameShape, sculptStroke } from '../../../src-shared/edits/shape-edits';
import { beginTransaction, commitTransaction, updateTransaction } from '../../../src-shared/edits/transaction';
import { LANDMARK_COUNT } from '../../../src-shared/face/topology';
import type { ShapeId } from '../../../src-shared/keyframes/shape-channels';
import { shapeChannel } from '../../../src-shared/keyframes/shape-channels';
import { projectDocumentSchema } from '../../../src-shared/project/project-schema';
import { editState, LATER, newDocument } from './edit-fixtures';

const rest = new Float32Array(LANDMARK_COUNT * 3).map((_, i) => (i % 3 === 0 ? (i / 3) * 0.1 : 0));
const id = 'shape_smirk' as ShapeId;

describe('shape edits', () => {
  it('creates a named shape of zero offsets ("Shape N" without a name); the document stays valid', () => {
    const doc = createShape(id).apply(newDocument());
    expect(doc.shapes.map((s) => s.name)).toEqual(['Shape 1']);
    expect(doc.shapes[0].offsetsCm.every((v) => v === 0)).toBe(true);
    expect(createShape('shape_b' as ShapeId, ' Smile ').apply(doc).shapes.map((s) => s.name)).toEqual(['Shape 1', 'Smile']);
    expect(projectDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('renames (ignoring blank names) and deletes a shape together with its weight keys in every layer', () => {
    let doc = createShape(id, 'Smirk').apply(newDocument());
    doc = setKeysAt(1, 30, [{ channel: shapeChannel(id), value: 1 }, { channel: 'smile', value: 0.2 }], 'Key').apply(doc);
    expect(renameShape(id, '  ').apply(doc)).toBe(doc);
    expect(renameShape(id, 'Sneer').apply(doc).shapes[0].name).toBe('Sneer');
    expect(projectDocumentSchema.safeParse(doc).success).toBe(true);
    const gone = deleteShape(id).apply(doc);
    expect(gone.shapes).toEqual([]);
    expect(Object.keys(gone.layers[0].channels)).toEqual(['smile']);
    expect(deleteShape(id).apply(gone)).toBe(gone);
  });

  it('a stroke makes the shape on first use and moves the picked landmark; a drag is one undo step, with redo', () => {
    let state = editState();
    state = beginTransaction(state, 'Sculpt shape');
    for (const dy of [0.1, 0.2, 0.35]) state = updateTransaction(state, sculptStroke(id, rest, { picked: [61], deltaCm: [0, dy, 0], radiusCm: 0, mirror: false }, 'Smirk'), LATER);
    state = commitTransaction(state);
    const shape = state.document?.shapes[0];
    expect(shape?.name).toBe('Smirk');
    expect(shape?.offsetsCm[61 * 3 + 1]).toBe(0.35);
    expect(shape?.offsetsCm.filter((v) => v !== 0).length).toBe(1);
    const undone = undo(state);
    expect(undone.document?.shapes).toEqual([]);
    expect(redo(undone).document?.shapes[0].offsetsCm[61 * 3 + 1]).toBe(0.35);
  });

  it('a second stroke adds to the first, and a stroke that moves nothing is no edit', () => {
    let state = applyDocumentEdit(editState(), sculptStroke(id, rest, { picked: [61], deltaCm: [0.1, 0, 0], radiusCm: 0, mirror: true }), LATER);
    state = applyDocumentEdit(state, sculptStroke(id, rest, { picked: [61], deltaCm: [0.1, 0, 0], radiusCm: 0, mirror: true }), LATER);
    expect(state.document?.shapes[0].offsetsCm[61 * 3]).toBe(0.2);
    expect(state.document?.shapes[0].offsetsCm[291 * 3]).toBe(-0.2);
    const doc = state.document;
    expect(doc && sculptStroke(id, rest, { picked: [61], deltaCm: [0, 0, 0], radiusCm: 1, mirror: false }).apply(doc)).toBe(doc);
  });
});
