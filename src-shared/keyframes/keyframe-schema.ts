import { z } from 'zod';
import type { KeyframeId, LayerId, MarkerId } from '../util/ids.js';
import { CHANNELS } from './channels.js';

export const INTERPOLATIONS = ['bezier', 'linear', 'hold'] as const;
export type Interpolation = (typeof INTERPOLATIONS)[number];

/**
 * Bezier handles of the segment that leaves this key, as a CSS cubic-bezier: (outX, outY) and
 * (inX, inY) in the unit square of the segment (time 0..1, value 0..1 from this key to the next).
 */
export const handlesSchema = z.strictObject({
  outX: z.number().min(0).max(1),
  outY: z.number().finite(),
  inX: z.number().min(0).max(1),
  inY: z.number().finite(),
});
export type BezierHandles = z.infer<typeof handlesSchema>;

export const keyframeSchema = z.strictObject({
  id: z.string().min(1).max(64).transform((s) => s as KeyframeId),
  /** Time of the key in seconds from the start of the audio; >= 0. */
  timeSec: z.number().finite().min(0),
  /** Channel value in the channel's unit (degrees, cm, or 0..1 expression scale). */
  value: z.number().finite(),
  /** How the segment from this key to the next one is interpolated. */
  interp: z.enum(INTERPOLATIONS),
  handles: handlesSchema,
});
export type Keyframe = z.infer<typeof keyframeSchema>;

const channelKeysSchema = z.partialRecord(z.enum(CHANNELS), z.array(keyframeSchema));

export const keyframeLayerSchema = z.strictObject({
  id: z.string().min(1).max(64).transform((s) => s as LayerId),
  name: z.string().max(200),
  /** A disabled layer is kept but does not compose. */
  enabled: z.boolean(),
  /** Keys per channel, sorted by timeSec. */
  channels: channelKeysSchema,
});
export type KeyframeLayer = z.infer<typeof keyframeLayerSchema>;

/** The colours a marker can have (the timeline's palette); none is the default yellow. */
export const MARKER_COLOURS = ['yellow', 'red', 'green', 'blue', 'purple'] as const;
export type MarkerColour = (typeof MARKER_COLOURS)[number];

export const markerSchema = z.strictObject({
  id: z.string().min(1).max(64).transform((s) => s as MarkerId),
  timeSec: z.number().finite().min(0),
  label: z.string().max(200),
  /** Optional, so projects written before it existed read unchanged (no migration). */
  colour: z.enum(MARKER_COLOURS).optional(),
});
export type Marker = z.infer<typeof markerSchema>;

/** The 'ease' preset: CSS ease. */
export const EASE_HANDLES: BezierHandles = { outX: 0.25, outY: 0.1, inX: 0.25, inY: 1 };
