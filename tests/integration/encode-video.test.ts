import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFillSync as randomFill } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeVideo } from '../../src-main/media/encode-video.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

describe('encodeVideo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-encode-'));
  const audio = join(dir, 'tone.wav');
  writeFileSync(audio, wavBytes(toneBursts(1, 16000), 16000));

  it('encodes RGBA frames and I420 frames alike: size, frame count, colours (BT.601)', async () => {
    const out = join(dir, 'mixed.mp4');
    await encodeVideo({ outPath: out, widthPx: 64, heightPx: 48, fps: 10, frameCount: 10, audioPath: audio }, (f, image) => {
      if (f % 2 === 0) {
        image.data.fill(0);
        for (let i = 0; i < 64 * 48; i++) image.data.set([200, 40, 40, 255], i * 4);
        return;
      }
      // The same red as I420: Y 92, U 104, V 198 (BT.601 limited range).
      const i420 = new Uint8Array(64 * 48 * 1.5);
      i420.fill(92, 0, 64 * 48);
      i420.fill(104, 64 * 48, 64 * 48 * 1.25);
      i420.fill(198, 64 * 48 * 1.25);
      return i420;
    });
    const { ffprobePath, ffmpegPath } = ffmpegBinaries();
    const probe = execFileSync(ffprobePath, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'csv=p=0', out], { encoding: 'utf8' }).trim();
    expect(probe).toBe('64,48,10');
    const rgb = execFileSync(ffmpegPath, ['-v', 'error', '-i', out, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
    for (let f = 0; f < 10; f++) {
      const at = (f * 64 * 48 + 24 * 64 + 32) * 3;
      expect(Math.abs(rgb[at] - 200)).toBeLessThan(8);
      expect(Math.abs(rgb[at + 1] - 40)).toBeLessThan(8);
    }
  });

  it('refuses an odd output size before starting, and leaves nothing behind', async () => {
    const out = join(dir, 'odd.mp4');
    await expect(encodeVideo({ outPath: out, widthPx: 65, heightPx: 48, fps: 10, frameCount: 3, audioPath: audio }, () => undefined)).rejects.toThrow(/even width and height.*65x48/);
    expect(readdirSync(dir).filter((name) => name.startsWith('odd'))).toEqual([]);
  });

  // A real full disk: a 256 KiB tmpfs (mounting needs root; elsewhere this test says so and skips).
  // The .part can no longer be a planted link to /dev/full: links at .part are refused (below).
  const tinyDisk = mountTinyDisk();
  it.runIf(tinyDisk !== null)('names a full disk, and leaves no file behind', async () => {
    const out = join(tinyDisk as string, 'full.mp4');
    const attempt = encodeVideo({ outPath: out, widthPx: 256, heightPx: 256, fps: 10, frameCount: 200, audioPath: audio }, (_, image) => void randomFill(image.data));
    await expect(attempt).rejects.toMatchObject({ code: 'disk-full', message: expect.stringMatching(/disk is full while writing ".*full\.mp4"\. Free some space/) as unknown });
    expect(readdirSync(tinyDisk as string)).toEqual([]);
  });
  afterAll(() => {
    if (tinyDisk) spawnSync('umount', [tinyDisk]);
  });
});

function mountTinyDisk(): string | null {
  const mountPoint = mkdtempSync(join(tmpdir(), 'aniportrait-tiny-disk-'));
  const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]).status === 0;
  if (!mounted) console.log('encode-video.test: skipping the full-disk test (mounting a small tmpfs needs root)');
  return mounted ? mountPoint : null;
}
