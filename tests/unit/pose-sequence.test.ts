// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNpy } from '../../src-shared/formats/npy.js';
import { findEmphasis, generateHeadMotion } from '../../src-shared/motion/head-motion.js';
import { generateEyeBrowMotion } from '../../src-shared/motion/eye-brow-motion.js';
import { loopPoseMirrored, smoothSequence } from '../../src-shared/motion/pose-sequence.js';
import { fixture, present } from '../helpers/fixtures.js';
import { npyBytes } from '../helpers/npy.js';

const POSE_TEMP_NPY = fixture('pose_temp.npy');

describe('pose sequences', () => {
  it("smooths like AniPortrait's smooth_pose_seq (Appendix C vector)", () => {
    expect([...smoothSequence(Float32Array.from({ length: 10 }, (_, i) => i), 1, 7)]).toEqual([1.5, 2, 2.5, 3, 4, 5, 6, 6.5, 7, 7.5]);
  });

  it('loops a template mirrored: forwards, then backwards without its end frames', () => {
    const template = Float32Array.from({ length: 4 * 6 }, (_, i) => Math.floor(i / 6));
    const looped = loopPoseMirrored(template, 9);
    expect(Array.from({ length: 9 }, (_, f) => looped[f * 6])).toEqual([0, 1, 2, 3, 2, 1, 0, 1, 2]);
  });

  it('parses .npy files and rejects broken ones with a reason', () => {
    const parsed = parseNpy(npyBytes([2, 6], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(parsed.shape).toEqual([2, 6]);
    expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(() => parseNpy(new Uint8Array([1, 2, 3]))).toThrow(/magic/);
    expect(() => parseNpy(npyBytes([2, 6], [1, 2, 3]))).toThrow(/truncated/);
  });

  it.skipIf(!POSE_TEMP_NPY)("reads AniPortrait's pose_temp.npy (Appendix C first row)", () => {
    const path = present(POSE_TEMP_NPY);
    const parsed = parseNpy(new Uint8Array(readFileSync(path)));
    expect(parsed.shape).toEqual([165, 6]);
    const first = [-3.761, -1.6013, 0.4194, -0.2465, 0.1776, -0.0468];
    first.forEach((v, k) => expect(parsed.data[k]).toBeCloseTo(v, 3));
  });
});

describe('generated head, eye and brow motion', () => {
  const fps = 30;
  const frameCount = 30 * 20;
  // Syllable-like bursts: 0.2 s loud, 0.15 s quiet, with a pause in the middle.
  const loudness = Float32Array.from({ length: frameCount }, (_, f) => (f > 280 && f < 340 ? 0 : (f % 10) < 6 ? 0.8 : 0.1));

  it('stays within natural ranges, like pose_temp.npy', () => {
    const poses = generateHeadMotion({ fps, frameCount, loudness, seed: 7 });
    const range = (k: number) => {
      const v = Array.from({ length: frameCount }, (_, f) => poses[f * 6 + k]);
      return Math.max(...v) - Math.min(...v);
    };
    expect(range(0)).toBeGreaterThan(1);
    expect(range(0)).toBeLessThan(10);
    expect(range(1)).toBeLessThan(9);
    expect(range(2)).toBeLessThan(5);
    for (const k of [3, 4, 5]) expect(range(k)).toBeLessThan(1.5);
    // No frame-to-frame jumps: smoothed like AniPortrait's output.
    for (let f = 1; f < frameCount; f++) expect(Math.abs(poses[f * 6] - poses[(f - 1) * 6])).toBeLessThan(0.6);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = generateHeadMotion({ fps, frameCount, loudness, seed: 1 });
    expect(generateHeadMotion({ fps, frameCount, loudness, seed: 1 })).toEqual(a);
    expect(generateHeadMotion({ fps, frameCount, loudness, seed: 2 })).not.toEqual(a);
  });

  it('blinks every few seconds, fully closing, and raises brows only on emphasis', () => {
    const emphasis = findEmphasis(loudness, fps);
    expect(emphasis.frames.length).toBeGreaterThan(5);
    const { blinkLeft, blinkRight, browRaise } = generateEyeBrowMotion(fps, frameCount, emphasis, 3);
    let blinks = 0;
    for (let f = 1; f < frameCount; f++) if (blinkLeft[f] > 0.5 && blinkLeft[f - 1] <= 0.5) blinks++;
    expect(blinks).toBeGreaterThanOrEqual(3);
    expect(blinks).toBeLessThanOrEqual(12);
    expect(Math.max(...blinkLeft)).toBeGreaterThan(0.85);
    expect(Math.max(...blinkRight)).toBeGreaterThan(0.85);
    const quiet = findEmphasis(new Float32Array(frameCount), fps);
    expect(Math.max(...generateEyeBrowMotion(fps, frameCount, quiet, 3).browRaise)).toBe(0);
    expect(browRaise.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});
