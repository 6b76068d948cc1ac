import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { PerformancePage } from './pages/PerformancePage';
import { SculptPage } from './pages/SculptPage';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { screenshotPixels } from './support/canvas-pixels';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { expect, test } from './support/web-host-fixture';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const FFMPEG = join(REPO_ROOT, 'node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg');
const MOUTH_CORNER = 61;
const KEY_FRAME = 20;

const EXPORT_PX = 256;

/** Frame `n` of an exported video, decoded to RGB (EXPORT_PX square). */
function exportFrame(path: string, n: number): Buffer {
  const run = spawnSync(FFMPEG, ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${n})`, '-vframes', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0 || run.stdout.length !== EXPORT_PX * EXPORT_PX * 3) throw new Error(`ffmpeg could not decode frame ${n} of ${path}: ${run.stderr.toString()}`);
  return run.stdout;
}

/** Pixels (of the upper and lower half) where two decoded frames differ by more than 24 in any channel. */
function changedHalves(a: Buffer, b: Buffer): { upper: number; lower: number } {
  const out = { upper: 0, lower: 0 };
  for (let i = 0; i < a.length; i += 3) {
    if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2])) <= 24) continue;
    if (Math.floor(i / 3 / EXPORT_PX) < EXPORT_PX / 2) out.upper++;
    else out.lower++;
  }
  return out;
}

/** Where two screenshots of the preview differ (per pixel, any channel by more than 8). */
function diffMask(a: { widthPx: number; heightPx: number; data: number[] }, b: { data: number[] }) {
  const changed: { x: number; y: number }[] = [];
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > 8 || Math.abs(a.data[i + 1] - b.data[i + 1]) > 8 || Math.abs(a.data[i + 2] - b.data[i + 2]) > 8) changed.push({ x: (i / 4) % a.widthPx, y: Math.floor(i / 4 / a.widthPx) });
  }
  return changed;
}

test('sculpting: pick landmarks around a mouth corner (click, box, lasso, mirror), drag them into a shape with its own lane; keyed to 1 it moves them in the preview and the export; undo, redo, save and reopen', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the sculpting e2e')) return;
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  const perf = new PerformancePage(page);
  const sculpt = new SculptPage(page);
  await studio.openWithGeneratedTrack(webHost.url, PORTRAIT, scratchDir);

  // A baseline export before any shape (small, to be quick).
  const exportAt = async (name: string) => {
    await page.getByTestId('btn-export').click();
    await expect(studio.exportDialog).toBeVisible();
    await page.getByTestId('export-field-width').fill(String(EXPORT_PX));
    await page.getByTestId('export-field-width').press('Enter');
    await page.getByTestId('export-field-height').fill(String(EXPORT_PX));
    await page.getByTestId('export-field-height').press('Enter');
    const outPath = join(scratchDir, name);
    await page.getByTestId('export-path').fill(outPath);
    await page.getByTestId('export-start').click();
    await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 90_000 });
    await page.getByTestId('export-close').click();
    return outPath;
  };
  const baseline = await exportAt('baseline.mp4');

  await timeline.goToFrame(KEY_FRAME);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', String(KEY_FRAME));
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  const previewBefore = await screenshotPixels(studio.previewCanvas);

  // Sculpt mode: the face from the front, every landmark drawn as a point; the head-pose drag and the orbit give way to picking.
  await sculpt.enter();
  await page.mouse.move(0, 0);
  await studio.screenshot('39-sculpt-mode-1280');
  await expect(sculpt.picked).toHaveAttribute('data-count', '0');
  // Where the mouth corner is on screen: pick it by number and read the falloff circle's centre.
  await sculpt.pickNumbers(String(MOUTH_CORNER));
  const corner = await sculpt.falloffCircle();
  // A click on empty space picks nothing; a click on the corner picks it alone.
  const canvas = await sculpt.canvasBox();
  await sculpt.click({ x: canvas.x + 12, y: canvas.y + canvas.height - 40 });
  await expect(sculpt.picked).toHaveAttribute('data-count', '0');
  await sculpt.click(corner);
  expect(await sculpt.pickedIndices()).toEqual([MOUTH_CORNER]);
  // A box around it picks it and its neighbours; Alt+click takes the landmark under the pointer out again, Shift+click puts it back.
  await sculpt.dragPick({ x: corner.x - 14, y: corner.y - 10 }, { x: corner.x + 14, y: corner.y + 10 });
  const boxed = await sculpt.pickedIndices();
  expect(boxed).toContain(MOUTH_CORNER);
  expect(boxed.length).toBeGreaterThan(2);
  await sculpt.click(corner, 'Alt');
  const lessOne = await sculpt.pickedIndices();
  expect(lessOne.length).toBe(boxed.length - 1);
  await sculpt.click(corner, 'Shift');
  expect(await sculpt.pickedIndices()).toEqual(boxed);
  // A lasso with Shift adds the points inside it; one with Control removes them.
  await page.getByTestId('sculpt-tool-lasso').click();
  const lasso = [
    { x: corner.x + 30, y: corner.y + 22 },
    { x: corner.x + 10, y: corner.y + 30 },
  ];
  await sculpt.dragPick({ x: corner.x + 6, y: corner.y + 12 }, { x: corner.x + 26, y: corner.y + 8 }, lasso, 'Shift');
  const lassoed = await sculpt.pickedIndices();
  expect(lassoed.length).toBeGreaterThanOrEqual(boxed.length);
  await sculpt.dragPick({ x: corner.x + 6, y: corner.y + 12 }, { x: corner.x + 26, y: corner.y + 8 }, lasso, 'Control');
  expect(await sculpt.pickedIndices()).toEqual(boxed);
  // A box over the whole head takes only the landmarks the camera sees (those behind the face's
  // surface are left); with X-ray it takes all of them, as in Blender.
  await page.getByTestId('sculpt-tool-box').click();
  const wholeHead = [{ x: canvas.x + 4, y: canvas.y + 4 }, { x: canvas.x + canvas.width - 4, y: canvas.y + canvas.height - 4 }] as const;
  await sculpt.dragPick(wholeHead[0], wholeHead[1]);
  const seen = (await sculpt.pickedIndices()).length;
  await sculpt.xray.click();
  await expect(sculpt.xray).toHaveAttribute('aria-pressed', 'true');
  await sculpt.dragPick(wholeHead[0], wholeHead[1]);
  const throughXray = (await sculpt.pickedIndices()).length;
  expect(throughXray, 'X-ray: every landmark inside the box').toBe(478);
  expect(seen, 'without X-ray: most landmarks, not those hidden behind the surface').toBeGreaterThan(300);
  expect(seen).toBeLessThan(throughXray);
  // Alt+Z, as in Blender, turns it off again.
  await page.mouse.move(wholeHead[0].x, wholeHead[0].y);
  await page.keyboard.press('Alt+z');
  await expect(sculpt.xray).toHaveAttribute('aria-pressed', 'false');
  await sculpt.pickNumbers(boxed.join(' '));
  expect(await sculpt.pickedIndices()).toEqual(boxed);
  // The falloff radius is shown as a circle that grows with it.
  const small = await sculpt.falloffCircle();
  await sculpt.radius.fill('3');
  await expect.poll(async () => (await sculpt.falloffCircle()).radiusPx).toBeGreaterThan(small.radiusPx * 1.5);
  await sculpt.mirror.click();
  await expect(sculpt.mirror).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(corner.x + 40, corner.y - 60);
  await studio.screenshot('40-sculpt-picked-1280');

  // The stroke: drag the corner out and up; a shape appears with its own lane; one undo step.
  const viewportBefore = await sculpt.canvas.screenshot();
  await sculpt.stroke(corner, -22, -16);
  await expect(studio.statusBar).toContainText('Sculpted');
  await expect(sculpt.shapeLanes).toHaveCount(1);
  await expect(sculpt.shapeSelect.locator('option:checked')).toHaveText('Shape 1');
  await expect.poll(async () => (await sculpt.canvas.screenshot()).equals(viewportBefore), { message: 'the viewport shows the sculpted shape' }).toBe(false);
  await studio.screenshot('41-sculpt-stroke-1280');
  await page.keyboard.press('Control+z');
  await expect(sculpt.shapeLanes).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(sculpt.shapeLanes).toHaveCount(1);
  const shapeId = await sculpt.firstShapeId();
  await sculpt.shapeName.fill('Smirk');
  await sculpt.shapeName.press('Enter');
  await expect(page.getByTestId(`lane-row-shape:${shapeId}`)).toContainText('Smirk');
  await sculpt.toggle.click();
  await expect(sculpt.toolbar).toHaveCount(0);

  // Not keyed yet: the preview is as before. Keyed 0 at frame 0 and 1 at frame KEY_FRAME: the mouth corner moves there.
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  expect(diffMask(previewBefore, await screenshotPixels(studio.previewCanvas))).toHaveLength(0);
  await timeline.goToFrame(0);
  await sculpt.slider(shapeId).fill('0.01');
  await sculpt.slider(shapeId).fill('0');
  await timeline.goToFrame(KEY_FRAME);
  await sculpt.slider(shapeId).fill('1');
  await expect(timeline.keysOf(`shape:${shapeId}`)).toHaveCount(2);
  await expect.poll(() => perf.renderedValue(`shape:${shapeId}`)).toBeCloseTo(1, 6);
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  await expect.poll(async () => (diffMask(previewBefore, await screenshotPixels(studio.previewCanvas))).length, { message: 'the preview changes' }).toBeGreaterThan(30);
  const changed = diffMask(previewBefore, await screenshotPixels(studio.previewCanvas));
  // Near the mouth, not far away: every changed pixel lies in the lower half, within a band around the mouth.
  const ys = changed.map((p) => p.y);
  const xs = changed.map((p) => p.x);
  expect(Math.min(...ys), 'nothing above the nose changes').toBeGreaterThan(previewBefore.heightPx * 0.45);
  expect(Math.max(...xs) - Math.min(...xs), 'the change is local (both mouth corners, mirrored)').toBeLessThan(previewBefore.widthPx * 0.6);
  await studio.screenshot('42-shape-keyed-1280');
  await page.getByTestId(`lane-row-shape:${shapeId}`).scrollIntoViewIfNeeded();
  await studio.screenshot('43-shape-lane-1280');

  // The export: at KEY_FRAME the mouth (lower half) differs from the export without the shape and the upper half does not;
  // frame 0 (weight 0) is the same up to the encoder's noise (H.264's rate control looks ahead, so bytes may differ).
  const keyed = await exportAt('keyed.mp4');
  const atKey = changedHalves(exportFrame(baseline, KEY_FRAME), exportFrame(keyed, KEY_FRAME));
  const atStart = changedHalves(exportFrame(baseline, 0), exportFrame(keyed, 0));
  console.log(`export differences (pixels > 24): at frame ${KEY_FRAME} ${JSON.stringify(atKey)}, at frame 0 ${JSON.stringify(atStart)}`);
  expect(atKey.lower, 'the keyed shape moves the mouth in the export').toBeGreaterThan(20);
  expect(atKey.upper, 'and nothing far from it').toBeLessThan(atKey.lower / 10);
  expect(atStart.lower + atStart.upper, 'weight 0 changes nothing').toBeLessThan(atKey.lower / 10);

  // Save and reopen: the shape, its name, its lane and its keys.
  await studio.saveAndReopen(webHost.url, scratchDir, 'sculpt.aniproj');
  await expect(page.getByTestId(`lane-row-shape:${shapeId}`)).toContainText('Smirk');
  await expect(timeline.keysOf(`shape:${shapeId}`)).toHaveCount(2);
  await timeline.goToFrame(KEY_FRAME);
  await expect.poll(() => perf.renderedValue(`shape:${shapeId}`)).toBeCloseTo(1, 6);
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  expect((diffMask(previewBefore, await screenshotPixels(studio.previewCanvas))).length, 'the reopened shape still moves the mouth').toBeGreaterThan(30);
});
