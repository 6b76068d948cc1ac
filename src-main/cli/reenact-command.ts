import { parseArgs } from 'node:util';
import { PERFORMANCE_PARTS } from '../../src-shared/performance/performance-parts.js';
import { MAX_FACE_GAP_SEC } from '../../src-shared/performance/performance-problem.js';
import { StudioError } from '../../src-shared/util/result.js';
import { jobFromArgs } from './job-args.js';
import { RENDER_OPTIONS, renderJobToFile } from './render-command.js';

export const REENACT_USAGE = `aniportrait reenact --image PHOTO --video SOURCE --out OUT.mp4 [--audio AUDIO] [--size 512 | WxH] [--fps 30]
                 [--keep ${PERFORMANCE_PARTS.join(',')}] [--pose-reference SEC] [--video-engine builtin|aniportrait] [--seed N]
                 [aniportrait: --models DIR --providers cuda,dml,cpu --steps 25 --guidance 3.5 --film-step 3 --pose-range release|training]`;

/** What `aniportrait reenact --help` prints. */
export const REENACT_HELP = `Usage: ${REENACT_USAGE}

Face reenactment: the face performed in SOURCE (a video of you, or anyone) drives the photo. Every
frame's face is tracked, its head pose removed, and its motion taken as expression offsets from
the video's most neutral frame plus the head pose relative to its first frame, scaled to the
photo's face (mouth width, eye height, face height). Frames where no face is found are bridged
(up to ${MAX_FACE_GAP_SEC} s; a longer gap is refused, naming where it is). A variable frame rate
source is resampled to --fps. The video's sound is the audio unless --audio gives another (the
mouth still follows the video).

  --image PHOTO            the portrait (PNG, JPEG, WebP)
  --video SOURCE           the performance (MP4, MOV, WebM, MKV) with one face
  --out OUT.mp4            where to write (replaced only when the job completes)
  --audio AUDIO            another sound for the video (WAV, MP3, M4A, OGG, FLAC)
  --keep PARTS             the parts that follow the video (default: all four); without mouth the
                           mouth follows the audio, without blinks blinks are generated, without
                           pose or expression they stay at the photo's
  --pose-reference SEC     the time in SOURCE whose head pose is the rest pose (default: the first
                           frame with a face)
  --size 512 | WxH         output size in even pixels (default 512; aniportrait: the models' size)
  --fps N                  frames per second, 1..120 (default 30; aniportrait: 30 only)
  --video-engine builtin|aniportrait
                           Lmk2Video: the built-in warp (default) or AniPortrait's networks, which
                           draw the performance as their pose images
  --seed N                 seeds generated blinks and diffusion noise (default 42)
  --models DIR, --providers LIST, --steps N, --guidance X, --film-step N, --pose-range R
                           (aniportrait) as for render
`;

const REENACT_FLAGS = ['image', 'video', 'out', 'audio', 'keep', 'pose-reference', 'size', 'fps', 'video-engine', 'seed', 'models', 'providers', 'steps', 'guidance', 'film-step', 'pose-range'] as const;
const REENACT_OPTIONS = Object.fromEntries(REENACT_FLAGS.map((flag) => [flag, RENDER_OPTIONS[flag]])) as Pick<typeof RENDER_OPTIONS, (typeof REENACT_FLAGS)[number]>;

/** `aniportrait reenact`: photo + performance video -> the photo performing it, as MP4. */
export async function reenactCommand(args: string[], log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: REENACT_OPTIONS });
  if (!values.video) throw new StudioError('invalid-request', `--video SOURCE is required.\nUsage: ${REENACT_USAGE}`);
  const { job, outPath } = await jobFromArgs(values, `Usage: ${REENACT_USAGE}`, 'render');
  await renderJobToFile(job, outPath, log, signal);
}
