import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The performance editors: lane curves, the graph editor, the key menu and the layers bar. */
export class PerformancePage {
  readonly graph: Locator;
  readonly graphPlot: Locator;
  readonly graphKeys: Locator;
  readonly graphHandles: Locator;
  readonly keyMenu: Locator;
  readonly layers: Locator;
  readonly addLayerButton: Locator;

  constructor(readonly page: Page) {
    this.graph = page.getByTestId('graph-editor');
    this.graphPlot = page.getByTestId('graph-plot');
    this.graphKeys = page.getByTestId('graph-key');
    this.graphHandles = page.getByTestId('graph-handle');
    this.keyMenu = page.getByTestId('key-menu');
    this.layers = page.getByTestId('layer');
    this.addLayerButton = page.getByTestId('layer-add');
  }

  laneRow(channel: string): Locator {
    return this.page.getByTestId(`lane-row-${channel}`);
  }

  generatedCurve(channel: string): Locator {
    return this.page.getByTestId(`lane-generated-${channel}`);
  }

  /** Points of a polyline as [x, y] pairs. */
  async polylinePoints(line: Locator): Promise<[number, number][]> {
    const text = (await line.getAttribute('points')) ?? '';
    return text
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map((p) => p.split(',').map(Number) as [number, number]);
  }

  /** The value rendered at the playhead for `channel` (generated + every composing layer), from its lane header. */
  async renderedValue(channel: string): Promise<number> {
    return Number(await this.page.getByTestId(`lane-value-${channel}`).getAttribute('data-rendered'));
  }

  /** Drags a lane's bottom edge by `dyPx`. */
  async resizeLane(channel: string, dyPx: number): Promise<void> {
    const grip = this.page.getByTestId(`lane-resize-${channel}`);
    // At 1280x720 the timeline scrolls (the preview keeps its 360 px): scroll its lanes to the end so
    // the grip has room below it, as a user would before dragging a lane taller.
    await grip.evaluate((element) => {
      const scroller = element.closest('.timeline-scroll');
      if (scroller === null) throw new Error('the lane is not inside the timeline');
      scroller.scrollTo(0, scroller.scrollHeight);
    });
    const box = await grip.boundingBox();
    if (box === null) throw new Error('lane grip has no box');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + dyPx, { steps: 5 });
    await this.page.mouse.up();
  }

  async openGraph(channel: string): Promise<void> {
    await this.page.getByTestId(`graph-${channel}`).click();
    await expect(this.graph).toBeVisible();
  }

  async closeGraph(): Promise<void> {
    await this.page.getByTestId('graph-close').click();
    await expect(this.graph).toHaveCount(0);
  }

  graphKey(channel: string, index: number): Locator {
    return this.page.locator(`[data-testid="graph-key"][data-channel="${channel}"]`).nth(index);
  }

  async center(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (box === null) throw new Error('element has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** Drags an element's centre by (dx, dy) in small steps: one gesture. */
  async drag(locator: Locator, dxPx: number, dyPx: number): Promise<void> {
    const { x, y } = await this.center(locator);
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dxPx, y + dyPx, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Right-clicks a key (lane diamond or graph key) and picks a menu item by its test id suffix. */
  async keyMenuPick(key: Locator, item: string): Promise<void> {
    await key.click({ button: 'right' });
    await expect(this.keyMenu).toBeVisible();
    await this.page.getByTestId(`key-menu-${item}`).click();
    await expect(this.keyMenu).toHaveCount(0);
  }

  layer(name: string): Locator {
    return this.layers.filter({ has: this.page.getByTestId('layer-name').getByText(name, { exact: true }) });
  }
}
