// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { FACE_PARAM_NAMES, paramTrack } from '../../src-shared/face/face-param-track.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import { layersValueAt } from '../../src-shared/project/derived.js';
import { cssBezierHandles, EASE_PRESETS, evaluateChannel, segmentValue } from '../../src-shared/keyframes/interpolate.js';
import type { Keyframe, KeyframeLayer, KeyHandle } from '../../src-shared/keyframes/keyframe-schema.js';

const ZERO: KeyHandle = { dtSec: 0, dValue: 0 };
const key = (timeSec: number, value: number, interp: Keyframe['interp'] = 'linear', mode: Keyframe['handleMode'] = 'auto-clamped', left = ZERO, right = ZERO): Keyframe =>
  ({ id: `k${timeSec}`, timeSec, value, interp, handleMode: mode, leftHandle: left, rightHandle: right }) as Keyframe;

/** A two-key bezier segment shaped as the CSS cubic-bezier `css`. */
function cssSegment(css: readonly [number, number, number, number], a: [number, number], b: [number, number]): Keyframe[] {
  const { right, left } = cssBezierHandles(css, { timeSec: a[0], value: a[1] }, { timeSec: b[0], value: b[1] });
  return [key(a[0], a[1], 'bezier', 'free', ZERO, right), key(b[0], b[1], 'bezier', 'free', left, ZERO)];
}

describe('keyframe interpolation', () => {
  it('holds before the first and after the last key, and is 0 without keys', () => {
    const keys = [key(1, 10), key(2, 20)];
    expect(evaluateChannel(keys, 0)).toBe(10);
    expect(evaluateChannel(keys, 5)).toBe(20);
    expect(evaluateChannel([], 1)).toBe(0);
  });

  it('interpolates linear and hold segments', () => {
    expect(evaluateChannel([key(0, 0), key(2, 10)], 0.5)).toBe(2.5);
    expect(evaluateChannel([key(0, 0, 'hold'), key(2, 10)], 1.99)).toBe(0);
  });

  it('gives the known values of CSS cubic-beziers when the handles are the CSS control points', () => {
    // CSS `ease` at x = 0.5 is 0.8024033876 (solved to 1e-15 by bisection); ease-in-out is symmetric.
    expect(evaluateChannel(cssSegment(EASE_PRESETS.ease, [0, 0], [1, 1]), 0.5)).toBeCloseTo(0.8024034, 6);
    expect(evaluateChannel(cssSegment(EASE_PRESETS.easeInOut, [0, 0], [1, 10]), 0.5)).toBeCloseTo(5, 6);
    expect(evaluateChannel(cssSegment(EASE_PRESETS.linear, [2, 4], [4, 8]), 3.3)).toBeCloseTo(6.6, 6);
    // Over any span and value change: ease-in at x = 0.25 of (1 s .. 3 s, 10 .. -10).
    const easeIn = cssSegment(EASE_PRESETS.easeIn, [1, 10], [3, -10]);
    expect(evaluateChannel(easeIn, 1.5)).toBeCloseTo(10 - 20 * evaluateChannel(cssSegment(EASE_PRESETS.easeIn, [0, 0], [1, 1]), 0.25), 9);
  });

  it('evaluates a bezier from its four control points (x linear in t when the handles reach 1/3)', () => {
    // P0 (0, 0), P1 (1, 0), P2 (2, 3), P3 (3, 3): x(t) = 3t, so at 1.5 s t = 0.5 and y = 3 (3 u t^2 + t^3) = 1.5.
    expect(segmentValue({ timeSec: 0, value: 0 }, { dtSec: 1, dValue: 0 }, { timeSec: 3, value: 3 }, { dtSec: -1, dValue: 0 }, 1.5)).toBeCloseTo(1.5, 9);
    // At 1 s: t = 1/3, y = 3 u t^2 (3) + t^3 (3) = 9 (2/3)(1/9) + 3/27 = 7/9.
    expect(segmentValue({ timeSec: 0, value: 0 }, { dtSec: 1, dValue: 0 }, { timeSec: 3, value: 3 }, { dtSec: -1, dValue: 0 }, 1)).toBeCloseTo(7 / 9, 9);
    // Handles that overshoot make the curve overshoot: P1 (1, 6) bulges above the end value.
    expect(segmentValue({ timeSec: 0, value: 0 }, { dtSec: 1, dValue: 6 }, { timeSec: 3, value: 3 }, { dtSec: -1, dValue: 0 }, 1.5)).toBeGreaterThan(3);
  });

  it('keeps the curve a function of time when a handle reaches past the segment (scaled along itself)', () => {
    const long = segmentValue({ timeSec: 0, value: 0 }, { dtSec: 4, dValue: 8 }, { timeSec: 2, value: 2 }, { dtSec: 0, dValue: 0 }, 1);
    const scaled = segmentValue({ timeSec: 0, value: 0 }, { dtSec: 2, dValue: 4 }, { timeSec: 2, value: 2 }, { dtSec: 0, dValue: 0 }, 1);
    expect(long).toBeCloseTo(scaled, 9);
  });
});

