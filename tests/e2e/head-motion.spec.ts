import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioPage } from './pages/StudioPage';
import { npyFloat64 } from './support/npy';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';


test('head motion: a pose template (.npy) drives the head and stays chosen after save + reopen; a bad .npy is refused', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the head-motion e2e')) return;
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.importPhoto(PORTRAIT);
  await studio.importAudio((await makeSpeechWav(scratchDir)).path);
  await expect(studio.statusBar).toContainText('Generated');
  await expect(studio.poseSourceField).toHaveValue('audio');
  await expect(studio.headMotionAsset).toContainText('from the voice');

  // A file that is not a pose template: a clear error naming it, and nothing changes.
  const wrongShape = join(scratchDir, 'wrong-shape.npy');
  await writeFile(wrongShape, npyFloat64(Array.from({ length: 10 }, () => [1, 2, 3])));
  await studio.choosePoseSource('template', wrongShape);
  await expect(studio.toasts.last()).toContainText('wrong-shape.npy');
  await expect(studio.toasts.last()).toContainText('has shape (10, 3)');
  await expect(studio.poseSourceField).toHaveValue('audio');
  await expect(studio.headMotionAsset).toContainText('from the voice');
  const notNpy = join(scratchDir, 'not-numpy.npy');
  await writeFile(notNpy, 'this is a text file, not a NumPy array\n');
  await studio.choosePoseSource('template', notNpy);
  await expect(studio.toasts.last()).toContainText('not-numpy.npy');
  await expect(studio.toasts.last()).toContainText('not a NumPy .npy file');
  await expect(studio.poseSourceField).toHaveValue('audio');
  await expect(studio.headMotionAsset).toContainText('from the voice');
  await studio.screenshot('22-bad-pose-template');

  // A template (n, 6) '<f8' of [pitch, yaw, roll, tx, ty, tz]: the head follows it.
  const template = join(scratchDir, 'turned.npy');
  await writeFile(template, npyFloat64(Array.from({ length: 48 }, () => [-6, 18, 4, 0, 0, 0])));
  await studio.choosePoseSource('template', template);
  await expect(studio.poseSourceField).toHaveValue('template');
  await expect(studio.headMotionAsset).toContainText('turned.npy');
  await expect(studio.headMotionAsset).toContainText('48 poses');
  await expect(studio.poseReadout).toContainText('yaw +18.0°');
  await expect(studio.poseReadout).toContainText('pitch -6.0°');
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  await studio.screenshot('23-pose-template');

  // Back to the voice and to the template again: the imported template is reused, no file asked for.
  // Each switch generates the track again, which takes seconds on a busy machine.
  const regenerated = { timeout: 30_000 };
  await studio.poseSourceField.selectOption('audio');
  await expect(studio.headMotionAsset).toContainText('from the voice');
  await expect(studio.poseReadout).not.toContainText('yaw +18.0°', regenerated);
  await studio.poseSourceField.selectOption('template');
  await expect(studio.poseReadout).toContainText('yaw +18.0°', regenerated);

  // Save, reload, open: still the template, and the head still follows it.
  await mkdir(join(scratchDir, 'projects'), { recursive: true });
  const projectPath = join(scratchDir, 'projects', 'head-motion.aniproj');
  await studio.saveAs(projectPath);
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.open(projectPath);
  await expect(studio.poseSourceField).toHaveValue('template');
  await expect(studio.headMotionAsset).toContainText('turned.npy');
  await expect(studio.poseReadout).toContainText('yaw +18.0°', regenerated);
});
