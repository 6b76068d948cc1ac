import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { writePortraitPng } from './support/portrait-png';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';

/** Issue 15, as a new user finds the studio: recovery, file browsing, focus, dialogs, feedback, layout. */

test('untitled work survives a reload: offered back on start with its time and photo', async ({ page, webHost, scratchDir }) => {
  await page.clock.install();
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.rename('Never saved');
  const photo = join(scratchDir, 'face.png');
  await writePortraitPng(photo);
  await studio.importPhoto(photo);
  await expect(page.getByTestId('asset-photo')).toContainText('.png');
  // Autosaved a moment after the edit, so a reload right after loses nothing.
  await page.clock.fastForward('00:03');
  await expect(page.getByTestId('project-save-state')).toContainText(/Unsaved changes \(autosaved \d/);
  await expect(page.getByTestId('status-save-state')).toHaveText(await page.getByTestId('project-save-state').innerText());

  await page.reload();
  const dialog = page.getByTestId('recover-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('untitled-item')).toHaveCount(1);
  await expect(dialog.getByTestId('untitled-item')).toContainText('Never saved');
  await expect(dialog.getByTestId('untitled-item')).toContainText('autosaved');
  await expect(dialog.getByTestId('untitled-thumb')).toBeVisible();
  await studio.screenshot('usability-01-recover-untitled');
  await dialog.getByTestId('untitled-recover').click();
  await expect(dialog).toHaveCount(0);
  await expect(studio.projectName).toHaveText('Never saved');
  await expect(studio.dirtyIndicator).toBeVisible();
  await expect(page.getByTestId('asset-photo')).toContainText('.png');

  // Open lists it too, until it is discarded.
  await page.reload();
  await page.getByTestId('recover-later').click();
  await page.getByTestId('btn-open').click();
  await expect(studio.pathDialog.getByTestId('untitled-item')).toHaveCount(1);
  await studio.pathDialog.getByTestId('untitled-discard').click();
  await expect(studio.pathDialog.getByTestId('untitled-item')).toHaveCount(0);
  await page.getByTestId('path-cancel').click();
  await page.reload();
  await studio.expectReady();
  await expect(page.getByTestId('recover-dialog')).toHaveCount(0);
});

test('Save As browses folders, makes one, and asks before creating a missing folder', async ({ page, webHost, scratchDir }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.rename('Browsed');
  await page.getByTestId('btn-save-as').click();
  const browser = studio.pathDialog.getByTestId('file-browser');
  await expect(browser).toHaveAttribute('data-state', 'ready');
  // The roots: the home folder and the studio's data folder (scratch/data in this test).
  await expect(browser.getByTestId('file-root')).toHaveText(['Home', 'Studio data']);
  await browser.getByTestId('file-root').filter({ hasText: 'Studio data' }).click();
  await expect(browser).toHaveAttribute('data-folder', join(scratchDir, 'data'));
  await browser.getByTestId('file-new-folder').click();
  await browser.getByTestId('file-new-folder-name').fill('My projects');
  await browser.getByTestId('file-new-folder-create').click();
  await expect(browser).toHaveAttribute('data-folder', join(scratchDir, 'data', 'My projects'));
  await expect(browser.getByTestId('file-crumb')).toHaveText(['Studio data', 'My projects']);
  await expect(studio.pathInput).toHaveValue(join(scratchDir, 'data', 'My projects', 'Browsed.aniproj'));
  await studio.screenshot('usability-02-file-browser');
  await page.getByTestId('path-confirm').click();
  await expect(studio.pathDialog).toHaveCount(0);
  await expect(page.getByTestId('project-save-state')).toHaveText('Saved');
  expect(existsSync(join(scratchDir, 'data', 'My projects', 'Browsed.aniproj', 'project.json'))).toBe(true);

  // The folder it was saved in is a recent folder next time; a typed path in a missing folder is asked about.
  await page.getByTestId('btn-save-as').click();
  await expect(studio.pathDialog.getByTestId('file-recent-folder').first()).toHaveText(join(scratchDir, 'data', 'My projects'));
  const typed = join(scratchDir, 'not', 'yet', 'there.aniproj');
  await studio.pathInput.fill(typed);
  await page.getByTestId('path-confirm').click();
  await expect(page.getByTestId('path-missing-folder')).toContainText(join(scratchDir, 'not', 'yet'));
  expect(existsSync(join(scratchDir, 'not')), 'nothing is created before the user agrees').toBe(false);
  await studio.screenshot('usability-03-missing-folder');
  await expect(page.getByTestId('path-confirm')).toHaveText('Create folder and save');
  await page.getByTestId('path-confirm').click();
  await expect(studio.pathDialog).toHaveCount(0);
  expect(existsSync(join(typed, 'project.json'))).toBe(true);
});

test('Enter and Escape in a field hand the keyboard back; unsaved changes ask Save, Don\'t save, Cancel', async ({ page, webHost, scratchDir }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  const name = page.getByTestId('field-name');
  await name.fill('Focus test');
  await name.press('Enter');
  await expect(page.getByTestId('timeline-panel')).toBeFocused();
  // Keys now go to the studio, not into the field.
  await page.keyboard.press('Home');
  await page.keyboard.type('xyz');
  await expect(name).toHaveValue('Focus test');
  await name.fill('Dropped');
  await name.press('Escape');
  await expect(name).toHaveValue('Focus test');
  await expect(page.getByTestId('timeline-panel')).toBeFocused();

  // New over unsaved changes: Save (untitled: choose where), then the new project.
  await studio.newProject();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm.getByRole('button')).toHaveText(["Don't save", 'Cancel', 'Save']);
  await studio.screenshot('usability-04-unsaved-question');
  await confirm.getByTestId('confirm-cancel').click();
  await expect(studio.projectName).toHaveText('Focus test');
  await studio.newProject();
  await page.getByTestId('confirm-save').click();
  await expect(studio.pathDialog).toBeVisible();
  await mkdir(join(scratchDir, 'p'), { recursive: true });
  await studio.pathInput.fill(join(scratchDir, 'p', 'focus.aniproj'));
  await page.getByTestId('path-confirm').click();
  await expect(studio.projectName).toHaveText('Untitled');
  expect(existsSync(join(scratchDir, 'p', 'focus.aniproj', 'project.json'))).toBe(true);
  await expect(page.getByTestId('project-save-state')).toHaveText('Not saved yet');
});

test('errors: one toast per message, off the lanes, and the last one stays in the status bar', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  for (let i = 0; i < 3; i++) await studio.dropFile('notes.txt', 'text/plain', Buffer.from('not media'));
  await expect(studio.toasts).toHaveCount(1);
  await expect(page.getByTestId('toast-count')).toHaveText('×3');
  const toast = await studio.toasts.first().boundingBox();
  const lanes = await page.getByTestId('timeline-panel').boundingBox();
  if (toast === null || lanes === null) throw new Error('toast or timeline has no box');
  expect(toast.y + toast.height, 'the toast ends above the timeline').toBeLessThanOrEqual(lanes.y);
  await studio.screenshot('usability-05-toast');
  // A later message replaces the status line; the error stays readable beside it.
  await studio.rename('After the error');
  await expect(page.getByTestId('status-last-error')).toContainText('notes.txt');
});

