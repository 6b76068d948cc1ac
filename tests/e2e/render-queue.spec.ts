import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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
    const storage = join(scratchDir, 'farm');
    mkdirSync(storage);
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
    await panel.getByTestId('queue-storage').fill(storage);
    await expect(panel.getByTestId('queue-local-worker')).toBeChecked();
    await panel.getByTestId('queue-save-settings').click();
    await expect(panel.getByTestId('queue-workers')).toContainText('1 worker(s)');

    await panel.getByTestId('queue-out-name').fill('queued.mp4');
    await panel.getByTestId('queue-send').click();
    const row = panel.getByTestId('queue-job');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-state', 'completed', { timeout: 90_000 });
    await expect(row.getByTestId('queue-job-open')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('render-queue.png') });

    const out = join(storage, 'outputs', 'queued.mp4');
    expect(existsSync(out)).toBe(true);
    const probe = spawnSync(FFPROBE, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,width,height', '-of', 'csv=p=0', out], { encoding: 'utf8' });
    expect(probe.status, probe.stderr).toBe(0);
    expect(probe.stdout.trim()).toMatch(/^512,512,\d+$/);

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
