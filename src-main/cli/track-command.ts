import { parseArgs } from 'node:util';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import { paramTrackFrames } from '../../src-shared/face/face-param-track.js';
import { trackJsonChunks } from '../../src-shared/formats/track-json.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import { writeChunksAtomic } from '../util/write-chunks-atomic.js';
import { JOB_OPTIONS, parseJobArgs } from './job-args.js';

export const TRACK_USAGE = `aniportrait track --image PHOTO --audio AUDIO --out track.json
                 [--pose-template NPY | --pose-video VIDEO] [--fps 30] [--seed N]`;

/** `aniportrait track`: photo + speech -> landmark track JSON, on the built-in engine. */
export async function trackCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: JOB_OPTIONS });
  const job = parseJobArgs(values, TRACK_USAGE);
  const started = performance.now();
  const { rig, warnings } = await analyzePhoto(job.imagePath, job.imageLabel);
  warnings.forEach((w) => log(`warning: ${w}`));
  const samples = await decodeAudioClip(job.audioPath, job.audioLabel);
  const params = await generateBuiltinTrack({ samples, fps: job.fps, seed: job.seed, poseSource: job.poseSource });
  const track = paramTrackFrames(params, new ExpressionRig(rig.lmks3dCm));
  await writeChunksAtomic(job.outPath, trackJsonChunks(rig, track), `the track file "${job.outPath}"`);
  const seconds = (performance.now() - started) / 1000;
  log(`wrote ${job.outPath}: ${track.frameCount} frames at ${job.fps} fps (${(samples.length / 16000).toFixed(1)} s of audio) in ${seconds.toFixed(1)} s`);
}
