// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { MouthTrack } from '../../../src-shared/lipsync/index.js';
import { analyzeLipSync, defaultVisemeProfiles } from '../../../src-shared/lipsync/index.js';
import type { SpeakOptions } from './speech-audio.js';
import { chords, concat, correlation, meanOver, mixed, noise, rms, SAMPLE_RATE_HZ, scaled, silence, speak, SPEECH_TOOLS_MISSING, voicedSpanSec } from './speech-audio.js';

if (SPEECH_TOOLS_MISSING) console.log(`Skipping the espeak-ng lip-sync tests: ${SPEECH_TOOLS_MISSING}`);

const FPS = 30;
const profiles = defaultVisemeProfiles();
const analyze = (samples: Float32Array): MouthTrack => analyzeLipSync(samples, { sampleRateHz: SAMPLE_RATE_HZ, fps: FPS, profiles });

interface HeldVowel {
  jawOpen: number;
  lipFunnel: number;
  mouthWidth: number;
  lipPress: number;
}

/** Mouth parameters averaged over the middle half of a held sound (espeak-ng phonemes, slow). */
function heldVowel(phonemes: string, options: SpeakOptions = {}): HeldVowel {
  const samples = concat(silence(0.4), speak(`[[${phonemes}]]`, { wordsPerMinute: 80, ...options }), silence(0.4));
  const [startSec, endSec] = voicedSpanSec(samples);
  const quarterSec = (endSec - startSec) / 4;
  const track = analyze(samples);
  const mid = (values: Float32Array): number => meanOver(values, FPS, startSec + quarterSec, endSec - quarterSec);
  return { jawOpen: mid(track.jawOpen), lipFunnel: mid(track.lipFunnel), mouthWidth: mid(track.mouthWidth), lipPress: mid(track.lipPress) };
}

const SENTENCE_1 = 'Hello, my name is Bob. I wish you a good morning.';
const SENTENCE_2 = 'The rainbow is a long round arch, with its path high above.';

/** Two sentences with a 1 s pause between them; returns the clip and the pause (inside the silences). */
function twoSentences(options: SpeakOptions = {}): { samples: Float32Array; pauseSec: [number, number]; speechSec: [number, number][] } {
  const [first, second] = [speak(SENTENCE_1, options), speak(SENTENCE_2, options)];
  const [, firstEnd] = voicedSpanSec(first);
  const [secondStart] = voicedSpanSec(second);
  const lead = 0.5;
  const samples = concat(silence(lead), first, silence(1), second, silence(0.5));
  const secondAt = lead + first.length / SAMPLE_RATE_HZ + 1;
  return {
    samples,
    pauseSec: [lead + firstEnd, secondAt + secondStart],
    speechSec: [
      [lead, lead + firstEnd],
      [secondAt + secondStart, secondAt + second.length / SAMPLE_RATE_HZ],
    ],
  };
}

/** The middle of a pause, leaving the mouth its release time after the last sound. */
const pauseMiddle = ([fromSec, toSec]: [number, number]): [number, number] => [fromSec + 0.35, toSec - 0.1];

