import { z } from 'zod';
import type { KeyframeId, LayerId, MarkerId } from '../util/ids.js';
import { CHANNELS } from './channels.js';
import { SHAPE_ID_PATTERN } from './shape-channels.js';

export const INTERPOLATIONS = ['bezier', 'linear', 'hold'] as const;
export type Interpolation = (typeof INTERPOLATIONS)[number];

/**
 * How a key's bezier handles are decided, as in Blender's graph editor: 'auto-clamped' (smooth,
 * flat at extremes and never overshooting a neighbour: the default), 'auto' (smooth), 'vector'
 * (each handle points a third of the way at its neighbour), 'aligned' (stored, the two kept in
 * line) and 'free' (stored, independent). Auto and vector handles are computed from the
 * neighbouring keys whenever the curve is evaluated (bezier-handles.ts); the stored ones are
 * then only their last baked values.
 */
export const HANDLE_MODES = ['auto-clamped', 'auto', 'vector', 'aligned', 'free'] as const;
export type HandleMode = (typeof HANDLE_MODES)[number];

/** A handle as an offset from its key: seconds (<= 0 on the left, >= 0 on the right) and channel units. */
const handleSchema = (side: 'left' | 'right') =>
  z.strictObject({
    dtSec: side === 'left' ? z.number().finite().max(0) : z.number().finite().min(0),
    dValue: z.number().finite(),
  });
export interface KeyHandle {
  readonly dtSec: number;
  readonly dValue: number;
}

export const keyframeSchema = z.strictObject({
  id: z.string().min(1).max(64).transform((s) => s as KeyframeId),
  /** Time of the key in seconds from the start of the audio; >= 0. */
  timeSec: z.number().finite().min(0),
  /** Channel value in the channel's unit (degrees, cm, or 0..1 expression scale). */
  value: z.number().finite(),
  /** How the segment from this key to the next one is interpolated. */
  interp: z.enum(INTERPOLATIONS),
  handleMode: z.enum(HANDLE_MODES),
  /** The handle towards the previous key (shapes the bezier segment that ends here). */
  leftHandle: handleSchema('left'),
  /** The handle towards the next key (shapes the bezier segment that starts here). */
  rightHandle: handleSchema('right'),
});
export type Keyframe = z.infer<typeof keyframeSchema>;

/** A channel a layer keys: a built-in one, or a sculpted shape's weight `shape:<id>` (version 6). */
const keyChannelSchema = z.union([z.enum(CHANNELS), z.templateLiteral(['shape:', z.string().regex(SHAPE_ID_PATTERN)])]);
const channelKeysSchema = z.partialRecord(keyChannelSchema, z.array(keyframeSchema));

export const keyframeLayerSchema = z.strictObject({
  id: z.string().min(1).max(64).transform((s) => s as LayerId),
  name: z.string().max(200),
  /** A disabled (muted) layer is kept but does not compose. */
  enabled: z.boolean(),
  /** While any layer is soloed, only the soloed (and enabled) layers compose. */
  solo: z.boolean(),
  /** How much of the layer's keyed values is added: 0..1. */
  weight: z.number().min(0).max(1),
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
