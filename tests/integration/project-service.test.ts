// @vitest-environment node
import type { PushOf } from '../../src-shared/ipc/contract.js';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { solidPng } from '../helpers/png.js';
import { fixture, present } from '../helpers/fixtures.js';
import { previewFrame } from '../helpers/preview.js';
import type { StudioCall } from '../helpers/studio-caller.js';
import { arrayBufferOf, studioServices, value } from '../helpers/studio-caller.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';
import { CURRENT_SCHEMA_VERSION } from '../../src-shared/project/project-schema.js';

const REF_JIJIN_PNG = fixture('ref_jijin.png');
const REF_CXK_PNG = fixture('ref_cxk.png');
const POSE_REF_VIDEO_MP4 = fixture('pose_ref_video.mp4');
const POSE_TEMP_NPY = fixture('pose_temp.npy');

let root: string;
let call: StudioCall;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aniportrait-projects-'));
  ({ call } = studioServices({ root, host: 'cli' }));
});

describe('project files through the services', () => {
  it('creates, imports real media, saves atomically, and reopens the same project', async () => {
    const opened = await value(call('project:new', { name: 'My talk' }));
    expect(opened.savedPath).toBeNull();
    const audio = await value(call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(2, 22050), 22050)) } }));
    expect(audio.media).toMatchObject({ kind: 'audio', sampleRateHz: 22050, channelCount: 1 });
    expect(audio.media.kind === 'audio' && audio.media.durationSec).toBeCloseTo(2, 1);
    const photo = await value(call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(solidPng(64, 48, [200, 150, 120])) } }));
    expect(photo.media).toMatchObject({ kind: 'image', widthPx: 64, heightPx: 48 });

    const document = { ...opened.document, assets: [audio, photo], audioAssetId: audio.id, photoAssetId: photo.id };
    const target = join(root, 'projects', 'My talk.aniproj');
    const saved = await value(call('project:save', { createFolders: true, workDir: opened.workDir, path: target, document }));
    expect(saved.savedPath).toBe(target);
    // Asset paths are relative and the files came along; no temp files are left behind.
    expect(audio.relPath).toMatch(/^assets\//);
    expect(existsSync(join(target, audio.relPath))).toBe(true);
    expect(readdirSync(target).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The untitled folder was moved into the saved project.
    expect(existsSync(opened.workDir)).toBe(false);

    const reopened = await value(call('project:open', { path: target }));
    expect(reopened.document.name).toBe('My talk');
    expect(reopened.document.assets).toEqual([audio, photo]);
    const read = await value(call('assets:read', { workDir: reopened.workDir, relPath: photo.relPath }));
    expect(read.mimeType).toBe('image/png');
    expect(Buffer.from(read.data).subarray(1, 4).toString()).toBe('PNG');

    const peaks = await value(call('audio:peaks', { workDir: reopened.workDir, relPath: audio.relPath, peaksPerSec: 100 }));
    expect(peaks.durationSec).toBeCloseTo(2, 1);
    expect(peaks.minMax.length).toBeCloseTo(400, -1);
    // The tone bursts show: loud first half-second, silent second.
    expect(peaks.minMax[2 * 20 + 1]).toBeGreaterThan(0.5);
    expect(Math.abs(peaks.minMax[2 * 70 + 1])).toBeLessThan(0.01);
    expect(await value(call('project:recent', {}))).toEqual([expect.objectContaining({ path: target, name: 'My talk' })]);
  });

  it('offers an autosave newer than the saved file, and discards it on request', async () => {
    const opened = await value(call('project:new', { name: 'Crashy' }));
    const target = join(root, 'Crashy.aniproj');
    await value(call('project:save', { createFolders: true, workDir: opened.workDir, path: target, document: opened.document }));
    await new Promise((r) => setTimeout(r, 20));
    await value(call('project:autosave', { workDir: target, document: { ...opened.document, name: 'Crashy edited' } }));
    const reopened = await value(call('project:open', { path: target }));
    expect(reopened.document.name).toBe('Crashy');
    expect(reopened.recovery?.document.name).toBe('Crashy edited');
    await value(call('project:discard-recovery', { workDir: target }));
    expect((await value(call('project:open', { path: target }))).recovery).toBeNull();
  });

  it('returns typed errors for malformed, truncated, newer-version and missing project files', async () => {
    const make = (name: string, text: string) => {
      const dir = join(root, `${name}.aniproj`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'project.json'), text);
      return dir;
    };
    const good = readFileSync(join(__dirname, '..', 'fixtures', 'projects', 'v1-full.json'), 'utf8');
    const cases: [string, string, string][] = [
      ['truncated', good.slice(0, good.length / 2), 'truncated-project'],
      ['empty', '', 'truncated-project'],
      ['garbage', '{"format": aniportrait', 'malformed-project'],
      ['wrongtype', JSON.stringify({ ...JSON.parse(good), name: 12 }), 'malformed-project'],
      ['newer', JSON.stringify({ ...JSON.parse(good), schemaVersion: 99 }), 'newer-version'],
    ];
    for (const [name, text, code] of cases) {
      const result = await call('project:open', { path: make(name, text) });
      expect(!result.ok && result.error.code, name).toBe(code);
      expect(!result.ok && result.error.message, name).toContain('project.json');
    }
    const missing = await call('project:open', { path: join(root, 'nothing.aniproj') });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const notProject = await call('project:open', { path: join(root, 'notes.txt') });
    expect(!notProject.ok && notProject.error.code).toBe('invalid-request');
    // The upgraded v0 draft opens and says it was migrated.
    const v0 = await value(call('project:open', { path: make('draft', '{"name":"Old draft","fps":24}') }));
    expect(v0.migrationsApplied).toEqual(['project/1', 'project/2', 'project/3', 'project/4', 'project/5', 'project/6', 'project/7']);
  });

  it('refuses work dirs it did not hand out, path imports not picked in a dialog, and bad media', async () => {
    const foreign = await call('assets:read', { workDir: root, relPath: 'x.png' });
    expect(!foreign.ok && foreign.error.code).toBe('forbidden');
    const opened = await value(call('project:new', { name: 'Strict' }));
    const byPath = await call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'path', path: '/etc/passwd' } });
    expect(!byPath.ok && byPath.error.code).toBe('forbidden');
    const notAudio = await call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(Buffer.from('this is not audio at all '.repeat(50))) } });
    expect(!notAudio.ok && notAudio.error.code).toBe('unsupported-media');
    expect(!notAudio.ok && notAudio.error.message).toContain('voice.wav');
    const notImage = await call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } });
    expect(!notImage.ok && notImage.error.code).toBe('unsupported-media');
    // Nothing of the refused files stays in the project.
    expect(readdirSync(join(opened.workDir, 'assets'))).toEqual([]);
    // Save-as never overwrites an unrelated folder.
    const other = join(root, 'other.aniproj');
    mkdirSync(other);
    writeFileSync(join(other, 'keep.txt'), 'mine');
    const clobber = await call('project:save', { createFolders: true, workDir: opened.workDir, path: other, document: opened.document });
    expect(!clobber.ok && clobber.error.code).toBe('already-exists');
    expect(readFileSync(join(other, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('preview frames', () => {
  it.skipIf(!REF_JIJIN_PNG)('renders a frame at the output size for a project with photo and speech, and says what is missing otherwise', async () => {
    const photoPath = present(REF_JIJIN_PNG);
    const opened = await value(call('project:new', { name: 'Preview' }));
    const missing = await previewFrame(call, { workDir: opened.workDir, document: opened.document, frameIndex: 0 });
    expect(!missing.ok && missing.error.message).toMatch(/Import a portrait photo and a voice recording/);
    const photo = await value(call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(readFileSync(photoPath)) } }));
    const audio = await value(call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(2, 16000), 16000)) } }));
    const document = { ...opened.document, assets: [photo, audio], photoAssetId: photo.id, audioAssetId: audio.id, settings: { ...opened.document.settings, outputWidthPx: 256, outputHeightPx: 192 } };
    const frame = await value(previewFrame(call, { workDir: opened.workDir, document, frameIndex: 10 }));
    expect(frame).toMatchObject({ frameIndex: 10, frameCount: 60, fps: 30, widthPx: 256, heightPx: 192 });
    expect(frame.rgba).toBeInstanceOf(Uint8Array);
    expect(frame.rgba.length).toBe(256 * 192 * 4);
    // Asking again gives the same pixels (from the cache); past the end clamps to the last frame.
    expect((await value(previewFrame(call, { workDir: opened.workDir, document, frameIndex: 10 }))).rgba).toEqual(frame.rgba);
    expect((await value(previewFrame(call, { workDir: opened.workDir, document, frameIndex: 999 }))).frameIndex).toBe(59);
    // With AniPortrait's Lmk2Video chosen, the preview is the built-in warp of the same landmarks (diffusion renders on export).
    const onnx = await value(previewFrame(call, { workDir: opened.workDir, document: { ...document, engines: { ...document.engines, lmk2video: 'aniportrait' } }, frameIndex: 10 }));
    expect(onnx).toMatchObject({ frameIndex: 10, widthPx: 256, heightPx: 192 });
    let diff = 0;
    for (let i = 0; i < frame.rgba.length; i++) diff += Math.abs(onnx.rgba[i] - frame.rgba[i]);
    expect(diff / frame.rgba.length, 'mean difference from the built-in frame (0..255)').toBeLessThan(2);
  });

  it.skipIf(!REF_JIJIN_PNG)('renders directly at a smaller size of the same framing for a target width, in eighths of the output', async () => {
    const photoPath = present(REF_JIJIN_PNG);
    const opened = await value(call('project:new', { name: 'Preview sizes' }));
    const photo = await value(call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(readFileSync(photoPath)) } }));
    const audio = await value(call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1, 16000), 16000)) } }));
    const document = { ...opened.document, assets: [photo, audio], photoAssetId: photo.id, audioAssetId: audio.id, settings: { ...opened.document.settings, outputWidthPx: 256, outputHeightPx: 192 } };
    const frameAt = (targetWidthPx?: number) => value(previewFrame(call, { workDir: opened.workDir, document, frameIndex: 12, targetWidthPx }));
    const full = await frameAt();
    // The smallest k/8 of the output that covers the target; never more than the output.
    const half = await frameAt(100);
    expect(half).toMatchObject({ frameIndex: 12, widthPx: 128, heightPx: 96 });
    expect(half.rgba.length).toBe(128 * 96 * 4);
    expect(await frameAt(33)).toMatchObject({ widthPx: 64, heightPx: 48 });
    expect(await frameAt(250)).toMatchObject({ widthPx: 256, heightPx: 192 });
    expect(await frameAt(4000)).toMatchObject({ widthPx: 256, heightPx: 192 });
    // Same picture, fewer pixels: the half-size frame matches the full one averaged 2 x 2.
    let diff = 0;
    for (let y = 0; y < 96; y++) {
      for (let x = 0; x < 128; x++) {
        for (let c = 0; c < 3; c++) {
          const at = (yy: number, xx: number) => full.rgba[((y * 2 + yy) * 256 + x * 2 + xx) * 4 + c];
          diff += Math.abs((at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4 - half.rgba[(y * 128 + x) * 4 + c]);
        }
      }
    }
    expect(diff / (128 * 96 * 3), 'mean difference from the averaged full frame (0..255)').toBeLessThan(6);
    const zero = await previewFrame(call, { workDir: opened.workDir, document, frameIndex: 0, targetWidthPx: 0 });
    expect(!zero.ok && zero.error.code).toBe('invalid-request');
  });
});

