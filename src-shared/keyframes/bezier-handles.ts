import type { Keyframe, KeyHandle } from './keyframe-schema.js';

/**
 * The handles a key's curve uses, by its handle mode (the rules of Blender's F-curve handles,
 * written from their description):
 *
 * - auto / auto-clamped: the tangent's slope is the mean of the slopes to the neighbouring keys
 *   (a missing neighbour is mirrored through the key); each handle reaches
 *   (span to that neighbour) / 2.5614 in time, a span capped at 5x the other one. The first and last
 *   keys get flat handles (the curve holds its value beyond them). Auto-clamped also makes the
 *   handles flat at a local extreme (both neighbours on the same side, or level) and, elsewhere,
 *   stops a handle at its neighbour's value, the other handle staying in line with it.
 * - vector: each handle points a third of the way at its neighbour.
 * - aligned / free: the stored handles.
 */
export interface ResolvedHandles {
  readonly left: KeyHandle;
  readonly right: KeyHandle;
}

/** Blender's handle length factor: time reach of an auto handle = span / AUTO_HANDLE_DIVISOR. */
export const AUTO_HANDLE_DIVISOR = 2.5614;

export function resolveHandles(keys: readonly Keyframe[], index: number): ResolvedHandles {
  const key = keys[index];
  const prev = keys[index - 1];
  const next = keys[index + 1];
  if (key.handleMode === 'aligned' || key.handleMode === 'free') return { left: key.leftHandle, right: key.rightHandle };
  // Neighbours as offsets from the key; a missing one is the other mirrored (a lone key: 1 s flat).
  const a = prev ? { dt: prev.timeSec - key.timeSec, dv: prev.value - key.value } : next ? { dt: key.timeSec - next.timeSec, dv: key.value - next.value } : { dt: -1, dv: 0 };
  const b = next ? { dt: next.timeSec - key.timeSec, dv: next.value - key.value } : { dt: -a.dt, dv: -a.dv };
  if (key.handleMode === 'vector') return { left: { dtSec: a.dt / 3, dValue: a.dv / 3 }, right: { dtSec: b.dt / 3, dValue: b.dv / 3 } };

  const spanA = -a.dt === 0 ? 1 : -a.dt;
  const spanB = b.dt === 0 ? 1 : b.dt;
  const slope = (-a.dv / spanA + b.dv / spanB) / 2;
  const reachA = Math.min(spanA, 5 * spanB) / AUTO_HANDLE_DIVISOR;
  const reachB = Math.min(spanB, 5 * spanA) / AUTO_HANDLE_DIVISOR;
  const flat = { left: { dtSec: -reachA, dValue: 0 }, right: { dtSec: reachB, dValue: 0 } };
  if (prev === undefined || next === undefined) return flat;
  let left = { dtSec: -reachA, dValue: -slope * reachA };
  let right = { dtSec: reachB, dValue: slope * reachB };
  if (key.handleMode === 'auto') return { left, right };

  // Auto-clamped: flat at an extreme; otherwise no handle beyond its neighbour's value.
  if ((a.dv <= 0 && b.dv <= 0) || (a.dv >= 0 && b.dv >= 0)) return flat;
  const beyond = (handle: KeyHandle, neighbourDv: number) => (neighbourDv > 0 ? handle.dValue > neighbourDv : handle.dValue < neighbourDv);
  if (beyond(left, a.dv)) {
    left = { dtSec: left.dtSec, dValue: a.dv };
    right = { dtSec: right.dtSec, dValue: (left.dValue / left.dtSec) * right.dtSec };
  } else if (beyond(right, b.dv)) {
    right = { dtSec: right.dtSec, dValue: b.dv };
    left = { dtSec: left.dtSec, dValue: (right.dValue / right.dtSec) * left.dtSec };
  }
  return { left, right };
}

/** `key` with its current handles stored and `mode` (auto handles are baked, so turning them free changes nothing). */
export function bakeHandles(keys: readonly Keyframe[], index: number, mode: Keyframe['handleMode'] = keys[index].handleMode): Keyframe {
  const { left, right } = resolveHandles(keys, index);
  return { ...keys[index], handleMode: mode, leftHandle: { ...left }, rightHandle: { ...right } };
}
