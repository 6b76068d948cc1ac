import { smoothstep } from '../math/smoothstep.js';

/** The radius a sculpt stroke reaches to by default (cm) and the range the studio allows. */
export const DEFAULT_FALLOFF_RADIUS_CM = 1.5;
export const FALLOFF_RADIUS_LIMITS_CM: readonly [number, number] = [0, 12];

/**
 * Blender's 'Smooth' proportional-editing falloff: 1 at the picked point, 0 at `radiusCm` and
 * beyond, 3t^2 - 2t^3 of t = 1 - distance / radius between. A radius of 0 moves only the picked.
 */
export function smoothFalloff(distanceCm: number, radiusCm: number): number {
  if (distanceCm <= 0) return 1;
  if (radiusCm <= 0) return 0;
  return smoothstep(distanceCm, radiusCm, 0);
}
