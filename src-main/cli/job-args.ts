import { basename, dirname, join, resolve } from 'node:path';
import type { DiffusionSettings, FrameSize, InterpolatorId, JobPerformance, JobPoseSource, ProviderChoice, RenderJob } from '../../src-shared/job/render-job.js';
import type { PerformancePart, PerformancePartSettings } from '../../src-shared/performance/performance-parts.js';
import { ALL_PERFORMANCE_PARTS, PERFORMANCE_PARTS } from '../../src-shared/performance/performance-parts.js';
import { DEFAULT_DIFFUSION_SETTINGS, DIFFUSION_LIMITS, defaultPoseStyle } from '../../src-shared/job/render-job.js';
import type { EngineId } from '../../src-shared/project/project-schema.js';
import { ENGINES } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { allStageEngines, lmk2VideoEngine, trackEngine } from '../engines/registry.js';
import { defaultModelsDir } from '../services/model-status.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import { MAX_SEED, parseDecimalInteger, parseDecimalNumber } from './parse-number.js';
import { loadProjectJob } from './project-job.js';

/** The defaults of a job given by flags (a project's own settings replace them). */
export const JOB_DEFAULTS = { fps: 30, seed: 42, engine: 'builtin' } as const;

/** Options shared by `track` and `render`. */
export const JOB_OPTIONS = {
  image: { type: 'string' },
  audio: { type: 'string' },
  project: { type: 'string' },
  out: { type: 'string' },
  'pose-template': { type: 'string' },
  'pose-video': { type: 'string' },
  video: { type: 'string' },
  keep: { type: 'string' },
  'pose-reference': { type: 'string' },
  fps: { type: 'string' },
  seed: { type: 'string' },
  engine: { type: 'string' },
  'audio-engine': { type: 'string' },
  'video-engine': { type: 'string' },
  models: { type: 'string' },
  providers: { type: 'string' },
  'pose-style': { type: 'string' },
} as const;

/** Options of `render` alone. */
export const RENDER_ONLY_OPTIONS = {
  size: { type: 'string' },
  steps: { type: 'string' },
  guidance: { type: 'string' },
  'film-step': { type: 'string' },
  'pose-range': { type: 'string' },
} as const;

/** What `--help` says of the options shared by `track` and `render`. */
export const JOB_OPTIONS_HELP = `  --image PHOTO            the portrait (PNG, JPEG, WebP); one face, the largest if several
  --audio AUDIO            the voice (WAV, MP3, M4A, OGG, FLAC; any rate and channels)
  --project P.aniproj      a saved studio project instead of --image/--audio: its photo, audio, pose
                           source, engines, settings and keyframe layers (markers do not render);
                           the flags below override its settings
  --out FILE               where to write (replaced only when the job completes; with --project the
                           default is beside the project, named after it)
  --fps N                  frames per second, 1..120 (default ${JOB_DEFAULTS.fps}; aniportrait: 30 only)
  --seed N                 same seed, same result (default ${JOB_DEFAULTS.seed}); seeds the head motion and
                           blinks (builtin), the pose style and diffusion noise (aniportrait)
  --pose-template NPY      head motion from AniPortrait's pose template (n x 6 .npy)
  --pose-video VIDEO       head motion from a face in a reference video (builtin: its blinks
                           and brows too)
  --video SOURCE           face reenactment: the face performed in SOURCE drives the photo (pose,
                           expression, mouth, blinks); its sound is the audio unless --audio is given
                           (the mouth still follows the video). No Audio2Lmk engine runs.
  --keep PARTS             (--video) the parts that follow the video, a comma list of
                           ${PERFORMANCE_PARTS.join(',')} (default: all); without mouth the mouth
                           follows the audio, without blinks blinks are generated
  --pose-reference SEC     (--video) the time in SOURCE whose head pose is the rest pose (default: the
                           first frame with a face)
  --engine builtin|aniportrait
                           both stages: the built-in engine (default), or AniPortrait's networks
                           exported to ONNX
  --audio-engine builtin|aniportrait
                           Audio2Lmk alone (audio -> landmark track)
  --video-engine builtin|aniportrait
                           Lmk2Video alone (landmarks + photo -> video)
  --models DIR             (aniportrait) the exported models' folder (default: $ANIPORTRAIT_MODELS_DIR,
                           else models/aniportrait in the data folder; "aniportrait info" shows it)
  --providers LIST         (aniportrait) execution providers to try, in order: cuda,dml,cpu
  --pose-style 0..99       (aniportrait Audio2Lmk) audio2pose style id (default: seed mod 100)`;

