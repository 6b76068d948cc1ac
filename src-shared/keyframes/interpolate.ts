import { resolveHandles } from './bezier-handles.js';
import type { Keyframe, KeyHandle } from './keyframe-schema.js';

/** Named ease presets as CSS cubic-beziers (x1, y1, x2, y2) of the segment after a key. */
export const EASE_PRESETS = {
  linear: [0, 0, 1, 1],
  ease: [0.25, 0.1, 0.25, 1],
  easeIn: [0.42, 0, 1, 1],
  easeOut: [0, 0, 0.58, 1],
  easeInOut: [0.42, 0, 0.58, 1],
} as const satisfies Record<string, readonly [number, number, number, number]>;
export type EasePreset = keyof typeof EASE_PRESETS;
export const EASE_PRESET_NAMES = Object.keys(EASE_PRESETS) as EasePreset[];

/**
 * The handles that make the segment from `a` to `b` the CSS cubic-bezier (x1, y1, x2, y2): a's
 * right handle and b's left one. Exact: evaluating the segment then gives the CSS curve.
 */
export function cssBezierHandles(bezier: readonly [number, number, number, number], a: Pick<Keyframe, 'timeSec' | 'value'>, b: Pick<Keyframe, 'timeSec' | 'value'>): { right: KeyHandle; left: KeyHandle } {
  const [x1, y1, x2, y2] = bezier;
  const spanSec = b.timeSec - a.timeSec;
  const delta = b.value - a.value;
  return { right: { dtSec: x1 * spanSec, dValue: y1 * delta }, left: { dtSec: (x2 - 1) * spanSec, dValue: (y2 - 1) * delta } };
}

/**
 * A channel's value at `timeSec`: before the first key, its value; after the last, its value;
 * between keys, the segment's interpolation of the earlier key ('hold' keeps its value until the
 * next key, 'linear' straight, 'bezier' the cubic through the earlier key's right handle and the
 * later key's left handle, as resolved by their handle modes). `keys` sorted by time. No keys
 * gives 0 (a layer adds nothing where it has no keys).
 */
export function evaluateChannel(keys: readonly Keyframe[], timeSec: number): number {
  if (keys.length === 0) return 0;
  if (timeSec <= keys[0].timeSec) return keys[0].value;
  const last = keys[keys.length - 1];
  if (timeSec >= last.timeSec) return last.value;
  let lo = 0;
  let hi = keys.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (keys[mid].timeSec <= timeSec) lo = mid;
    else hi = mid;
  }
  const a = keys[lo];
  const b = keys[hi];
  const span = b.timeSec - a.timeSec;
  if (span <= 0) return b.value;
  switch (a.interp) {
    case 'hold':
      return a.value;
    case 'linear':
      return a.value + ((b.value - a.value) * (timeSec - a.timeSec)) / span;
    case 'bezier':
      return segmentValue(a, resolveHandles(keys, lo).right, b, resolveHandles(keys, hi).left, timeSec);
  }
}

/** A handle no longer in time than the segment (scaled along itself), so the curve stays a function of time. */
export function clampHandle(handle: KeyHandle, spanSec: number): KeyHandle {
  const reach = Math.abs(handle.dtSec);
  if (reach <= spanSec) return handle;
  const f = spanSec / reach;
  return { dtSec: handle.dtSec * f, dValue: handle.dValue * f };
}

/**
 * The bezier segment P0 = a, P1 = a + right, P2 = b + left, P3 = b at `timeSec`: solves
 * x(t) = timeSec (x is monotonic once each handle reaches no further than the segment) and
 * returns y(t).
 */
export function segmentValue(a: Pick<Keyframe, 'timeSec' | 'value'>, right: KeyHandle, b: Pick<Keyframe, 'timeSec' | 'value'>, left: KeyHandle, timeSec: number): number {
  const span = b.timeSec - a.timeSec;
  const r = clampHandle(right, span);
  const l = clampHandle(left, span);
  const x1 = r.dtSec / span;
  const x2 = 1 + l.dtSec / span;
  const t = solveBezierT(x1, x2, (timeSec - a.timeSec) / span);
  const y1 = a.value + r.dValue;
  const y2 = b.value + l.dValue;
  const u = 1 - t;
  return u * u * u * a.value + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * b.value;
}

/** The parameter t where the unit bezier x(t) (0, x1, x2, 1) equals x: Newton, then bisection. */
function solveBezierT(x1: number, x2: number, x: number): number {
  const bez = (t: number) => 3 * (1 - t) * (1 - t) * t * x1 + 3 * (1 - t) * t * t * x2 + t * t * t;
  const slope = (t: number) => 3 * (1 - t) * (1 - t) * x1 + 6 * (1 - t) * t * (x2 - x1) + 3 * t * t * (1 - x2);
  let t = x;
  for (let i = 0; i < 8; i++) {
    const dx = bez(t) - x;
    if (Math.abs(dx) < 1e-9) return t;
    const d = slope(t);
    if (Math.abs(d) < 1e-6) break;
    t = Math.min(1, Math.max(0, t - dx / d));
  }
  let lo = 0;
  let hi = 1;
  t = x;
  for (let i = 0; i < 60; i++) {
    const v = bez(t);
    if (Math.abs(v - x) < 1e-10) break;
    if (v < x) lo = t;
    else hi = t;
    t = (lo + hi) / 2;
  }
  return t;
}
