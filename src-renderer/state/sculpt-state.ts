import type { ShapeId } from '../../src-shared/keyframes/shape-channels';
import { DEFAULT_FALLOFF_RADIUS_CM } from '../../src-shared/sculpt/falloff';

/** How a drag on empty viewport space picks landmarks in sculpt mode. */
export type SculptSelectTool = 'box' | 'lasso';

/** The 3D viewport's sculpt mode (view state, never undone; the strokes are document edits). */
export interface SculptState {
  /** Sculpt mode on: left drags pick and move landmarks instead of orbiting or turning the head. */
  readonly active: boolean;
  /** The shape strokes go to; null: the next stroke makes a new one. */
  readonly shapeId: ShapeId | null;
  /** Picked landmarks (0..477), sorted. */
  readonly picked: readonly number[];
  readonly tool: SculptSelectTool;
  /** Strokes also move the mirror landmarks across the face's symmetry. */
  readonly mirror: boolean;
  /** The soft falloff radius (cm on the rest face). */
  readonly radiusCm: number;
  /** Picks see through the face (Blender's X-ray): off, only landmarks the camera sees are picked. */
  readonly xray: boolean;
}

export const INITIAL_SCULPT: SculptState = { active: false, shapeId: null, picked: [], tool: 'box', mirror: false, radiusCm: DEFAULT_FALLOFF_RADIUS_CM, xray: false };
