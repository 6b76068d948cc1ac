import type { Locator } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * The preview canvas as it is on screen (a screenshot: the canvas itself may belong to a worker),
 * as every 4th pixel's RGB, for comparing two frames. The preview paints a draft first: this waits
 * for the frame at full detail.
 */
export async function canvasSample(canvas: Locator): Promise<number[]> {
  await expect(canvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  const { data } = await screenshotPixels(canvas);
  const sample: number[] = [];
  for (let i = 0; i < data.length; i += 16) sample.push(data[i], data[i + 1], data[i + 2]);
  return sample;
}

/** An element as it is on screen (a screenshot, decoded in the page): RGBA bytes, row-major. */
export async function screenshotPixels(element: Locator): Promise<{ widthPx: number; heightPx: number; data: number[] }> {
  const png = await element.screenshot();
  return element.page().evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const scratch = document.createElement('canvas');
    scratch.width = image.naturalWidth;
    scratch.height = image.naturalHeight;
    const context = scratch.getContext('2d');
    if (context === null || scratch.width === 0) return { widthPx: 0, heightPx: 0, data: [] };
    context.drawImage(image, 0, 0);
    return { widthPx: scratch.width, heightPx: scratch.height, data: Array.from(context.getImageData(0, 0, scratch.width, scratch.height).data) };
  }, `data:image/png;base64,${png.toString('base64')}`);
}

/** Pixels of the upper and lower half where two screenshots of one element (screenshotPixels) differ by more than `threshold` in a channel. */
export function changedHalves(a: { widthPx: number; heightPx: number; data: number[] }, b: { data: number[] }, threshold = 24): { upper: number; lower: number } {
  const out = { upper: 0, lower: 0 };
  for (let p = 0; p < a.widthPx * a.heightPx; p++) {
    const o = p * 4;
    if (Math.max(Math.abs(a.data[o] - b.data[o]), Math.abs(a.data[o + 1] - b.data[o + 1]), Math.abs(a.data[o + 2] - b.data[o + 2])) <= threshold) continue;
    if (Math.floor(p / a.widthPx) < a.heightPx / 2) out.upper++;
    else out.lower++;
  }
  return out;
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
