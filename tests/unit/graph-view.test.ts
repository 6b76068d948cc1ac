// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extentOf, frameExtent, graphMapping, niceTicks, pan, zoomTime, zoomValue } from '../../src-renderer/components/graph-view';

describe('graph editor view', () => {
  it('frames an extent with padding, and gives a flat extent a minimum value span', () => {
    const view = frameExtent({ startSec: 1, endSec: 3, minValue: -1, maxValue: 1 }, 0.1, 0.1);
    expect(view).toEqual({ startSec: 0.8, endSec: 3.2, minValue: -1.2, maxValue: 1.2 });
    const flat = frameExtent({ startSec: 1, endSec: 1, minValue: 5, maxValue: 5 }, 2, 0);
    expect(flat.maxValue - flat.minValue).toBe(2);
    expect(flat.endSec - flat.startSec).toBeCloseTo(0.2, 12);
    expect(extentOf([])).toBeNull();
    expect(extentOf([[2, 1], [0, -3], [1, 4]])).toEqual({ startSec: 0, endSec: 2, minValue: -3, maxValue: 4 });
  });

  it('zooms around an anchor on each axis and pans both', () => {
    const view = { startSec: 0, endSec: 10, minValue: -1, maxValue: 1 };
    expect(zoomTime(view, 2, 4)).toEqual({ startSec: 2, endSec: 7, minValue: -1, maxValue: 1 });
    expect(zoomValue(view, 0.5, 0)).toEqual({ startSec: 0, endSec: 10, minValue: -2, maxValue: 2 });
    expect(pan(view, 1, 0.5)).toEqual({ startSec: 1, endSec: 11, minValue: -0.5, maxValue: 1.5 });
  });

  it('maps time and value to pixels and back (value up)', () => {
    const m = graphMapping({ startSec: 0, endSec: 10, minValue: -1, maxValue: 1 }, 500, 200);
    expect(m.x(5)).toBe(250);
    expect(m.y(1)).toBe(0);
    expect(m.y(-1)).toBe(200);
    expect(m.timeAt(m.x(3.3))).toBeCloseTo(3.3, 12);
    expect(m.valueAt(m.y(0.25))).toBeCloseTo(0.25, 12);
  });

  it('puts ticks 1, 2 or 5 x 10^k apart', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-23, 48, 4)).toEqual([-20, 0, 20, 40]);
    expect(niceTicks(1, 1, 4)).toEqual([]);
  });
});
