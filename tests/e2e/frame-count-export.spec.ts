import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { StudioPage } from './pages/StudioPage';
import { makeSpeechWav } from './support/speech-wav';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { expect, test } from './support/web-host-fixture';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const FFMPEG = join(REPO_ROOT, 'node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg');
const FFPROBE = join(REPO_ROOT, 'node_modules', '@ffprobe-installer', 'linux-x64', 'ffprobe');

test('an MP3: the track, the frame counter, the timeline and the export agree on the frame count; the export dialog leaves the project as it was', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the frame-count e2e')) return;
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  // An MP3's container duration includes the encoder's delay; the decoded samples do not.
  const wav = await makeSpeechWav(scratchDir);
  const mp3 = join(scratchDir, 'speech.mp3');
  const encode = spawnSync(FFMPEG, ['-v', 'error', '-y', '-i', wav.path, '-c:a', 'libmp3lame', '-b:a', '64k', mp3], { encoding: 'utf8' });
  expect(encode.status, encode.stderr).toBe(0);
  await studio.importPhoto(PORTRAIT);
  await studio.importAudio(mp3);
  await expect(studio.statusBar).toContainText('Generated');
  const generated = /Generated (\d+) frames/.exec((await studio.statusBar.textContent()) ?? '');
  const frameCount = Number(generated?.[1]);
  expect(frameCount).toBeGreaterThan(10);

  // The frame counter, the end of the timeline and the header say the same.
  const transport = page.getByTestId('transport-time');
  await expect(transport).toHaveAttribute('data-frame-count', String(frameCount));
  const seconds = frameCount / 30;
  await expect(page.getByTestId('transport-duration')).toContainText(`0:${seconds.toFixed(3).padStart(6, '0')} @ 30 fps`);
  await page.getByTestId('btn-to-end').click();
  await expect(transport).toContainText(`frame ${frameCount - 1} / ${frameCount - 1}`);

  // The export dialog's size is this export's: the video is 256x192, the project stays 512x512.
  await page.getByTestId('btn-export').click();
  await expect(studio.exportDialog).toBeVisible();
  await page.getByTestId('export-field-width').fill('256');
  await page.getByTestId('export-field-width').press('Enter');
  await page.getByTestId('export-field-height').fill('192');
  await page.getByTestId('export-field-height').press('Enter');
  const outPath = join(scratchDir, 'small.mp4');
  await page.getByTestId('export-path').fill(outPath);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export-done')).toContainText(`Exported ${frameCount} frames`);
  const probe = spawnSync(FFPROBE, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'csv=p=0', outPath], { encoding: 'utf8' });
  expect(probe.stdout.trim()).toBe(`256,192,${frameCount}`);
  await page.getByTestId('export-close').click();
  await expect(page.getByTestId('field-width')).toHaveValue('512');
  await expect(page.getByTestId('field-height')).toHaveValue('512');
});