test('the shortcut reference, splitters remembered, and the layout at 1280x720 and 1600x1000', async ({ page, webHost }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await page.getByTestId('timeline-panel').focus();
  await page.keyboard.press('?');
  const reference = page.getByTestId('shortcuts-dialog');
  await expect(reference).toBeVisible();
  for (const keys of ['Space', 'J', 'K', 'L', 'Home / End', 'M', 'Delete / Backspace']) await expect(reference.getByText(keys, { exact: true })).toBeVisible();
  await studio.screenshot('usability-06-shortcuts');
  await page.keyboard.press('Escape');
  await expect(reference).toHaveCount(0);

  // Markers: M adds one, double-click renames it, right-click colours it.
  await page.keyboard.press('m');
  const marker = studio.markers.first();
  await expect(marker).toHaveText('M1');
  await marker.dblclick();
  await page.getByTestId('marker-rename').fill('Intro');
  await page.getByTestId('marker-rename').press('Enter');
  await expect(marker).toHaveText('Intro');
  await expect(page.getByTestId('timeline-panel')).toBeFocused();
  await marker.click({ button: 'right' });
  await expect(page.getByTestId('marker-menu')).toBeVisible();
  await studio.screenshot('usability-06b-marker-menu');
  await page.getByTestId('marker-menu-colour').and(page.locator('[data-colour="red"]')).click();
  await expect(page.getByTestId('marker-menu')).toHaveCount(0);
  await expect(marker).toHaveAttribute('data-colour', 'red');
  await page.keyboard.press('Control+z');
  await expect(marker).toHaveAttribute('data-colour', 'yellow');

  expect(await heightOf(page, 'preview-panel'), 'the preview panel body is at least 360 px tall').toBeGreaterThanOrEqual(360 + 26);
  await studio.screenshot('usability-07-layout-1280x720');

  const timeline = page.getByTestId('timeline-panel');
  const before = await heightOf(page, 'timeline-panel');
  const bar = await page.getByTestId('splitter-timeline').boundingBox();
  if (bar === null) throw new Error('no timeline splitter');
  await page.mouse.move(bar.x + 200, bar.y + 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + 200, bar.y - 60, { steps: 5 });
  await page.mouse.up();
  await page.setViewportSize({ width: 1600, height: 1000 });
  const inspectorBar = await page.getByTestId('splitter-inspector').boundingBox();
  if (inspectorBar === null) throw new Error('no inspector splitter');
  await page.mouse.move(inspectorBar.x + 2, inspectorBar.y + 100);
  await page.mouse.down();
  await page.mouse.move(inspectorBar.x - 80, inspectorBar.y + 100, { steps: 5 });
  await page.mouse.up();
  const inspectorWidth = (await page.locator('.inspector-panel').boundingBox())?.width ?? 0;
  expect(inspectorWidth).toBeGreaterThan(300 + 60);
  await expect.poll(() => heightOf(page, 'timeline-panel')).toBeGreaterThan(before + 40);
  const dragged = await heightOf(page, 'timeline-panel');
  await studio.screenshot('usability-08-layout-1600x1000');

  // Remembered in the studio's settings: a reload keeps them.
  await page.reload();
  await studio.expectReady();
  await expect.poll(() => heightOf(page, 'timeline-panel')).toBe(dragged);
  expect((await page.locator('.inspector-panel').boundingBox())?.width).toBeCloseTo(inspectorWidth, 0);
  await expect(timeline).toBeVisible();
});

