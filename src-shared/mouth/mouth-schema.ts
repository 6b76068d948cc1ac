import { z } from 'zod';
import { VISEME_CLASSES } from '../lipsync/viseme-profiles.js';

/**
 * The mouth lane's shapes: the built-in lip sync's viseme classes (VISEME_CLASSES: A, I, U, E, O,
 * N, M) plus 'rest', the closed relaxed mouth of silence.
 */
export const MOUTH_SHAPE_IDS = ['rest', ...VISEME_CLASSES] as const;
export type MouthShapeId = (typeof MOUTH_SHAPE_IDS)[number];

/** What the lane and the palette call each shape (the sounds it stands for). */
export const MOUTH_SHAPE_LABELS: Readonly<Record<MouthShapeId, string>> = {
  rest: 'rest',
  A: 'A',
  I: 'I',
  U: 'U',
  E: 'E',
  O: 'O',
  N: 'N/L',
  M: 'M/B/P',
};

/** The allowed range of each per-clip lip-sync control (inclusive). */
export const LIP_SYNC_LIMITS = {
  amount: [0, 2],
  articulation: [0, 3],
  smoothingSec: [0, 0.3],
} as const satisfies Record<string, readonly [number, number]>;

/** A mouth edit's strength range: 0 the rest pose, 1 the shape as charted, above 1 exaggerated. */
export const MOUTH_STRENGTH_LIMITS = [0, 1.5] as const;

/**
 * One edit of the mouth lane: over [startSec, endSec) the mouth takes `shape` at `strength` (or,
 * with shape null, the generated mouth scaled by `strength`). A layer over the generated mouth:
 * it is kept by time when the track is generated again.
 */
export const mouthEditSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    startSec: z.number().finite().min(0),
    endSec: z.number().finite().min(0),
    shape: z.enum(MOUTH_SHAPE_IDS).nullable(),
    strength: z.number().finite().min(MOUTH_STRENGTH_LIMITS[0]).max(MOUTH_STRENGTH_LIMITS[1]),
  })
  .refine((e) => e.endSec > e.startSec, { message: 'a mouth edit must end after it starts' });
export type MouthEdit = z.infer<typeof mouthEditSchema>;

const control = (limits: readonly [number, number]) => z.number().finite().min(limits[0]).max(limits[1]);

/**
 * The project's lip sync (schema version 6): per-clip controls applied over the generated mouth
 * and the mouth lane's edits, sorted by time and not overlapping. None of it decides the generated
 * track (derived.ts trackInputsKey): changing it never regenerates head motion.
 */
export const mouthSettingsSchema = z
  .strictObject({
    /** Scales the generated mouth's distance from rest (1: as generated). */
    amount: control(LIP_SYNC_LIMITS.amount),
    /** Scales how far the mouth moves from shape to shape around its local average (1: as generated). */
    articulation: control(LIP_SYNC_LIMITS.articulation),
    /** A zero-phase moving average over this many seconds (0: none). */
    smoothingSec: control(LIP_SYNC_LIMITS.smoothingSec),
    edits: z.array(mouthEditSchema).max(10000),
  })
  .refine((m) => m.edits.every((e, i) => i === 0 || e.startSec >= m.edits[i - 1].endSec - 1e-9), {
    message: 'mouth edits must be sorted by time and must not overlap',
  });
export type MouthSettings = z.infer<typeof mouthSettingsSchema>;

export const DEFAULT_MOUTH_SETTINGS: MouthSettings = { amount: 1, articulation: 1, smoothingSec: 0, edits: [] };
