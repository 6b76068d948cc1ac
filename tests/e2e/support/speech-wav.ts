import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { wavBytes } from '../../helpers/wav';

export interface GeneratedWav {
  readonly path: string;
  /** Length of the audio, read back from the file's own header. */
  readonly durationSec: number;
  /** How it was made, for the test log. */
  readonly source: 'espeak-ng' | 'synthesized tones';
}

const SENTENCE = 'Hello, I am a portrait that talks. The studio draws my voice as a waveform.';

/** A short voice clip: espeak-ng when installed, otherwise tones and silence written by hand. */
export async function makeSpeechWav(dir: string): Promise<GeneratedWav> {
  const path = join(dir, 'speech.wav');
  const espeak = spawnSync('espeak-ng', ['-w', path, SENTENCE], { encoding: 'utf8' });
  if (espeak.error === undefined && espeak.status === 0) {
    return { path, durationSec: wavDurationSec(await readFile(path)), source: 'espeak-ng' };
  }
  console.log(`espeak-ng unavailable (${espeak.error?.message ?? espeak.stderr}); synthesizing tones instead`);
  const bytes = synthesizeTonesWav();
  await writeFile(path, bytes);
  return { path, durationSec: wavDurationSec(bytes), source: 'synthesized tones' };
}

/** 16 kHz mono 16-bit PCM: three 0.4 s tones separated by 0.2 s of silence. */
export function synthesizeTonesWav(sampleRateHz = 16_000): Buffer {
  const segments: { frequencyHz: number; durationSec: number }[] = [
    { frequencyHz: 220, durationSec: 0.4 },
    { frequencyHz: 0, durationSec: 0.2 },
    { frequencyHz: 330, durationSec: 0.4 },
    { frequencyHz: 0, durationSec: 0.2 },
    { frequencyHz: 440, durationSec: 0.4 },
  ];
  const samples: number[] = [];
  for (const { frequencyHz, durationSec } of segments) {
    const count = Math.round(durationSec * sampleRateHz);
    for (let i = 0; i < count; i++) {
      // A short fade in/out avoids clicks, like speech onsets.
      const envelope = Math.min(1, i / 400, (count - i) / 400);
      samples.push(frequencyHz === 0 ? 0 : 0.6 * envelope * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz));
    }
  }
  return wavBytes(Float32Array.from(samples), sampleRateHz);
}

/**
 * Duration from a PCM WAV's fmt and data chunks. espeak-ng writes 0x7ffff000 as the data size
 * when it streams, so the size is clamped to what the file holds.
 */
export function wavDurationSec(wav: Buffer): number {
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(offset + 16);
    if (id === 'data') return Math.min(size, wav.length - offset - 8) / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error('not a PCM WAV file');
}
