import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { BROWSER_ARGS, CHROMIUM_PATH } from './support/browser-args';
import { changedHalves, screenshotPixels } from './support/canvas-pixels';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { expect, test } from './support/web-host-fixture';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const FFMPEG = join(REPO_ROOT, 'node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg');
const FIXTURES = resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'aniportrait');
const TALKING_VIDEO = join(FIXTURES, 'pose_ref_video.mp4');
const SPEECH = join(FIXTURES, 'speech_cxk.wav');

/**
 * Chromium's fake camera and microphone play files: a y4m and a wav made here from the fixtures
 * (4 s of the talking video at 320x320, 25 fps, and the demo speech). Made when this file loads,
 * before the browser starts, in a folder of their own.
 */
const CAPTURE_DIR = join(tmpdir(), `aniportrait-fake-capture-${process.pid}`);
const FAKE_Y4M = join(CAPTURE_DIR, 'camera.y4m');
const FAKE_WAV = join(CAPTURE_DIR, 'microphone.wav');
const haveFixtures = existsSync(TALKING_VIDEO) && existsSync(SPEECH);
if (haveFixtures && !existsSync(FAKE_WAV)) {
  mkdirSync(CAPTURE_DIR, { recursive: true });
  const run = (...args: string[]) => {
    const result = spawnSync(FFMPEG, ['-v', 'error', '-y', ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
  };
  run('-i', TALKING_VIDEO, '-t', '4', '-vf', 'scale=320:320,fps=25', '-pix_fmt', 'yuv420p', FAKE_Y4M);
  run('-i', SPEECH, '-t', '4', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', FAKE_WAV);
}

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...BROWSER_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${FAKE_Y4M}`, `--use-file-for-fake-audio-capture=${FAKE_WAV}`],
  },
});

function skipWithoutVideo(): boolean {
  if (haveFixtures) return false;
  const reason = `${TALKING_VIDEO} or ${SPEECH} is missing (../shared/fixtures beside the checkout)`;
  if (process.env.CI && existsSync(FIXTURES)) throw new Error(reason);
  console.log(`skipping the performance e2e: ${reason}`);
  test.skip(true, reason);
  return true;
}

test('performance video: importing one makes it the motion source with its sound as the audio; parts can be turned off', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the performance e2e') || skipWithoutVideo()) return;
  const clip = join(scratchDir, 'performance.mp4');
  expect(spawnSync(FFMPEG, ['-v', 'error', '-y', '-i', TALKING_VIDEO, '-t', '2', clip]).status).toBe(0);
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.importPhoto(PORTRAIT);
  await studio.choosePoseSource('performance', clip);
  await expect(studio.poseSourceField).toHaveValue('performance');
  await expect(studio.headMotionAsset).toContainText('performance.mp4');
  await expect(page.getByTestId('asset-audio')).toContainText('performance.mp4');
  await expect(studio.statusBar).toContainText(/track \d+ frames/, { timeout: 60_000 });
  await expect(page.getByTestId('performance-parts')).toBeVisible();
  // The head follows the video: at its end the pose is not the first frame's.
  const poseNow = async () => studio.poseReadout.innerText();
  const first = await poseNow();
  await page.keyboard.press('End');
  await expect.poll(poseNow).not.toBe(first);
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full');
  await page.getByTestId('performance-parts').scrollIntoViewIfNeeded();
  await studio.screenshot('40-performance-video');
  // The lip sync's controls shape the performance's mouth: amount 2 moves the lower face further
  // and leaves the eyes and brows (the upper half) as they were.
  await timeline.goToFrame(30);
  await expect(studio.previewCanvas).toHaveAttribute('data-frame-index', '30');
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  await expect(page.getByTestId('lip-sync-mesh-note')).toBeVisible();
  const before = await screenshotPixels(studio.previewCanvas);
  await page.getByTestId('lip-sync-amount').fill('2');
  await expect(studio.statusBar).toContainText('Mouth amount');
  await expect.poll(async () => changedHalves(before, await screenshotPixels(studio.previewCanvas)).lower, { timeout: 20_000 }).toBeGreaterThan(50);
  await expect(studio.previewCanvas).toHaveAttribute('data-detail', 'full', { timeout: 20_000 });
  const changed = changedHalves(before, await screenshotPixels(studio.previewCanvas));
  expect(changed.upper, `amount 2 changed ${changed.lower} pixels of the lower half and ${changed.upper} of the upper`).toBeLessThan(changed.lower / 10);
  await studio.screenshot('40b-performance-mouth-amount-2');
  await timeline.releaseFocus();
  await page.keyboard.press('Control+z');
  // Turning the pose off: the track is made again and the head stays still.
  await page.getByTestId('performance-keep-pose').uncheck();
  await expect(page.getByTestId('performance-strength-pose')).toBeDisabled();
  await expect(studio.poseReadout).toContainText('yaw +0.0°', { timeout: 60_000 });
});

test('webcam capture: live preview with landmarks, countdown, record, stop, retake; the take becomes the performance video', async ({ page, webHost }) => {
  if (skipWithoutPortrait('the capture e2e') || skipWithoutVideo()) return;
  const studio = new StudioPage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  await studio.importPhoto(PORTRAIT);
  await page.getByTestId('record-performance').click();
  const panel = page.getByTestId('capture-panel');
  await expect(panel).toBeVisible();
  // Chromium's fake devices are listed by name once access is allowed.
  await expect(page.getByTestId('capture-camera').locator('option')).toHaveCount(2);
  await expect(page.getByTestId('capture-microphone').locator('option').nth(1)).toBeAttached();
  // The face mesh finds the face in the live picture and draws its landmarks over it.
  await expect(page.getByTestId('capture-landmarks')).toHaveAttribute('data-face', 'found', { timeout: 60_000 });
  await expect(page.getByTestId('capture-status')).toContainText('Face in view');
  await studio.screenshot('41-capture-live');

  await page.getByTestId('capture-record').click();
  // The countdown shows 3, 2, 1 (a busy machine may skip a tick between two looks), then the take starts.
  await expect(page.getByTestId('capture-countdown')).toHaveText(/^[321]$/);
  await expect(page.getByTestId('capture-stop')).toBeDisabled();
  await expect(page.getByTestId('capture-status')).toContainText(/Recording take 1: [1-9]\./, { timeout: 30_000 });
  await expect(page.getByTestId('capture-countdown')).toHaveCount(0);
  await page.getByTestId('capture-stop').click();
  await expect(page.getByTestId('capture-review')).toBeVisible();
  await page.getByTestId('capture-retake').click();
  await expect(page.getByTestId('capture-live')).toBeVisible();
  await page.getByTestId('capture-record').click();
  await expect(page.getByTestId('capture-status')).toContainText(/Recording take 2: [2-9]\./, { timeout: 30_000 });
  await page.getByTestId('capture-stop').click();
  await expect(page.getByTestId('capture-status')).toContainText('Take 2');
  await page.getByTestId('capture-use').click();
  await expect(panel).toHaveCount(0);

  // The take (video + sound) is in the project: the motion source and the audio.
  await expect(studio.poseSourceField).toHaveValue('performance');
  await expect(studio.headMotionAsset).toContainText('take-2.webm');
  await expect(page.getByTestId('asset-audio')).toContainText('take-2.webm');
  await expect(studio.statusBar).toContainText(/track \d+ frames/, { timeout: 60_000 });
  await studio.screenshot('42-capture-take-used');
});
