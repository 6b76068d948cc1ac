// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/run-cli.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import type { InvokeChannel, PushOf, RequestOf, ResponseOf } from '../../src-shared/ipc/contract.js';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema.js';
import type { MouthSettings } from '../../src-shared/mouth/mouth-schema.js';
import { projectFrameCount } from '../../src-shared/project/derived.js';
import { fixture } from '../helpers/fixtures.js';
import { arrayBufferOf, studioServices } from '../helpers/studio-caller.js';
import { toneBursts, wavBytes } from '../helpers/wav.js';
import type { ShapeId } from '../../src-shared/keyframes/shape-channels.js';
import { shapeChannel } from '../../src-shared/keyframes/shape-channels.js';
import type { SculptShape } from '../../src-shared/sculpt/shape-schema.js';

const photoPath = fixture('ref_cxk.png');
const root = mkdtempSync(join(tmpdir(), 'aniportrait-one-pipeline-'));
const pushes: PushOf<'jobs:did-progress'>[] = [];
const services = studioServices({ root, host: 'cli', onPush: (c, payload) => c === 'jobs:did-progress' && pushes.push(payload as PushOf<'jobs:did-progress'>) });

/** The value of an answered call; a failure throws "`channel`: `message`". */
async function call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await services.call(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Per-frame MD5s of a video's decoded pictures (no audio). */
function frameHashes(path: string): string[] {
  const { ffmpegPath } = ffmpegBinaries();
  const text = execFileSync(ffmpegPath, ['-v', 'error', '-i', path, '-map', '0:v:0', '-f', 'framemd5', '-'], { encoding: 'utf8' });
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split(',').pop()!.trim());
}

/** 2.5 s of tone bursts as an MP3: its container duration includes the encoder delay, the decoded samples do not. */
function mp3Voice(): Buffer {
  const wav = join(root, 'voice.wav');
  const mp3 = join(root, 'voice.mp3');
  writeFileSync(wav, wavBytes(toneBursts(2.5, 22050), 22050));
  execFileSync(ffmpegBinaries().ffmpegPath, ['-v', 'error', '-y', '-i', wav, '-c:a', 'libmp3lame', '-b:a', '64k', mp3]);
  return readFileSync(mp3);
}

const yawLayer: KeyframeLayer = {
  id: 'layer_head' as never,
  name: 'Head',
  enabled: true,
  solo: false,
  weight: 1,
  channels: {
    yawDeg: [
      { id: 'key_a' as never, timeSec: 0, value: 0, interp: 'linear', handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } },
      { id: 'key_b' as never, timeSec: 1, value: 20, interp: 'hold', handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } },
    ],
  },
};

/** Project v4 layers: bezier keys with dragged (aligned) and auto-clamped handles at half weight, and a muted layer that must not render. */
const v4Layers: KeyframeLayer[] = [
  {
    id: 'layer_mouth' as never,
    name: 'Mouth',
    enabled: true,
    solo: false,
    weight: 0.5,
    channels: {
      jawOpen: [
        { id: 'key_j1' as never, timeSec: 0.2, value: 0.6, interp: 'bezier', handleMode: 'aligned', leftHandle: { dtSec: -0.1, dValue: -0.2 }, rightHandle: { dtSec: 0.3, dValue: 0.6 } },
        { id: 'key_j2' as never, timeSec: 1.2, value: 0, interp: 'bezier', handleMode: 'auto-clamped', leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } },
      ],
    },
  },
  { id: 'layer_muted' as never, name: 'Muted', enabled: false, solo: false, weight: 1, channels: { yawDeg: [{ id: 'key_m' as never, timeSec: 0, value: 40, interp: 'hold', handleMode: 'free', leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } }] } },
];

/** Project lip sync (v6): all three controls off neutral, a replaced shape (O) and a pressed mouth (M) stronger than charted. */
const lipSync: MouthSettings = {
  amount: 1.3,
  articulation: 1.4,
  smoothingSec: 0.05,
  edits: [
    { id: 'mouth_o', startSec: 0.2, endSec: 0.5, shape: 'O', strength: 1 },
    { id: 'mouth_m', startSec: 1, endSec: 1.3, shape: 'M', strength: 1.2 },
  ],
};

/** A sculpted shape (project v7): both mouth corners out and up, the lower lip down a little. */
const smirk: SculptShape = {
  id: 'shape_smirk' as ShapeId,
  name: 'Smirk',
  offsetsCm: Array.from({ length: 478 * 3 }, (_, i) => ({ [61 * 3]: -0.4, [61 * 3 + 1]: 0.5, [291 * 3]: 0.4, [291 * 3 + 1]: 0.5, [17 * 3 + 1]: -0.3 })[i] ?? 0),
};
/** Its weight keyed in the half-weight mouth layer: 0 until 1 s, 1 from 1.6 s. */
const smirkKeys = [
  { id: 'key_s1' as never, timeSec: 1, value: 0, interp: 'bezier' as const, handleMode: 'auto-clamped' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } },
  { id: 'key_s2' as never, timeSec: 1.6, value: 1, interp: 'linear' as const, handleMode: 'vector' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } },
];

