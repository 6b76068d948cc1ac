import { roundToFloat16 } from '../math/float16.js';

/** One FILM call: the frame at `target` made from the frames at `left` and `right` (output indices). */
export interface FilmCall {
  readonly left: number;
  readonly right: number;
  readonly target: number;
  /** Relative position of `target` between `left` and `right`, rounded as AniPortrait does (float16). */
  readonly dt: number;
}

/**
 * The order of FILM calls between two key frames that fills `step - 1` frames, as AniPortrait's
 * frame_interpolation.py (after dajes' inference.py): repeatedly take the remaining target whose
 * position inside its current bracket is closest to the middle. Indices are 0 (first key frame) ..
 * step (second key frame). step 3 -> dt 0.333251953125 then 0.5 (docs/aniportrait-engine.md §4.2).
 */
export function filmSchedule(step: number): FilmCall[] {
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`FILM step must be a positive integer, got ${step}`);
  const inner = step - 1;
  // torch.linspace(0, 1, inner + 2) in float32.
  const splits = Array.from({ length: inner + 2 }, (_, i) => Math.fround(i / (inner + 1)));
  const known = [0, inner + 1];
  const remaining = Array.from({ length: inner }, (_, i) => i + 1);
  const calls: FilmCall[] = [];
  while (remaining.length > 0) {
    let best = { bracket: 0, which: 0, distance: Infinity };
    for (let b = 0; b < known.length - 1; b++) {
      const start = splits[known[b]];
      const end = splits[known[b + 1]];
      for (let r = 0; r < remaining.length; r++) {
        const distance = Math.abs(Math.fround(Math.fround(splits[remaining[r]] - start) / Math.fround(end - start)) - 0.5);
        if (distance < best.distance) best = { bracket: b, which: r, distance };
      }
    }
    const left = known[best.bracket];
    const right = known[best.bracket + 1];
    const target = remaining[best.which];
    // x0.new_full((1,1), numerator) is float16; dividing by a 0-dim float32 tensor stays float16.
    const numerator = roundToFloat16(Math.fround(splits[target] - splits[left]));
    const dt = roundToFloat16(numerator / Math.fround(splits[right] - splits[left]));
    calls.push({ left, right, target, dt });
    known.splice(known.findIndex((k) => k > target), 0, target);
    remaining.splice(best.which, 1);
  }
  return calls;
}

/** Output length after interpolating `keyFrames` diffused frames at `step`: (N-1)*step+1. */
export function interpolatedLength(keyFrames: number, step: number): number {
  return keyFrames <= 0 ? 0 : (keyFrames - 1) * step + 1;
}
