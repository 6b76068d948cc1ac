import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';
import { CHANNELS } from '../../src-shared/keyframes/channels';
import { StudioPage } from './pages/StudioPage';
import { TimelinePage } from './pages/TimelinePage';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';

/** Issue 15's done-when, as a new user goes: no typed path, a reload on the way, a clean console, readable lanes. */

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const FFPROBE = join(REPO_ROOT, 'node_modules', '@ffprobe-installer', 'linux-x64', 'ffprobe');

/** Every warning and error the page writes to its console, uncaught errors and CSP reports included. */
function collectConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning' || message.type() === 'error') messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

test('a new user: empty studio to an exported MP4 with one keyed head turn, files chosen in the browser only, nothing lost on a reload, a clean console', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the new-user e2e')) return;
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const consoleMessages = collectConsole(page);
  const studio = new StudioPage(page);
  const timeline = new TimelinePage(page);
  await studio.goto(webHost.url);
  await studio.expectReady();
  // Photo and voice through the browser's file chooser (the import buttons), no path typed.
  const wav = await makeSpeechWav(scratchDir);
  await studio.importPhoto(PORTRAIT);
  await studio.importAudio(wav.path);
  await expect(studio.statusBar).toContainText('Generated', { timeout: 60_000 });
  await expect(studio.viewportCanvas).toBeVisible();
  // Loaded, with the 3D viewport's canvas up: nothing on the console (no CSP report, no three.js deprecation).
  expect(consoleMessages, 'the console on load').toEqual([]);

  // One head turn, keyed by dragging the head sideways in the viewport.
  await timeline.goToFrame(15);
  const viewport = await studio.viewportCanvas.boundingBox();
  if (viewport === null) throw new Error('the viewport canvas has no size');
  const headX = viewport.x + viewport.width / 2;
  const headY = viewport.y + viewport.height * 0.42;
  await page.mouse.move(headX, headY);
  await page.mouse.down();
  await page.mouse.move(headX + 90, headY + 10, { steps: 10 });
  await page.mouse.up();
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);
  await expect(page.getByTestId('status-message')).toContainText('Keyed yaw +');

  // The tab is reloaded before anything was saved: the work is offered back, key included.
  await expect(page.getByTestId('project-save-state')).toContainText('autosaved', { timeout: 15_000 });
  await page.reload();
  const recover = page.getByTestId('recover-dialog');
  await expect(recover).toBeVisible({ timeout: 20_000 });
  await recover.getByTestId('untitled-recover').click();
  await expect(recover).toHaveCount(0);
  await expect(timeline.keysOf('yawDeg')).toHaveCount(1);

  // Export, the place chosen in the file browser (the studio's data folder), the name as offered.
  await page.getByTestId('btn-export').click();
  await expect(studio.exportDialog).toBeVisible();
  await page.getByTestId('export-field-width').fill('256');
  await page.getByTestId('export-field-width').press('Enter');
  await page.getByTestId('export-field-height').fill('256');
  await page.getByTestId('export-field-height').press('Enter');
  await page.getByTestId('export-browse').click();
  const browser = studio.exportDialog.getByTestId('file-browser');
  await expect(browser).toHaveAttribute('data-state', 'ready');
  await browser.getByTestId('file-root').filter({ hasText: 'Studio data' }).click();
  await expect(browser).toHaveAttribute('data-folder', join(scratchDir, 'data'));
  const outPath = await page.getByTestId('export-path').inputValue();
  expect(outPath.startsWith(join(scratchDir, 'data'))).toBe(true);
  expect(outPath.endsWith('.mp4')).toBe(true);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 120_000 });
  await studio.screenshot('new-user-exported');
  expect(existsSync(outPath)).toBe(true);
  const probe = spawnSync(FFPROBE, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,width,height', '-of', 'csv=p=0', outPath], { encoding: 'utf8' });
  expect(probe.status, probe.stderr).toBe(0);
  expect(probe.stdout.trim()).toMatch(/^256,256,\d+$/);
  expect(consoleMessages, 'the console through the whole session').toEqual([]);
});

test('lanes and labels are readable at 1280x720 and 1920x1080; the preview keeps 360 px; zoomed, every lane scrolls into view', async ({ page, webHost }) => {
  const studio = new StudioPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await studio.goto(webHost.url);
  await studio.expectReady();
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const channel of CHANNELS) {
      const row = page.getByTestId(`lane-row-${channel}`);
      const measured = await row.evaluate((el) => {
        const size = (selector: string) => Number.parseFloat(getComputedStyle(el.querySelector(selector) ?? el).fontSize);
        const label = el.querySelector('.key-header-name');
        return { heightPx: el.getBoundingClientRect().height, labelPx: size('.key-header-name'), valuePx: size('.key-header-value'), labelCut: label === null || label.scrollWidth > label.clientWidth };
      });
      expect(measured.labelCut, `${channel} label shown whole`).toBe(false);
      expect(measured.heightPx, `${channel} lane at ${width}x${height}`).toBeGreaterThanOrEqual(26);
      expect(measured.labelPx, `${channel} label`).toBeGreaterThanOrEqual(12);
      expect(measured.valuePx, `${channel} value readout`).toBeGreaterThanOrEqual(12);
    }
    const previewPx = (await page.getByTestId('preview-panel').boundingBox())?.height ?? 0;
    expect(previewPx, `the preview panel at ${width}x${height}`).toBeGreaterThanOrEqual(360 + 26);
    await studio.screenshot(`new-user-lanes-${width}x${height}`);
  }

  // Zoomed in at 1280x720: the timeline scrolls, and each lane, the last one too, can be brought fully into view.
  await page.setViewportSize({ width: 1280, height: 720 });
  const zoom = page.getByTestId('timeline-zoom');
  await zoom.fill((await zoom.getAttribute('max')) ?? '40');
  const scroller = page.locator('.timeline-scroll');
  for (const channel of [CHANNELS[0], CHANNELS[CHANNELS.length - 1]]) {
    const row = page.getByTestId(`lane-row-${channel}`);
    await row.scrollIntoViewIfNeeded();
    const lane = await row.boundingBox();
    const box = await scroller.boundingBox();
    if (lane === null || box === null) throw new Error('no lane or timeline box');
    expect(lane.y, `${channel} top`).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(lane.y + lane.height, `${channel} bottom`).toBeLessThanOrEqual(box.y + box.height + 0.5);
  }
  await studio.screenshot('new-user-lanes-zoomed-1280x720');
});
