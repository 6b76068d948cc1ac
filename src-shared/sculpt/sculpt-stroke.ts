import { LANDMARK_MIRROR } from '../face/face-symmetry.js';
import { LANDMARK_COUNT } from '../face/topology.js';
import { smoothFalloff } from './falloff.js';

/** One drag of picked landmarks: how far (face space, cm) and how softly it reaches their neighbours. */
export interface SculptStroke {
  /** The picked landmarks (0..477). */
  readonly picked: readonly number[];
  /** The move, in face space (cm): the drag in the view plane turned back by the head's pose. */
  readonly deltaCm: readonly [number, number, number];
  /** Neighbours within this distance (cm, on the rest face) follow, by smoothFalloff. */
  readonly radiusCm: number;
  /** Also move each picked landmark's mirror across the face's symmetry, by the mirrored delta. */
  readonly mirror: boolean;
}

/**
 * Per landmark, how much of the stroke it takes: 1 for a picked one, the smooth falloff of its
 * distance to the nearest picked one on `restCm` (LANDMARK_COUNT x 3, face space) otherwise, as
 * Blender's proportional editing does.
 */
export function strokeWeights(restCm: Float32Array, picked: readonly number[], radiusCm: number): Float32Array {
  const weights = new Float32Array(LANDMARK_COUNT);
  for (const p of picked) weights[p] = 1;
  if (radiusCm <= 0 || picked.length === 0) return weights;
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    if (weights[i] === 1) continue;
    let nearest = Infinity;
    for (const p of picked) nearest = Math.min(nearest, Math.hypot(restCm[i * 3] - restCm[p * 3], restCm[i * 3 + 1] - restCm[p * 3 + 1], restCm[i * 3 + 2] - restCm[p * 3 + 2]));
    weights[i] = smoothFalloff(nearest, radiusCm);
  }
  return weights;
}

/** Offsets stored in a shape are rounded to 1e-4 cm (a micrometre), so files stay small and stable. */
function round(v: number): number {
  const r = Math.round(v * 1e4) / 1e4;
  return r === 0 ? 0 : r;
}

/**
 * `offsetsCm` (a shape's LANDMARK_COUNT x 3 offsets) with the stroke added. With `mirror`, the
 * mirror side takes the stroke with x flipped, as weighted from the picked points' mirrors; where
 * both sides reach a landmark (near the mid-line) x takes their difference and y, z the larger,
 * so a mid-line point stays on the mid-line and never moves twice as far.
 */
export function applySculptStroke(offsetsCm: readonly number[], restCm: Float32Array, stroke: SculptStroke): number[] {
  const [dx, dy, dz] = stroke.deltaCm;
  const own = strokeWeights(restCm, stroke.picked, stroke.radiusCm);
  const out = offsetsCm.slice();
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const wo = own[i];
    const wm = stroke.mirror ? own[LANDMARK_MIRROR[i]] : 0;
    if (wo === 0 && wm === 0) continue;
    const wx = LANDMARK_MIRROR[i] === i && stroke.mirror ? 0 : wo - wm;
    const wyz = Math.max(wo, wm);
    out[i * 3] = round(out[i * 3] + wx * dx);
    out[i * 3 + 1] = round(out[i * 3 + 1] + wyz * dy);
    out[i * 3 + 2] = round(out[i * 3 + 2] + wyz * dz);
  }
  return out;
}
