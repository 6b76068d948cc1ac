// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src-shared/edits/document-edit';
import { applyEasePreset, setKeyHandle, setKeysHandleMode } from '../../../src-shared/edits/handle-edits';
import { offsetKeysValue, scaleKeysTime } from '../../../src-shared/edits/key-transform-edits';
import { channelKeys } from '../../../src-shared/edits/keyframe-queries';
import type { KeyRef } from '../../../src-shared/edits/selection';
import { resolveHandles } from '../../../src-shared/keyframes/bezier-handles';
import { EASE_PRESETS, evaluateChannel } from '../../../src-shared/keyframes/interpolate';
import type { KeyframeId } from '../../../src-shared/util/ids';
import { documentWith, key, LATER } from './edit-fixtures';

const ref = (id: string): KeyRef => ({ channel: 'jawOpen', keyId: id as KeyframeId });
const doc = () => documentWith({ jawOpen: [key('a', 0, 0), key('b', 1, 1), key('c', 2, 0)] });
const jaw = (d: ReturnType<typeof doc>) => channelKeys(d, 'jawOpen');

describe('handle edits', () => {
  it('dragging an auto-clamped handle makes the key aligned: the other handle follows in line, the curve changes between the keys', () => {
    const before = doc();
    const after = applyEdit(before, setKeyHandle(ref('a'), 'right', { dtSec: 0.3, dValue: 0.6 }), LATER);
    const a = jaw(after)[0];
    expect(a.handleMode).toBe('aligned');
    expect(a.rightHandle).toEqual({ dtSec: 0.3, dValue: 0.6 });
    expect(a.leftHandle.dValue / a.leftHandle.dtSec).toBeCloseTo(2, 12);
    expect(evaluateChannel(jaw(after), 0.25)).toBeGreaterThan(evaluateChannel(jaw(before), 0.25) + 0.05);
    // Keys elsewhere and the other channels are the same objects.
    expect(jaw(after)[2]).toBe(jaw(before)[2]);
  });

  it('a free key keeps its other handle; a handle cannot cross its key in time', () => {
    const free = applyEdit(doc(), setKeysHandleMode([ref('b')], 'free'), LATER);
    const bBefore = jaw(free)[1];
    const dragged = applyEdit(free, setKeyHandle(ref('b'), 'left', { dtSec: 0.4, dValue: 0.2 }), LATER);
    const b = jaw(dragged)[1];
    expect(b.leftHandle).toEqual({ dtSec: 0, dValue: 0.2 });
    expect(b.rightHandle).toEqual(bBefore.rightHandle);
  });

  it('changing the handle mode to free bakes the handles: the curve does not move', () => {
    const before = doc();
    const after = applyEdit(before, setKeysHandleMode([ref('a'), ref('b'), ref('c')], 'free'), LATER);
    for (const t of [0.2, 0.7, 1.3]) expect(evaluateChannel(jaw(after), t)).toBeCloseTo(evaluateChannel(jaw(before), t), 12);
    expect(jaw(after).every((k) => k.handleMode === 'free')).toBe(true);
    expect(applyEdit(after, setKeysHandleMode([ref('a')], 'free'), LATER)).toBe(after);
  });

  it('an ease preset shapes the segment after the key as that CSS curve', () => {
    const after = applyEdit(doc(), applyEasePreset([ref('a')], 'easeInOut'), LATER);
    const keys = jaw(after);
    expect(resolveHandles(keys, 0).right).toEqual({ dtSec: EASE_PRESETS.easeInOut[0], dValue: 0 });
    expect(resolveHandles(keys, 1).left).toEqual({ dtSec: EASE_PRESETS.easeInOut[2] - 1, dValue: 0 });
    expect(evaluateChannel(keys, 0.5)).toBeCloseTo(0.5, 9);
    expect(evaluateChannel(keys, 0.2)).toBeLessThan(0.2);
  });
});

describe('multi-key transforms', () => {
  it('scales times around the pivot with the handles, never before 0 s', () => {
    const after = applyEdit(doc(), scaleKeysTime([ref('b'), ref('c')], 1, 2), LATER);
    expect(jaw(after).map((k) => k.timeSec)).toEqual([0, 1, 3]);
    const squeezed = applyEdit(doc(), scaleKeysTime([ref('a'), ref('b'), ref('c')], 2, 3), LATER);
    expect(Math.min(...jaw(squeezed).map((k) => k.timeSec))).toBe(0);
    expect(jaw(squeezed).map((k) => k.timeSec)).toEqual([0, 1, 2].map((t) => 2 + (t - 2) * 1));
  });

  it('offsets values, and an offset of 0 changes nothing', () => {
    const after = applyEdit(doc(), offsetKeysValue([ref('a'), ref('c')], 0.25), LATER);
    expect(jaw(after).map((k) => k.value)).toEqual([0.25, 1, 0.25]);
    const same = doc();
    expect(applyEdit(same, offsetKeysValue([ref('a')], 0), LATER)).toBe(same);
  });
});
