/**
 * AniPortrait's context windows (context.py `uniform` at step 0): 16 frames starting every 12,
 * wrapping around the end of the clip; one window of all frames when the clip has 16 or fewer.
 * docs/aniportrait-engine.md §3.4.
 */
export const CONTEXT_FRAMES = 16;
export const CONTEXT_OVERLAP = 4;

export function contextWindows(frameCount: number, size = CONTEXT_FRAMES, overlap = CONTEXT_OVERLAP): number[][] {
  if (!Number.isInteger(frameCount) || frameCount < 1) throw new RangeError(`context windows need at least one frame, got ${frameCount}`);
  if (frameCount <= size) return [Array.from({ length: frameCount }, (_, i) => i)];
  const out: number[][] = [];
  for (let start = 0; start < frameCount; start += size - overlap) {
    out.push(Array.from({ length: size }, (_, k) => (start + k) % frameCount));
  }
  return out;
}
