// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBuiltinVideo } from '../../src-main/engines/builtin/export-video.js';
import { generateBuiltinTrack } from '../../src-main/engines/builtin/generate-track.js';
import { createWarpRenderer } from '../../src-main/engines/builtin/warp-renderer-for-photo.js';
import { referenceCrop } from '../../src-main/engines/shared/reference-crop.js';
import { analyzePhoto } from '../../src-main/face/analyze-photo.js';
import { decodeAudioClip } from '../../src-main/media/decode-audio-clip.js';
import { ffmpegBinaries } from '../../src-main/media/ffmpeg-binaries.js';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import { INNER_MOUTH_CORNERS, LOWER_LIP_BODY } from '../../src-shared/face/landmark-regions.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { fixture, present } from '../helpers/fixtures.js';

const REF_JIJIN_PNG = fixture('ref_jijin.png');
const REF_CXK_PNG = fixture('ref_cxk.png');
const RUNS_AS_ROOT = process.getuid?.() === 0;
if (RUNS_AS_ROOT) console.warn('skipping the unwritable-output test: root writes anywhere');

const dir = mkdtempSync(join(tmpdir(), 'aniportrait-render-'));
const hasSpeech = spawnSync('espeak-ng', ['--version']).status === 0 && spawnSync('sox', ['--version']).status === 0;
if (!hasSpeech) console.warn('skipping the MP4 export tests: espeak-ng or sox is not installed (apt-get install espeak-ng sox)');

/** Speech with 1 s of silence on both sides. */
function speech(): string {
  const raw = join(dir, 'raw.wav');
  const padded = join(dir, 'speech.wav');
  execFileSync('espeak-ng', ['-w', raw, 'Hello, this is a talking portrait. We open the mouth on vowels.']);
  execFileSync('sox', [raw, padded, 'pad', '1', '1']);
  return padded;
}

function probe(path: string): { streams: { codec_type: string; codec_name: string; width?: number; height?: number; r_frame_rate: string; nb_frames?: string; pix_fmt?: string }[]; format: { duration: string } } {
  const { ffprobePath } = ffmpegBinaries();
  return JSON.parse(execFileSync(ffprobePath, ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', path], { encoding: 'utf8' })) as never;
}

/** Mean absolute difference of two RGBA frames inside a box (x0, y0, x1, y1). */
function regionDifference(a: Uint8Array, b: Uint8Array, widthPx: number, box: number[]): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(box[1]); y < box[3]; y++) {
    for (let x = Math.floor(box[0]); x < box[2]; x++) {
      for (let c = 0; c < 3; c++) sum += Math.abs(a[(y * widthPx + x) * 4 + c] - b[(y * widthPx + x) * 4 + c]);
      count += 3;
    }
  }
  return sum / count;
}

const luma = (image: Uint8Array, x: number, y: number) => 0.299 * image[(y * 512 + x) * 4] + 0.587 * image[(y * 512 + x) * 4 + 1] + 0.114 * image[(y * 512 + x) * 4 + 2];

/** Per column between the inner mouth corners (rest landmarks, 512 px frames): how many pixels the open mouth made darker by 60 levels or more. */
function openingHeights(rest: Uint8Array, open: Uint8Array, restLandmarksPx: ArrayLike<number>): number[] {
  const [left, right] = [INNER_MOUTH_CORNERS[0], INNER_MOUTH_CORNERS[1]].map((i) => restLandmarksPx[i * 2]).sort((a, b) => a - b);
  const top = Math.floor(restLandmarksPx[13 * 2 + 1] - 10);
  const bottom = Math.ceil(restLandmarksPx[152 * 2 + 1]);
  const heights: number[] = [];
  for (let x = Math.floor(left) - 2; x <= Math.ceil(right) + 2; x++) {
    let dark = 0;
    for (let y = top; y < bottom; y++) if (luma(open, x, y) < luma(rest, x, y) - 60) dark++;
    heights.push(dark);
  }
  // Only the columns the opening spans.
  const first = heights.findIndex((h) => h > 0);
  const last = heights.length - 1 - [...heights].reverse().findIndex((h) => h > 0);
  return first < 0 ? [] : heights.slice(first, last + 1);
}

