// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { FACE_PARAM_NAMES, paramTrack } from '../../src-shared/face/face-param-track.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import { layersValueAt } from '../../src-shared/project/derived.js';
import { cubicBezierY, EASE_PRESETS, evaluateChannel } from '../../src-shared/keyframes/interpolate.js';
import type { BezierHandles, Keyframe, KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema.js';

const key = (timeSec: number, value: number, interp: Keyframe['interp'] = 'linear', handles: BezierHandles = EASE_PRESETS.ease): Keyframe =>
  ({ id: `k${timeSec}`, timeSec, value, interp, handles }) as Keyframe;

describe('keyframe interpolation', () => {
  it('holds before the first and after the last key, and is 0 without keys', () => {
    const keys = [key(1, 10), key(2, 20)];
    expect(evaluateChannel(keys, 0)).toBe(10);
    expect(evaluateChannel(keys, 5)).toBe(20);
    expect(evaluateChannel([], 1)).toBe(0);
  });

  it('interpolates linear, hold and bezier segments', () => {
    expect(evaluateChannel([key(0, 0), key(2, 10)], 0.5)).toBe(2.5);
    expect(evaluateChannel([key(0, 0, 'hold'), key(2, 10)], 1.99)).toBe(0);
    const eased = evaluateChannel([key(0, 0, 'bezier', EASE_PRESETS.easeInOut), key(1, 10)], 0.25);
    expect(eased).toBeGreaterThan(0);
    expect(eased).toBeLessThan(2.5); // ease-in-out starts slower than linear
    expect(evaluateChannel([key(0, 0, 'bezier', EASE_PRESETS.easeInOut), key(1, 10)], 0.5)).toBeCloseTo(5, 5);
  });

  it('solves CSS cubic-beziers like browsers do', () => {
    expect(cubicBezierY(EASE_PRESETS.linear, 0.3)).toBeCloseTo(0.3, 5);
    // CSS `ease` at x = 0.5 is about 0.8024.
    expect(cubicBezierY(EASE_PRESETS.ease, 0.5)).toBeCloseTo(0.8024, 3);
  });
});

describe('layer composition over the generated track', () => {
  const generated: FaceParamTrack = paramTrack(
    10,
    30,
    Object.fromEntries(FACE_PARAM_NAMES.map((n) => [n, new Float32Array(30).fill(n === 'jawOpen' ? 0.2 : 0)])) as FaceParamTrack['params'],
    new Float32Array(30 * 6).fill(1),
  );
  const layer = (over: Partial<KeyframeLayer>): KeyframeLayer => ({ id: 'l1', name: 'L', enabled: true, channels: {}, ...over }) as KeyframeLayer;

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
});
