// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AUTO_HANDLE_DIVISOR, bakeHandles, resolveHandles } from '../../src-shared/keyframes/bezier-handles.js';
import { evaluateChannel } from '../../src-shared/keyframes/interpolate.js';
import type { Keyframe, KeyHandle } from '../../src-shared/keyframes/keyframe-schema.js';

const ZERO: KeyHandle = { dtSec: 0, dValue: 0 };
const key = (timeSec: number, value: number, mode: Keyframe['handleMode'] = 'auto-clamped', left = ZERO, right = ZERO): Keyframe =>
  ({ id: `k${timeSec}`, timeSec, value, interp: 'bezier', handleMode: mode, leftHandle: left, rightHandle: right }) as Keyframe;
const R = AUTO_HANDLE_DIVISOR;

describe('bezier handle modes (Blender rules)', () => {
  it('auto: the tangent is the mean of the neighbouring slopes, each handle reaching span / 2.5614', () => {
    // Slopes 1 (0..1 s) and 2 (1..2 s): mean 1.5.
    const keys = [key(0, 0, 'auto'), key(1, 1, 'auto'), key(2, 3, 'auto')];
    const { left, right } = resolveHandles(keys, 1);
    expect(left.dtSec).toBeCloseTo(-1 / R, 12);
    expect(left.dValue).toBeCloseTo(-1.5 / R, 12);
    expect(right.dtSec).toBeCloseTo(1 / R, 12);
    expect(right.dValue).toBeCloseTo(1.5 / R, 12);
    // A span more than 5x the other is capped at 5x.
    const uneven = resolveHandles([key(0, 0, 'auto'), key(1, 1, 'auto'), key(11, 2, 'auto')], 1);
    expect(uneven.right.dtSec).toBeCloseTo(5 / R, 12);
  });

  it('auto and auto-clamped: the first and last keys have flat handles (the value holds beyond them)', () => {
    const keys = [key(0, 0, 'auto'), key(1, 1, 'auto')];
    expect(resolveHandles(keys, 0).right).toEqual({ dtSec: 1 / R, dValue: 0 });
    expect(resolveHandles(keys, 1).left).toEqual({ dtSec: -1 / R, dValue: 0 });
    // Two auto-clamped keys: a symmetric ease whose midpoint is halfway.
    expect(evaluateChannel([key(0, 0), key(2, 10)], 1)).toBeCloseTo(5, 9);
    expect(evaluateChannel([key(0, 0), key(2, 10)], 0.5)).toBeLessThan(2.5);
  });

  it('auto-clamped: flat at a local extreme, where plain auto is not', () => {
    const peak = [key(0, 0), key(1, 1), key(2, 0.5)];
    expect(resolveHandles(peak, 1).left.dValue).toBe(0);
    expect(resolveHandles(peak, 1).right.dValue).toBe(0);
    const autoPeak = peak.map((k) => ({ ...k, handleMode: 'auto' as const }));
    expect(resolveHandles(autoPeak, 1).right.dValue).toBeCloseTo(((1 - 0.5) / 2) * (1 / R), 12);
    // The curve never rises above the peak key.
    for (let t = 0; t <= 2; t += 0.05) expect(evaluateChannel(peak, t)).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('auto-clamped: a handle stops at its neighbour\'s value and the other stays in line', () => {
    // Slopes 1 and 0.05: mean 0.525; the right handle (reach 2 / R) would end at 1 + 0.41 > 1.1.
    const keys = [key(0, 0), key(1, 1), key(3, 1.1)];
    const { left, right } = resolveHandles(keys, 1);
    expect(right).toEqual({ dtSec: 2 / R, dValue: expect.closeTo(0.1, 12) as number });
    expect(left.dtSec).toBeCloseTo(-1 / R, 12);
    expect(left.dValue / left.dtSec).toBeCloseTo(right.dValue / right.dtSec, 12);
    const unclamped = resolveHandles(keys.map((k) => ({ ...k, handleMode: 'auto' as const })), 1);
    expect(unclamped.right.dValue).toBeCloseTo(0.525 * (2 / R), 12);
  });

  it('vector: each handle points a third of the way at its neighbour', () => {
    const keys = [key(0, 0), key(3, 6, 'vector'), key(6, 0)];
    expect(resolveHandles(keys, 1)).toEqual({ left: { dtSec: -1, dValue: -2 }, right: { dtSec: 1, dValue: -2 } });
    // Vector handles on both ends of a segment make it a straight line.
    const straight = [key(0, 0, 'vector'), key(3, 6, 'vector')];
    expect(evaluateChannel(straight, 1)).toBeCloseTo(2, 9);
  });

  it('aligned and free: the stored handles; baking keeps the curve while changing the mode', () => {
    const free = key(1, 1, 'free', { dtSec: -0.2, dValue: 0.7 }, { dtSec: 0.3, dValue: 0.1 });
    const keys = [key(0, 0), free, key(2, 0)];
    expect(resolveHandles(keys, 1)).toEqual({ left: free.leftHandle, right: free.rightHandle });
    const auto = [key(0, 0), key(1, 1, 'auto'), key(2, 3)];
    const baked = bakeHandles(auto, 1, 'free');
    const bakedKeys = [auto[0], baked, auto[2]];
    for (const t of [0.3, 0.9, 1.4]) expect(evaluateChannel(bakedKeys, t)).toBeCloseTo(evaluateChannel(auto, t), 12);
  });
});
