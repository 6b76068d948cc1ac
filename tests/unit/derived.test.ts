// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FaceParamName, FaceParamTrack } from '../../src-shared/face/face-param-track.js';
import { FACE_PARAM_NAMES, paramTrack } from '../../src-shared/face/face-param-track.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema.js';
import { channelValueAt, frameCountForSamples, previewRenderKey, projectFrameCount, stageModelFiles, trackInputsKey } from '../../src-shared/project/derived.js';
import { videoFrameCount } from '../../src-shared/aniportrait/audio-features.js';
import { parseModelManifest } from '../../src-shared/models/model-manifest.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { projectDocumentSchema } from '../../src-shared/project/project-schema.js';

const v4 = (): ProjectDocument => {
  const doc = projectDocumentSchema.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'projects', 'v4-full.after.json'), 'utf8')));
  const photo = { ...doc.assets[0], id: 'asset_photo1' as never, role: 'photo' as const, relPath: 'assets/photo-1.png', media: { kind: 'image' as const, widthPx: 512, heightPx: 512, codec: 'png' } };
  return { ...doc, assets: [...doc.assets, photo], photoAssetId: photo.id };
};

function flatTrack(frameCount: number, fps: number): FaceParamTrack {
  const params = Object.fromEntries(FACE_PARAM_NAMES.map((n, k) => [n, Float32Array.from({ length: frameCount }, (_, f) => k * 0.01 + f * 0.001)])) as Record<FaceParamName, Float32Array>;
  return paramTrack(fps, frameCount, params, Float32Array.from({ length: frameCount * 6 }, (_, i) => i % 6));
}

describe('derived facts', () => {
  it('counts frames from the decoded samples: an exact multiple is not rounded up, a tail gets its frame', () => {
    expect(frameCountForSamples(16000 * 4, 16000, 30)).toBe(120);
    expect(frameCountForSamples(16000 * 4 + 1, 16000, 30)).toBe(121);
    // 3.968 s decoded (an MP3 whose container says 4.07 s): 120 frames, not 122.
    expect(frameCountForSamples(63488, 16000, 30)).toBe(120);
    // AniPortrait's seq_len is the same count.
    for (const n of [1, 533, 16000, 63488, 80000, 160125]) expect(videoFrameCount(n)).toBe(frameCountForSamples(n, 16000, 30));
  });

  it("takes the project's frame count from its audio's sample count and fps", () => {
    const doc = v4();
    expect(projectFrameCount(doc)).toBe(Math.ceil((159744 * 30) / 16000));
    expect(projectFrameCount({ ...doc, settings: { ...doc.settings, fps: 24 } })).toBe(Math.ceil((159744 * 24) / 16000));
    expect(projectFrameCount({ ...doc, audioAssetId: null })).toBeNull();
  });

  it('keys the track by photo, audio, pose source, Audio2Lmk engine, fps and seed, and nothing else', () => {
    const doc = v4();
    const key = trackInputsKey(doc);
    expect(key).not.toBeNull();
    const same = (d: ProjectDocument) => expect(trackInputsKey(d)).toBe(key);
    const other = (d: ProjectDocument) => expect(trackInputsKey(d)).not.toBe(key);
    same({ ...doc, engines: { ...doc.engines, lmk2video: 'builtin', interpolation: 'none' } });
    same({ ...doc, settings: { ...doc.settings, outputWidthPx: 768, outputHeightPx: 512 } });
    same({ ...doc, layers: [], markers: [] });
    same({ ...doc, name: 'Renamed', modifiedAt: '2027-01-01T00:00:00.000Z' });
    other({ ...doc, engines: { ...doc.engines, audio2lmk: 'aniportrait' } });
    other({ ...doc, settings: { ...doc.settings, fps: 25 } });
    other({ ...doc, settings: { ...doc.settings, seed: 7 } });
    other({ ...doc, poseSource: { kind: 'audio' } });
    other({ ...doc, poseSource: { kind: 'template', relPath: 'assets/pose-template-1.npy' } });
    other({ ...doc, audioAssetId: 'asset_video1' as never });
    expect(trackInputsKey({ ...doc, photoAssetId: null })).toBeNull();
  });

  it('keeps the lip sync out of the track key (no regeneration) and in the preview key (new pixels)', () => {
    const doc = v4();
    const lipSync = { ...doc, mouth: { amount: 0.5, articulation: 2, smoothingSec: 0.1, edits: [{ id: 'm', startSec: 0.1, endSec: 0.3, shape: 'O' as const, strength: 1 }] } };
    expect(trackInputsKey(lipSync)).toBe(trackInputsKey(doc));
    expect(previewRenderKey(lipSync)).not.toBe(previewRenderKey(doc));
  });

  it('gives the rendered value of a channel: generated plus every enabled layer, as composeLayers renders it', () => {
    const generated = flatTrack(90, 30);
    const key = (timeSec: number, value: number) => ({ id: `k${timeSec}` as never, timeSec, value, interp: 'linear' as const, handleMode: 'free' as const, leftHandle: { dtSec: 0, dValue: 0 }, rightHandle: { dtSec: 0, dValue: 0 } });
    const layers: KeyframeLayer[] = [
      { id: 'l1' as never, name: 'A', enabled: true, solo: false, weight: 1, channels: { yawDeg: [key(0, 0), key(2, 20)], smile: [key(0, 0.5)] } },
      { id: 'l2' as never, name: 'B', enabled: true, solo: false, weight: 1, channels: { yawDeg: [key(0, 5)] } },
      { id: 'l3' as never, name: 'Muted', enabled: false, solo: false, weight: 1, channels: { yawDeg: [key(0, 100)], smile: [key(0, 9)] } },
    ];
    const composed = composeLayers(generated, layers);
    for (const frame of [0, 15, 30, 89]) {
      expect(channelValueAt(generated, layers, 'yawDeg', frame, 30)).toBeCloseTo(composed.poses[frame * 6 + 1], 4);
      expect(channelValueAt(generated, layers, 'smile', frame, 30)).toBeCloseTo(composed.params.smile[frame], 5);
    }
    // Second layer and disabled third: 1 + 10 (frame 30 is 1 s: half of 20) + 5, not + 100.
    expect(channelValueAt(generated, layers, 'yawDeg', 30, 30)).toBeCloseTo(1 + 10 + 5, 5);
    expect(channelValueAt(null, layers, 'yawDeg', 30, 30)).toBeCloseTo(15, 5);
  });

  it("lists a stage's model files from the manifest", () => {
    const manifest = parseModelManifest(JSON.parse(readFileSync(join(__dirname, '..', '..', 'models', 'aniportrait.manifest.json'), 'utf8')));
    expect(stageModelFiles(manifest, 'audio2lmk').sort()).toEqual(['audio2mesh.onnx', 'audio2pose_encoder.onnx', 'audio2pose_step.onnx', 'w2v_feature_encoder.onnx']);
    expect(stageModelFiles(manifest, 'interpolation')).toEqual(['film_net.onnx']);
    expect(stageModelFiles(manifest, 'lmk2video')).toContain('denoising_unet.onnx');
  });
});
