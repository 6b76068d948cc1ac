// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { solidPng } from '../helpers/png.js';
import { arrayBufferOf, studioServices, value } from '../helpers/studio-caller.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

/** A studio export must never overwrite the project it comes from. */
describe('studio export target', () => {
  const root = mkdtempSync(join(tmpdir(), 'aniportrait-export-safety-'));
  const { call } = studioServices({ root, host: 'web' });

  it("refuses an export onto the project's own video asset, into its folder, or through a link to an asset", async () => {
    const opened = await value(call('project:new', { name: 'Export target' }));
    const videoFile = join(root, 'pose.mp4');
    execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=10:duration=1', '-pix_fmt', 'yuv420p', videoFile]);
    const workDir = opened.workDir;
    const audio = await value(call('assets:import', { workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } }));
    const photo = await value(call('assets:import', { workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(solidPng(64, 64, [200, 150, 120])) } }));
    const video = await value(call('assets:import', { workDir, role: 'pose-video', source: { kind: 'bytes', fileName: 'pose.mp4', data: arrayBufferOf(readFileSync(videoFile)) } }));
    const document = { ...opened.document, assets: [audio, photo, video], audioAssetId: audio.id, photoAssetId: photo.id };
    const before = readFileSync(join(workDir, video.relPath));
    const link = join(root, 'outside-link.mp4');
    symlinkSync(join(workDir, video.relPath), link);
    const attempts: [string, RegExp][] = [
      [join(workDir, video.relPath), /is the project's pose-video "pose\.mp4" .*writing it would destroy that input/],
      [link, /outside-link\.mp4" is the project's pose-video "pose\.mp4"/],
      [join(workDir, 'export.mp4'), /export\.mp4" is inside the project folder ".*", whose files it could overwrite\. Choose a file outside the project\./],
    ];
    for (const [outPath, message] of attempts) {
      const result = await call('export:video', { workDir, document, jobId: `job-${outPath.length}`, outPath });
      expect(result.ok, outPath).toBe(false);
      expect(!result.ok && result.error.message).toMatch(message);
    }
    expect(readFileSync(join(workDir, video.relPath)).equals(before)).toBe(true);
  });
});
