import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAudioClip } from './decode-audio-clip.js';

/** Whether espeak-ng and sox (Debian packages) are installed, for synthetic speech. */
export function canSynthesizeSpeech(): boolean {
  return spawnSync('espeak-ng', ['--version']).status === 0 && spawnSync('sox', ['--version']).status === 0;
}

/** `text` spoken by espeak-ng, repeated and cut to exactly `durationSec`, as 16 kHz mono. */
export async function synthesizeSpeech(text: string, durationSec: number): Promise<Float32Array> {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-speech-'));
  try {
    const once = join(dir, 'once.wav');
    const clip = join(dir, 'clip.wav');
    execFileSync('espeak-ng', ['-w', once, text]);
    execFileSync('sox', [once, clip, 'repeat', String(Math.ceil(durationSec)), 'trim', '0', String(durationSec)]);
    return await decodeAudioClip(clip, 'synthesized speech');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
