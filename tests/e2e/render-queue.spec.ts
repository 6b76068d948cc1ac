import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StudioPage } from './pages/StudioPage';
import { PORTRAIT, skipWithoutPortrait } from './support/portrait-fixture';
import { makeSpeechWav } from './support/speech-wav';
import { expect, test } from './support/web-host-fixture';
import { TestRedis, redisServerFound } from '../helpers/test-redis';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const FFPROBE = join(REPO_ROOT, 'node_modules', '@ffprobe-installer', 'linux-x64', 'ffprobe');
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';

test('the render queue: settings for a Redis and a storage, the project sent to the local queue, rendered by the studio\'s worker, still listed after a reload', async ({ page, webHost, scratchDir }) => {
  if (skipWithoutPortrait('the render queue e2e')) return;
  if (!redisServerFound()) {
    if (inCi) throw new Error('redis-server is missing: .ci/run installs it');
    test.skip(true, 'redis-server is not installed (apt-get install redis-server)');
    return;
  }
  const redis = await TestRedis.start();
  try {
    // Chosen in the file browser, not typed: the studio writes only where the user chose.
    const storage = join(scratchDir, 'data', 'farm-shared');
    const studio = new StudioPage(page);
    await studio.goto(webHost.url);
    await studio.expectReady();
    const wav = await makeSpeechWav(scratchDir);
    await studio.importPhoto(PORTRAIT);
    await studio.importAudio(wav.path);
    await expect(studio.statusBar).toContainText('Generated');

    await page.getByTestId('btn-queue').click();
    const panel = page.getByTestId('render-queue');
    await expect(panel).toBeVisible();
    await panel.getByTestId('queue-redis').fill(redis.url);
    await expect(panel.getByTestId('queue-storage')).toHaveText(join(scratchDir, 'data', 'farm'));
    await panel.getByTestId('queue-storage-choose').click();
    const browser = panel.getByTestId('queue-storage-browser').getByTestId('file-browser');
    await expect(browser).toHaveAttribute('data-state', 'ready');
    await browser.getByTestId('file-root').filter({ hasText: 'Studio data' }).click();
    await expect(browser).toHaveAttribute('data-folder', join(scratchDir, 'data'));
    await browser.getByTestId('file-new-folder').click();
    await browser.getByTestId('file-new-folder-name').fill('farm-shared');
    await browser.getByTestId('file-new-folder-create').click();
    await expect(browser).toHaveAttribute('data-folder', storage);
    await panel.getByTestId('queue-storage-use').click();
    await expect(panel.getByTestId('queue-storage')).toHaveText(storage);
    await expect(panel.getByTestId('queue-local-worker')).toBeChecked();
    await panel.getByTestId('queue-save-settings').click();
    await expect(panel.getByTestId('queue-workers')).toContainText('1 worker(s)');

    await panel.getByTestId('queue-out-name').fill('queued.mp4');
    await panel.getByTestId('queue-send').click();
    const row = panel.getByTestId('queue-job');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-state', 'completed', { timeout: 90_000 });
    // The job's progress and completion arrived as pushes (queue:watch): the panel does not poll.
    await expect(row.getByTestId('queue-job-open')).toBeVisible();
    // Show, on the web host: the full path, and the video itself, played in the studio or downloaded.
    await row.getByTestId('queue-job-open').click();
    const result = panel.getByTestId('queue-result');
    await expect(result.getByTestId('queue-result-path')).toHaveText(join(storage, 'outputs', 'queued.mp4'));
    await result.getByTestId('queue-result-play').click();
    const video = result.getByTestId('queue-result-video');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([512, 512]);
    const download = page.waitForEvent('download');
    await result.getByTestId('queue-result-download').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('queued.mp4');
    await saved.saveAs(join(scratchDir, 'downloaded.mp4'));
    await page.screenshot({ path: test.info().outputPath('render-queue.png') });
    await page.screenshot({ path: join(REPO_ROOT, 'tests', 'artifacts', 'render-queue-show.png') });

    const out = join(storage, 'outputs', 'queued.mp4');
    expect(existsSync(out)).toBe(true);
    const probe = spawnSync(FFPROBE, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,width,height', '-of', 'csv=p=0', out], { encoding: 'utf8' });
    expect(probe.status, probe.stderr).toBe(0);
    expect(probe.stdout.trim()).toMatch(/^512,512,\d+$/);
    // The download is the file in the storage, byte for byte.
    expect(readFileSync(join(scratchDir, 'downloaded.mp4')).equals(readFileSync(out))).toBe(true);

    // The queue lives in Redis and the settings in the data folder: a reload finds both.
    await page.reload();
    await studio.expectReady();
    // The untitled project was autosaved, so the studio offers it back first; go on with it.
    const recover = page.getByTestId('recover-dialog');
    await expect(recover).toBeVisible();
    await recover.getByTestId('untitled-recover').click();
    await expect(recover).toBeHidden();
    await page.getByTestId('btn-queue').click();
    await expect(page.getByTestId('queue-redis')).toHaveValue(redis.url);
    await expect(page.getByTestId('queue-job')).toHaveAttribute('data-state', 'completed');
  } finally {
    await redis.stop();
  }
});
