import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PreviewProbe } from './pages/PreviewProbe';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { canvasSample, meanAbsDiff } from './support/canvas-pixels';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const FFPROBE = join(REPO_ROOT, 'node_modules', '@ffprobe-installer', 'linux-x64', 'ffprobe');

test('photo + voice: generate, scrub, key the head, undo/redo, save, reopen, export an MP4', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the studio workflow e2e')) return;
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.rename('Talking Head');

  // Importing both inputs generates the track by itself; the preview then shows video frames.
  const wav = await makeSpeechWav(scratchDir);
  await studio.importPhoto(PORTRAIT);
  await studio.importAudio(wav.path);
  await expect(studio.statusBar).toContainText('Generated');
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', '0');
  await expect(page.getByTestId('viewport-host')).toHaveAttribute('data-has-track', 'true');
  await studio.expectWaveformDrawn(wav.durationSec);
  await studio.screenshot('11-generated');

  // Scrubbing shows the frame under the playhead; two frames differ.
  const probe = new PreviewProbe(page, studio.previewCanvas, timeline.playhead);
  await probe.install();
  const first = await probe.measure(() => timeline.clickRuler(0.2));
  const firstPixels = await canvasSample(studio.previewCanvas);
  const second = await probe.measure(() => timeline.clickRuler(0.55));
  const secondPixels = await canvasSample(studio.previewCanvas);
  expect(second.frameIndex).not.toBe(first.frameIndex);
  expect(meanAbsDiff(firstPixels, secondPixels), 'two frames of a talking head differ').toBeGreaterThan(0.2);

  await page.getByTestId('toggle-landmarks').click();
  await expect(page.getByTestId('landmark-overlay')).toBeVisible();
  await studio.screenshot('12-landmarks-overlay');
  await page.getByTestId('toggle-landmarks').click();
  // Tooltips would cover the preview in the next screenshots.
  await page.mouse.move(0, 450);

  // A yaw key typed at frame 30 turns the head in the preview; undo and redo it.
  await timeline.goToFrame(30);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', '30');
  const before = await canvasSample(studio.previewCanvas);
  await timeline.keyPoseField('yawDeg', 25);
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect.poll(async () => meanAbsDiff(before, await canvasSample(studio.previewCanvas)), { message: 'the keyed frame looks different' }).toBeGreaterThan(1);
  await expect(page.getByTestId('pose-readout')).toContainText('yaw');
  await studio.screenshot('13-yaw-keyed');
  await page.keyboard.press('Control+z');
  await expect(timeline.keysOf('yawDeg')).toHaveCount(0);
  await expect.poll(async () => meanAbsDiff(before, await canvasSample(studio.previewCanvas))).toBeLessThan(0.01);
  await page.keyboard.press('Control+Shift+z');
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect(timeline.keysOf('yawDeg').first()).toHaveAttribute('data-value', '25');

  // The head gizmo: one drag on the head keys pitch (and yaw) at the playhead, and is one undo step.
  const viewport = await studio.viewportCanvas.boundingBox();
  if (viewport === null) throw new Error('the viewport canvas has no size');
  const headX = viewport.x + viewport.width / 2;
  const headY = viewport.y + viewport.height * 0.42;
  await page.mouse.move(headX, headY);
  await page.mouse.down();
  await page.mouse.move(headX + 2, headY + 60, { steps: 10 });
  await page.mouse.up();
  await expect(timeline.keysOf('pitchDeg')).toHaveCount(1);
  const pitch = Number(await timeline.keysOf('pitchDeg').first().getAttribute('data-value'));
  expect(pitch, 'dragging down tips the head down (+pitch)').toBeGreaterThan(10);
  await studio.screenshot('14-gizmo-drag');
  await page.getByTestId('btn-undo').click();
  await expect(timeline.keysOf('pitchDeg')).toHaveCount(0);
  await expect(timeline.keysOf('yawDeg').first()).toHaveAttribute('data-value', '25');

  // Save, reload, open: the key is still there and the track comes back by itself.
  await mkdir(join(scratchDir, 'projects'), { recursive: true });
  const projectPath = join(scratchDir, 'projects', 'talking-head.aniproj');
  await studio.saveAs(projectPath);
  await expect(studio.dirtyIndicator).toHaveCount(0);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.open(projectPath);
  await expect(studio.projectName).toHaveText('Talking Head');
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect(timeline.keysOf('yawDeg').first()).toHaveAttribute('data-value', '25');
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', '0');

  // Export: progress, then an H.264 + AAC file as long as the audio.
  await page.getByTestId('btn-export').click();
  await expect(studio.exportDialog).toBeVisible();
  await expect(page.getByTestId('export-path')).toHaveValue(/Talking Head\.mp4$/);
  const outPath = join(scratchDir, 'talking-head.mp4');
  await page.getByTestId('export-path').fill(outPath);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect(page.getByTestId('export-message')).toContainText('left');
  await studio.screenshot('15-exporting');
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export-reveal'), 'the web host has no file manager to reveal in').toHaveCount(0);
  await studio.screenshot('16-exported');
  const probeRun = spawnSync(FFPROBE, ['-v', 'error', '-show_entries', 'stream=codec_name,codec_type:format=duration', '-of', 'json', outPath], { encoding: 'utf8' });
  expect(probeRun.status, probeRun.stderr).toBe(0);
  const info = JSON.parse(probeRun.stdout) as { streams: { codec_name: string; codec_type: string }[]; format: { duration: string } };
  expect(info.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
  expect(Number(info.format.duration)).toBeGreaterThan(wav.durationSec - 0.1);
  expect(Number(info.format.duration)).toBeLessThan(wav.durationSec + 0.25);

  // A cancelled export says so and leaves no file.
  const cancelledPath = join(scratchDir, 'cancelled.mp4');
  await page.getByTestId('export-path').fill(cancelledPath);
  await page.getByTestId('export-start').click();
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-cancelled')).toBeVisible();
  expect(existsSync(cancelledPath)).toBe(false);
  expect(existsSync(`${cancelledPath}.part`)).toBe(false);
});
