import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import { paramTrackFrames } from '../../src-shared/face/face-param-track.js';
import { trackJsonChunks } from '../../src-shared/formats/track-json.js';
import { StudioError } from '../../src-shared/util/result.js';
import type { BuiltinPoseSource } from '../engines/builtin/generate-track.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { decodeAudioClip } from '../media/decode-audio-clip.js';
import { writeChunksAtomic } from '../util/write-chunks-atomic.js';

export const TRACK_USAGE = `aniportrait track --image PHOTO --audio AUDIO --out track.json
                 [--pose-template NPY | --pose-video VIDEO] [--fps 30] [--seed N]`;

/** `aniportrait track`: photo + speech -> landmark track JSON, on the built-in engine. */
export async function trackCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      image: { type: 'string' },
      audio: { type: 'string' },
      out: { type: 'string' },
      'pose-template': { type: 'string' },
      'pose-video': { type: 'string' },
      fps: { type: 'string', default: '30' },
      seed: { type: 'string', default: '42' },
    },
  });
  if (!values.image || !values.audio || !values.out) throw new StudioError('invalid-request', `--image, --audio and --out are required.\n${TRACK_USAGE}`);
  if (values['pose-template'] && values['pose-video']) throw new StudioError('invalid-request', 'Give --pose-template or --pose-video, not both.');
  const fps = Number(values.fps);
  const seed = Number(values.seed);
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) throw new StudioError('invalid-request', `--fps must be a whole number 1..120, got ${values.fps}.`);
  if (!Number.isInteger(seed) || seed < 0) throw new StudioError('invalid-request', `--seed must be a whole number >= 0, got ${values.seed}.`);
  const poseSource: BuiltinPoseSource = values['pose-template']
    ? { kind: 'template', path: resolve(values['pose-template']) }
    : values['pose-video']
      ? { kind: 'video', path: resolve(values['pose-video']), label: `The pose video "${values['pose-video']}"` }
      : { kind: 'audio' };

  const started = performance.now();
  const { rig, warnings } = await analyzePhoto(resolve(values.image), `The photo "${values.image}"`);
  warnings.forEach((w) => log(`warning: ${w}`));
  const samples = await decodeAudioClip(resolve(values.audio), `The audio "${values.audio}"`);
  const params = await generateBuiltinTrack({ samples, fps, seed, poseSource });
  const track = paramTrackFrames(params, new ExpressionRig(rig.lmks3dCm));
  const out = resolve(values.out);
  await writeChunksAtomic(out, trackJsonChunks(rig, track), `the track file "${out}"`);
  const seconds = (performance.now() - started) / 1000;
  log(`wrote ${out}: ${track.frameCount} frames at ${fps} fps (${(samples.length / 16000).toFixed(1)} s of audio) in ${seconds.toFixed(1)} s`);
}
