import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** One mouth segment as the lane says it is (its data attributes). */
export interface MouthSegmentInfo {
  readonly index: number;
  readonly shape: string;
  readonly startSec: number;
  readonly endSec: number;
  readonly edited: boolean;
  readonly editId: string | null;
}

/** The timeline's mouth lane, its segments and palette, and the inspector's lip-sync controls. */
export class MouthLanePage {
  readonly lane: Locator;
  readonly segments: Locator;
  readonly boundaries: Locator;
  readonly palette: Locator;
  readonly mode: Locator;

  constructor(readonly page: Page) {
    this.lane = page.getByTestId('mouth-lane');
    this.segments = page.getByTestId('mouth-segment');
    this.boundaries = page.getByTestId('mouth-boundary');
    this.palette = page.getByTestId('mouth-palette');
    this.mode = page.getByTestId('mouth-mode');
  }

  async segmentInfos(): Promise<MouthSegmentInfo[]> {
    return this.segments.evaluateAll((elements) =>
      elements.map((element, index) => {
        const d = (element as HTMLElement).dataset;
        return { index, shape: d.shape ?? '', startSec: Number(d.startSec), endSec: Number(d.endSec), edited: d.edited === 'true', editId: d.editId ?? null };
      }),
    );
  }

  async infoAt(timeSec: number): Promise<MouthSegmentInfo | undefined> {
    return (await this.segmentInfos()).find((s) => s.startSec <= timeSec && s.endSec > timeSec);
  }

  /** Clicks segment `index` in its middle (the playhead moves there) and waits for its palette. */
  async openPalette(index: number): Promise<void> {
    const segment = this.segments.nth(index);
    await segment.scrollIntoViewIfNeeded();
    await segment.click();
    await expect(this.palette).toBeVisible();
  }

  async pickShape(shape: string): Promise<void> {
    await this.page.getByTestId(`mouth-shape-${shape}`).click();
  }

  async closePalette(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.palette).toHaveCount(0);
  }

  /** Pixels per second of the lane, from a segment's drawn width. */
  async pxPerSec(index: number): Promise<number> {
    const box = await this.segments.nth(index).boundingBox();
    const { startSec, endSec } = (await this.segmentInfos())[index];
    if (box === null) throw new Error(`mouth segment ${index} has no box`);
    return box.width / (endSec - startSec);
  }

  /** Drags the boundary at `timeSec` by `dxPx` in small steps (one gesture). */
  async dragBoundary(timeSec: number, dxPx: number): Promise<void> {
    const boundary = this.page.locator(`[data-testid="mouth-boundary"][data-time-sec="${timeSec.toFixed(4)}"]`);
    const box = await boundary.boundingBox();
    if (box === null) throw new Error(`no mouth boundary at ${timeSec} s`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2 + dxPx, box.y + box.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }
}