type JobValues = { [K in keyof typeof JOB_OPTIONS | keyof typeof RENDER_ONLY_OPTIONS]?: string };

const PROVIDER_CHOICES: readonly ProviderChoice[] = ['cuda', 'dml', 'cpu'];

/** A job from `track` / `render` flags, or from `--project` with flags over its settings; `command` names the default output. */
export async function jobFromArgs(values: JobValues, usage: string, command: 'render' | 'track'): Promise<{ job: RenderJob; outPath: string }> {
  if (values.project !== undefined) {
    const conflicting = (['image', 'audio', 'pose-template', 'pose-video', 'video', 'keep', 'pose-reference'] as const).filter((k) => values[k] !== undefined);
    if (conflicting.length > 0) throw new StudioError('invalid-request', `--project takes the photo, audio and pose source from the project; drop ${conflicting.map((k) => `--${k}`).join(', ')}.`);
    const { job: base, projectDir } = await loadProjectJob(values.project, modelsDirOf(values));
    const outPath = resolve(values.out ?? join(dirname(projectDir), `${basename(projectDir).replace(/\.aniproj$/, '')}${command === 'render' ? '.mp4' : '.track.json'}`));
    return { job: withOverrides(base, values), outPath };
  }
  for (const flag of ['keep', 'pose-reference'] as const) {
    if (values[flag] !== undefined && values.video === undefined) throw new StudioError('invalid-request', `--${flag} belongs to a performance; it needs --video SOURCE.`);
  }
  if (values.video !== undefined) return performanceJobFromArgs(values, usage);
  if (!values.image || !values.audio || !values.out) throw new StudioError('invalid-request', `--image, --audio and --out are required (or --project P.aniproj, or --video SOURCE instead of --audio).\n${usage}`);
  if (values['pose-template'] && values['pose-video']) throw new StudioError('invalid-request', 'Give --pose-template or --pose-video, not both.');
  const poseSource: JobPoseSource = values['pose-template']
    ? { kind: 'template', path: resolve(values['pose-template']), label: `The pose template "${values['pose-template']}"` }
    : values['pose-video']
      ? { kind: 'video', path: resolve(values['pose-video']), label: `The pose video "${values['pose-video']}"` }
      : { kind: 'audio' };
  const base = flagJob(values, { image: values.image, audio: { path: resolve(values.audio), label: `The audio "${values.audio}"` } }, poseSource, null);
  return { job: withOverrides(base, values), outPath: resolve(values.out) };
}

/**
 * A reenactment job (--video): the performance makes the track; its sound is the audio unless
 * --audio replaces it. --pose-template, --pose-video and the Audio2Lmk engine have no part in it.
 */
function performanceJobFromArgs(values: JobValues, usage: string): { job: RenderJob; outPath: string } {
  const video = values.video ?? '';
  if (!values.image || !values.out) throw new StudioError('invalid-request', `--image, --video and --out are required.\n${usage}`);
  const conflicting = (['pose-template', 'pose-video', 'audio-engine'] as const).filter((k) => values[k] !== undefined);
  if (conflicting.length > 0) throw new StudioError('invalid-request', `--video makes the whole track from the performance; drop ${conflicting.map((k) => `--${k}`).join(', ')}.`);
  const audio = values.audio !== undefined ? { path: resolve(values.audio), label: `The audio "${values.audio}"` } : { path: resolve(video), label: `The sound of the video "${video}" (--audio gives another)` };
  const poseReferenceSec = values['pose-reference'] === undefined ? undefined : parseDecimalNumber(values['pose-reference'], '--pose-reference');
  if (poseReferenceSec !== undefined && poseReferenceSec < 0) throw new StudioError('invalid-request', `--pose-reference is a time in the video, 0 or more seconds; got ${poseReferenceSec}.`);
  const performance = { path: resolve(video), label: `The video "${video}"`, parts: keptParts(values.keep), ...(poseReferenceSec === undefined ? {} : { poseReferenceSec }) };
  const base = flagJob(values, { image: values.image, audio }, { kind: 'audio' }, performance);
  return { job: withOverrides(base, values), outPath: resolve(values.out) };
}

