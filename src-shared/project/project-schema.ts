import { z } from 'zod';
import type { AssetId, LayerId, ProjectId } from '../util/ids.js';
import { keyframeLayerSchema, markerSchema } from '../keyframes/keyframe-schema.js';
import { PERFORMANCE_STRENGTH_LIMITS } from '../performance/performance-parts.js';
import { sculptShapeSchema } from '../sculpt/shape-schema.js';
import { isSafeRelativePath } from './relative-path.js';
import { mouthSettingsSchema } from '../mouth/mouth-schema.js';

/** The schema version this build writes. Older documents are migrated on load (migrations.ts). */
export const CURRENT_SCHEMA_VERSION = 7;
export const PROJECT_FORMAT = 'aniportrait-project';

const assetIdSchema = z.string().min(1).max(64).transform((s) => s as AssetId);

export const relativePathSchema = z.string().refine(isSafeRelativePath, {
  message: 'must be a relative path inside the project folder',
});

export const audioMediaSchema = z.strictObject({
  kind: z.literal('audio'),
  durationSec: z.number().finite().positive(),
  sampleRateHz: z.number().int().positive(),
  channelCount: z.number().int().positive(),
  codec: z.string().max(100),
  /**
   * Mono samples at 16 kHz (derived.ts ANALYSIS_RATE_HZ) that decoding the file gives: what every
   * engine sees, so the one frame count of the project (derived.ts) is computed from it.
   */
  analysisSampleCount: z.number().int().positive().max(2 ** 40),
});

export const imageMediaSchema = z.strictObject({
  kind: z.literal('image'),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  codec: z.string().max(100),
});

/** A pose template (AniPortrait .npy, n x 6) as imported: its frame count. */
export const poseTemplateMediaSchema = z.strictObject({
  kind: z.literal('pose-template'),
  frameCount: z.number().int().min(2),
});

export const videoMediaSchema = z.strictObject({
  kind: z.literal('video'),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  durationSec: z.number().finite().positive(),
});

/**
 * photo and audio drive every project; a pose template or reference video can drive the head; a
 * performance video drives the whole face (version 5).
 */
export const ASSET_ROLES = ['photo', 'audio', 'pose-template', 'pose-video', 'performance-video'] as const;
export type AssetRole = (typeof ASSET_ROLES)[number];

export const assetRefSchema = z.strictObject({
  id: assetIdSchema,
  role: z.enum(ASSET_ROLES),
  /** Path of the copied file, relative to the project folder ('assets/…'). */
  relPath: relativePathSchema,
  /** File name the user imported, for display. */
  originalName: z.string().max(1024),
  byteLength: z.number().int().nonnegative(),
  media: z.discriminatedUnion('kind', [audioMediaSchema, imageMediaSchema, poseTemplateMediaSchema, videoMediaSchema]),
});
export type AssetRef = z.infer<typeof assetRefSchema>;

export const ENGINES = ['builtin', 'aniportrait'] as const;
export type EngineId = (typeof ENGINES)[number];

const partSchema = z.strictObject({
  keep: z.boolean(),
  strength: z.number().finite().min(PERFORMANCE_STRENGTH_LIMITS[0]).max(PERFORMANCE_STRENGTH_LIMITS[1]),
});

/** Per part of a performance (pose, expression, mouth, blinks): kept or not, and its strength. */
export const performancePartsSchema = z.strictObject({ pose: partSchema, expression: partSchema, mouth: partSchema, blinks: partSchema });

export const poseSourceSchema = z.discriminatedUnion('kind', [
  /** Head motion generated from the audio by the Audio2Lmk engine. */
  z.strictObject({ kind: z.literal('audio') }),
  /** AniPortrait's pose template (.npy), looped mirrored. */
  z.strictObject({ kind: z.literal('template'), relPath: relativePathSchema }),
  /** Pose and expression style taken from a reference video. */
  z.strictObject({ kind: z.literal('video'), relPath: relativePathSchema }),
  /** The whole face performed in a video (face reenactment, version 5): pose, expression, mouth and blinks per part. */
  z.strictObject({ kind: z.literal('performance'), relPath: relativePathSchema, parts: performancePartsSchema }),
]);
export type PoseSource = z.infer<typeof poseSourceSchema>;

export const projectSettingsSchema = z.strictObject({
  /** Frames per second of the track and the video. */
  fps: z.number().int().min(1).max(120),
  outputWidthPx: z.number().int().min(64).max(4096),
  outputHeightPx: z.number().int().min(64).max(4096),
  /** Seed of every random choice (head-motion noise, blinks, diffusion noise). */
  seed: z.number().int().min(0).max(2 ** 31 - 1),
});
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const projectDocumentSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: z.string().min(1).max(64).transform((s) => s as ProjectId),
  name: z.string().min(1).max(200),
  /** ISO 8601 times. */
  createdAt: z.iso.datetime(),
  modifiedAt: z.iso.datetime(),
  settings: projectSettingsSchema,
  engines: z.strictObject({
    audio2lmk: z.enum(ENGINES),
    lmk2video: z.enum(ENGINES),
    interpolation: z.enum(['none', 'film']),
  }),
  poseSource: poseSourceSchema,
  assets: z.array(assetRefSchema).max(1000),
  /** The photo and audio in use; ids of entries in `assets`, or null. */
  photoAssetId: assetIdSchema.nullable(),
  audioAssetId: assetIdSchema.nullable(),
  layers: z.array(keyframeLayerSchema).max(1000),
  /** The layer new keys go to and the lanes edit (an id in `layers`; null: the first layer). */
  activeLayerId: z.string().min(1).max(64).transform((s) => s as LayerId).nullable(),
  markers: z.array(markerSchema).max(10000),
  /** The loop range (I and O in the studio): playback loops between inSec and outSec while enabled; null: none set. */
  loop: z
    .strictObject({ inSec: z.number().finite().min(0), outSec: z.number().finite().min(0), enabled: z.boolean() })
    .refine((l) => l.outSec > l.inSec, { message: 'the loop must end after it starts' })
    .nullable(),
  /** The lip sync (version 6): per-clip controls and the mouth lane's edits, over the generated mouth. */
  mouth: mouthSettingsSchema,
  /** Sculpted shapes (version 7): named offsets of the landmarks, each weighted by its `shape:<id>` channel in the layers. */
  shapes: z.array(sculptShapeSchema).max(200),
});
export type ProjectDocument = z.infer<typeof projectDocumentSchema>;
/** What the schema accepts before its transforms (the JSON on disk and on the wire). */
export type ProjectDocumentJson = z.input<typeof projectDocumentSchema>;
