import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PerformancePage } from './pages/PerformancePage';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { expect, test } from './support/web-host-fixture';

const BETWEEN_FRAME = 25;

test('editing the performance: generated curves in resizable lanes, bezier handles in the graph editor, the key menu, layers (mute), undo, save and reopen', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the performance-editing e2e')) return;
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  const perf = new PerformancePage(page);
  await studio.openWithGeneratedTrack(webHost.url, PORTRAIT, scratchDir);

  // The 3D viewport shows the shaded face surface (with the contours); points and the onion skin are options.
  await expect(page.getByTestId('view-surface')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('view-surface')).toBeEnabled();
  await timeline.goToFrame(12);
  await page.mouse.move(0, 0);
  await expect.poll(() => studio.viewportContentFraction()).toBeGreaterThan(0.05);
  const shaded = await studio.viewportCanvas.screenshot();
  await page.getByTestId('view-onion').click();
  await expect(page.getByTestId('view-onion')).toHaveText('Onion ±2');
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await studio.viewportCanvas.screenshot()).equals(shaded), { message: 'the onion skin draws ghosts' }).toBe(false);
  await studio.screenshot('35-viewport-surface-onion-1280');
  await page.getByTestId('view-onion').click();
  await page.getByTestId('view-onion').click();
  await expect(page.getByTestId('view-onion')).toHaveText('Onion skin');
  await page.getByTestId('view-surface').click();
  await page.getByTestId('view-points').click();
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await studio.viewportCanvas.screenshot()).equals(shaded), { message: 'points instead of the surface' }).toBe(false);
  await page.getByTestId('view-surface').click();
  await page.getByTestId('view-points').click();

  // The generated jaw opening is drawn in its lane before any key exists: one point per frame, not flat.
  const jawCurve = perf.generatedCurve('jawOpen');
  await expect(jawCurve).toBeVisible();
  const points = await perf.polylinePoints(jawCurve);
  expect(points.length).toBeGreaterThan(60);
  const ys = points.map(([, y]) => y);
  expect(Math.max(...ys) - Math.min(...ys), 'the generated jaw curve moves with the speech').toBeGreaterThan(5);

  // Lanes resize by their bottom edge.
  const before = (await perf.laneRow('jawOpen').boundingBox())?.height ?? 0;
  await perf.resizeLane('jawOpen', 60);
  await expect.poll(async () => (await perf.laneRow('jawOpen').boundingBox())?.height ?? 0).toBeGreaterThan(before + 50);
  await studio.screenshot('30-lane-curves-1280');

  // Two jaw keys: +0.5 at frame 10, 0 at frame 40.
  await timeline.goToFrame(10);
  await page.getByTestId('expr-slider-jawOpen').fill('0.5');
  await timeline.goToFrame(40);
  await page.getByTestId('expr-slider-jawOpen').fill('0');
  await expect(timeline.keysOf('jawOpen')).toHaveCount(2);
  await timeline.goToFrame(BETWEEN_FRAME);
  const eased = await perf.renderedValue('jawOpen');
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', String(BETWEEN_FRAME));
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  const previewBefore = await studio.previewCanvas.screenshot();

  // The key menu: hold makes the segment keep +0.5 until the next key; undo brings the curve back.
  await perf.keyMenuPick(timeline.keysOf('jawOpen').first(), 'hold');
  await expect(timeline.keysOf('jawOpen').first()).toHaveAttribute('data-interp', 'hold');
  await expect.poll(() => perf.renderedValue('jawOpen')).not.toBeCloseTo(eased, 4);
  await page.keyboard.press('Control+z');
  await expect(timeline.keysOf('jawOpen').first()).toHaveAttribute('data-interp', 'bezier');
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(eased, 6);

  // The graph editor: select the first key, drag its right handle up: the segment bulges, the
  // rendered value between the keys rises and the preview there changes; the drag is one undo step.
  await perf.openGraph('jawOpen');
  await perf.graphKey('jawOpen', 0).click();
  await expect(perf.graphHandles.first()).toBeVisible();
  // A key dragged up stays under the pointer: the view holds still while it moves (fitted to all,
  // it used to re-fit under the pointer as the key left the old extent). Undo puts it back.
  const keyBox = async () => {
    const box = await perf.graphKey('jawOpen', 0).boundingBox();
    if (box === null) throw new Error('the graph key has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const keyAt = await keyBox();
  await page.mouse.move(keyAt.x, keyAt.y);
  await page.mouse.down();
  await page.mouse.move(keyAt.x, keyAt.y - 20, { steps: 4 });
  await page.mouse.move(keyAt.x, keyAt.y - 45, { steps: 6 });
  await expect.poll(async () => (await keyBox()).y, { message: 'the dragged key follows the pointer' }).toBeCloseTo(keyAt.y - 45, -0.5);
  await page.mouse.up();
  await expect(studio.statusBar).toContainText('Move key');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await keyBox()).y, { message: 'undo puts the key back' }).toBeCloseTo(keyAt.y, -0.5);
  const rightHandle = page.locator('[data-testid="graph-handle"][data-side="right"]').first();
  await perf.drag(rightHandle, 30, -70);
  await expect(studio.statusBar).toContainText('Drag handle');
  await studio.screenshot('31-graph-editor-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await studio.screenshot('32-graph-editor-1920');
  await perf.closeGraph();
  await studio.screenshot('33-lane-curves-1920');
  await page.setViewportSize({ width: 1280, height: 720 });
  const dragged = await perf.renderedValue('jawOpen');
  expect(dragged, 'the handle raised the curve between the keys').toBeGreaterThan(eased + 0.02);
  await expect.poll(async () => (await studio.previewCanvas.screenshot()).equals(previewBefore), { message: 'the preview at the frame between the keys changes' }).toBe(false);
  await page.keyboard.press('Control+z');
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(eased, 6);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(dragged, 6);

  // Layers: a second layer gets the next key; muting it stops it affecting the render.
  await perf.addLayerButton.click();
  await expect(perf.layers).toHaveCount(2);
  await expect(perf.layer('Layer 2')).toHaveAttribute('data-active', 'true');
  await expect(timeline.keysOf('jawOpen'), 'the lanes show the active layer').toHaveCount(0);
  await page.getByTestId('expr-slider-jawOpen').fill('0.3');
  await expect(timeline.keysOf('jawOpen')).toHaveCount(1);
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(dragged + 0.3, 4);
  await perf.layer('Layer 2').getByTestId('layer-mute').click();
  await expect(perf.layer('Layer 2')).toHaveAttribute('data-enabled', 'false');
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(dragged, 6);
  await page.keyboard.press('Control+z');
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(dragged + 0.3, 4);
  await page.keyboard.press('Control+Shift+z');
  await expect(perf.layer('Layer 2')).toHaveAttribute('data-enabled', 'false');
  await studio.screenshot('34-layers-muted-1280');

  // Loop range: I and O at the playhead; playback wraps from the out point back to the in point.
  await timeline.goToFrame(20);
  await page.keyboard.press('i');
  await timeline.goToFrame(50);
  await page.keyboard.press('o');
  const loopRange = page.getByTestId('loop-range');
  await expect(loopRange).toHaveAttribute('data-in-sec', (20 / 30).toFixed(4));
  await expect(loopRange).toHaveAttribute('data-out-sec', (50 / 30).toFixed(4));
  await expect(page.getByTestId('btn-loop')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  const seen: number[] = [];
  await expect
    .poll(async () => {
      seen.push(await timeline.playheadFrame());
      return seen.some((f, i) => i > 0 && f < seen[i - 1]);
    }, { message: 'playback wraps at the out point', timeout: 15_000, intervals: [50] })
    .toBe(true);
  await page.keyboard.press('k');
  expect(Math.max(...seen), 'playback stays inside the loop').toBeLessThanOrEqual(51);
  expect(Math.min(...seen)).toBeGreaterThanOrEqual(20);
  await studio.screenshot('36-loop-range-1280');

  // Audio scrubbing: dragging on the ruler plays slices of the sound under the playhead (counted: a page cannot listen).
  const slices = page.getByTestId('scrub-slices');
  const slicesBefore = Number(await slices.getAttribute('data-count'));
  const ruler = await timeline.visibleBox(timeline.ruler);
  await page.mouse.move(ruler.x + ruler.width * 0.2, ruler.y + 6);
  await page.mouse.down();
  await page.mouse.move(ruler.x + ruler.width * 0.5, ruler.y + 6, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => Number(await slices.getAttribute('data-count'))).toBeGreaterThan(slicesBefore + 3);
  await page.getByTestId('btn-audio-scrub').click();
  const slicesOff = Number(await slices.getAttribute('data-count'));
  await page.mouse.move(ruler.x + ruler.width * 0.5, ruler.y + 6);
  await page.mouse.down();
  await page.mouse.move(ruler.x + ruler.width * 0.3, ruler.y + 6, { steps: 6 });
  await page.mouse.up();
  expect(Number(await slices.getAttribute('data-count')), 'no slices with audio scrubbing off').toBe(slicesOff);

  // Playback report: frames painted per second during 3 s of playback (loop off), as painted by the preview.
  await page.getByTestId('btn-loop').click();
  await expect(page.getByTestId('btn-loop')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Home');
  await studio.previewCanvas.evaluate((canvas) => {
    const paints: [string, string, string][] = [];
    (window as unknown as { __paints: typeof paints }).__paints = paints;
    new MutationObserver(() => paints.push([canvas.dataset.paintedAt ?? '', canvas.dataset.frameIndex ?? '', canvas.dataset.detail ?? ''])).observe(canvas, { attributes: true, attributeFilter: ['data-frame-index'] });
  });
  await page.keyboard.press('Space');
  await page.waitForTimeout(3000);
  await page.keyboard.press('k');
  const paints = await page.evaluate(() => (window as unknown as { __paints: [string, string, string][] }).__paints);
  const painted = paints.filter(([at]) => at !== '');
  const spanMs = painted.length > 1 ? Number(painted[painted.length - 1][0]) - Number(painted[0][0]) : 0;
  const report = {
    paints: painted.length,
    distinctFrames: new Set(painted.map(([, f]) => f)).size,
    fullDetailPaints: painted.filter(([, , d]) => d === 'full').length,
    spanMs,
    paintsPerSec: spanMs > 0 ? ((painted.length - 1) * 1000) / spanMs : 0,
    projectFps: 30,
  };
  console.log(`playback report (3 s in Chromium): ${JSON.stringify(report)}`);
  await mkdir(join('tests', 'artifacts'), { recursive: true });
  await writeFile(join('tests', 'artifacts', 'playback-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  expect(report.paints, 'the preview paints while playing').toBeGreaterThan(0);

  // Save and reopen: the layers, the mute, the dragged handle are all kept.
  await studio.saveAndReopen(webHost.url, scratchDir, 'performance.aniproj');
  await expect(perf.layers).toHaveCount(2);
  await expect(perf.layer('Layer 2')).toHaveAttribute('data-enabled', 'false');
  await timeline.goToFrame(BETWEEN_FRAME);
  await expect.poll(() => perf.renderedValue('jawOpen')).toBeCloseTo(dragged, 5);
  await expect(page.getByTestId('loop-range')).toHaveAttribute('data-in-sec', (20 / 30).toFixed(4));
});
