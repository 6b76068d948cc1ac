// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFft, createRealPowerSpectrum } from '../../../src-shared/lipsync/fft.js';
import { analyzeLipSync, defaultVisemeProfiles, VISEME_CLASSES } from '../../../src-shared/lipsync/index.js';
import { chords, concat, mixed, noise, SAMPLE_RATE_HZ, silence, syntheticVowel } from './speech-audio.js';

const profiles = defaultVisemeProfiles();
const analyze = (samples: Float32Array, fps = 30) => analyzeLipSync(samples, { sampleRateHz: SAMPLE_RATE_HZ, fps, profiles });
const max = (values: Float32Array): number => values.reduce((a, v) => Math.max(a, v), -Infinity);

describe('lip sync on synthetic signals', () => {
  it('keeps the mouth closed in digital silence and in low noise', () => {
    for (const samples of [silence(3), noise(3, 0.003), noise(3, 0.0003, 7)]) {
      const track = analyze(samples);
      expect(max(track.jawOpen)).toBeLessThan(0.05);
      expect(max(track.loudness)).toBeLessThan(0.05);
      // Closed means lips together, relaxed.
      expect(track.lipPress[track.frameCount >> 1]).toBeGreaterThan(0.3);
    }
  });

  it('keeps the mouth closed on loud steady hiss', () => {
    expect(max(analyze(noise(3, 0.2, 3)).jawOpen)).toBeLessThan(0.05);
  });

  it('opens on a vowel between silences and closes again after it', () => {
    const track = analyze(concat(silence(0.6), syntheticVowel(1, [750, 1200]), silence(0.8)));
    expect(max(track.jawOpen.subarray(0, 15))).toBeLessThan(0.05);
    expect(track.jawOpen[Math.round(1.1 * 30)]).toBeGreaterThan(0.3);
    expect(max(track.jawOpen.subarray(Math.round(2.1 * 30)))).toBeLessThan(0.05);
  });

  it('is deterministic', () => {
    const samples = mixed(concat(silence(0.5), syntheticVowel(1, [750, 1200]), silence(0.5)), noise(2, 0.01, 5));
    const [a, b] = [analyze(samples), analyze(samples)];
    for (const key of ['jawOpen', 'lipFunnel', 'mouthWidth', 'lipPress', 'loudness', 'visemeWeights'] as const) {
      expect(Array.from(b[key])).toEqual(Array.from(a[key]));
    }
  });

  it('gives ceil(duration x fps) frames at 25 and 30 fps', () => {
    // 1.01 s: 25.25 and 30.3 frames; 2 s: exactly 50 and 60.
    for (const [samples, fps, frames] of [
      [16160, 25, 26],
      [16160, 30, 31],
      [32000, 25, 50],
      [32000, 30, 60],
      [0, 30, 0],
    ] as const) {
      const track = analyze(new Float32Array(samples), fps);
      expect(track.frameCount).toBe(frames);
      expect(track.fps).toBe(fps);
      for (const values of [track.jawOpen, track.lipFunnel, track.mouthWidth, track.lipPress, track.loudness]) expect(values.length).toBe(frames);
      expect(track.visemeWeights.length).toBe(frames * VISEME_CLASSES.length);
    }
  });

  it('keeps every parameter in its documented range, even on music alone', () => {
    const track = analyze(mixed(chords(4, 0.2), noise(4, 0.02, 9)));
    for (const values of [track.jawOpen, track.lipFunnel, track.lipPress, track.loudness]) {
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(max(values)).toBeLessThanOrEqual(1);
    }
    expect(Math.min(...track.mouthWidth)).toBeGreaterThanOrEqual(-1);
    expect(max(track.mouthWidth)).toBeLessThanOrEqual(1);
  });

  it('refuses audio that is not 16 kHz, telling to resample', () => {
    expect(() => analyzeLipSync(silence(1), { sampleRateHz: 44100 as 16000, profiles })).toThrow(/resample/);
  });
});

describe('FFT', () => {
  it('matches a direct DFT, complex and real power spectrum', () => {
    const size = 64;
    const input = Float64Array.from({ length: size }, (_, n) => Math.sin(n * 0.7) + 0.3 * Math.cos(n * 2.1) + (n % 5) / 10);
    const re = Float64Array.from(input);
    const im = new Float64Array(size);
    createFft(size).transform(re, im);
    const power = new Float64Array(size / 2 + 1);
    createRealPowerSpectrum(size).compute(input, power);
    for (let k = 0; k <= size / 2; k++) {
      let [xr, xi] = [0, 0];
      for (let n = 0; n < size; n++) {
        xr += input[n] * Math.cos((2 * Math.PI * k * n) / size);
        xi -= input[n] * Math.sin((2 * Math.PI * k * n) / size);
      }
      expect(re[k]).toBeCloseTo(xr, 9);
      expect(im[k]).toBeCloseTo(xi, 9);
      expect(power[k]).toBeCloseTo(xr * xr + xi * xi, 7);
    }
  });
});