/** Mean absolute difference (RGB) of the 3x3 patch at landmark i in `a` (at `aPx`) and in `b` (at `bPx`). */
function patchDifference(a: Uint8Array, aPx: ArrayLike<number>, b: Uint8Array, bPx: ArrayLike<number>, i: number): number {
  let sum = 0;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const pa = (Math.floor(aPx[i * 2 + 1]) + dy) * 512 + Math.floor(aPx[i * 2]) + dx;
      const pb = (Math.floor(bPx[i * 2 + 1]) + dy) * 512 + Math.floor(bPx[i * 2]) + dx;
      for (let c = 0; c < 3; c++) sum += Math.abs(a[pa * 4 + c] - b[pb * 4 + c]);
    }
  }
  return sum / 27;
}

describe('built-in Lmk2Video renderer', () => {
  it.skipIf(!REF_JIJIN_PNG)('reproduces the photo when the face is at rest, and moves the mouth region when the jaw opens', async () => {
    const photo = present(REF_JIJIN_PNG);
    const { rig } = await analyzePhoto(photo, 'ref_jijin.png');
    const renderer = await createWarpRenderer(photo, 'ref_jijin.png', rig, 512, 512);
    const expression = new ExpressionRig(rig.lmks3dCm);
    const rest = createRgbaImage(512, 512);
    const open = createRgbaImage(512, 512);
    renderer.render(new Float32Array(LANDMARK_COUNT * 3), [0, 0, 0, 0, 0, 0], rest);
    // At rest every pixel is the (cropped) photo's, exactly.
    const { image: photoAtSize } = await referenceCrop(photo, 'ref_jijin.png', rig, 512, 512);
    expect(Buffer.from(rest.data).equals(Buffer.from(photoAtSize.data))).toBe(true);
    const restLandmarks = Float32Array.from(renderer.frameLandmarksPx);
    renderer.render(expression.offsets({ ...NEUTRAL_FACE, jawOpen: 1 }), [0, 0, 0, 0, 0, 0], open);
    const mouth = [restLandmarks[61 * 2] - 5, restLandmarks[13 * 2 + 1] - 5, restLandmarks[291 * 2] + 5, restLandmarks[152 * 2 + 1]];
    const forehead = [restLandmarks[10 * 2] - 30, restLandmarks[10 * 2 + 1], restLandmarks[10 * 2] + 30, restLandmarks[10 * 2 + 1] + 20];
    expect(regionDifference(rest.data, open.data, 512, mouth)).toBeGreaterThan(8);
    expect(regionDifference(rest.data, open.data, 512, forehead)).toBeLessThan(0.5);
    // The corners of the frame (background) never move.
    expect(regionDifference(rest.data, open.data, 512, [0, 0, 40, 40])).toBe(0);
    // Her thin lips part as lips: the opening narrows into the mouth corners, where the lips meet
    // (a slot cut in the face keeps its full height up to upright ends).
    const heights = openingHeights(rest.data, open.data, restLandmarks);
    const tallest = Math.max(...heights);
    const end = Math.max(2, Math.round(heights.length * 0.1));
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(tallest).toBeGreaterThan(10);
    expect(mean(heights.slice(0, end)) / tallest, 'the opening near the right mouth corner').toBeLessThan(0.6);
    expect(mean(heights.slice(-end)) / tallest, 'the opening near the left mouth corner').toBeLessThan(0.6);
    // The lower lip's own texture went down with its landmarks (3x3 patches at the lip body's points).
    let moved = 0;
    let stayed = 0;
    for (const i of LOWER_LIP_BODY) {
      moved += patchDifference(photoAtSize.data, restLandmarks, open.data, renderer.frameLandmarksPx, i);
      stayed += patchDifference(photoAtSize.data, restLandmarks, open.data, restLandmarks, i);
    }
    // (Measured: about 12 levels where the lip went, about 100 where it was: the opening is there now.)
    expect(moved / LOWER_LIP_BODY.length).toBeLessThan(20);
    expect(stayed).toBeGreaterThan(moved * 3);
    // A head turn of 15 degrees moves the face but leaves the picture whole: no holes or torn-in
    // black (hardly a pixel turns dark that was not; the hair may cover the photo's dark border),
    // and the picture at the corners barely moves.
    const turned = createRgbaImage(512, 512);
    renderer.render(new Float32Array(LANDMARK_COUNT * 3), [0, 15, 0, 0, 0, 0], turned);
    const dark = (image: Uint8Array, i: number) => image[i * 4] + image[i * 4 + 1] + image[i * 4 + 2] < 30;
    let newlyDark = 0;
    for (let i = 0; i < 512 * 512; i++) if (dark(turned.data, i) && !dark(rest.data, i)) newlyDark++;
    expect(newlyDark).toBeLessThan(60);
    expect(regionDifference(rest.data, turned.data, 512, mouth)).toBeGreaterThan(8);
    // (That corner is her shoulder, part of the person layer that the rings carry a little; the
    // background proper is checked pixel by pixel in builtin-layers.test.ts.)
    expect(regionDifference(rest.data, turned.data, 512, [0, 472, 40, 512])).toBeLessThan(5);
  });
});

