/** The graph editor's window onto time x value, and its mapping to pixels. Pure, unit-tested. */
export interface GraphView {
  readonly startSec: number;
  readonly endSec: number;
  readonly minValue: number;
  readonly maxValue: number;
}

export interface Extent {
  readonly startSec: number;
  readonly endSec: number;
  readonly minValue: number;
  readonly maxValue: number;
}

/** A view showing `extent` with `padFraction` of room on every side (a flat or instant extent gets a minimum size). */
export function frameExtent(extent: Extent, minValueSpan: number, padFraction = 0.08): GraphView {
  const tSpan = Math.max(extent.endSec - extent.startSec, 0.2);
  const tMid = (extent.startSec + extent.endSec) / 2;
  const vSpan = Math.max(extent.maxValue - extent.minValue, minValueSpan);
  const vMid = (extent.minValue + extent.maxValue) / 2;
  return {
    startSec: tMid - (tSpan / 2) * (1 + 2 * padFraction),
    endSec: tMid + (tSpan / 2) * (1 + 2 * padFraction),
    minValue: vMid - (vSpan / 2) * (1 + 2 * padFraction),
    maxValue: vMid + (vSpan / 2) * (1 + 2 * padFraction),
  };
}

/** The smallest extent holding all `points` (time, value), or null for none. */
export function extentOf(points: Iterable<readonly [number, number]>): Extent | null {
  let startSec = Infinity;
  let endSec = -Infinity;
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (const [t, v] of points) {
    startSec = Math.min(startSec, t);
    endSec = Math.max(endSec, t);
    minValue = Math.min(minValue, v);
    maxValue = Math.max(maxValue, v);
  }
  return Number.isFinite(startSec) ? { startSec, endSec, minValue, maxValue } : null;
}

/** Zooms time by `factor` (> 1 zooms in) keeping `anchorSec` in place. */
export function zoomTime(view: GraphView, factor: number, anchorSec: number): GraphView {
  return { ...view, startSec: anchorSec - (anchorSec - view.startSec) / factor, endSec: anchorSec + (view.endSec - anchorSec) / factor };
}

/** Zooms values by `factor` (> 1 zooms in) keeping `anchorValue` in place. */
export function zoomValue(view: GraphView, factor: number, anchorValue: number): GraphView {
  return { ...view, minValue: anchorValue - (anchorValue - view.minValue) / factor, maxValue: anchorValue + (view.maxValue - anchorValue) / factor };
}

export function pan(view: GraphView, dSec: number, dValue: number): GraphView {
  return { startSec: view.startSec + dSec, endSec: view.endSec + dSec, minValue: view.minValue + dValue, maxValue: view.maxValue + dValue };
}

/** Pixel mapping of a view drawn in widthPx x heightPx (value up). */
export interface GraphMapping {
  readonly x: (timeSec: number) => number;
  readonly y: (value: number) => number;
  readonly timeAt: (xPx: number) => number;
  readonly valueAt: (yPx: number) => number;
  readonly secPerPx: number;
  readonly valuePerPx: number;
}

export function graphMapping(view: GraphView, widthPx: number, heightPx: number): GraphMapping {
  const secPerPx = (view.endSec - view.startSec) / Math.max(1, widthPx);
  const valuePerPx = (view.maxValue - view.minValue) / Math.max(1, heightPx);
  return {
    x: (t) => (t - view.startSec) / secPerPx,
    y: (v) => (view.maxValue - v) / valuePerPx,
    timeAt: (x) => view.startSec + x * secPerPx,
    valueAt: (y) => view.maxValue - y * valuePerPx,
    secPerPx,
    valuePerPx,
  };
}

/** "Nice" tick values (1, 2 or 5 x 10^k apart) covering [min, max] with about `count` ticks. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0) || count < 1) return [];
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return ticks;
}
