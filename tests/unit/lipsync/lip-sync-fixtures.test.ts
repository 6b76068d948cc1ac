// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeLipSync, defaultVisemeProfiles } from '../../../src-shared/lipsync/index.js';
import { fixture } from '../../helpers/fixtures.js';
import { correlation, meanOver, readWav, SAMPLE_RATE_HZ } from './speech-audio.js';

// Real recordings from the public AniPortrait repository, present only next to a checkout that
// has ../shared (see its README); never copied into the project. Absent: skipped, saying so (in CI: an error).
const RECORDINGS: Record<string, string | undefined> = { 'speech_jijin.wav': fixture('speech_jijin.wav'), 'speech_cxk.wav': fixture('speech_cxk.wav') };
const present = Object.values(RECORDINGS).every((path) => path !== undefined);

const FPS = 30;
const analyze = (name: string) => {
  const { samples, sampleRateHz } = readWav(RECORDINGS[name] ?? name);
  expect(sampleRateHz).toBe(SAMPLE_RATE_HZ);
  return analyzeLipSync(samples, { sampleRateHz: SAMPLE_RATE_HZ, fps: FPS, profiles: defaultVisemeProfiles() });
};

describe.skipIf(!present)('lip sync on the AniPortrait demo recordings', () => {
  it('opens on the Chinese speech of speech_jijin.wav and closes in its pauses', () => {
    const track = analyze('speech_jijin.wav');
    expect(track.frameCount).toBe(301);
    expect(Math.max(...track.jawOpen)).toBeGreaterThan(0.5);
    // Pauses heard at 2.9-3.2 s and 8.0-8.2 s.
    expect(meanOver(track.jawOpen, FPS, 2.9, 3.2)).toBeLessThan(0.05);
    expect(meanOver(track.jawOpen, FPS, 8.0, 8.2)).toBeLessThan(0.05);
    expect(correlation(track.jawOpen, track.loudness)).toBeGreaterThan(0.5);
  });

  it('moves the mouth with the singing over music of speech_cxk.wav without holding it open', () => {
    const track = analyze('speech_cxk.wav');
    expect(Math.max(...track.jawOpen)).toBeGreaterThan(0.4);
    expect(track.jawOpen.filter((v) => v < 0.05).length).toBeGreaterThan(0.03 * track.frameCount);
    expect(correlation(track.jawOpen, track.loudness)).toBeGreaterThan(0.4);
  });
});
