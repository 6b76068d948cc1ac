import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The 3D viewport's sculpt mode: its toggle and toolbar, picking on the canvas, strokes, and the shapes' lanes and sliders. */
export class SculptPage {
  readonly toggle: Locator;
  readonly toolbar: Locator;
  readonly canvas: Locator;
  readonly picked: Locator;
  readonly falloff: Locator;
  readonly shapeLanes: Locator;
  readonly shapeSelect: Locator;
  readonly shapeName: Locator;
  readonly radius: Locator;
  readonly mirror: Locator;
  readonly xray: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('view-sculpt');
    this.toolbar = page.getByTestId('sculpt-toolbar');
    this.canvas = page.getByTestId('viewport-canvas');
    this.picked = page.getByTestId('sculpt-picked');
    this.falloff = page.getByTestId('sculpt-falloff');
    this.shapeLanes = page.locator('[data-testid^="lane-row-shape:"]');
    this.shapeSelect = page.getByTestId('sculpt-shape');
    this.shapeName = page.getByTestId('sculpt-shape-name');
    this.radius = page.getByTestId('sculpt-radius');
    this.mirror = page.getByTestId('sculpt-mirror');
    this.xray = page.getByTestId('sculpt-xray');
  }

  async enter(): Promise<void> {
    await this.toggle.click();
    await expect(this.toolbar).toBeVisible();
  }

  /** The picked landmarks' numbers. */
  async pickedIndices(): Promise<number[]> {
    const text = (await this.picked.getAttribute('data-picked')) ?? '';
    return text === '' ? [] : text.split(',').map(Number);
  }

  /** Picks landmarks by number through the toolbar's field. */
  async pickNumbers(text: string): Promise<void> {
    const field = this.page.getByTestId('sculpt-pick-indices');
    await field.fill(text);
    await field.press('Enter');
  }

  /** The falloff circle's centre (the picked landmarks' centre on screen, page pixels) and radius. */
  async falloffCircle(): Promise<Point & { readonly radiusPx: number }> {
    await expect(this.falloff).toBeVisible();
    const canvas = await this.canvasBox();
    const [cx, cy, r] = await Promise.all(['cx', 'cy', 'r'].map(async (a) => Number(await this.falloff.getAttribute(a))));
    return { x: canvas.x + cx, y: canvas.y + cy, radiusPx: r };
  }

  async canvasBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the viewport canvas has no box');
    return box;
  }

  async click(at: Point, modifier?: 'Shift' | 'Alt' | 'Control'): Promise<void> {
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.click(at.x, at.y);
    if (modifier) await this.page.keyboard.up(modifier);
  }

  /** A drag on empty viewport space from `a` to `b` (a box, or a lasso through `via`), holding `modifier`. */
  async dragPick(a: Point, b: Point, via: readonly Point[] = [], modifier?: 'Shift' | 'Alt' | 'Control'): Promise<void> {
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    for (const p of via) await this.page.mouse.move(p.x, p.y, { steps: 4 });
    await this.page.mouse.move(b.x, b.y, { steps: 6 });
    await this.page.mouse.up();
    if (modifier) await this.page.keyboard.up(modifier);
  }

  /** A sculpt stroke: press on a picked landmark at `from` and drag by (dx, dy) pixels. */
  async stroke(from: Point, dxPx: number, dyPx: number): Promise<void> {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dxPx / 2, from.y + dyPx / 2, { steps: 4 });
    await this.page.mouse.move(from.x + dxPx, from.y + dyPx, { steps: 4 });
    await this.page.mouse.up();
  }

  slider(shapeId: string): Locator {
    return this.page.getByTestId(`shape-slider-${shapeId}`);
  }

  /** The id of the first shape lane's shape. */
  async firstShapeId(): Promise<string> {
    const testId = (await this.shapeLanes.first().getAttribute('data-testid')) ?? '';
    return testId.replace('lane-row-shape:', '');
  }
}
