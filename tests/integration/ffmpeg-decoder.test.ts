// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { runFfmpegDecoder } from '../../src-main/media/run-ffmpeg-decoder.js';

const dir = mkdtempSync(join(tmpdir(), 'aniportrait-ffmpeg-decoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RATE_HZ = 16000;
const SECONDS = 2;
const wav = join(dir, 'tone.wav');
execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=${RATE_HZ}:duration=${SECONDS}`, '-y', wav]);
const F32_ARGS = ['-vn', '-ac', '1', '-ar', String(RATE_HZ), '-f', 'f32le'];

async function bytesOf(path: string, options: { ffmpegPath?: string; slowReaderMs?: number } = {}): Promise<number> {
  let bytes = 0;
  await runFfmpegDecoder(path, 'The tone', F32_ARGS, {
    ...(options.ffmpegPath ? { ffmpegPath: options.ffmpegPath } : {}),
    onData: (chunk) => {
      bytes += chunk.length;
      if (options.slowReaderMs !== undefined) return new Promise((resolve) => setTimeout(resolve, options.slowReaderMs));
      return undefined;
    },
  });
  return bytes;
}

describe('the ffmpeg decoder process', () => {
  it('hands over every sample of a good file', async () => {
    expect(await bytesOf(wav)).toBe(RATE_HZ * SECONDS * 4);
  });

  it('waits for a slow reader (ffmpeg waits on its pipe) and still gets every sample', async () => {
    expect(await bytesOf(wav, { slowReaderMs: 5 })).toBe(RATE_HZ * SECONDS * 4);
  });

  it('does not fail a good file when ffmpeg exits well after closing its output (as under load)', async () => {
    // The output pipe closes, then the process exits 300 ms later: a decoder that took the close
    // for the end (fluent-ffmpeg allowed 20 ms) failed good photos with "Output stream closed".
    const late = join(dir, 'late-exit-ffmpeg.sh');
    writeFileSync(late, `#!/bin/sh\n"${ffmpegBinaries().ffmpegPath}" "$@"\nstatus=$?\nexec 1>&-\nsleep 0.3\nexit $status\n`);
    chmodSync(late, 0o755);
    expect(await bytesOf(wav, { ffmpegPath: late })).toBe(RATE_HZ * SECONDS * 4);
  });

  it('names the file and what ffmpeg said when it is not media', async () => {
    const junk = join(dir, 'junk.wav');
    writeFileSync(junk, Buffer.from('this is not audio at all, only words'.repeat(40)));
    await expect(bytesOf(junk)).rejects.toMatchObject({ code: 'unsupported-media', message: expect.stringMatching(/^Could not decode The tone: .*Invalid data/) as unknown });
  });

  it('stops ffmpeg on cancel, and on a reader that fails, with that reader\'s error', async () => {
    const controller = new AbortController();
    const cancelled = runFfmpegDecoder(wav, 'The tone', F32_ARGS, { signal: controller.signal, onData: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    const failing = runFfmpegDecoder(wav, 'The tone', F32_ARGS, { onData: () => Promise.reject(new Error('the reader broke')) });
    await expect(failing).rejects.toThrow('the reader broke');
  });
});
