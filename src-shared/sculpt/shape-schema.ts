import { z } from 'zod';
import { LANDMARK_COUNT } from '../face/topology.js';
import type { ShapeId } from '../keyframes/shape-channels.js';
import { SHAPE_ID_PATTERN } from '../keyframes/shape-channels.js';

/** Values of a shape: LANDMARK_COUNT x 3 offsets. */
export const SHAPE_VALUE_COUNT = LANDMARK_COUNT * 3;

/**
 * A sculpted shape (version 6): offsets of the 478 landmarks from the rest face, in cm in face
 * space (the face's canonical frame: x right, y up, z towards the viewer), so it turns with the
 * head. Its weight is the keyable channel `shape:<id>` (shape-channels.ts) in any layer; the
 * composed landmarks are the generated ones plus weight x offsets for every shape
 * (compose-layers.ts).
 */
export const sculptShapeSchema = z.strictObject({
  id: z.string().regex(SHAPE_ID_PATTERN).transform((s) => s as ShapeId),
  name: z.string().min(1).max(200),
  /** x, y, z per landmark, landmark-major (cm). */
  offsetsCm: z.array(z.number().finite().min(-100).max(100)).length(SHAPE_VALUE_COUNT),
});
export type SculptShape = z.infer<typeof sculptShapeSchema>;