describe.skipIf(!hasSpeech)('MP4 export', () => {
  it.skipIf(!REF_CXK_PNG)('writes H.264 + AAC at the right size, fps and length; the mouth moves with speech and rests in silence', async () => {
    const photo = present(REF_CXK_PNG);
    const audio = speech();
    const samples = await decodeAudioClip(audio, 'speech.wav');
    const { rig } = await analyzePhoto(photo, 'ref_cxk.png');
    const track = await generateBuiltinTrack({ samples, fps: 25, seed: 4, poseSource: { kind: 'audio' } });
    const out = join(dir, 'talk.mp4');
    const progress: number[] = [];
    await exportBuiltinVideo({ photoPath: photo, photoLabel: 'ref_cxk.png', audioPath: audio, rig, track, outPath: out, widthPx: 384, heightPx: 256, onProgress: (done) => progress.push(done) });
    const info = probe(out);
    const video = info.streams.find((s) => s.codec_type === 'video');
    const sound = info.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 384, height: 256, r_frame_rate: '25/1', pix_fmt: 'yuv420p' });
    expect(Number(video?.nb_frames)).toBe(track.frameCount);
    expect(sound?.codec_name).toBe('aac');
    expect(Number(info.format.duration)).toBeCloseTo(samples.length / 16000, 1);
    expect(progress[progress.length - 1]).toBe(track.frameCount);
    expect(existsSync(`${out}.part`)).toBe(false);
    // Mouth motion: jaw closed in the leading second of silence, open somewhere while talking.
    expect(Math.max(...track.params.jawOpen.subarray(0, 20))).toBeLessThan(0.05);
    expect(Math.max(...track.params.jawOpen)).toBeGreaterThan(0.4);
  });

  it.skipIf(!REF_CXK_PNG)('a cancelled export leaves no file and no ffmpeg process behind', async () => {
    const photo = present(REF_CXK_PNG);
    const audio = speech();
    const samples = await decodeAudioClip(audio, 'speech.wav');
    const { rig } = await analyzePhoto(photo, 'ref_cxk.png');
    const track = await generateBuiltinTrack({ samples, fps: 30, seed: 4, poseSource: { kind: 'audio' } });
    const exportDir = join(dir, 'cancelled');
    mkdirSync(exportDir);
    const controller = new AbortController();
    const attempt = exportBuiltinVideo({
      photoPath: photo, photoLabel: 'ref_cxk.png', audioPath: audio, rig, track, outPath: join(exportDir, 'talk.mp4'), widthPx: 512, heightPx: 512,
      signal: controller.signal,
      onProgress: (done) => done === 20 && controller.abort(),
    });
    await expect(attempt).rejects.toThrow(/cancelled/);
    expect(readdirSync(exportDir)).toEqual([]);
    const ffmpegs = spawnSync('pgrep', ['-f', join(exportDir, 'talk.mp4')], { encoding: 'utf8' }).stdout.trim();
    expect(ffmpegs).toBe('');
  });

  it.skipIf(!REF_CXK_PNG || RUNS_AS_ROOT)('names an unwritable target folder', async () => {
    const photo = present(REF_CXK_PNG);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const { rig } = await analyzePhoto(photo, 'ref_cxk.png');
    const track = await generateBuiltinTrack({ samples: new Float32Array(16000).fill(0.1), fps: 30, seed: 1, poseSource: { kind: 'audio' } });
    await expect(exportBuiltinVideo({ photoPath: photo, photoLabel: 'p', audioPath: speech(), rig, track, outPath: join(locked, 'x.mp4'), widthPx: 256, heightPx: 256 })).rejects.toThrow(/permission/i);
  });

  it.skipIf(!REF_CXK_PNG)('names a target folder that does not exist', async () => {
    const photo = present(REF_CXK_PNG);
    const { rig } = await analyzePhoto(photo, 'ref_cxk.png');
    const track = await generateBuiltinTrack({ samples: new Float32Array(16000).fill(0.1), fps: 30, seed: 1, poseSource: { kind: 'audio' } });
    await expect(exportBuiltinVideo({ photoPath: photo, photoLabel: 'p', audioPath: speech(), rig, track, outPath: join(dir, 'no', 'such', 'x.mp4'), widthPx: 256, heightPx: 256 })).rejects.toThrow(/no[/\\]such.*Check the path/);
  });
});