/** --keep pose,mouth: those parts at full strength, the others off. */
function keptParts(text: string | undefined): PerformancePartSettings {
  if (text === undefined) return ALL_PERFORMANCE_PARTS;
  const named = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const unknown = named.filter((p) => !(PERFORMANCE_PARTS as readonly string[]).includes(p));
  if (named.length === 0 || unknown.length > 0) throw new StudioError('invalid-request', `--keep takes a comma list of ${PERFORMANCE_PARTS.join(', ')}; got ${text}.`);
  return Object.fromEntries(PERFORMANCE_PARTS.map((part) => [part, { keep: named.includes(part), strength: 1 }])) as Record<PerformancePart, { keep: boolean; strength: number }>;
}

/** The job of plain flags (no project), before the flags' overrides. */
function flagJob(values: JobValues, inputs: { readonly image: string; readonly audio: RenderJob['audio'] }, poseSource: JobPoseSource, performance: JobPerformance | null): RenderJob {
  return {
    photo: { path: resolve(inputs.image), label: `The photo "${inputs.image}"` },
    audio: inputs.audio,
    poseSource,
    performance,
    engines: { audio2lmk: JOB_DEFAULTS.engine, lmk2video: JOB_DEFAULTS.engine, interpolation: 'film' },
    fps: JOB_DEFAULTS.fps,
    seed: JOB_DEFAULTS.seed,
    poseStyle: defaultPoseStyle(JOB_DEFAULTS.seed),
    size: null,
    diffusion: DEFAULT_DIFFUSION_SETTINGS,
    layers: [],
    shapes: [],
    models: { dir: modelsDirOf(values) },
    project: null,
    trackKey: null,
  };
}

function modelsDirOf(values: JobValues): string {
  return values.models ? resolve(values.models) : defaultModelsDir(resolveDataDirs().dataDir);
}

/** The flags given, over a job's settings; each flag is checked, and flags for an engine the job does not run are refused. */
function withOverrides(base: RenderJob, values: JobValues): RenderJob {
  const engines = enginesOf(base.engines, values);
  refuseUnusedEngineOptions({ ...base, engines }, values);
  const fps = values.fps === undefined ? base.fps : parseDecimalInteger(values.fps, '--fps', 1, 120);
  const seed = values.seed === undefined ? base.seed : parseDecimalInteger(values.seed, '--seed', 0, MAX_SEED);
  const poseStyle = values['pose-style'] !== undefined ? parseDecimalInteger(values['pose-style'], '--pose-style', 0, 99) : values.seed !== undefined ? defaultPoseStyle(seed) : base.poseStyle;
  const diffusion: DiffusionSettings = {
    steps: values.steps === undefined ? base.diffusion.steps : parseDecimalInteger(values.steps, '--steps', ...DIFFUSION_LIMITS.steps),
    guidanceScale: values.guidance === undefined ? base.diffusion.guidanceScale : parseDecimalNumber(values.guidance, '--guidance'),
    filmStep: values['film-step'] === undefined ? base.diffusion.filmStep : parseDecimalInteger(values['film-step'], '--film-step', ...DIFFUSION_LIMITS.filmStep),
    poseValueRange: poseRange(values['pose-range']) ?? base.diffusion.poseValueRange,
  };
  const interpolation: InterpolatorId = values['film-step'] === undefined ? engines.interpolation : diffusion.filmStep > 1 ? 'film' : 'none';
  const providers = values.providers === undefined ? base.models.providers : providerList(values.providers);
  return {
    ...base,
    engines: { ...engines, interpolation },
    fps,
    seed,
    poseStyle,
    size: values.size === undefined ? base.size : parseSize(values.size),
    diffusion,
    models: { dir: base.models.dir, ...(providers ? { providers } : {}) },
    // The CLI keeps no track between runs: nothing to reuse.
    trackKey: null,
  };
}

