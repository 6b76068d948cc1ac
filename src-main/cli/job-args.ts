import { resolve } from 'node:path';
import { StudioError } from '../../src-shared/util/result.js';
import type { PoseSourceRequest } from '../engines/shared/pose-sources.js';
import { MAX_SEED, parseDecimalInteger } from './parse-number.js';

/** Options shared by `track` and `render`. */
export const JOB_OPTIONS = {
  image: { type: 'string' },
  audio: { type: 'string' },
  out: { type: 'string' },
  'pose-template': { type: 'string' },
  'pose-video': { type: 'string' },
  fps: { type: 'string', default: '30' },
  seed: { type: 'string', default: '42' },
  engine: { type: 'string', default: 'builtin' },
  models: { type: 'string' },
  providers: { type: 'string' },
  'pose-style': { type: 'string' },
} as const;

/** What `--help` says of the options shared by `track` and `render`. */
export const JOB_OPTIONS_HELP = `  --image PHOTO            the portrait (PNG, JPEG, WebP); one face, the largest if several
  --audio AUDIO            the voice (WAV, MP3, M4A, OGG, FLAC; any rate and channels)
  --out FILE               where to write (replaced only when the job completes)
  --fps N                  frames per second, 1..120 (default ${JOB_OPTIONS.fps.default}; aniportrait: 30 only)
  --seed N                 same seed, same result (default ${JOB_OPTIONS.seed.default}); seeds the head motion and
                           blinks (builtin), the pose style and diffusion noise (aniportrait)
  --pose-template NPY      head motion from AniPortrait's pose template (n x 6 .npy)
  --pose-video VIDEO       head motion from a face in a reference video (builtin: its blinks
                           and brows too)
  --engine builtin|aniportrait
                           built-in engine (default), or AniPortrait's networks exported to ONNX
  --models DIR             (aniportrait) the exported models' folder (default: $ANIPORTRAIT_MODELS_DIR,
                           else models/aniportrait in the data folder; "aniportrait info" shows it)
  --providers LIST         (aniportrait) execution providers to try, in order: cuda,dml,cpu
  --pose-style 0..99       (aniportrait) audio2pose style id (default: seed mod 100)`;

export type EngineName = 'builtin' | 'aniportrait';

export interface JobArgs {
  readonly imagePath: string;
  readonly imageLabel: string;
  readonly audioPath: string;
  readonly audioLabel: string;
  readonly outPath: string;
  readonly fps: number;
  readonly seed: number;
  readonly poseSource: PoseSourceRequest;
  readonly engine: EngineName;
  /** --models DIR (resolved), when given. */
  readonly modelsDir: string | undefined;
  /** --providers cuda,cpu (AniPortrait engine), when given. */
  readonly providers: readonly ProviderChoice[] | undefined;
  /** audio2pose style id 0..99 (AniPortrait engine); default seed % 100. */
  readonly poseStyle: number;
}

export type ProviderChoice = 'cuda' | 'dml' | 'cpu';
const PROVIDER_CHOICES: readonly ProviderChoice[] = ['cuda', 'dml', 'cpu'];

type JobValues = { [K in keyof typeof JOB_OPTIONS]?: string };

/** Checks the shared options; `usage` is appended to the message of a missing one. */
export function parseJobArgs(values: JobValues, usage: string): JobArgs {
  if (!values.image || !values.audio || !values.out) throw new StudioError('invalid-request', `--image, --audio and --out are required.\n${usage}`);
  if (values['pose-template'] && values['pose-video']) throw new StudioError('invalid-request', 'Give --pose-template or --pose-video, not both.');
  const fps = parseDecimalInteger(values.fps, '--fps', 1, 120);
  const seed = parseDecimalInteger(values.seed, '--seed', 0, MAX_SEED);
  const poseSource: PoseSourceRequest = values['pose-template']
    ? { kind: 'template', path: resolve(values['pose-template']) }
    : values['pose-video']
      ? { kind: 'video', path: resolve(values['pose-video']), label: `The pose video "${values['pose-video']}"` }
      : { kind: 'audio' };
  const engine = values.engine ?? 'builtin';
  if (engine !== 'builtin' && engine !== 'aniportrait') throw new StudioError('invalid-request', `--engine must be builtin or aniportrait, got ${engine}.`);
  if (engine === 'builtin' && (values.models || values.providers || values['pose-style'])) {
    throw new StudioError('invalid-request', '--models, --providers and --pose-style belong to --engine aniportrait.');
  }
  const providers = values.providers?.split(',').map((p) => p.trim());
  const unknown = providers?.filter((p) => !PROVIDER_CHOICES.includes(p as ProviderChoice));
  if (unknown?.length) throw new StudioError('invalid-request', `--providers takes a comma list of ${PROVIDER_CHOICES.join(', ')}; got ${unknown.join(', ')}.`);
  const poseStyle = values['pose-style'] === undefined ? seed % 100 : parseDecimalInteger(values['pose-style'], '--pose-style', 0, 99);
  return {
    engine,
    modelsDir: values.models ? resolve(values.models) : undefined,
    providers: providers as ProviderChoice[] | undefined,
    poseStyle,
    imagePath: resolve(values.image),
    imageLabel: `The photo "${values.image}"`,
    audioPath: resolve(values.audio),
    audioLabel: `The audio "${values.audio}"`,
    outPath: resolve(values.out),
    fps,
    seed,
    poseSource,
  };
}