describe.skipIf(!photoPath)('one pipeline for the CLI and the studio', () => {
  it('render --project gives the same frames as a studio export, keyframe layers, the lip sync (controls, mouth edits) and a keyed sculpted shape included, at the frame count the project derives', async () => {
    const opened = await call('project:new', { name: 'Batch' });
    const photo = await call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'cxk.png', data: arrayBufferOf(readFileSync(photoPath!)) } });
    const audio = await call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.mp3', data: arrayBufferOf(mp3Voice()) } });
    const document = {
      ...opened.document,
      assets: [photo, audio],
      photoAssetId: photo.id,
      audioAssetId: audio.id,
      settings: { ...opened.document.settings, outputWidthPx: 256, outputHeightPx: 256, seed: 9 },
      layers: [yawLayer, { ...v4Layers[0], channels: { ...v4Layers[0].channels, [shapeChannel(smirk.id)]: smirkKeys } }, v4Layers[1]],
      mouth: lipSync,
      shapes: [smirk],
    };
    // The MP3's container says more than it decodes to; the project counts decoded samples.
    const frameCount = projectFrameCount(document);
    expect(audio.media.kind === 'audio' && audio.media.durationSec).toBeGreaterThan(2.5);
    expect(frameCount).toBe(75);

    const target = join(root, 'projects', 'Batch.aniproj');
    const saved = await call('project:save', { createFolders: true, workDir: opened.workDir, path: target, document });
    const generated = await call('track:generate', { workDir: saved.workDir, document, jobId: 'gen1' });
    expect(generated.track.frameCount).toBe(frameCount);

    const studioOut = join(root, 'studio.mp4');
    const exported = await call('export:video', { workDir: saved.workDir, document, jobId: 'exp1', outPath: studioOut });
    expect(exported.frameCount).toBe(frameCount);

    const cliOut = join(root, 'cli.mp4');
    expect(await runCli(['render', '--project', target, '--out', cliOut])).toBe(0);
    const studioFrames = frameHashes(studioOut);
    expect(studioFrames).toHaveLength(frameCount!);
    expect(frameHashes(cliOut)).toEqual(studioFrames);

    // The lip sync is rendered: the same project with neutral lip sync differs in the edited frames.
    const neutralTarget = join(root, 'projects', 'Neutral.aniproj');
    const neutral = { ...document, mouth: { amount: 1, articulation: 1, smoothingSec: 0, edits: [] } };
    await call('project:save', { createFolders: true, workDir: saved.workDir, path: neutralTarget, document: neutral });
    const neutralOut = join(root, 'neutral.mp4');
    expect(await runCli(['render', '--project', neutralTarget, '--out', neutralOut])).toBe(0);
    const neutralFrames = frameHashes(neutralOut);
    for (const [first, end] of [[6, 15], [30, 39]]) expect(neutralFrames.slice(first, end).filter((hash, i) => hash === studioFrames[first + i]), `frames ${first}..${end - 1}`).toEqual([]);
    // The shape is rendered: the studio's export without it differs once its weight is up (from 1.6 s, frame 48).
    const noShapeOut = join(root, 'no-shape.mp4');
    const noShape = { ...document, shapes: [], layers: [yawLayer, ...v4Layers] };
    expect((await call('export:video', { workDir: saved.workDir, document: noShape, jobId: 'exp2', outPath: noShapeOut })).frameCount).toBe(frameCount);
    const noShapeFrames = frameHashes(noShapeOut);
    expect(noShapeFrames.slice(50).filter((hash, i) => hash === studioFrames[50 + i])).toEqual([]);

    // The layer is rendered: the same inputs without it differ once the head has turned.
    const plainOut = join(root, 'plain.mp4');
    const assetPath = (relPath: string) => join(target, relPath);
    expect(await runCli(['render', '--image', assetPath(photo.relPath), '--audio', assetPath(audio.relPath), '--size', '256', '--seed', '9', '--out', plainOut])).toBe(0);
    const plain = frameHashes(plainOut);
    expect(plain).toHaveLength(frameCount!);
    // (x264's look-ahead makes any frame's pixels depend on its neighbours, so only the turned frames are compared.)
    expect(plain.slice(40).filter((hash, i) => hash === studioFrames[40 + i])).toEqual([]);
  }, 120_000);

  it('reuses the track after Save As and a change of video engine, size or keys: no second face analysis', async () => {
    const opened = await call('project:new', { name: 'Reuse' });
    const photo = await call('assets:import', { workDir: opened.workDir, role: 'photo', source: { kind: 'bytes', fileName: 'cxk.png', data: arrayBufferOf(readFileSync(photoPath!)) } });
    const audio = await call('assets:import', { workDir: opened.workDir, role: 'audio', source: { kind: 'bytes', fileName: 'voice.wav', data: arrayBufferOf(wavBytes(toneBursts(1.5, 16000), 16000)) } });
    const document = { ...opened.document, assets: [photo, audio], photoAssetId: photo.id, audioAssetId: audio.id };
    const progressOf = async (workDir: string, doc: typeof document, jobId: string) => {
      pushes.length = 0;
      await call('track:generate', { workDir, document: doc, jobId });
      return pushes.filter((p) => p.jobId === jobId).map((p) => p.message);
    };
    expect(await progressOf(opened.workDir, document, 'r1')).toContain('Analysing the face');
    const saved = await call('project:save', { createFolders: true, workDir: opened.workDir, path: join(root, 'projects', 'Reuse.aniproj'), document });
    const edited = {
      ...document,
      engines: { ...document.engines, lmk2video: 'aniportrait' as const, interpolation: 'film' as const },
      settings: { ...document.settings, outputWidthPx: 384, outputHeightPx: 256 },
      layers: [yawLayer],
    };
    expect(await progressOf(saved.workDir, edited, 'r2')).toEqual([]);
    // A new seed does decide the track.
    expect(await progressOf(saved.workDir, { ...edited, settings: { ...edited.settings, seed: 5 } }, 'r3')).toContain('Analysing the face');
  }, 60_000);
});
