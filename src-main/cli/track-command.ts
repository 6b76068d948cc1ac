import { parseArgs } from 'node:util';
import { paramTrackFrames } from '../../src-shared/face/face-param-track.js';
import { trackJsonChunks } from '../../src-shared/formats/track-json.js';
import { composeLayers } from '../../src-shared/keyframes/compose-layers.js';
import { AniPortraitModelSource } from '../pipeline/aniportrait-model-source.js';
import { checkJobOutput } from '../pipeline/check-job-output.js';
import { runTrack } from '../pipeline/run-track.js';
import { writeChunksAtomic } from '../util/write-chunks-atomic.js';
import { JOB_OPTIONS, JOB_OPTIONS_HELP, jobFromArgs } from './job-args.js';

export const TRACK_USAGE = `aniportrait track (--image PHOTO (--audio AUDIO | --video SOURCE [--keep PARTS]) --out track.json | --project P.aniproj [--out track.json])
                 [--pose-template NPY | --pose-video VIDEO] [--fps 30] [--seed N]
                 [--engine builtin|aniportrait | --audio-engine E] [aniportrait: --models DIR --providers cuda,dml,cpu --pose-style 0..99]`;

/** What `aniportrait track --help` prints. */
export const TRACK_HELP = `Usage: ${TRACK_USAGE}

Writes the landmark track that \`render\` would animate, as JSON: per frame the 478 face points in
photo pixels and the head pose (README, "CLI", gives the format). With --project, the project's
keyframe layers are composed over the generated track, as \`render\` would draw it.

${JOB_OPTIONS_HELP}
`;

/** `aniportrait track`: photo + speech (or a saved project) -> landmark track JSON. */
export async function trackCommand(args: string[], log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: JOB_OPTIONS });
  const { job, outPath } = await jobFromArgs(values, TRACK_USAGE, 'track');
  await checkJobOutput(job, outPath);
  const started = performance.now();
  const models = new AniPortraitModelSource(job.models.dir, job.models.providers, (warning) => log(`warning: ${warning}`));
  try {
    const { rig, generated, expression, warnings } = await runTrack(job, { models, signal });
    warnings.forEach((w) => log(`warning: ${w}`));
    const track = composeLayers(generated, job.layers, { mouth: job.mouth, shapes: job.shapes });
    await writeChunksAtomic(outPath, trackJsonChunks(rig, paramTrackFrames(track, expression)), `the track file "${outPath}"`);
    const seconds = (performance.now() - started) / 1000;
    log(`wrote ${outPath}: ${track.frameCount} frames at ${track.fps} fps (${(track.frameCount / track.fps).toFixed(1)} s of video, ${job.performance ? 'from the performance video' : `${job.engines.audio2lmk} engine`}) in ${seconds.toFixed(1)} s`);
  } finally {
    await models.dispose();
  }
}
