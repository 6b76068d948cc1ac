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
 * step (second key frame). step 3 -> frame 2 first (dt 0.66650390625), then frame 1 between 0 and 2
 * (dt 0.5): torch's linspace puts 2/3 a hair below its exact value, which breaks the tie
 * (docs/aniportrait-engine.md §4.2; found by the parity test, §7).
 */
export function filmSchedule(step: number): FilmCall[] {
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`FILM step must be a positive integer, got ${step}`);
  const inner = step - 1;
  const splits = torchLinspace(0, 1, inner + 2);
  const known = [0, inner + 1];
  const remaining = Array.from({ length: inner }, (_, i) => i + 1);
  const calls: FilmCall[] = [];
  while (remaining.length > 0) {
    let best = { bracket: 0, which: 0, distance: Infinity };
    for (let b = 0; b < known.length - 1; b++) {
      const start = splits[known[b]];
      const end = splits[known[b + 1]];
      for (let r = 0; r < remaining.length; r++) {
        const distance = Math.abs(Math.fround(Math.fround(Math.fround(splits[remaining[r]] - start) / Math.fround(end - start)) - 0.5));
        if (distance < best.distance) best = { bracket: b, which: r, distance };
      }
    }
    const left = known[best.bracket];
    const right = known[best.bracket + 1];
    const target = remaining[best.which];
    // x0.new_full((1,1), numerator) is float16; a 0-dim float32 divisor is cast to float16 first
    // (type promotion), and the quotient is float16.
    const numerator = roundToFloat16(Math.fround(splits[target] - splits[left]));
    const dt = roundToFloat16(numerator / roundToFloat16(Math.fround(splits[right] - splits[left])));
    calls.push({ left, right, target, dt });
    known.splice(known.findIndex((k) => k > target), 0, target);
    remaining.splice(best.which, 1);
  }
  return calls;
}

/**
 * torch.linspace(start, end, steps) in float32 as its CPU kernel computes it: the first half from
 * the start (start + i * step), the second half from the end (end - (steps - 1 - i) * step).
 */
export function torchLinspace(start: number, end: number, steps: number): number[] {
  if (steps === 1) return [Math.fround(start)];
  const step = Math.fround(Math.fround(end - start) / (steps - 1));
  const halfway = Math.floor(steps / 2);
  return Array.from({ length: steps }, (_, i) => (i < halfway ? Math.fround(start + Math.fround(step * i)) : Math.fround(end - Math.fround(step * (steps - 1 - i)))));
}

/** Output length after interpolating `keyFrames` diffused frames at `step`: (N-1)*step+1. */
export function interpolatedLength(keyFrames: number, step: number): number {
  return keyFrames <= 0 ? 0 : (keyFrames - 1) * step + 1;
}
