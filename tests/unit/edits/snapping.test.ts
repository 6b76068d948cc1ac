// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyDocumentEdit } from '../../../src-shared/edits/apply-edit';
import { moveKeys } from '../../../src-shared/edits/keyframe-edits';
import { moveMarkers } from '../../../src-shared/edits/marker-edits';
import { frameStartSec, snapDragTime, snapToFrame } from '../../../src-shared/edits/snapping';
import type { KeyframeId, MarkerId } from '../../../src-shared/util/ids';
import { documentWith, editState, key, keyTimes } from './edit-fixtures';

// 100 px per second: the default 6 px snap distance is 0.06 s.
const AT_100PX = { fps: 30, pxPerSec: 100, targetsSec: [2, 2.05], free: false };

describe('snapping', () => {
  it('snaps to the nearest frame start', () => {
    expect(snapToFrame(1.01, 30)).toBeCloseTo(1, 10);
    expect(snapToFrame(1.02, 30)).toBeCloseTo(31 / 30, 10);
    expect(snapToFrame(1.01, 25)).toBe(1);
    expect(frameStartSec(1.0333, 30)).toBeCloseTo(1, 10);
    // A time a hair under a frame start (floating point) is that frame, not the one before.
    expect(frameStartSec(31 / 30 - 1e-9, 30)).toBeCloseTo(31 / 30, 10);
  });

  it('snaps a drag to a marker within the snap distance, else to the frame grid', () => {
    expect(snapDragTime(1.97, AT_100PX)).toBe(2);
    expect(snapDragTime(2.04, AT_100PX)).toBe(2.05);
    expect(snapDragTime(1.5123, AT_100PX)).toBeCloseTo(1.5, 10);
    // Farther than 6 px from a marker: the frame grid.
    expect(snapDragTime(1.93, AT_100PX)).toBeCloseTo(58 / 30, 10);
    // Zoomed in (1000 px/s) the same time is too far from the marker.
    expect(snapDragTime(1.97, { ...AT_100PX, pxPerSec: 1000 })).toBeCloseTo(59 / 30, 10);
  });

  it('does not snap with Shift held, and never goes before 0', () => {
    expect(snapDragTime(1.97, { ...AT_100PX, free: true })).toBe(1.97);
    expect(snapDragTime(-0.4, AT_100PX)).toBe(0);
    expect(snapDragTime(-0.4, { ...AT_100PX, free: true })).toBe(0);
  });

  it('moves a dragged key onto a marker, and a group of keys stops together at 0', () => {
    const start = editState(documentWith({ yawDeg: [key('k1', 1, 0), key('k2', 1.5, 0)] }, [2]));
    const refs = [{ channel: 'yawDeg' as const, keyId: 'k1' as KeyframeId }, { channel: 'yawDeg' as const, keyId: 'k2' as KeyframeId }];
    const targetSec = snapDragTime(1 + 0.97, AT_100PX);
    const moved = applyDocumentEdit(start, moveKeys(refs.slice(0, 1), targetSec - 1));
    expect(keyTimes(moved.document, 'yawDeg')).toEqual([1.5, 2]);
    const early = applyDocumentEdit(start, moveKeys(refs, -5));
    expect(keyTimes(early.document, 'yawDeg')).toEqual([0, 0.5]);
    const markers = applyDocumentEdit(start, moveMarkers(['marker_1' as MarkerId], -3));
    expect(markers.document?.markers[0].timeSec).toBe(0);
  });
});
