import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioPage } from './pages/StudioPage';
import { writePortraitPng } from './support/portrait-png';
import { makeSpeechWav, synthesizeTonesWav, wavDurationSec } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';

test('a project with a voice and a photo survives Save As, a reload and Open', async ({ page, webHost, scratchDir }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await expect(studio.viewportCanvas).toBeVisible();
  expect(await studio.viewportContentFraction(), 'the 3D viewport draws a grid and a head').toBeGreaterThan(0.02);
  await studio.screenshot('01-start');

  // Scribble on the automatic project first, so that New visibly replaces it.
  await studio.rename('Scratch');
  await studio.newProject();
  await page.getByTestId('confirm-discard').click();
  await expect(studio.projectName).toHaveText('Untitled');
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await studio.rename('Talking Head E2E');
  await expect(studio.projectName).toHaveText('Talking Head E2E');
  await expect(studio.dirtyIndicator).toBeVisible();

  const wav = await makeSpeechWav(scratchDir);
  test.info().annotations.push({ type: 'audio', description: `${wav.source}, ${wav.durationSec.toFixed(2)} s` });
  await studio.importAudio(wav.path);
  await studio.expectWaveformDrawn(wav.durationSec);

  const photoPath = join(scratchDir, 'portrait.png');
  const photo = await writePortraitPng(photoPath);
  await studio.importPhoto(photoPath);
  await studio.expectPhotoShown(photo.widthPx, photo.heightPx);
  // With both inputs the track generates by itself; this drawn face is not one the detector finds, and the user is told.
  await expect(studio.toasts.filter({ hasText: 'shows no face' })).toBeVisible();
  await studio.screenshot('02-imported');

  const projectPath = join(scratchDir, 'projects', 'talking-head.aniproj');
  await mkdir(join(scratchDir, 'projects'), { recursive: true });
  await studio.saveAs(projectPath);
  await expect(studio.pathDialog).toHaveCount(0);
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await expect(studio.statusBar).toContainText('Saved');
  await studio.screenshot('03-saved');

  // A fresh page load starts a new untitled project; the saved one must come back intact.
  await studio.goto(webHost.url);
  await studio.expectReady();
  await expect(studio.projectName).toHaveText('Untitled');
  await studio.open(projectPath);
  await expect(studio.projectName).toHaveText('Talking Head E2E');
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await expect(studio.recoveryPrompt).toHaveCount(0);
  await studio.expectWaveformDrawn(wav.durationSec);
  await studio.expectPhotoShown(photo.widthPx, photo.heightPx);
  await studio.screenshot('04-reopened');
});

test('opening a path that holds no project says so and keeps the dialog open', async ({ page, webHost, scratchDir }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.open(join(scratchDir, 'nothing-here.aniproj'));
  await expect(studio.toasts.filter({ hasText: 'nothing-here.aniproj' })).toBeVisible();
  await expect(studio.pathDialog).toBeVisible();
  await expect(studio.projectName).toHaveText('Untitled');
  await studio.screenshot('06-open-error');
});

test('inspector edits change the project and mark it unsaved', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  const fps = page.getByTestId('field-fps');
  await fps.fill('500');
  await fps.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'frames per second' })).toBeVisible();
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await fps.fill('25');
  await fps.press('Enter');
  await page.getByTestId('field-lmk2video').selectOption('aniportrait');
  await expect(studio.statusBar).toContainText('25 fps');
  await expect(studio.dirtyIndicator).toBeVisible();

  // New over unsaved work asks first; Cancel keeps the edits, Discard starts over.
  await studio.newProject();
  await expect(page.getByTestId('confirm-dialog')).toContainText('Save the changes');
  await studio.screenshot('10-confirm-discard');
  await page.getByTestId('confirm-cancel').click();
  await expect(studio.statusBar).toContainText('25 fps');
  await studio.newProject();
  await page.getByTestId('confirm-discard').click();
  await expect(studio.statusBar).toContainText('30 fps');
  await expect(studio.dirtyIndicator).toHaveCount(0);
});

test('a voice recording dropped on the window is imported and drawn', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  const wav = synthesizeTonesWav();
  await studio.dropFile('tones.wav', 'audio/wav', wav);
  await studio.expectWaveformDrawn(wavDurationSec(wav));
  await expect(studio.dirtyIndicator).toBeVisible();
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
});
