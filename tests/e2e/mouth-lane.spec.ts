import type { Page } from '@playwright/test';
import { MouthLanePage } from './pages/MouthLanePage';
import { PerformancePage } from './pages/PerformancePage';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { expect, test } from './support/web-host-fixture';

const FPS = 30;

/** The preview at full detail of `frame`, as PNG bytes (waits until the sharp frame is painted). */
async function sharpPreview(page: Page, studio: StudioPage, timeline: TimelinePage, frame: number): Promise<Buffer> {
  await timeline.goToFrame(frame);
  await page.mouse.move(0, 0);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', String(frame));
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  return studio.previewCanvas.screenshot();
}

test('the mouth lane: viseme segments over the waveform; replacing one shape changes the mouth there and nowhere else; undo, redo, boundaries, lip-sync controls, save and reopen', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the mouth-lane e2e')) return;
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  const perf = new PerformancePage(page);
  const mouth = new MouthLanePage(page);
  await studio.openWithGeneratedTrack(webHost.url, PORTRAIT, scratchDir);

  // The built-in engine's mouth as viseme segments along the waveform.
  await expect(mouth.mode).toHaveAttribute('data-mode', 'visemes');
  const generated = await mouth.segmentInfos();
  expect(generated.length, 'the speech gives several mouth shapes').toBeGreaterThan(4);
  expect(new Set(generated.map((s) => s.shape)).size).toBeGreaterThan(2);
  await studio.screenshot('50-mouth-lane-1280');

  // A spoken segment of 3 frames or more, and a time well away from it.
  const target = generated.find((s) => s.shape !== 'rest' && s.shape !== 'M' && s.startSec > 0.3 && Math.round((s.endSec - s.startSec) * FPS) >= 3);
  if (target === undefined) throw new Error(`no spoken mouth segment of 3 frames in ${JSON.stringify(generated)}`);
  const targetFrame = Math.floor((Math.round(target.startSec * FPS) + Math.round(target.endSec * FPS) - 1) / 2);
  const otherFrame = Math.round(target.startSec * FPS) > 20 ? Math.round(target.startSec * FPS) - 15 : Math.round(target.endSec * FPS) + 15;
  const jawAt = async (frame: number) => {
    await timeline.goToFrame(frame);
    return perf.renderedValue('jawOpen');
  };
  const jawTarget = await jawAt(targetFrame);
  const previewTarget = await sharpPreview(page, studio, timeline, targetFrame);
  const jawOther = await jawAt(otherFrame);
  const previewOther = await sharpPreview(page, studio, timeline, otherFrame);
  expect(jawTarget, 'the generated mouth is open in a spoken segment').toBeGreaterThan(0.05);

  // Replace its shape from the palette with M (lips pressed, jaw closed): one undo step.
  await mouth.openPalette(target.index);
  await mouth.pickShape('M');
  await expect(studio.statusBar).toContainText('Mouth shape M');
  await studio.screenshot('51-mouth-palette-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await studio.screenshot('52-mouth-palette-1920');
  await mouth.closePalette();
  await studio.screenshot('53-mouth-lane-1920');
  await page.setViewportSize({ width: 1280, height: 720 });
  const edited = await mouth.infoAt((targetFrame + 0.5) / FPS);
  expect(edited).toMatchObject({ shape: 'M', edited: true, startSec: target.startSec, endSec: target.endSec });

  // The mouth changes at that time...
  await expect.poll(() => jawAt(targetFrame)).toBeCloseTo(0, 6);
  await expect.poll(async () => (await sharpPreview(page, studio, timeline, targetFrame)).equals(previewTarget), { message: 'the preview in the edited segment changes' }).toBe(false);
  // ...and nowhere else: the composed jaw and the preview's pixels away from it are as generated.
  expect(await jawAt(otherFrame)).toBe(jawOther);
  await expect.poll(async () => (await sharpPreview(page, studio, timeline, otherFrame)).equals(previewOther), { message: 'the preview away from the edit is unchanged' }).toBe(true);

  // Undo restores the generated segment, redo the edit.
  await timeline.releaseFocus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await mouth.infoAt((targetFrame + 0.5) / FPS))?.edited).toBe(false);
  await expect.poll(() => jawAt(targetFrame)).toBeCloseTo(jawTarget, 6);
  await expect.poll(async () => (await sharpPreview(page, studio, timeline, targetFrame)).equals(previewTarget), { message: 'undo brings the generated mouth back' }).toBe(true);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await mouth.infoAt((targetFrame + 0.5) / FPS))?.shape).toBe('M');
  await expect.poll(() => jawAt(targetFrame)).toBeCloseTo(0, 6);

  // Dragging the edit's right boundary one frame back is one undo step.
  const pxPerSec = await mouth.pxPerSec(target.index);
  await mouth.dragBoundary(target.endSec, -(1 / FPS) * pxPerSec);
  await expect(studio.statusBar).toContainText('Move mouth boundary');
  await expect.poll(async () => (await mouth.infoAt(target.startSec + 0.5 / FPS))?.endSec).toBeCloseTo(target.endSec - 1 / FPS, 3);
  await timeline.releaseFocus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await mouth.infoAt(target.startSec + 0.5 / FPS))?.endSec).toBeCloseTo(target.endSec, 3);

  // The clip's mouth amount applies over the generated mouth at once: nothing is generated again.
  await page.getByTestId('lip-sync-amount').fill('0.5');
  await expect(studio.statusBar).toContainText('Mouth amount');
  await expect.poll(() => jawAt(otherFrame)).toBeCloseTo(jawOther * 0.5, 5);
  await expect(studio.statusBar).not.toContainText('Generating');
  await timeline.releaseFocus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => jawAt(otherFrame)).toBe(jawOther);

  // Save and reopen: the edit is kept, at its time.
  await studio.saveAndReopen(webHost.url, scratchDir, 'mouth.aniproj');
  await expect.poll(async () => mouth.infoAt((targetFrame + 0.5) / FPS)).toMatchObject({ shape: 'M', edited: true, startSec: target.startSec, endSec: target.endSec });
  await expect.poll(() => jawAt(targetFrame)).toBeCloseTo(0, 6);
  expect(await jawAt(otherFrame)).toBe(jawOther);
});
