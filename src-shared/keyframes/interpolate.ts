import type { BezierHandles, Keyframe } from './keyframe-schema.js';

/** Named ease presets as CSS cubic-beziers of the segment after a key. */
export const EASE_PRESETS = {
  linear: { outX: 0, outY: 0, inX: 1, inY: 1 },
  ease: { outX: 0.25, outY: 0.1, inX: 0.25, inY: 1 },
  easeIn: { outX: 0.42, outY: 0, inX: 1, inY: 1 },
  easeOut: { outX: 0, outY: 0, inX: 0.58, inY: 1 },
  easeInOut: { outX: 0.42, outY: 0, inX: 0.58, inY: 1 },
} as const satisfies Record<string, BezierHandles>;
export type EasePreset = keyof typeof EASE_PRESETS;

/**
 * A channel's value at `timeSec`: before the first key, its value; after the last, its value;
 * between keys, the segment's interpolation of the earlier key ('hold' keeps its value until the
 * next key, 'linear' straight, 'bezier' the cubic-bezier of its handles). `keys` sorted by time.
 * No keys gives 0 (a layer adds nothing where it has no keys).
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
  const x = (timeSec - a.timeSec) / span;
  switch (a.interp) {
    case 'hold':
      return a.value;
    case 'linear':
      return a.value + (b.value - a.value) * x;
    case 'bezier':
      return a.value + (b.value - a.value) * cubicBezierY(a.handles, x);
  }
}

/** y of a CSS cubic-bezier (0,0), (outX,outY), (inX,inY), (1,1) at x in 0..1 (Newton, then bisection). */
export function cubicBezierY(h: BezierHandles, x: number): number {
  const bez = (p1: number, p2: number, t: number) => 3 * (1 - t) * (1 - t) * t * p1 + 3 * (1 - t) * t * t * p2 + t * t * t;
  const slope = (p1: number, p2: number, t: number) => 3 * (1 - t) * (1 - t) * p1 + 6 * (1 - t) * t * (p2 - p1) + 3 * t * t * (1 - p2);
  let t = x;
  for (let i = 0; i < 8; i++) {
    const dx = bez(h.outX, h.inX, t) - x;
    const d = slope(h.outX, h.inX, t);
    if (Math.abs(dx) < 1e-7) return bez(h.outY, h.inY, t);
    if (Math.abs(d) < 1e-6) break;
    t = Math.min(1, Math.max(0, t - dx / d));
  }
  let lo = 0;
  let hi = 1;
  t = x;
  for (let i = 0; i < 40; i++) {
    const v = bez(h.outX, h.inX, t);
    if (Math.abs(v - x) < 1e-7) break;
    if (v < x) lo = t;
    else hi = t;
    t = (lo + hi) / 2;
  }
  return bez(h.outY, h.inY, t);
}
