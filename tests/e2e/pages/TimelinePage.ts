import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { LANE_HEADER_WIDTH_PX } from '../../../src-renderer/components/timeline-geometry';

/** The timeline and the inspector's key fields: playhead, markers, keyframe lanes, transport. */
export class TimelinePage {
  readonly playhead: Locator;
  readonly ruler: Locator;
  readonly markers: Locator;
  readonly keys: Locator;
  readonly scroll: Locator;
  readonly zoom: Locator;
  readonly playButton: Locator;
  /** The transport's speed readout ('▶ 1×', '◀ 2×'; data-rate signed), shown while playing. */
  readonly playbackRate: Locator;

  constructor(readonly page: Page) {
    this.playhead = page.getByTestId('playhead');
    this.ruler = page.getByTestId('time-ruler');
    this.markers = page.getByTestId('marker');
    this.keys = page.getByTestId('key');
    this.scroll = page.getByTestId('timeline-scroll');
    this.zoom = page.getByTestId('timeline-zoom');
    this.playButton = page.getByTestId('btn-play');
    this.playbackRate = page.getByTestId('playback-rate');
  }

  lane(channel: string): Locator {
    return this.page.getByTestId(`lane-${channel}`);
  }

  keysOf(channel: string): Locator {
    return this.page.locator(`[data-testid="key"][data-channel="${channel}"]`);
  }

  async playheadFrame(): Promise<number> {
    return Number(await this.playhead.getAttribute('data-frame-index'));
  }

  /** Clicks the ruler at `fraction` (0..1) of its visible width. */
  async clickRuler(fraction: number): Promise<void> {
    const box = await this.visibleBox(this.ruler);
    await this.page.mouse.click(box.x + box.width * fraction, box.y + box.height / 4);
  }

  /** Moves the playhead to a frame with Home and the arrow keys (the keyboard's frame step). */
  async goToFrame(frameIndex: number): Promise<void> {
    await this.releaseFocus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < Math.floor(frameIndex / 10); i++) await this.page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < frameIndex % 10; i++) await this.page.keyboard.press('ArrowRight');
    await expect(this.playhead).toHaveAttribute('data-frame-index', String(frameIndex));
  }

  /** Types a pose value into the inspector's "keys at playhead" field (keys that channel there). */
  async keyPoseField(channel: string, value: number): Promise<void> {
    const field = this.page.getByTestId(`pose-field-${channel}`);
    await field.fill(String(value));
    await field.press('Enter');
    await this.releaseFocus();
  }

  /** Takes the keyboard focus out of text fields, so the studio's shortcuts apply. */
  async releaseFocus(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  }

  /** The part of an element inside the timeline's scroll viewport (lanes are wider than it). */
  async visibleBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    await this.scrollVerticallyIntoView(locator);
    const [box, view] = await Promise.all([locator.boundingBox(), this.scroll.boundingBox()]);
    if (box === null || view === null) throw new Error('timeline element has no box');
    const left = Math.max(box.x, view.x + LANE_HEADER_WIDTH_PX);
    const right = Math.min(box.x + box.width, view.x + view.width - 16);
    return { x: left, y: box.y, width: right - left, height: box.height };
  }

  /** A lane below (or above) what the timeline shows is scrolled to the middle of the view, as a user scrolls to it; the horizontal scroll stays. */
  private async scrollVerticallyIntoView(locator: Locator): Promise<void> {
    const [box, view] = await Promise.all([locator.boundingBox(), this.scroll.boundingBox()]);
    if (box === null || view === null || (box.y >= view.y && box.y + box.height <= view.y + view.height)) return;
    await this.scroll.evaluate((element, dyPx) => element.scrollBy(0, dyPx), box.y + box.height / 2 - (view.y + view.height / 2));
  }

  async keyCenter(key: Locator): Promise<{ x: number; y: number }> {
    const box = await key.boundingBox();
    if (box === null) throw new Error('key has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