async function heightOf(page: Page, testId: string): Promise<number> {
  return (await page.getByTestId(testId).boundingBox())?.height ?? 0;
}

test('export: its own size (odd refused in the field), a missing folder offered, the target remembered, percent = frames', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the export usability e2e')) return;
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.rename('Exported');
  const wav = await makeSpeechWav(scratchDir);
  await studio.importPhoto(PORTRAIT);
  await studio.importAudio(wav.path);
  await expect(studio.statusBar).toContainText('Generated');

  // A drag mostly sideways on the head keys yaw only, and says so.
  await timeline.goToFrame(10);
  const viewport = await studio.viewportCanvas.boundingBox();
  if (viewport === null) throw new Error('the viewport canvas has no size');
  const headX = viewport.x + viewport.width / 2;
  const headY = viewport.y + viewport.height * 0.42;
  await page.mouse.move(headX, headY);
  await page.mouse.down();
  await page.mouse.move(headX + 90, headY + 18, { steps: 10 });
  await page.mouse.up();
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect(timeline.keysOf('pitchDeg'), 'the few degrees of vertical drift are not keyed').toHaveCount(0);
  await expect(page.getByTestId('status-message')).toContainText('Keyed yaw +');

  await page.getByTestId('btn-export').click();
  await expect(studio.exportDialog).toBeVisible();
  const width = page.getByTestId('export-field-width');
  await width.fill('513');
  await width.press('Enter');
  await expect(studio.exportDialog.getByRole('alert')).toContainText('even');
  // While a field is refused, Export waits (it used to export at the old size).
  await expect(page.getByTestId('export-start')).toBeDisabled();
  await width.fill('256');
  await width.press('Enter');
  await page.getByTestId('export-field-height').fill('256');
  await page.getByTestId('export-field-height').press('Enter');
  await expect(studio.exportDialog.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('export-start')).toBeEnabled();

  await page.getByTestId('export-browse').click();
  await expect(studio.exportDialog.getByTestId('file-browser')).toHaveAttribute('data-state', 'ready');
  const outPath = join(scratchDir, 'videos', 'new', 'talk.mp4');
  await page.getByTestId('export-path').fill(outPath);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-missing-folder')).toContainText(join(scratchDir, 'videos', 'new'));
  await studio.screenshot('usability-09-export-missing-folder');
  await page.getByTestId('export-create-folder').click();
  // While frames render, the percentage shown is the frames' share (frame 27 of 235 reads 11 %).
  const percentAgrees = () =>
    page.getByTestId('export-message').evaluate((el) => {
      const match = /frame (\d+) of (\d+)/.exec(el.textContent ?? '');
      if (match === null) return 'waiting for a frame count';
      const expected = Math.round((Number(match[1]) / Number(match[2])) * 100);
      return Number(el.getAttribute('data-percent')) === expected && (el.textContent ?? '').startsWith(`${expected}%`) ? 'agrees' : `shows ${el.textContent ?? ''}`;
    });
  await expect.poll(percentAgrees, { timeout: 60_000, intervals: [50] }).toBe('agrees');
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export-location')).toContainText(join(scratchDir, 'videos', 'new'));
  await studio.screenshot('usability-10-exported');
  expect(existsSync(outPath)).toBe(true);
  // The project's own size is unchanged; the export dialog remembers where this project went.
  await expect(studio.statusBar).toContainText('512×512');
  await page.getByTestId('export-close').click();
  await page.getByTestId('btn-export').click();
  await expect(page.getByTestId('export-path')).toHaveValue(outPath);
});
