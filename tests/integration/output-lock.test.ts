// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeVideo } from '../../src-main/media/encode-video.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { writeChunksAtomic } from '../../src-main/util/write-chunks-atomic.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

/** What a user finds after exports that collide, crash, or meet files planted beside the output. */
describe('exclusive output files (.part and .lock)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-lock-'));
  const audio = join(dir, 'tone.wav');
  writeFileSync(audio, wavBytes(toneBursts(1, 16000), 16000));
  const encode = (outPath: string, frameCount = 10, onFrame: () => void | Promise<void> = () => undefined) =>
    encodeVideo({ outPath, widthPx: 64, heightPx: 48, fps: 10, frameCount, audioPath: audio }, async (_, image) => {
      image.data.fill(120);
      await onFrame();
    });
  const frames = (path: string) =>
    execFileSync(ffmpegBinaries().ffprobePath, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', path], { encoding: 'utf8' }).trim();
  const leftovers = (prefix: string) => readdirSync(dir).filter((name) => name.startsWith(prefix) && name !== prefix);

  it('refuses a second export of the same file at once; the first completes intact', async () => {
    const out = join(dir, 'twice.mp4');
    let second: Promise<void> | undefined;
    const first = encode(out, 20, () => {
      if (second) return;
      second = encode(out, 5);
      second.catch(() => undefined);
    });
    await first;
    await expect(second).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/"[^"]*twice\.mp4" is being written by another job .*Wait for it to finish or choose another file/) as unknown });
    expect(frames(out)).toBe('20');
    expect(leftovers('twice.mp4')).toEqual([]);
  });

  it('writes a track file whole, and refuses a second writer of the same file while one writes', async () => {
    const out = join(dir, 'track.json');
    let second: Promise<void> | undefined;
    function* chunks() {
      for (let i = 0; i < 2000; i++) {
        if (i === 1000) {
          second = writeChunksAtomic(out, ['{}'], 'the track file');
          second.catch(() => undefined);
        }
        yield `${'x'.repeat(1000)}\n`;
      }
    }
    await writeChunksAtomic(out, chunks(), 'the track file');
    await expect(second).rejects.toMatchObject({ code: 'unavailable' });
    expect(readFileSync(out, 'utf8').length).toBe(2000 * 1001);
    expect(leftovers('track.json')).toEqual([]);
  });

  it('never follows a link planted at OUT.part: its target is untouched and OUT is not a link', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'planted.mp4');
    symlinkSync(victim, `${out}.part`);
    await expect(encode(out)).rejects.toMatchObject({ code: 'already-exists', message: expect.stringMatching(/planted\.mp4\.part" already exists and was not left by an export/) as unknown });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(() => lstatSync(out)).toThrow();
    // The same for the track writer.
    symlinkSync(victim, join(dir, 'planted.json.part'));
    await expect(writeChunksAtomic(join(dir, 'planted.json'), ['{}'], 'the track file')).rejects.toMatchObject({ code: 'already-exists' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('replaces a link at OUT itself, never its target', async () => {
    const victim = join(dir, 'victim2.txt');
    writeFileSync(victim, 'precious');
    const out = join(dir, 'linked.mp4');
    symlinkSync(victim, out);
    await encode(out);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(frames(out)).toBe('10');
  });

  it('says clearly that OUT.part is a folder (no raw EISDIR)', async () => {
    const out = join(dir, 'folder.mp4');
    mkdirSync(`${out}.part`);
    await expect(encode(out)).rejects.toThrow(/folder\.mp4\.part" is a folder, so the video ".*" cannot be written beside it\. Delete or rename that folder/);
  });

  it('removes a .part and .lock left by a killed job (its process is gone), and exports', async () => {
    const out = join(dir, 'stale.mp4');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${out}.lock`, JSON.stringify({ pid: Number(dead.stdout), host: hostname() }));
    writeFileSync(`${out}.part`, 'half a video');
    await encode(out);
    expect(frames(out)).toBe('10');
    expect(leftovers('stale.mp4')).toEqual([]);
  });

  it('leaves a lock of a running process alone and says who holds it', async () => {
    const out = join(dir, 'held.mp4');
    writeFileSync(`${out}.lock`, JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(encode(out)).rejects.toThrow(new RegExp(`being written by another job \\(process ${process.ppid}\\)`));
    expect(leftovers('held.mp4')).toEqual(['held.mp4.lock']);
  });
});