describe('track generation and studio export', () => {
  it.skipIf(!REF_CXK_PNG)('generates the track with progress, exports with keyframe layers, and cancels on request', async () => {
    const photoPath = present(REF_CXK_PNG);
    const pushes: { jobId: string; fraction: number }[] = [];
    const { call: run } = studioServices({ root, host: 'cli', dataDir: join(root, 'data2'), projectsDir: join(root, 'p2'), onPush: (c, p) => c === 'jobs:did-progress' && pushes.push(p as PushOf<'jobs:did-progress'>) });
    const opened = await value(run('project:new', { name: 'Export' }));
    const photo = await value(run('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'face.png', data: arrayBufferOf(readFileSync(photoPath)) } }));
    const audio = await value(run('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1.5, 16000), 16000)) } }));
    const yawKeys = [{ id: 'k1', timeSec: 0, value: 0, interp: 'linear', handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } }, { id: 'k2', timeSec: 1, value: 12, interp: 'linear', handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } }];
    const document = {
      ...opened.document,
      assets: [photo, audio],
      photoAssetId: photo.id,
      audioAssetId: audio.id,
      settings: { ...opened.document.settings, outputWidthPx: 128, outputHeightPx: 128 },
      layers: [{ id: 'layer1', name: 'Head', enabled: true, solo: false, weight: 1, channels: { yawDeg: yawKeys } }],
    } as typeof opened.document;
    const generated = await value(run('track:generate', { workDir: opened.workDir, document, jobId: 'gen-1' }));
    expect(generated.track.frameCount).toBe(45);
    expect(generated.track.params.length).toBe(45 * 8);
    expect(generated.rig.lmks3dCm.length).toBe(478 * 3);
    expect(pushes.some((p) => p.jobId === 'gen-1')).toBe(true);

    // The keyed yaw turns the head: the frame at 1 s differs from the same frame without the layer.
    const keyed = await value(previewFrame(run, { workDir: opened.workDir, document, frameIndex: 30 }));
    const plain = await value(previewFrame(run, { workDir: opened.workDir, document: { ...document, layers: [] }, frameIndex: 30 }));
    let differing = 0;
    for (let i = 0; i < keyed.rgba.length; i++) if (keyed.rgba[i] !== plain.rgba[i]) differing++;
    expect(differing).toBeGreaterThan(keyed.rgba.length * 0.05);

    const outPath = join(root, 'export.mp4');
    const exported = await value(run('export:video', { workDir: opened.workDir, document, jobId: 'exp-1', outPath }));
    expect(exported).toMatchObject({ outPath, frameCount: 45 });
    expect(existsSync(outPath)).toBe(true);
    expect(pushes.filter((p) => p.jobId === 'exp-1').at(-1)?.fraction).toBe(1);

    const second = join(root, 'cancelled.mp4');
    const pending = run('export:video', { workDir: opened.workDir, document, jobId: 'exp-2', outPath: second });
    await value(run('jobs:cancel', { jobId: 'exp-2' }));
    const cancelled = await pending;
    expect(!cancelled.ok && cancelled.error.code).toBe('cancelled');
    expect(existsSync(second)).toBe(false);
    expect(existsSync(`${second}.part`)).toBe(false);
  });
});

describe('head-motion assets', () => {
  it.skipIf(!POSE_TEMP_NPY || !POSE_REF_VIDEO_MP4)('imports a pose template and a reference video, and refuses a template of the wrong shape', async () => {
    const template = present(POSE_TEMP_NPY);
    const video = present(POSE_REF_VIDEO_MP4);
    const opened = await value(call('project:new', { name: 'Pose' }));
    const tmpl = await value(call('assets:import', { workDir: opened.workDir, role: 'pose-template', source: { kind: 'bytes', fileName: 'pose_temp.npy', data: arrayBufferOf(readFileSync(template)) } }));
    expect(tmpl.media).toEqual({ kind: 'pose-template', frameCount: 165 });
    const clip = await value(call('assets:import', { workDir: opened.workDir, role: 'pose-video', source: { kind: 'bytes', fileName: 'talk.mp4', data: arrayBufferOf(readFileSync(video)) } }));
    expect(clip.media).toMatchObject({ kind: 'video', widthPx: 512, heightPx: 512 });
    const wrong = await call('assets:import', { workDir: opened.workDir, role: 'pose-template', source: { kind: 'bytes', fileName: 'voice.npy', data: arrayBufferOf(wavBytes(toneBursts(0.5, 16000), 16000)) } });
    expect(!wrong.ok && wrong.error.message).toMatch(/voice\.npy.*not a usable pose template/);
    const notVideo = await call('assets:import', { workDir: opened.workDir, role: 'pose-video', source: { kind: 'bytes', fileName: 'still.mp4', data: arrayBufferOf(solidPng(32, 32, [1, 2, 3])) } });
    expect(notVideo.ok).toBe(false);
    // A project whose head follows the template saves and reopens as version 2.
    const document = { ...opened.document, assets: [tmpl, clip], poseSource: { kind: 'template' as const, relPath: tmpl.relPath } };
    const target = join(root, 'Pose.aniproj');
    await value(call('project:save', { createFolders: true, workDir: opened.workDir, path: target, document }));
    const reopened = await value(call('project:open', { path: target }));
    expect(reopened.document.poseSource).toEqual({ kind: 'template', relPath: tmpl.relPath });
    expect(reopened.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });
});