/** An option that only an engine this job does not run would read is refused, naming the engine it belongs to. */
function refuseUnusedEngineOptions(job: Pick<RenderJob, 'engines' | 'performance'>, values: JobValues): void {
  const { engines } = job;
  const track = trackEngine(job);
  const used = new Set([...track.ownOptions, ...lmk2VideoEngine(engines.lmk2video).ownOptions]);
  for (const option of Object.keys(values) as (keyof JobValues)[]) {
    if (values[option] === undefined || used.has(option)) continue;
    const owners = allStageEngines().filter((e) => e.ownOptions.includes(option));
    if (owners.length === 0) continue;
    const how = owners.map((e) => `${e.name} (--engine or --${e.stage}-engine ${e.name.split(' ')[1]})`).join(' or ');
    throw new StudioError('invalid-request', `--${option} belongs to ${how}; this job runs ${track.id === 'performance' ? 'a performance video (no Audio2Lmk)' : `the ${track.id} Audio2Lmk`} and the ${engines.lmk2video} Lmk2Video.`);
  }
}

function enginesOf(base: RenderJob['engines'], values: JobValues): RenderJob['engines'] {
  const both = values.engine === undefined ? undefined : engineId(values.engine, '--engine');
  const audio = values['audio-engine'] === undefined ? undefined : engineId(values['audio-engine'], '--audio-engine');
  const video = values['video-engine'] === undefined ? undefined : engineId(values['video-engine'], '--video-engine');
  if (both !== undefined && ((audio !== undefined && audio !== both) || (video !== undefined && video !== both))) {
    throw new StudioError('invalid-request', `--engine ${both} sets both stages; it contradicts ${audio !== undefined && audio !== both ? `--audio-engine ${audio}` : `--video-engine ${video}`}.`);
  }
  return { audio2lmk: audio ?? both ?? base.audio2lmk, lmk2video: video ?? both ?? base.lmk2video, interpolation: base.interpolation };
}

function engineId(text: string, flag: string): EngineId {
  if ((ENGINES as readonly string[]).includes(text)) return text as EngineId;
  throw new StudioError('invalid-request', `${flag} must be ${ENGINES.join(' or ')}, got ${text}.`);
}

function providerList(text: string): ProviderChoice[] {
  const providers = text.split(',').map((p) => p.trim());
  const unknown = providers.filter((p) => !PROVIDER_CHOICES.includes(p as ProviderChoice));
  if (unknown.length > 0) throw new StudioError('invalid-request', `--providers takes a comma list of ${PROVIDER_CHOICES.join(', ')}; got ${unknown.join(', ')}.`);
  return providers as ProviderChoice[];
}

function poseRange(text: string | undefined): 'release' | 'training' | undefined {
  if (text === undefined || text === 'release' || text === 'training') return text;
  throw new StudioError('invalid-request', `--pose-range must be release or training, got ${text}.`);
}

/** "512" (square) or "WxH"; even sizes (H.264 yuv420p needs them), 64..4096. */
export function parseSize(text: string): FrameSize {
  const match = /^(\d+)(?:x(\d+))?$/.exec(text);
  const widthPx = Number(match?.[1]);
  const heightPx = Number(match?.[2] ?? match?.[1]);
  const ok = (v: number) => Number.isInteger(v) && v >= 64 && v <= 4096 && v % 2 === 0;
  if (!match || !ok(widthPx) || !ok(heightPx)) throw new StudioError('invalid-request', `--size must be an even size like 512 or 768x512 (64..4096), got ${text}.`);
  return { widthPx, heightPx };
}
