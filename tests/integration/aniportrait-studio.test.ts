// @vitest-environment node
import type { PushOf } from '../../src-shared/ipc/contract.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { fixture } from '../helpers/fixtures.js';
import { previewFrame } from '../helpers/preview.js';
import { arrayBufferOf, studioServices, value } from '../helpers/studio-caller.js';
import { buildTinyAniPortraitModels } from '../helpers/onnx/tiny-aniportrait.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';

const photoPath = fixture('ref_cxk.png');

describe.skipIf(!photoPath)('the studio services on the AniPortrait engine (tiny stand-in graphs)', () => {
  const root = mkdtempSync(join(tmpdir(), 'aniportrait-studio-onnx-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const modelsDir = join(root, 'models');
  mkdirSync(modelsDir);
  const { manifest } = buildTinyAniPortraitModels(modelsDir);
  writeFileSync(join(modelsDir, 'aniportrait.manifest.json'), JSON.stringify(manifest));
  const pushes: { jobId: string; fraction: number; message: string }[] = [];
  const { call: run } = studioServices({ root, host: 'cli', projectsDir: join(root, 'p'), modelsDir, onPush: (c, p) => c === 'jobs:did-progress' && pushes.push(p as PushOf<'jobs:did-progress'>) });

  it('generates a mesh track with audio2mesh offsets, keeps keyframes over it, and exports through the diffusion engine', async () => {
    const info = await value(run('app:info', {}));
    expect(info.modelsDir).toBe(modelsDir);
    expect(info.models.filter((m) => m.name.startsWith('aniportrait:')).every((m) => m.status === 'ready')).toBe(true);

    const opened = await value(run('project:new', { name: 'Onnx' }));
    const photo = await value(run('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(readFileSync(photoPath ?? '')) } }));
    const audio = await value(run('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } }));
    const base = { ...opened.document, assets: [photo, audio], photoAssetId: photo.id, audioAssetId: audio.id };

    // 25 fps cannot be the AniPortrait track rate: the message says what to do.
    const wrongFps = await run('track:generate', { workDir: opened.workDir, document: { ...base, settings: { ...base.settings, fps: 25 }, engines: { ...base.engines, audio2lmk: 'aniportrait' } }, jobId: 'g0' });
    expect(!wrongFps.ok && wrongFps.error.message).toMatch(/works at 30 fps only; this job is 25 fps/);

    const document = { ...base, engines: { audio2lmk: 'aniportrait' as const, lmk2video: 'aniportrait' as const, interpolation: 'film' as const }, settings: { ...base.settings, outputWidthPx: 64, outputHeightPx: 64 } };
    const generated = await value(run('track:generate', { workDir: opened.workDir, document, jobId: 'g1' }));
    expect(generated.track.frameCount).toBe(30);
    expect(generated.track.meshOffsetsCm?.length).toBe(30 * 478 * 3);
    expect(Math.max(...(generated.track.meshOffsetsCm ?? []).map(Math.abs))).toBeGreaterThan(0.01);
    expect(pushes.some((p) => p.jobId === 'g1' && p.message.startsWith('AniPortrait'))).toBe(true);

    // The preview (built-in warp of the same landmarks) follows the mesh offsets, and a jaw key adds to them.
    const differing = (x: Uint8Array, y: Uint8Array) => x.reduce((n, v, i) => n + (v !== y[i] ? 1 : 0), 0);
    const frame = async (doc: typeof document, frameIndex: number) => (await value(previewFrame(run, { workDir: opened.workDir, document: doc, frameIndex }))).rgba;
    expect(differing(await frame(document, 3), await frame(document, 20))).toBeGreaterThan(100);
    const key = (id: string, timeSec: number) => ({ id, timeSec, value: 0.8, interp: 'linear' as const, handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } });
    const keyed = { ...document, layers: [{ id: 'l1', name: 'Keys', enabled: true, solo: false, weight: 1, channels: { jawOpen: [key('k1', 0), key('k2', 1)] } }] } as typeof document;
    expect(differing(await frame(keyed, 10), await frame(document, 10))).toBeGreaterThan(100);

    // A 512 export size does not fit models exported at 64: clear error, no file.
    const outPath = join(root, 'talk.mp4');
    const wrongSize = await run('export:video', { workDir: opened.workDir, document: { ...document, settings: { ...document.settings, outputWidthPx: 512, outputHeightPx: 512 } }, jobId: 'e0', outPath });
    expect(!wrongSize.ok && wrongSize.error.message).toMatch(/models render 64x64/);
    expect(existsSync(outPath)).toBe(false);

    const exported = await value(run('export:video', { workDir: opened.workDir, document, jobId: 'e1', outPath }));
    expect(exported).toMatchObject({ outPath, frameCount: 30 });
    expect(exported.warnings.every((w) => /could not load/.test(w))).toBe(true);
    expect(pushes.some((p) => p.jobId === 'e1' && /denoising step/.test(p.message))).toBe(true);
    const { ffprobePath } = ffmpegBinaries();
    const probe = JSON.parse(execFileSync(ffprobePath, ['-v', 'error', '-count_frames', '-show_streams', '-of', 'json', outPath], { encoding: 'utf8' })) as { streams: { codec_type: string; width?: number; nb_read_frames?: string }[] };
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 64, nb_read_frames: '30' });
  });
});
