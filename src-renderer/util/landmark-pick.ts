/** Picking landmarks on screen (sculpt mode): points are projected to client pixels, x, y per landmark. */

export type PickMode = 'replace' | 'add' | 'remove';

/** Blender's modifiers: Shift adds to the picked set, Alt or Ctrl removes from it, otherwise it is replaced. */
export function pickModeOf(event: { readonly shiftKey: boolean; readonly altKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean }): PickMode {
  if (event.shiftKey) return 'add';
  if (event.altKey || event.ctrlKey || event.metaKey) return 'remove';
  return 'replace';
}

/** `hits` applied to `picked` by `mode`, sorted without repeats. */
export function combinePick(picked: readonly number[], hits: readonly number[], mode: PickMode): number[] {
  const set = new Set(mode === 'replace' ? [] : picked);
  for (const h of hits) {
    if (mode === 'remove') set.delete(h);
    else set.add(h);
  }
  return [...set].sort((a, b) => a - b);
}

/**
 * The landmark nearest to (x, y) within `radiusPx`, or null; of points within half a pixel of the
 * nearest, the one nearer the camera (smaller depth). With `eligible`, only points marked 1 there
 * (the visible ones) count.
 */
export function nearestPoint(screenPx: Float32Array, depth: Float32Array, x: number, y: number, radiusPx: number, eligible?: Uint8Array): number | null {
  const dist = (i: number) => Math.hypot(screenPx[i * 2] - x, screenPx[i * 2 + 1] - y);
  const counts = (i: number) => eligible === undefined || eligible[i] === 1;
  let nearest = Infinity;
  for (let i = 0; i < depth.length; i++) if (counts(i)) nearest = Math.min(nearest, dist(i));
  if (nearest > radiusPx) return null;
  let best: number | null = null;
  for (let i = 0; i < depth.length; i++) if (counts(i) && dist(i) <= nearest + 0.5 && (best === null || depth[i] < depth[best])) best = i;
  return best;
}

/** Landmarks inside the rectangle spanned by two corners. */
export function pointsInBox(screenPx: Float32Array, a: { x: number; y: number }, b: { x: number; y: number }): number[] {
  const [left, right] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [top, bottom] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  const out: number[] = [];
  for (let i = 0; i < screenPx.length / 2; i++) {
    const x = screenPx[i * 2];
    const y = screenPx[i * 2 + 1];
    if (x >= left && x <= right && y >= top && y <= bottom) out.push(i);
  }
  return out;
}

/** Whether (x, y) is inside the closed polygon (even-odd rule). */
export function insidePolygon(polygon: readonly { x: number; y: number }[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Landmarks inside the lasso. */
export function pointsInLasso(screenPx: Float32Array, lasso: readonly { x: number; y: number }[]): number[] {
  if (lasso.length < 3) return [];
  const out: number[] = [];
  for (let i = 0; i < screenPx.length / 2; i++) if (insidePolygon(lasso, screenPx[i * 2], screenPx[i * 2 + 1])) out.push(i);
  return out;
}

/** Landmark numbers typed as "61, 291 13": each 0..477; null when any is not one. */
export function parseLandmarkNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n) && n >= 0 && n < 478) ? numbers : null;
}
