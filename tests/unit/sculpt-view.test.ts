import { describe, expect, it } from 'vitest';
import { newKey } from '../../src-shared/edits/keyframe-edits';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import type { KeyframeId, LayerId } from '../../src-shared/util/ids';
import { combinePick, insidePolygon, nearestPoint, parseLandmarkNumbers, pickModeOf, pointsInBox, pointsInLasso } from '../../src-renderer/util/landmark-pick';
import { keyFrames, onionGhosts } from '../../src-renderer/util/onion-frames';

const layer = (id: string, channels: KeyframeLayer['channels'], enabled = true): KeyframeLayer => ({ id: id as LayerId, name: id, enabled, solo: false, weight: 1, channels });
const k = (id: string, t: number) => newKey(id as KeyframeId, t, 0.5);

describe('onion skin by frames or by keys', () => {
  const layers = [
    layer('a', { jawOpen: [k('1', 0.1), k('2', 0.5), k('3', 1)], 'shape:shape_x': [k('4', 0.7)] }),
    layer('b', { smile: [k('5', 0.3), k('6', 0.5)] }),
    layer('muted', { smile: [k('7', 0.9)] }, false),
  ];

  it('collects the frames keys fall on in the composing layers, of some channels or of all, each once', () => {
    expect(keyFrames(layers, null, 10)).toEqual([1, 3, 5, 7, 10]);
    expect(keyFrames(layers, ['smile'], 10)).toEqual([3, 5]);
    expect(keyFrames(layers, ['shape:shape_x', 'jawOpen'], 10)).toEqual([1, 5, 7, 10]);
  });

  it('ghosts N frames a step apart, or the N key frames before and after, nearest first, inside the video', () => {
    expect(onionGhosts(4, 100, 2, { kind: 'frames', step: 2 })).toEqual([
      { frame: 2, direction: -1, k: 1 },
      { frame: 6, direction: 1, k: 1 },
      { frame: 0, direction: -1, k: 2 },
      { frame: 8, direction: 1, k: 2 },
    ]);
    const keys = { kind: 'keys' as const, keyFramesSorted: [1, 3, 5, 7, 10] };
    expect(onionGhosts(5, 100, 2, keys)).toEqual([
      { frame: 3, direction: -1, k: 1 },
      { frame: 1, direction: -1, k: 2 },
      { frame: 7, direction: 1, k: 1 },
      { frame: 10, direction: 1, k: 2 },
    ]);
    expect(onionGhosts(2, 9, 4, keys).map((g) => g.frame)).toEqual([1, 3, 5, 7]);
  });
});

describe('picking landmarks on screen', () => {
  // Four points: (10, 10), (20, 10), (20, 20), and a fourth on top of the first but nearer the camera.
  const screen = Float32Array.from([10, 10, 20, 10, 20, 20, 10.2, 10]);
  const depth = Float32Array.from([0.5, 0.5, 0.5, 0.4]);

  it('Shift adds, Alt or Ctrl removes, otherwise replaces', () => {
    expect(pickModeOf({ shiftKey: true, altKey: false, ctrlKey: false, metaKey: false })).toBe('add');
    expect(pickModeOf({ shiftKey: false, altKey: true, ctrlKey: false, metaKey: false })).toBe('remove');
    expect(pickModeOf({ shiftKey: false, altKey: false, ctrlKey: true, metaKey: false })).toBe('remove');
    expect(combinePick([3, 1], [2, 1], 'add')).toEqual([1, 2, 3]);
    expect(combinePick([3, 1], [1], 'remove')).toEqual([3]);
    expect(combinePick([3, 1], [2], 'replace')).toEqual([2]);
  });

  it('a click takes the nearest landmark within the radius, the nearer to the camera of two on top of each other', () => {
    expect(nearestPoint(screen, depth, 19, 11, 5)).toBe(1);
    expect(nearestPoint(screen, depth, 10, 10, 5)).toBe(3);
    expect(nearestPoint(screen, depth, 40, 40, 5)).toBeNull();
  });

  it('a click without X-ray takes only landmarks marked visible: a hidden one under the pointer gives way to a visible one near it, or to none', () => {
    const frontHidden = new Uint8Array(depth.length).fill(1);
    frontHidden[3] = 0;
    expect(nearestPoint(screen, depth, 10, 10, 5, frontHidden)).toBe(0);
    const noneVisible = new Uint8Array(depth.length);
    expect(nearestPoint(screen, depth, 19, 11, 5, noneVisible)).toBeNull();
  });

  it('a box and a lasso take the landmarks inside them', () => {
    expect(pointsInBox(screen, { x: 25, y: 15 }, { x: 15, y: 5 })).toEqual([1]);
    const triangle = [
      { x: 5, y: 5 },
      { x: 25, y: 5 },
      { x: 25, y: 25 },
    ];
    expect(insidePolygon(triangle, 20, 10)).toBe(true);
    expect(insidePolygon(triangle, 8, 20)).toBe(false);
    expect(pointsInLasso(screen, triangle)).toEqual([0, 1, 2, 3]);
    expect(pointsInLasso(screen, triangle.slice(0, 2))).toEqual([]);
  });

  it('reads landmark numbers typed in, or none when one is not a landmark', () => {
    expect(parseLandmarkNumbers(' 61, 291 13')).toEqual([61, 291, 13]);
    expect(parseLandmarkNumbers('61, 478')).toBeNull();
    expect(parseLandmarkNumbers('')).toBeNull();
  });
});
