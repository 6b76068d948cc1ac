import { parseArgs } from 'node:util';
import { StudioError } from '../../src-shared/util/result.js';
import { exportBuiltinVideo } from '../engines/builtin/export-video.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import { JOB_OPTIONS, parseJobArgs } from './job-args.js';
import { createProgressBar } from './progress-bar.js';

export const RENDER_USAGE = `aniportrait render --image PHOTO --audio AUDIO --out OUT.mp4 [--size 512 | --size WxH]
                 [--fps 30] [--pose-template NPY | --pose-video VIDEO] [--seed N] [--engine builtin]`;

/** `aniportrait render`: photo + speech -> talking-head MP4, the main job in one command. */
export async function renderCommand(args: string[], log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: { ...JOB_OPTIONS, size: { type: 'string', default: '512' }, engine: { type: 'string', default: 'builtin' } } });
  const job = parseJobArgs(values, RENDER_USAGE);
  const { widthPx, heightPx } = parseSize(values.size);
  if (values.engine === 'aniportrait') {
    throw new StudioError('unavailable', 'The AniPortrait ONNX engine is not in this build yet; use --engine builtin.');
  }
  if (values.engine !== 'builtin') throw new StudioError('invalid-request', `--engine must be builtin or aniportrait, got ${values.engine}.`);
  const started = performance.now();
  const { rig, warnings } = await analyzePhoto(job.imagePath, job.imageLabel);
  warnings.forEach((w) => log(`warning: ${w}`));
  const samples = await decodeAudioClip(job.audioPath, job.audioLabel, signal);
  const track = await generateBuiltinTrack({ samples, fps: job.fps, seed: job.seed, poseSource: job.poseSource, signal });
  const bar = createProgressBar('Rendering');
  await exportBuiltinVideo({
    photoPath: job.imagePath,
    photoLabel: job.imageLabel,
    audioPath: job.audioPath,
    rig,
    track,
    outPath: job.outPath,
    widthPx,
    heightPx,
    signal,
    onProgress: (done, total) => bar.update(done, total),
  });
  const seconds = (performance.now() - started) / 1000;
  log(`wrote ${job.outPath}: ${widthPx}x${heightPx}, ${track.frameCount} frames at ${job.fps} fps in ${seconds.toFixed(1)} s`);
}

/** "512" (square) or "WxH"; even sizes (H.264 yuv420p needs them), 64..4096. */
function parseSize(text: string | undefined): { widthPx: number; heightPx: number } {
  const match = /^(\d+)(?:x(\d+))?$/.exec(text ?? '');
  const widthPx = Number(match?.[1]);
  const heightPx = Number(match?.[2] ?? match?.[1]);
  const ok = (v: number) => Number.isInteger(v) && v >= 64 && v <= 4096 && v % 2 === 0;
  if (!match || !ok(widthPx) || !ok(heightPx)) throw new StudioError('invalid-request', `--size must be an even size like 512 or 768x512 (64..4096), got ${text}.`);
  return { widthPx, heightPx };
}
