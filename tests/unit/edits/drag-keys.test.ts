import { describe, expect, it } from 'vitest';
import { channelsMovedByDrag, describeDragKeys, DRAG_KEY_MIN_DEG } from '../../../src-shared/edits/drag-keys';

describe('channelsMovedByDrag', () => {
  it('keys only yaw for a drag that is mostly sideways (the +6 deg pitch of the issue is drift)', () => {
    expect(channelsMovedByDrag({ yawDeg: 30, pitchDeg: 6 })).toEqual(['yawDeg']);
  });

  it('keys both channels of a diagonal drag', () => {
    expect(channelsMovedByDrag({ yawDeg: 20, pitchDeg: -12 })).toEqual(['yawDeg', 'pitchDeg']);
  });

  it('keys nothing below the minimum turn, even as the largest', () => {
    expect(channelsMovedByDrag({ yawDeg: DRAG_KEY_MIN_DEG - 0.1, pitchDeg: 0 })).toEqual([]);
    expect(channelsMovedByDrag({ yawDeg: DRAG_KEY_MIN_DEG, pitchDeg: 0 })).toEqual(['yawDeg']);
  });

  it('drops a channel the drag stopped turning', () => {
    expect(channelsMovedByDrag({ yawDeg: 10, pitchDeg: 9 })).toEqual(['yawDeg', 'pitchDeg']);
    expect(channelsMovedByDrag({ yawDeg: 10, pitchDeg: 0.5 })).toEqual(['yawDeg']);
  });

  it('keys roll alone when that is all the drag turns', () => {
    expect(channelsMovedByDrag({ rollDeg: -8 })).toEqual(['rollDeg']);
  });
});

describe('describeDragKeys', () => {
  it('names each keyed channel with its value and the time', () => {
    expect(describeDragKeys([{ channel: 'yawDeg', value: 25 }], '0:01.000')).toBe('Keyed yaw +25.0° at 0:01.000');
    expect(describeDragKeys([{ channel: 'yawDeg', value: 12 }, { channel: 'pitchDeg', value: -4.5 }], '0:00.500')).toBe('Keyed yaw +12.0°, pitch -4.5° at 0:00.500');
  });

  it('says when nothing was keyed', () => {
    expect(describeDragKeys([], '0:00.000')).toBe('The drag was too small to key anything');
  });
});
