// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyDocumentEdit, undo } from '../../../src-shared/edits/apply-edit';
import { undoLabel } from '../../../src-shared/edits/history';
import { deleteKeys } from '../../../src-shared/edits/keyframe-edits';
import type { KeyRef } from '../../../src-shared/edits/selection';
import { clickKey, EMPTY_SELECTION } from '../../../src-shared/edits/selection';
import { addKeyAt, addMarkerAt, copySelection, deleteSelection, pasteAt } from '../../../src-shared/edits/selection-edits';
import { activeLayerValue } from '../../../src-shared/edits/keyframe-queries';
import { frameStartSec } from '../../../src-shared/edits/snapping';
import type { KeyframeId, MarkerId } from '../../../src-shared/util/ids';
import { documentWith, editState, key, keyTimes } from './edit-fixtures';

const ref = (channel: KeyRef['channel'], id: string): KeyRef => ({ channel, keyId: id as KeyframeId });

function keyedState() {
  const document = documentWith({ yawDeg: [key('y1', 1, 10), key('y2', 2, 20), key('y3', 3, 30)], jawOpen: [key('j1', 1.5, 0.5)] }, [4]);
  return editState(document);
}

describe('deleting the selection', () => {
  it('removes every selected key and marker as one undo step and leaves the rest', () => {
    let selection = clickKey(EMPTY_SELECTION, ref('yawDeg', 'y1'), false);
    selection = clickKey(selection, ref('yawDeg', 'y3'), true);
    selection = clickKey(selection, ref('jawOpen', 'j1'), true);
    const start = { ...keyedState(), selection: { ...selection, markerIds: ['marker_1' as MarkerId] } };
    const deleted = deleteSelection(start);
    expect(keyTimes(deleted.document, 'yawDeg')).toEqual([2]);
    expect(keyTimes(deleted.document, 'jawOpen')).toEqual([]);
    expect(deleted.document?.markers).toEqual([]);
    expect(deleted.selection).toEqual(EMPTY_SELECTION);
    expect(deleted.history.past).toHaveLength(1);
    expect(undoLabel(deleted.history)).toBe('Delete 3 keys, Delete marker');
    expect(undo(deleted).document).toBe(start.document);
  });

  it('deletes one key of a multi-selection with Delete key on it, keeping the others', () => {
    const start = keyedState();
    const oneOfThem = applyDocumentEdit(start, deleteKeys([ref('yawDeg', 'y2')]));
    expect(keyTimes(oneOfThem.document, 'yawDeg')).toEqual([1, 3]);
    expect(undoLabel(oneOfThem.history)).toBe('Delete key');
  });

  it('shift-click toggles a key out of the selection', () => {
    const both = clickKey(clickKey(EMPTY_SELECTION, ref('yawDeg', 'y1'), false), ref('yawDeg', 'y2'), true);
    expect(clickKey(both, ref('yawDeg', 'y1'), true).keys).toEqual([ref('yawDeg', 'y2')]);
    expect(clickKey(both, ref('yawDeg', 'y3'), false).keys).toEqual([ref('yawDeg', 'y3')]);
  });

  it('does nothing with an empty selection', () => {
    const start = keyedState();
    expect(deleteSelection(start)).toBe(start);
  });
});

describe('copy and paste at the playhead', () => {
  it('pastes the copied keys with their spacing at the playhead frame, selected, in one step', () => {
    const start = { ...keyedState(), selection: { keys: [ref('yawDeg', 'y1'), ref('jawOpen', 'j1')], markerIds: [] } };
    const clipboard = copySelection(start);
    expect(clipboard?.keys.map((k) => [k.channel, k.offsetSec, k.value])).toEqual([['yawDeg', 0, 10], ['jawOpen', 0.5, 0.5]]);
    // The playhead between frames: the paste starts at its frame.
    const playheadSec = frameStartSec(5.01, 30);
    const pasted = pasteAt(start, clipboard!, playheadSec);
    expect(keyTimes(pasted.document, 'yawDeg')).toEqual([1, 2, 3, 5]);
    expect(keyTimes(pasted.document, 'jawOpen')).toEqual([1.5, 5.5]);
    expect(pasted.history.past).toHaveLength(1);
    expect(pasted.selection.keys).toHaveLength(2);
    const pastedYaw = pasted.document?.layers[0].channels.yawDeg?.find((k) => k.id === pasted.selection.keys[0].keyId);
    expect(pastedYaw?.value).toBe(10);
  });

  it('replaces a key already at the pasted frame', () => {
    const start = { ...keyedState(), selection: { keys: [ref('yawDeg', 'y1')], markerIds: [] } };
    const pasted = pasteAt(start, copySelection(start)!, 2 + 0.2 / 30);
    const yaw = pasted.document?.layers[0].channels.yawDeg ?? [];
    expect(yaw.map((k) => [k.timeSec, k.value])).toEqual([[1, 10], [2, 10], [3, 30]]);
  });

  it('copies nothing when no key is selected', () => {
    expect(copySelection(keyedState())).toBeNull();
  });
});

describe('adding at the playhead', () => {
  it('adds a key with the value the channel already has there, creating the Keys layer', () => {
    const added = addKeyAt(editState(), 'smile', 1);
    expect(added.document?.layers.map((l) => l.name)).toEqual(['Keys']);
    expect(added.document?.layers[0].channels.smile?.map((k) => [k.timeSec, k.value])).toEqual([[1, 0]]);
    expect(undoLabel(added.history)).toBe('Add smile key');
    // Between two keys: the new key holds the eased value there, so the output does not jump.
    const start = keyedState();
    const before = activeLayerValue(start.document!, 'yawDeg', 1.5);
    const between = addKeyAt(start, 'yawDeg', 1.5);
    expect(keyTimes(between.document, 'yawDeg')).toEqual([1, 1.5, 2, 3]);
    expect(before).toBeGreaterThan(10);
    expect(between.document?.layers[0].channels.yawDeg?.[1].value).toBe(before);
    expect(activeLayerValue(between.document!, 'yawDeg', 1.5)).toBe(before);
  });

  it('adds markers M2, M3 … and selects the new one', () => {
    const added = addMarkerAt(keyedState(), 2);
    expect(added.document?.markers.map((m) => [m.label, m.timeSec])).toEqual([['M2', 2], ['M1', 4]]);
    expect(added.selection.markerIds).toEqual([added.document?.markers[0].id]);
    expect(added.history.past).toHaveLength(1);
    // The next free number: a renamed marker's label is not taken again.
    const start = keyedState();
    const renamed = { ...start, document: { ...start.document!, markers: [{ ...start.document!.markers[0], label: 'M2' }] } };
    expect(addMarkerAt(renamed, 1).document?.markers.map((m) => m.label)).toEqual(['M3', 'M2']);
  });
});
