import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExpressionRig, NEUTRAL_FACE } from '../../src-shared/face/expression-rig.js';
import { createRgbaImage } from '../../src-shared/render/rgba-image.js';
import { exportBuiltinVideo } from '../engines/builtin/export-video.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { createWarpRenderer } from '../engines/builtin/warp-renderer-for-photo.js';
import type { FaceRig } from '../../src-shared/face/face-rig.js';
import { WarpRenderer } from '../../src-shared/render/warp-renderer.js';
import { referenceCrop } from '../engines/shared/reference-crop.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { loadCanonicalFace } from '../face/canonical-face.js';
import { MATTE_MODEL, computePersonMatte } from '../face/person-matte.js';
import { bareEncodeMs, canSynthesizeSpeech, dumpRawFrames, forkForPeakRss, synthesizeSpeechFile } from '../media/bench-media.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';

/** Export + bare encode pairs measured (odd: the median is one of them). */
const RUNS = 3;
const TEXT = 'The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. How vexingly quick daft zebras jump.';

/**
 * Built-in Lmk2Video figures: render fps at 512x512 on one core, export time of a 60 s clip over
 * bare ffmpeg's time to encode the same frames, and peak RSS of a 10 s and a 60 s export (each in
 * its own process, so the figures do not mix). This machine's speed drifts by tens of percent, so
 * timings are medians of RUNS (export and bare encode alternating), with all runs listed.
 */
export async function lmk2videoFigures(photoPath: string): Promise<Record<string, number | string>> {
  if (!existsSync(photoPath) || !canSynthesizeSpeech()) return { lmk2video: 'skipped: needs a photo and espeak-ng + sox' };
  const figures: Record<string, number | string> = {};
  const { rig } = await analyzePhoto(photoPath, 'bench photo');
  const renderer = await createWarpRenderer(photoPath, 'bench photo', rig, 512, 512);
  const expression = new ExpressionRig(rig.lmks3dCm);
  const image = createRgbaImage(512, 512);
  const frames = 300;
  const offsets = Array.from({ length: 60 }, (_, f) => expression.offsets({ ...NEUTRAL_FACE, jawOpen: 0.5 + 0.5 * Math.sin(f / 4), blinkLeft: f === 30 ? 1 : 0, blinkRight: f === 30 ? 1 : 0 }));
  const pose = (f: number) => [2 * Math.sin(f / 30), 3 * Math.sin(f / 47), Math.sin(f / 61), 0.2 * Math.sin(f / 40), 0, 0];
  for (let f = 0; f < 60; f++) renderer.render(offsets[f % 60], pose(f), image);
  const fps: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    for (let f = 0; f < frames; f++) renderer.render(offsets[f % 60], pose(f), image);
    fps.push(Math.round((frames * 1000) / (performance.now() - started)));
  }
  fps.sort((a, b) => a - b);
  figures.render_fps_512_one_core = fps[Math.floor(RUNS / 2)];
  figures.render_fps_512_one_core_runs = fps.join(' ');
  Object.assign(figures, await matteFigures(photoPath, rig));

  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-bench-'));
  try {
    const audio = join(dir, 'speech60.wav');
    synthesizeSpeechFile(TEXT, 60, audio);
    const exported = join(dir, 'export60.mp4');
    const raw = join(dir, 'frames.rgba');
    const pairs: { exportMs: number; bareMs: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const exportMs = await timedExport(photoPath, audio, exported);
      if (run === 0) dumpRawFrames(exported, raw);
      pairs.push({ exportMs, bareMs: bareEncodeMs(raw, 512, 512, 30, audio, join(dir, 'bare.mp4')) });
    }
    rmSync(raw, { force: true });
    pairs.sort((a, b) => a.exportMs / a.bareMs - b.exportMs / b.bareMs);
    const median = pairs[Math.floor(RUNS / 2)];
    figures.export_60s_ms = Math.round(median.exportMs);
    figures.bare_ffmpeg_60s_ms = Math.round(median.bareMs);
    figures.export_over_bare_ffmpeg_ratio = Math.round((median.exportMs / median.bareMs) * 100) / 100;
    figures.export_over_bare_ffmpeg_ratio_runs = pairs.map((p) => (p.exportMs / p.bareMs).toFixed(2)).join(' ');
    figures.export_60s_mb = Math.round(statSync(exported).size / 1e5) / 10;
    const audio10 = join(dir, 'speech10.wav');
    synthesizeSpeechFile(TEXT, 10, audio10);
    figures.export_peak_rss_mb_10s = await childExportRss(photoPath, audio10, join(dir, 'child10.mp4'));
    figures.export_peak_rss_mb_60s = await childExportRss(photoPath, audio, join(dir, 'child60.mp4'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/**
 * The person matte's cost: segmenting the photo (median of RUNS, after one warm-up that loads the
 * model), and render fps at 512x512 without it (one warped layer), beside render_fps_512_one_core
 * (with the matte: two layers composited).
 */
export async function matteFigures(photoPath: string, rig: FaceRig): Promise<Record<string, number | string>> {
  await computePersonMatte(photoPath, 'bench photo', rig);
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await computePersonMatte(photoPath, 'bench photo', rig);
    ms.push(Math.round(performance.now() - started));
  }
  ms.sort((a, b) => a - b);
  const { crop, image } = await referenceCrop(photoPath, 'bench photo', rig, 512, 512);
  const single = new WarpRenderer(image, rig, crop, loadCanonicalFace().triangles);
  const expression = new ExpressionRig(rig.lmks3dCm);
  const frame = createRgbaImage(512, 512);
  const frames = 300;
  const offsets = expression.offsets({ ...NEUTRAL_FACE, jawOpen: 0.5 });
  const started = performance.now();
  for (let f = 0; f < frames; f++) single.render(offsets, [2 * Math.sin(f / 30), 3 * Math.sin(f / 47), 0, 0, 0, 0], frame);
  return {
    matte_ms_per_photo: ms[Math.floor(RUNS / 2)],
    matte_ms_per_photo_runs: ms.join(' '),
    matte_model: MATTE_MODEL,
    render_fps_512_one_core_without_matte: Math.round((frames * 1000) / (performance.now() - started)),
  };
}

/** Photo + audio -> MP4 at 512x512, as `aniportrait render` does it; returns milliseconds. */
export async function timedExport(photoPath: string, audioPath: string, outPath: string): Promise<number> {
  const started = performance.now();
  const { rig } = await analyzePhoto(photoPath, 'bench photo');
  const samples = await decodeAudioClip(audioPath, 'bench audio');
  const track = await generateBuiltinTrack({ samples, fps: 30, seed: 1, poseSource: { kind: 'audio' } });
  await exportBuiltinVideo({ photoPath, photoLabel: 'bench photo', audioPath, rig, track, outPath, widthPx: 512, heightPx: 512 });
  return performance.now() - started;
}

/** Runs one export in a fresh Node process (bench.js --child-export) and returns its peak RSS. */
function childExportRss(photoPath: string, audioPath: string, outPath: string): Promise<number> {
  return forkForPeakRss(fileURLToPath(import.meta.url), ['--child-export', photoPath, audioPath, outPath]);
}
