// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contextWindows } from '../../src-shared/diffusion/context-windows.js';
import { ddimStepCoefficients, ddimStepInPlace, ddimTimesteps, rescaledAlphasCumprod } from '../../src-shared/diffusion/ddim-schedule.js';
import { filmSchedule, interpolatedLength, torchLinspace } from '../../src-shared/diffusion/film-schedule.js';
import { fromFloat16Bits, roundToFloat16, toFloat16Bits } from '../../src-shared/math/float16.js';

describe('DDIM schedule (docs/aniportrait-engine.md §3.6)', () => {
  const alphas = rescaledAlphasCumprod();

  it('rescales to zero terminal SNR with the reference alphas', () => {
    expect(alphas[999]).toBe(0);
    expect(alphas[959]).toBeCloseTo(1.2253e-4, 7);
    expect(alphas[519]).toBeCloseTo(0.12316, 4);
    expect(alphas[39]).toBeCloseTo(0.95649, 4);
    expect(alphas[0]).toBeCloseTo(0.99915, 5);
  });

  it('uses trailing timesteps with round-half-even', () => {
    const t25 = ddimTimesteps(25);
    expect(t25).toHaveLength(25);
    expect(t25[0]).toBe(999);
    expect(t25[1]).toBe(959);
    expect(t25.at(-1)).toBe(39);
    // 1000/16 = 62.5: arange gives 1000, 937.5, 875, ... and 937.5 rounds to 938 (even), 812.5 to 812.
    const t16 = ddimTimesteps(16);
    expect(t16.slice(0, 4)).toEqual([999, 937, 874, 811]);
  });

  it('steps to prev = t - floor(1000/S) and uses alpha 1 below zero', () => {
    expect(ddimStepCoefficients(alphas, 39, 25)).toEqual({ alphaBar: alphas[39], alphaBarPrev: 1 });
    expect(ddimStepCoefficients(alphas, 999, 25).alphaBarPrev).toBe(alphas[959]);
    expect(ddimStepCoefficients(alphas, 937, 16).alphaBarPrev).toBe(alphas[875]);
  });

  it('a v-prediction step recovers x0 on the last step', () => {
    const a = alphas[39];
    const x0 = 0.7;
    const eps = -0.2;
    const x = Math.sqrt(a) * x0 + Math.sqrt(1 - a) * eps;
    const v = Math.sqrt(a) * eps - Math.sqrt(1 - a) * x0;
    const sample = new Float32Array([x]);
    ddimStepInPlace(sample, new Float32Array([v]), ddimStepCoefficients(alphas, 39, 25));
    expect(sample[0]).toBeCloseTo(x0, 5);
  });
});

describe('context windows (docs/aniportrait-engine.md §3.4)', () => {
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  it('wraps around the clip', () => {
    expect(contextWindows(40)).toEqual([range(0, 16), range(12, 28), range(24, 40), [...range(36, 40), ...range(0, 12)]]);
    expect(contextWindows(17)).toEqual([range(0, 16), [...range(12, 17), ...range(0, 11)]]);
  });
  it('is one window for short clips', () => {
    expect(contextWindows(5)).toEqual([range(0, 5)]);
    expect(contextWindows(16)).toEqual([range(0, 16)]);
  });
});

describe('FILM schedule (docs/aniportrait-engine.md §4.2)', () => {
  it('computes linspace as torch does (the second half from the end)', () => {
    // torch.linspace(0, 1, 4) and (0, 1, 6) in float32, printed by PyTorch 2.13.
    expect(torchLinspace(0, 1, 4)).toEqual([0, 0.3333333432674408, 0.6666666269302368, 1]);
    expect(torchLinspace(0, 1, 6)).toEqual([0, 0.20000000298023224, 0.4000000059604645, 0.6000000238418579, 0.800000011920929, 1]);
  });
  it('fills two frames as AniPortrait does: frame 2 first (dt 0.66650390625), then frame 1 (dt 0.5)', () => {
    // torch's 2/3 lies a hair below the exact value, so frame 2 is nearer the middle (parity test, §7).
    expect(filmSchedule(3)).toEqual([
      { left: 0, right: 3, target: 2, dt: 0.66650390625 },
      { left: 0, right: 2, target: 1, dt: 0.5 },
    ]);
  });
  it('fills one frame at the middle and three frames middle first', () => {
    expect(filmSchedule(2)).toEqual([{ left: 0, right: 2, target: 1, dt: 0.5 }]);
    expect(filmSchedule(4).map((c) => [c.left, c.right, c.target, c.dt])).toEqual([
      [0, 4, 2, 0.5],
      [0, 2, 1, 0.5],
      [2, 4, 3, 0.5],
    ]);
    expect(filmSchedule(1)).toEqual([]);
  });
  it('restores (N-1)*step+1 frames', () => {
    expect(interpolatedLength(20, 3)).toBe(58);
    expect(interpolatedLength(1, 3)).toBe(1);
  });
});

describe('float16', () => {
  it('rounds to nearest even and round-trips', () => {
    expect(roundToFloat16(1 / 3)).toBe(0.333251953125);
    expect(fromFloat16Bits(toFloat16Bits(65504))).toBe(65504);
    expect(fromFloat16Bits(toFloat16Bits(1e6))).toBe(Infinity);
    expect(roundToFloat16(2 ** -24)).toBe(2 ** -24);
    expect(roundToFloat16(-0.5)).toBe(-0.5);
    expect(roundToFloat16(1 + 2 ** -11)).toBe(1); // tie -> even
    expect(roundToFloat16(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9);
  });
});
