import { frameContaining } from '../project/derived.js';

/** Times on the frame grid: frame k starts at k / fps seconds. */

/** The nearest frame start to `timeSec`. */
export function snapToFrame(timeSec: number, fps: number): number {
  return Math.round(timeSec * fps) / fps;
}

/** Start of the frame that `timeSec` lies in (what "at the playhead" means for a new key or marker). */
export function frameStartSec(timeSec: number, fps: number): number {
  return frameContaining(timeSec, fps) / fps;
}

/** How a dragged time snaps; see snapDragTime. */
export interface DragSnapOptions {
  readonly fps: number;
  /** Timeline scale: the snap distance is in screen pixels. */
  readonly pxPerSec: number;
  /** Times the drag is drawn to (markers, the playhead), seconds. */
  readonly targetsSec: readonly number[];
  /** Shift held: no snapping at all. */
  readonly free: boolean;
  /** Snap distance, px (default 6). */
  readonly snapPx?: number;
}

/**
 * Snaps a dragged time (never below 0): to the nearest target within `snapPx`, else to the
 * frame grid; `free` turns snapping off.
 */
export function snapDragTime(timeSec: number, options: DragSnapOptions): number {
  const clamped = Math.max(0, timeSec);
  if (options.free) return clamped;
  const snapSec = (options.snapPx ?? 6) / options.pxPerSec;
  let best: number | null = null;
  for (const target of options.targetsSec) {
    if (Math.abs(target - clamped) <= snapSec && (best === null || Math.abs(target - clamped) < Math.abs(best - clamped))) best = target;
  }
  return best ?? snapToFrame(clamped, options.fps);
}
