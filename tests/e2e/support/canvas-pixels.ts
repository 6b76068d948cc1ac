import type { Locator } from '@playwright/test';

/** A 2D canvas's pixels, downsampled to every 4th pixel's RGB, for comparing two frames. */
export function canvasSample(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (context === null || element.width === 0) return [];
    const { data } = context.getImageData(0, 0, element.width, element.height);
    const sample: number[] = [];
    for (let i = 0; i < data.length; i += 16) sample.push(data[i], data[i + 1], data[i + 2]);
    return sample;
  });
}

/** Mean absolute difference of two samples (0..255); 0 for identical frames. */
export function meanAbsDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** p-th percentile (0..100) of the values, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