describe.skipIf(SPEECH_TOOLS_MISSING !== undefined)('lip sync on espeak-ng speech', () => {
  it('opens the jaw wide in the middle of a sustained /a/', () => {
    expect(heldVowel('A:').jawOpen).toBeGreaterThan(0.3);
  });

  it('rounds the lips for "oo" more than for "ee" and "ah", and spreads them for "ee"', () => {
    const [ah, ee, oo] = [heldVowel('A:'), heldVowel('i:'), heldVowel('u:')];
    expect(oo.lipFunnel).toBeGreaterThan(ee.lipFunnel + 0.2);
    expect(oo.lipFunnel).toBeGreaterThan(ah.lipFunnel + 0.2);
    expect(ee.mouthWidth).toBeGreaterThan(oo.mouthWidth + 0.3);
    expect(ah.jawOpen).toBeGreaterThan(ee.jawOpen);
    expect(ah.jawOpen).toBeGreaterThan(oo.jawOpen);
  });

  it('presses the lips on a hummed m and keeps the jaw nearly closed', () => {
    const [mm, ah] = [heldVowel('mmmmm'), heldVowel('A:')];
    expect(mm.lipPress).toBeGreaterThan(0.6);
    expect(mm.lipPress).toBeGreaterThan(ah.lipPress + 0.4);
    expect(mm.jawOpen).toBeLessThan(0.15);
  });

  it('keeps the vowel ordering for a deep (-p 20) and a high (-p 90) voice, male and female', () => {
    for (const voice of ['en-us', 'en-us+f2']) {
      for (const pitch of [20, 90]) {
        const [ah, ee, oo] = ['A:', 'i:', 'u:'].map((v) => heldVowel(v, { voice, pitch }));
        const where = `${voice} -p ${pitch}`;
        expect(oo.lipFunnel, where).toBeGreaterThan(ee.lipFunnel);
        expect(oo.lipFunnel, where).toBeGreaterThan(ah.lipFunnel);
        expect(ee.mouthWidth, where).toBeGreaterThan(oo.mouthWidth);
        expect(ah.jawOpen, where).toBeGreaterThan(ee.jawOpen);
        expect(ah.jawOpen, where).toBeGreaterThan(0.3);
      }
    }
  });

  it('animates a quiet recording (x0.1) like a loud one', () => {
    const { samples } = twoSentences();
    const [loud, quiet] = [analyze(samples), analyze(scaled(samples, 0.1))];
    expect(correlation(loud.jawOpen, quiet.jawOpen)).toBeGreaterThan(0.8);
    expect(Math.max(...quiet.jawOpen)).toBeGreaterThan(0.5);
  });

  it('closes the mouth in a pause and opens it on speech, in quiet and with low background noise', () => {
    const { samples, pauseSec, speechSec } = twoSentences({ voice: 'en-us+f2' });
    for (const clip of [samples, mixed(samples, noise(samples.length / SAMPLE_RATE_HZ, 0.003, 11))]) {
      const track = analyze(clip);
      expect(meanOver(track.jawOpen, FPS, ...pauseMiddle(pauseSec))).toBeLessThan(0.05);
      for (const [fromSec, toSec] of speechSec) {
        expect(Math.max(...track.jawOpen.subarray(Math.floor(fromSec * FPS), Math.ceil(toSec * FPS)))).toBeGreaterThan(0.4);
      }
    }
  });

  it('still closes in the pause and opens on vowels over a music-like background', () => {
    const { samples, pauseSec, speechSec } = twoSentences();
    const [speechStart] = speechSec[0];
    const speechRms = rms(samples.subarray(Math.round(speechStart * SAMPLE_RATE_HZ), Math.round(pauseSec[0] * SAMPLE_RATE_HZ)));
    // Sustained chords 10 dB under the voice, under the whole clip, pauses included.
    const track = analyze(mixed(samples, chords(samples.length / SAMPLE_RATE_HZ, 0.3 * speechRms)));
    expect(meanOver(track.jawOpen, FPS, ...pauseMiddle(pauseSec))).toBeLessThan(0.05);
    expect(meanOver(track.jawOpen, FPS, 0.1, 0.4)).toBeLessThan(0.05);
    const clean = analyze(samples);
    for (const [fromSec, toSec] of speechSec) {
      const [from, to] = [Math.floor(fromSec * FPS), Math.ceil(toSec * FPS)];
      expect(Math.max(...track.jawOpen.subarray(from, to))).toBeGreaterThan(0.4);
      expect(correlation(track.jawOpen.subarray(from, to), clean.jawOpen.subarray(from, to))).toBeGreaterThan(0.8);
    }
  });

  it('follows the loudness of speech for head motion and rests at 0 in pauses', () => {
    const { samples, pauseSec } = twoSentences();
    const track = analyze(samples);
    expect(Math.max(...track.loudness)).toBeGreaterThan(0.6);
    expect(meanOver(track.loudness, FPS, ...pauseMiddle(pauseSec))).toBeLessThan(0.05);
  });
});
