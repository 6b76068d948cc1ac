// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src-shared/edits/document-edit';
import { clearLoop, loopWrap, setLoopEnabled, setLoopIn, setLoopOut, withinLoop } from '../../../src-shared/edits/loop-edits';
import { projectDocumentSchema } from '../../../src-shared/project/project-schema';
import { LATER, newDocument } from './edit-fixtures';

describe('loop range edits', () => {
  it('I then O set the range (on); I alone runs to the end, O alone starts at 0', () => {
    const inOnly = applyEdit(newDocument(), setLoopIn(1, 5), LATER);
    expect(inOnly.loop).toEqual({ inSec: 1, outSec: 5, enabled: true });
    const both = applyEdit(inOnly, setLoopOut(3), LATER);
    expect(both.loop).toEqual({ inSec: 1, outSec: 3, enabled: true });
    expect(applyEdit(newDocument(), setLoopOut(2), LATER).loop).toEqual({ inSec: 0, outSec: 2, enabled: true });
    // An in point after the out point keeps the range valid: it runs to the end instead.
    expect(applyEdit(both, setLoopIn(4, 5), LATER).loop).toEqual({ inSec: 4, outSec: 5, enabled: true });
    expect(applyEdit(both, setLoopOut(0.5), LATER).loop).toEqual({ inSec: 0, outSec: 0.5, enabled: true });
    expect(projectDocumentSchema.safeParse(both).success).toBe(true);
  });

  it('toggles, clears, and changes nothing when nothing changes', () => {
    const on = applyEdit(newDocument(), setLoopEnabled(true, 4), LATER);
    expect(on.loop).toEqual({ inSec: 0, outSec: 4, enabled: true });
    const off = applyEdit(on, setLoopEnabled(false, 4), LATER);
    expect(off.loop?.enabled).toBe(false);
    expect(applyEdit(off, setLoopEnabled(false, 4), LATER)).toBe(off);
    expect(applyEdit(off, clearLoop(), LATER).loop).toBeNull();
  });

  it('wraps playback at the out point forwards and at the in point backwards, only while enabled', () => {
    const loop = { inSec: 1, outSec: 2, enabled: true };
    expect(loopWrap(loop, 2.01, 1)).toBe(1);
    expect(loopWrap(loop, 1.5, 1)).toBeNull();
    expect(loopWrap(loop, 0.99, -1)).toBe(2);
    expect(loopWrap({ ...loop, enabled: false }, 2.5, 1)).toBeNull();
    expect(loopWrap(null, 2.5, 1)).toBeNull();
  });

  it('keeps the playing playhead inside the loop (an audio clock a hair before the in point after a wrap)', () => {
    const loop = { inSec: 20 / 30, outSec: 50 / 30, enabled: true };
    expect(withinLoop(loop, 20 / 30 - 1e-5)).toBe(20 / 30);
    expect(withinLoop(loop, 1)).toBe(1);
    expect(withinLoop(loop, 2)).toBe(50 / 30);
    expect(withinLoop({ ...loop, enabled: false }, 0.1)).toBe(0.1);
    expect(withinLoop(null, 0.1)).toBe(0.1);
  });
});