describe('layer composition over the generated track', () => {
  const generated: FaceParamTrack = paramTrack(
    10,
    30,
    Object.fromEntries(FACE_PARAM_NAMES.map((n) => [n, new Float32Array(30).fill(n === 'jawOpen' ? 0.2 : 0)])) as FaceParamTrack['params'],
    new Float32Array(30 * 6).fill(1),
  );
  const layer = (over: Partial<KeyframeLayer>): KeyframeLayer => ({ id: 'l1', name: 'L', enabled: true, solo: false, weight: 1, channels: {}, ...over }) as KeyframeLayer;

  it('adds pose and expression keys frame by frame and leaves the generated track untouched', () => {
    const layers = [layer({ channels: { yawDeg: [key(0, 0), key(1, 10)], jawOpen: [key(2, 0.5, 'hold')] } })];
    const final = composeLayers(generated, layers);
    expect(final.poses[5 * 6 + 1]).toBeCloseTo(1 + 5, 5); // yaw at 0.5 s: 1 generated + 5 keyed
    expect(final.poses[5 * 6 + 0]).toBe(1); // pitch untouched
    expect(final.params.jawOpen[25]).toBeCloseTo(0.7, 5);
    expect(generated.poses[5 * 6 + 1]).toBe(1);
    expect(generated.params.jawOpen[25]).toBeCloseTo(0.2, 5);
  });

  it('skips disabled layers, stacks enabled ones, and survives unsorted keys', () => {
    const layers = [
      layer({ id: 'a' as never, channels: { rollDeg: [key(1, 4), key(0, 2)] } }),
      layer({ id: 'b' as never, channels: { rollDeg: [key(0, 3)] } }),
      layer({ id: 'c' as never, enabled: false, channels: { rollDeg: [key(0, 100)] } }),
    ];
    const final = composeLayers(generated, layers);
    expect(final.poses[0 * 6 + 2]).toBeCloseTo(1 + 2 + 3, 5);
    expect(final.poses[10 * 6 + 2]).toBeCloseTo(1 + 4 + 3, 5);
    expect(layersValueAt(layers, 'rollDeg', 0)).toBe(5);
    expect(composeLayers(generated, [])).toBe(generated);
  });

  it('weights a layer, and while a layer is soloed only the soloed ones compose', () => {
    const a = layer({ id: 'a' as never, weight: 0.5, channels: { rollDeg: [key(0, 4)] } });
    const b = layer({ id: 'b' as never, channels: { rollDeg: [key(0, 3)] } });
    expect(layersValueAt([a, b], 'rollDeg', 0)).toBe(2 + 3);
    expect(composeLayers(generated, [a, b]).poses[2]).toBeCloseTo(1 + 2 + 3, 5);
    const soloB = { ...b, solo: true };
    expect(layersValueAt([a, soloB], 'rollDeg', 0)).toBe(3);
    expect(composeLayers(generated, [a, soloB]).poses[2]).toBeCloseTo(1 + 3, 5);
    // A soloed layer without keys still silences the others; a muted soloed layer does not count.
    const emptySolo = layer({ id: 'c' as never, solo: true });
    expect(composeLayers(generated, [a, b, emptySolo])).toBe(generated);
    expect(layersValueAt([a, b, { ...emptySolo, enabled: false }], 'rollDeg', 0)).toBe(5);
    expect(layersValueAt([{ ...a, weight: 0 }], 'rollDeg', 0)).toBe(0);
  });
});
