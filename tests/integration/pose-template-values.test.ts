// @vitest-environment node
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBuiltinVideo } from '../../src-main/engines/builtin/export-video.js';
import { generateBuiltinTrack } from '../../src-main/engines/builtin/generate-track.js';
import { templatePoses } from '../../src-main/engines/shared/pose-sources.js';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { fixture, present } from '../helpers/fixtures.js';

const REF_CXK_PNG = fixture('ref_cxk.png');
import { npyBytes } from '../helpers/npy.js';
import { studioServices } from '../helpers/studio-caller.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

/** 10 plausible rows of [rx, ry, rz, tx, ty, tz] (degrees, cm), with `bad` written at (row, column). */
function template(bad?: { row: number; column: number; value: number }): Uint8Array {
  const values = Array.from({ length: 60 }, (_, i) => Math.sin(i) * (i % 6 < 3 ? 3 : 0.3));
  if (bad) values[bad.row * 6 + bad.column] = bad.value;
  return npyBytes([10, 6], values);
}

/** Pose templates whose values would render a black or degenerate video are refused, naming the first bad row. */
describe('pose template values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-pose-values-'));
  const cases: [string, { row: number; column: number; value: number }, RegExp][] = [
    ['NaN', { row: 7, column: 2, value: NaN }, /row 7 \(counting from 0\): rz is NaN/],
    ['infinity', { row: 2, column: 4, value: -Infinity }, /row 2 \(counting from 0\): ty is -Infinity/],
    ['a rotation past 90 degrees', { row: 4, column: 0, value: 720 }, /row 4 \(counting from 0\): rx is 720 degrees; rotations must be within ±90/],
    ['a translation that moves the face out of view', { row: 0, column: 5, value: 1e6 }, /row 0 \(counting from 0\): tz is 1000000 cm; translations must be within ±25 cm/],
  ];

  it.each(cases)('refuses %s when a job reads the template', async (_, bad, message) => {
    const path = join(dir, `bad-${bad.row}-${bad.column}.npy`);
    writeFileSync(path, template(bad));
    await expect(templatePoses(path, 30)).rejects.toMatchObject({ code: 'unsupported-media', message: expect.stringMatching(message) as unknown });
  });

  it('refuses them at import in the studio, and accepts a sane template', async () => {
    const { call } = studioServices({ root: dir, host: 'cli' });
    const opened = await call('project:new', { name: 'Poses' });
    if (!opened.ok) throw new Error(opened.error.message);
    const importTemplate = (bytes: Uint8Array) =>
      call('assets:import', { workDir: opened.value.workDir, role: 'pose-template', source: { kind: 'bytes', fileName: 'pose.npy', data: bytes.slice().buffer } });
    const bad = await importTemplate(template({ row: 7, column: 2, value: NaN }));
    expect(!bad.ok && bad.error.message).toMatch(/The pose-template "pose\.npy" .*row 7 \(counting from 0\): rz is NaN/);
    const good = await importTemplate(template());
    expect(good.ok && good.value.media).toEqual({ kind: 'pose-template', frameCount: 10 });
  });

  it.skipIf(!REF_CXK_PNG)('refuses a track whose head pose cannot project, naming the frame, before writing anything', async () => {
    const photo = present(REF_CXK_PNG);
    const audio = join(dir, 'tone.wav');
    writeFileSync(audio, wavBytes(toneBursts(1, 16000), 16000));
    const { rig } = await analyzePhoto(photo, 'ref_cxk.png');
    const track = await generateBuiltinTrack({ samples: toneBursts(1, 16000), fps: 30, seed: 1, poseSource: { kind: 'audio' } });
    track.poses[5 * 6 + 1] = NaN;
    const outPath = join(dir, 'nan.mp4');
    await expect(exportBuiltinVideo({ photoPath: photo, photoLabel: 'ref_cxk.png', audioPath: audio, rig, track, outPath, widthPx: 64, heightPx: 64 })).rejects.toThrow(
      /The head motion cannot be rendered: frame 5 \(counting from 0\): ry is NaN/,
    );
    expect(readdirSync(dir).filter((name) => name.startsWith('nan'))).toEqual([]);
  });
});
