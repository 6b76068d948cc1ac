// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { poseImageSource } from '../../src-main/engines/aniportrait/render-video.js';
import { referenceCrop } from '../../src-main/engines/shared/reference-crop.js';
import { trackedVideo } from '../../src-main/engines/performance/tracked-video-cache.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { runTrack } from '../../src-main/pipeline/run-track.js';
import { toLandmarkTrack } from '../../src-shared/face/face-param-track.js';
import { POSE_IMAGE_CONNECTIONS } from '../../src-shared/face/pose-image-connections.js';
import { DEFAULT_DIFFUSION_SETTINGS } from '../../src-shared/job/render-job.js';
import { measureFace } from '../../src-shared/performance/face-measures.js';
import { ALL_PERFORMANCE_PARTS } from '../../src-shared/performance/performance-parts.js';
import { pearson } from '../helpers/correlation.js';
import { builtCli, fixture, present } from '../helpers/fixtures.js';
import { buildTinyAniPortraitModels } from '../helpers/onnx/tiny-aniportrait.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'aniportrait.js');
const REF_CXK_PNG = fixture('ref_cxk.png');
const POSE_REF_VIDEO = fixture('pose_ref_video.mp4');
const built = builtCli();
const dir = mkdtempSync(join(tmpdir(), 'aniportrait-reenact-onnx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Mean row of the pixels of one pose-image line colour (array order, as drawn), or NaN. */
function meanRowOf(image: Uint8Array, widthPx: number, color: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < image.length; i += 3) {
    if (image[i] === color[0] && image[i + 1] === color[1] && image[i + 2] === color[2]) {
      sum += Math.floor(i / 3 / widthPx);
      count++;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

const colorOf = (name: string) => {
  const group = POSE_IMAGE_CONNECTIONS.find((g) => g.name === name);
  if (!group) throw new Error(`no pose-image group ${name}`);
  return group.color;
};

describe.skipIf(!REF_CXK_PNG || !POSE_REF_VIDEO)('reenactment on the AniPortrait Lmk2Video engine', () => {
  const clip = join(dir, 'performance.mp4');

  it("draws the performance track as AniPortrait's pose images: their inner lips open and close with the source video's mouth", async () => {
    execFileSync(ffmpegBinaries().ffmpegPath, ['-y', '-loglevel', 'error', '-i', present(POSE_REF_VIDEO), '-t', '2', clip]);
    const job = {
      photo: { path: present(REF_CXK_PNG), label: 'The photo' },
      audio: { path: clip, label: 'The sound of the video' },
      poseSource: { kind: 'audio' as const },
      performance: { path: clip, label: 'The performance video', parts: ALL_PERFORMANCE_PARTS },
      engines: { audio2lmk: 'builtin' as const, lmk2video: 'aniportrait' as const, interpolation: 'film' as const },
      fps: 30,
      seed: 42,
      poseStyle: 42,
      size: null,
      diffusion: DEFAULT_DIFFUSION_SETTINGS,
      layers: [],
      shapes: [],
      models: { dir },
      project: null,
      trackKey: null,
    };
    const { rig, generated, expression } = await runTrack(job, { models: { open: () => Promise.reject(new Error('the track stage loads no models')) } });
    const sizePx = 512;
    const { crop } = await referenceCrop(job.photo.path, job.photo.label, rig, sizePx, sizePx);
    const poseImage = poseImageSource(rig, toLandmarkTrack(generated, expression), crop, sizePx, sizePx);
    // The source as the performance engine tracked it (its cache: the same frames, not tracked twice).
    const { frames } = await trackedVideo(clip, 'source', 30, generated.frameCount, undefined, () => {});
    const top = colorOf('LIPS_INNER_TOP_LEFT');
    const bottom = colorOf('LIPS_INNER_BOTTOM_LEFT');
    const drawn: number[] = [];
    const performed: number[] = [];
    for (let f = 0; f < Math.min(frames.length, generated.frameCount); f++) {
      const face = frames[f];
      if (!face) continue;
      const image = poseImage(f);
      drawn.push(meanRowOf(image, sizePx, bottom) - meanRowOf(image, sizePx, top));
      const m = measureFace(face.lmks3dCm);
      performed.push(m.mouthOpenCm / m.faceHeightCm);
    }
    const r = pearson(drawn, performed);
    console.log(`pose images vs the source's mouth over ${drawn.length} frames: r ${r.toFixed(3)}`);
    expect(drawn.length).toBeGreaterThan(50);
    expect(r).toBeGreaterThan(0.8);
  }, 120_000);

  it.skipIf(!built)('aniportrait reenact --video-engine aniportrait renders the performance on the tiny stand-in graphs', () => {
    const models = join(dir, 'models');
    mkdirSync(models, { recursive: true });
    const { manifest } = buildTinyAniPortraitModels(models);
    writeFileSync(join(models, 'aniportrait.manifest.json'), JSON.stringify(manifest));
    const env = { ...process.env, ANIPORTRAIT_DATA_DIR: join(dir, 'data') };
    const run = spawnSync(process.execPath, [BIN, 'reenact', '--image', present(REF_CXK_PNG), '--video', clip, '--out', join(dir, 'out.mp4'), '--video-engine', 'aniportrait', '--models', models, '--steps', '2', '--providers', 'cpu'], { env, encoding: 'utf8' });
    expect(run.stderr).toMatch(/wrote .*out\.mp4: 64x64, 6[01] frames at 30 fps \(AniPortrait on cpu\)/);
    expect(run.status).toBe(0);
    // Options of an Audio2Lmk engine have no place in a reenactment: no Audio2Lmk runs.
    const poseStyle = spawnSync(process.execPath, [BIN, 'render', '--image', present(REF_CXK_PNG), '--video', clip, '--out', join(dir, 'x.mp4'), '--engine', 'aniportrait', '--pose-style', '3', '--models', models], { env, encoding: 'utf8' });
    expect(poseStyle.status).toBe(2);
    expect(poseStyle.stderr).toMatch(/--pose-style belongs to the aniportrait Audio2Lmk .*this job runs a performance video \(no Audio2Lmk\)/);
  }, 180_000);
});
