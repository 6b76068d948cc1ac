import { execFileSync, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeAudioClip } from './decode-audio-clip.js';
import { ffmpegBinaries } from './ffmpeg-binaries.js';

/** Whether espeak-ng and sox (Debian packages) are installed, for synthetic speech (tests and bench). */
export function canSynthesizeSpeech(): boolean {
  return spawnSync('espeak-ng', ['--version']).status === 0 && spawnSync('sox', ['--version']).status === 0;
}

/** `text` spoken by espeak-ng, repeated and cut to exactly `durationSec`, written to `wavPath`. */
export function synthesizeSpeechFile(text: string, durationSec: number, wavPath: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-speech-'));
  try {
    const once = join(dir, 'once.wav');
    execFileSync('espeak-ng', ['-w', once, text]);
    execFileSync('sox', [once, wavPath, 'repeat', String(Math.ceil(durationSec)), 'trim', '0', String(durationSec)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same speech decoded to 16 kHz mono samples. */
export async function synthesizeSpeech(text: string, durationSec: number): Promise<Float32Array> {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-speech-'));
  try {
    const clip = join(dir, 'clip.wav');
    synthesizeSpeechFile(text, durationSec, clip);
    return await decodeAudioClip(clip, 'synthesized speech');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Time to encode raw RGBA frames of a file + audio with the export's own settings (bare ffmpeg). */
export function bareEncodeMs(rawPath: string, widthPx: number, heightPx: number, fps: number, audioPath: string, outPath: string): number {
  const { ffmpegPath } = ffmpegBinaries();
  const started = performance.now();
  execFileSync(ffmpegPath, ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${widthPx}x${heightPx}`, '-r', String(fps), '-i', rawPath, '-i', audioPath,
    '-map', '0:v:0', '-map', '1:a:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '160k', '-movflags', '+faststart', outPath]);
  return performance.now() - started;
}

/** Decodes a video to raw RGBA frames in a file (for bareEncodeMs). */
export function dumpRawFrames(videoPath: string, rawPath: string): void {
  const { ffmpegPath } = ffmpegBinaries();
  execFileSync(ffmpegPath, ['-v', 'error', '-y', '-i', videoPath, '-f', 'rawvideo', '-pix_fmt', 'rgba', rawPath]);
}

/** Runs a Node script in its own process; it reports `{ peakRssMb }` over IPC when done. */
export function forkForPeakRss(script: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(script, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (message: { peakRssMb: number }) => resolve(message.peakRssMb));
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`${script} ${args[0]} exited with ${code}`)));
  });
}

/** `photo` scaled to facePhotoPx square and centred on a grey sidePx square (a huge photo with a small face). */
export function padPhotoFile(photo: string, facePhotoPx: number, sidePx: number, outPath: string): void {
  const { ffmpegPath } = ffmpegBinaries();
  const offset = Math.round((sidePx - facePhotoPx) / 2);
  execFileSync(ffmpegPath, ['-v', 'error', '-y', '-i', photo, '-vf', `scale=${facePhotoPx}:${facePhotoPx},pad=${sidePx}:${sidePx}:${offset}:${offset}:color=0x808080`, outPath]);
}

/** Runs `node script ...args` pinned to one core (taskset -c 0) where taskset exists; its output as text. */
export function runOnOneCore(script: string, args: string[]): { readonly status: number | null; readonly stdout: string; readonly stderr: string; readonly pinned: boolean } {
  const pinned = spawnSync('taskset', ['--version']).status === 0;
  const command = pinned ? 'taskset' : process.execPath;
  const child = spawnSync(command, [...(pinned ? ['-c', '0', process.execPath] : []), script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, pinned };
}
