// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyDocumentEdit, undo } from '../../../src-shared/edits/apply-edit';
import { applyEdit } from '../../../src-shared/edits/document-edit';
import { setKeysAt } from '../../../src-shared/edits/keyframe-edits';
import { activeLayer } from '../../../src-shared/edits/keyframe-queries';
import { addLayer, deleteLayer, moveLayer, renameLayer, setActiveLayer, setLayerEnabled, setLayerSolo, setLayerWeight } from '../../../src-shared/edits/layer-edits';
import { layersValueAt } from '../../../src-shared/project/derived';
import { documentWith, editState, key, LATER } from './edit-fixtures';

const base = () => documentWith({ yawDeg: [key('y', 0, 10)] });

describe('layer edits', () => {
  it('adds a layer that becomes active: new keys go to it, and both layers compose', () => {
    const { edit, id } = addLayer();
    const withLayer = applyEdit(base(), edit, LATER);
    expect(withLayer.layers.map((l) => l.name)).toEqual(['Keys', 'Layer 2']);
    expect(activeLayer(withLayer)?.id).toBe(id);
    const keyed = applyEdit(withLayer, setKeysAt(0, 30, [{ channel: 'yawDeg', value: 5 }], 'Key yaw'), LATER);
    expect(keyed.layers[0].channels.yawDeg?.map((k) => k.value)).toEqual([10]);
    expect(keyed.layers[1].channels.yawDeg?.map((k) => k.value)).toEqual([5]);
    expect(layersValueAt(keyed.layers, 'yawDeg', 0)).toBe(15);
  });

  it('mute, solo and weight change what composes; each is one undo step', () => {
    const { edit, id } = addLayer('Fix');
    let state = editState(applyEdit(base(), edit, LATER));
    state = applyDocumentEdit(state, setKeysAt(0, 30, [{ channel: 'yawDeg', value: 5 }], 'Key yaw'), LATER);
    const keysId = state.document!.layers[0].id;
    const value = () => layersValueAt(state.document!.layers, 'yawDeg', 0);
    state = applyDocumentEdit(state, setLayerEnabled(keysId, false), LATER);
    expect(value()).toBe(5);
    state = applyDocumentEdit(state, setLayerEnabled(keysId, true), LATER);
    state = applyDocumentEdit(state, setLayerSolo(keysId, true), LATER);
    expect(value()).toBe(10);
    state = applyDocumentEdit(state, setLayerSolo(keysId, false), LATER);
    state = applyDocumentEdit(state, setLayerWeight(id, 0.4), LATER);
    expect(value()).toBeCloseTo(12, 12);
    state = undo(state);
    expect(value()).toBe(15);
    expect(applyEdit(state.document!, setLayerWeight(id, 7), LATER).layers[1].weight).toBe(1);
  });

  it('renames, reorders, sets the active layer and deletes (the active one falls back to the previous)', () => {
    const { edit, id } = addLayer();
    let doc = applyEdit(base(), edit, LATER);
    const keysId = doc.layers[0].id;
    doc = applyEdit(doc, renameLayer(id, '  Mouth  '), LATER);
    expect(doc.layers[1].name).toBe('Mouth');
    expect(applyEdit(doc, renameLayer(id, '   '), LATER)).toBe(doc);
    doc = applyEdit(doc, moveLayer(id, -1), LATER);
    expect(doc.layers.map((l) => l.name)).toEqual(['Mouth', 'Keys']);
    expect(applyEdit(doc, moveLayer(id, -1), LATER)).toBe(doc);
    doc = applyEdit(doc, setActiveLayer(keysId), LATER);
    expect(activeLayer(doc)?.id).toBe(keysId);
    doc = applyEdit(doc, deleteLayer(keysId), LATER);
    expect(doc.layers.map((l) => l.name)).toEqual(['Mouth']);
    expect(activeLayer(doc)?.id).toBe(id);
  });
});
