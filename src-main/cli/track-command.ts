import { parseArgs } from 'node:util';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import { paramTrackFrames } from '../../src-shared/face/face-param-track.js';
import type { LandmarkTrack } from '../../src-shared/face/landmark-track.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { trackJsonChunks } from '../../src-shared/formats/track-json.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import { writeChunksAtomic } from '../util/write-chunks-atomic.js';
import { aniPortraitTrack, openJobModels } from './aniportrait-job.js';
import { checkJobOutput } from './check-job-output.js';
import { JOB_OPTIONS, JOB_OPTIONS_HELP, parseJobArgs } from './job-args.js';

export const TRACK_USAGE = `aniportrait track --image PHOTO --audio AUDIO --out track.json
                 [--pose-template NPY | --pose-video VIDEO] [--fps 30] [--seed N]
                 [--engine builtin | --engine aniportrait [--models DIR] [--providers cuda,dml,cpu] [--pose-style 0..99]]`;

/** What `aniportrait track --help` prints. */
export const TRACK_HELP = `Usage: ${TRACK_USAGE}

Writes the landmark track that \`render\` would animate, as JSON: per frame the 478 face points in
photo pixels and the head pose (README, "CLI", gives the format).

${JOB_OPTIONS_HELP}
`;

/** `aniportrait track`: photo + speech -> landmark track JSON. */
export async function trackCommand(args: string[], log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: JOB_OPTIONS });
  const job = parseJobArgs(values, TRACK_USAGE);
  await checkJobOutput(job);
  const started = performance.now();
  const models = job.engine === 'aniportrait' ? await openJobModels(job, log) : undefined;
  try {
    models?.assertPresent(['audio2lmk']);
    const { rig, warnings } = await analyzePhoto(job.imagePath, job.imageLabel);
    warnings.forEach((w) => log(`warning: ${w}`));
    const samples = await decodeAudioClip(job.audioPath, job.audioLabel, signal);
    const track = models
      ? landmarkFrames(await aniPortraitTrack(job, models, rig, samples, signal))
      : paramTrackFrames(await generateBuiltinTrack({ samples, fps: job.fps, seed: job.seed, poseSource: job.poseSource, signal }), new ExpressionRig(rig.lmks3dCm));
    await writeChunksAtomic(job.outPath, trackJsonChunks(rig, track), `the track file "${job.outPath}"`);
    const seconds = (performance.now() - started) / 1000;
    log(`wrote ${job.outPath}: ${track.frameCount} frames at ${track.fps} fps (${(samples.length / 16000).toFixed(1)} s of audio, ${job.engine} engine) in ${seconds.toFixed(1)} s`);
  } finally {
    await models?.dispose();
  }
}

function landmarkFrames(track: LandmarkTrack) {
  const stride = LANDMARK_COUNT * 3;
  return { ...track, offsetsInto: (frameIndex: number, out: Float32Array) => out.set(track.offsetsCm.subarray(frameIndex * stride, (frameIndex + 1) * stride)) };
}
