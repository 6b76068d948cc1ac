import { z } from 'zod';
import { mouthSettingsSchema } from '../mouth/mouth-schema.js';
import type { JobPerformance, JobPoseSource, RenderJob } from '../job/render-job.js';
import { keyframeLayerSchema } from '../keyframes/keyframe-schema.js';
import { sculptShapeSchema } from '../sculpt/shape-schema.js';
import { ENGINES, performancePartsSchema } from '../project/project-schema.js';

/**
 * A farm job's inputs as the storage holds them: the RenderJob with every input file replaced by
 * its content key (sha256 of the bytes + the file's extension), and the project file it came from.
 * The bundle's own key is the hash of this text, so the same job with the same files is stored once.
 */
export const BUNDLE_FORMAT = 'aniportrait-farm-bundle';

/** sha256 hex of the bytes, then the original extension (decoders look at it), e.g. "ab12...ef.wav". */
export const contentKeySchema = z.string().regex(/^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/, 'must be a content key (sha256 hex + extension)');

const inputSchema = z.strictObject({ key: contentKeySchema, label: z.string().min(1).max(2000) });

export const bundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  photo: inputSchema,
  audio: z.strictObject({ key: contentKeySchema, label: z.string().min(1).max(2000), analysisSampleCount: z.number().int().positive().optional() }),
  poseSource: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('audio') }),
    z.strictObject({ kind: z.literal('template'), key: contentKeySchema, label: z.string().min(1).max(2000) }),
    z.strictObject({ kind: z.literal('video'), key: contentKeySchema, label: z.string().min(1).max(2000) }),
  ]),
  /** A performance video driving the track (face reenactment), or null. */
  performance: z
    .strictObject({ key: contentKeySchema, label: z.string().min(1).max(2000), parts: performancePartsSchema, poseReferenceSec: z.number().finite().min(0).optional() })
    .nullable(),
  engines: z.strictObject({ audio2lmk: z.enum(ENGINES), lmk2video: z.enum(ENGINES), interpolation: z.enum(['none', 'film']) }),
  // Ranges are checked by the pipeline on the worker, with the messages a local render gives.
  fps: z.number(),
  seed: z.number(),
  poseStyle: z.number(),
  size: z.strictObject({ widthPx: z.number(), heightPx: z.number() }).nullable(),
  diffusion: z.strictObject({ steps: z.number(), guidanceScale: z.number(), filmStep: z.number(), poseValueRange: z.enum(['release', 'training']) }),
  layers: z.array(keyframeLayerSchema).max(1000),
  /** The lip sync's controls and mouth edits (schema 6), where the job has them. */
  mouth: mouthSettingsSchema.optional(),
  /** Sculpted shapes the layers weight (absent in bundles written before they existed: none). */
  shapes: z.array(sculptShapeSchema).max(200).optional(),
  providers: z.array(z.enum(['cuda', 'dml', 'cpu'])).max(3).optional(),
  /** The saved project the job was made from (its project.json, stored like an input), if any. */
  project: z.strictObject({ name: z.string().min(1).max(255), documentKey: contentKeySchema }).nullable(),
});

export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** The bundle of a job whose input files have the keys `keyOf` gives (the submitter hashed them). */
export function manifestOfJob(job: RenderJob, keyOf: (path: string) => string, project: BundleManifest['project']): BundleManifest {
  const pose = job.poseSource;
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    photo: { key: keyOf(job.photo.path), label: job.photo.label },
    audio: { key: keyOf(job.audio.path), label: job.audio.label, ...(job.audio.analysisSampleCount !== undefined ? { analysisSampleCount: job.audio.analysisSampleCount } : {}) },
    poseSource: pose.kind === 'audio' ? { kind: 'audio' } : { kind: pose.kind, key: keyOf(pose.path), label: pose.label },
    performance: job.performance === null ? null : performanceOfJob(job.performance, keyOf),
    engines: { ...job.engines },
    fps: job.fps,
    seed: job.seed,
    poseStyle: job.poseStyle,
    size: job.size === null ? null : { ...job.size },
    diffusion: { ...job.diffusion },
    layers: [...job.layers],
    ...(job.mouth ? { mouth: job.mouth } : {}),
    ...(job.shapes.length > 0 ? { shapes: [...job.shapes] } : {}),
    ...(job.models.providers ? { providers: [...job.models.providers] } : {}),
    project,
  };
}

/** The input files' keys of a bundle (what a worker must be able to read). */
export function manifestInputKeys(manifest: BundleManifest): string[] {
  const pose = manifest.poseSource.kind === 'audio' ? [] : [manifest.poseSource.key];
  const performance = manifest.performance === null ? [] : [manifest.performance.key];
  return [manifest.photo.key, manifest.audio.key, ...pose, ...performance];
}

/**
 * The RenderJob a worker runs: the bundle's settings, its inputs at the paths `pathOf` gives (the
 * storage's copies), the worker's models folder. The labels are the submitter's, so every message
 * names the files as a local render does.
 */
export function jobOfManifest(manifest: BundleManifest, pathOf: (key: string) => string, modelsDir: string): RenderJob {
  const pose = manifest.poseSource;
  const poseSource: JobPoseSource = pose.kind === 'audio' ? { kind: 'audio' } : { kind: pose.kind, path: pathOf(pose.key), label: pose.label };
  return {
    photo: { path: pathOf(manifest.photo.key), label: manifest.photo.label },
    audio: { path: pathOf(manifest.audio.key), label: manifest.audio.label, ...(manifest.audio.analysisSampleCount !== undefined ? { analysisSampleCount: manifest.audio.analysisSampleCount } : {}) },
    poseSource,
    performance: performanceOfManifest(manifest.performance, pathOf),
    engines: { ...manifest.engines },
    fps: manifest.fps,
    seed: manifest.seed,
    poseStyle: manifest.poseStyle,
    size: manifest.size,
    diffusion: manifest.diffusion,
    layers: manifest.layers,
    ...(manifest.mouth ? { mouth: manifest.mouth } : {}),
    shapes: manifest.shapes ?? [],
    models: { dir: modelsDir, ...(manifest.providers ? { providers: manifest.providers } : {}) },
    // The worker renders into its own scratch folder: no project folder to keep outputs out of.
    project: null,
    trackKey: null,
  };
}

function performanceOfJob(performance: JobPerformance, keyOf: (path: string) => string): NonNullable<BundleManifest['performance']> {
  const { path, label, parts, poseReferenceSec } = performance;
  return { key: keyOf(path), label, parts, ...(poseReferenceSec !== undefined ? { poseReferenceSec } : {}) };
}

function performanceOfManifest(performance: BundleManifest['performance'], pathOf: (key: string) => string): JobPerformance | null {
  if (performance === null) return null;
  const { key, label, parts, poseReferenceSec } = performance;
  return { path: pathOf(key), label, parts, ...(poseReferenceSec !== undefined ? { poseReferenceSec } : {}) };
}
