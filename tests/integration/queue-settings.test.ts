// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_QUEUE_SETTINGS_FILE, SETTINGS_FILE, StudioSettingsStore } from '../../src-main/files/studio-settings-store.js';
import { FarmClient } from '../../src-main/farm/farm-client.js';
import { openRedis } from '../../src-main/farm/farm-redis.js';
import { NO_NATIVE_DIALOGS } from '../../src-main/services/dialogs.js';
import type { PushOf } from '../../src-shared/ipc/contract.js';
import { redisServerInstalled, TestRedis } from '../helpers/redis-server.js';
import { studioServices } from '../helpers/studio-caller.js';

const withRedis = redisServerInstalled();
let redis: TestRedis | null = null;
beforeAll(async () => {
  if (withRedis) redis = await TestRedis.start();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});
const redisUrl = () => {
  if (redis === null) throw new Error('no test redis');
  return redis.url;
};

describe('one settings store for the studio and its render queue', () => {
  it('takes an existing queue-settings.json in once, then removes it; settings:update cannot write the queue part', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-settings-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const legacy = { redisUrl: 'redis://farm.example:6379', storageDir: '/mnt/farm', localWorker: false };
    writeFileSync(join(dataDir, LEGACY_QUEUE_SETTINGS_FILE), JSON.stringify(legacy));
    writeFileSync(join(dataDir, SETTINGS_FILE), JSON.stringify({ recentFolders: ['/r'], exportTargets: {}, layout: {} }));
    const store = new StudioSettingsStore(dataDir);
    expect(await store.get()).toEqual({ recentFolders: ['/r'], exportTargets: {}, layout: {}, queue: legacy });
    expect(existsSync(join(dataDir, LEGACY_QUEUE_SETTINGS_FILE))).toBe(false);
    // Once: a later queue-settings.json (an old studio still running) does not override the store.
    writeFileSync(join(dataDir, LEGACY_QUEUE_SETTINGS_FILE), JSON.stringify({ ...legacy, redisUrl: 'redis://other:1' }));
    expect((await new StudioSettingsStore(dataDir).get()).queue).toEqual(legacy);
    // Other updates keep the queue part.
    const updated = await store.update({ layout: { timelineHeightPx: 240 } });
    expect(updated.queue).toEqual(legacy);
    expect(JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8'))).toMatchObject({ layout: { timelineHeightPx: 240 }, queue: legacy });
    // A damaged legacy file is dropped, not migrated.
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, LEGACY_QUEUE_SETTINGS_FILE), '{ damaged');
    expect(await new StudioSettingsStore(other).get()).toEqual({ recentFolders: [], exportTargets: {}, layout: {} });
    expect(existsSync(join(other, LEGACY_QUEUE_SETTINGS_FILE))).toBe(false);

    const { call } = studioServices({ root, dataDir });
    const sneaky = await call('settings:update', { queue: { ...legacy, storageDir: '/etc' } } as never);
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await call('queue:settings', {})).ok && (await call('queue:settings', {}))).toMatchObject({ value: legacy });
  });
});

describe.skipIf(!withRedis)('the farm storage folder is one the user chose', () => {
  it('web host: the default, or an existing folder its file browser shows; a typed folder elsewhere is refused', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-storage-web-'));
    const home = join(root, 'home');
    mkdirSync(join(home, 'farm'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    const { call, value } = studioServices({ root, host: 'web', browseRoots: [{ name: 'Home', path: home }] });
    const defaults = await value(call('queue:settings', {}));
    expect(defaults.storageDir).toBe(join(root, 'data', 'farm'));
    // The default is created when first used.
    expect((await value(call('queue:set-settings', { ...defaults, redisUrl: redisUrl(), localWorker: false }))).storageDir).toBe(join(root, 'data', 'farm'));
    expect(existsSync(join(root, 'data', 'farm', 'outputs'))).toBe(true);
    const outside = await call('queue:set-settings', { redisUrl: redisUrl(), storageDir: join(root, 'elsewhere'), localWorker: false });
    expect(outside).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!outside.ok && outside.error.message).toMatch(/The farm storage folder ".*elsewhere" is outside the folders the studio may write to.*Choose a folder in the file browser/);
    expect(existsSync(join(root, 'elsewhere', 'outputs'))).toBe(false);
    const missing = await call('queue:set-settings', { redisUrl: redisUrl(), storageDir: join(home, 'nope'), localWorker: false });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const chosen = await value(call('queue:set-settings', { redisUrl: redisUrl(), storageDir: join(home, 'farm'), localWorker: false }));
    expect(chosen.storageDir).toBe(join(home, 'farm'));
    expect(existsSync(join(home, 'farm', 'bundles'))).toBe(true);
    // Saved: the one store holds it.
    expect(JSON.parse(readFileSync(join(root, 'data', SETTINGS_FILE), 'utf8'))).toMatchObject({ queue: { storageDir: join(home, 'farm') } });
  });

  it('Electron: only a folder chosen in the native folder dialog of this session (or the default, or the one saved)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-storage-electron-'));
    const picked = join(root, 'picked');
    const typed = join(root, 'typed');
    mkdirSync(picked);
    mkdirSync(typed);
    const dialogs = { ...NO_NATIVE_DIALOGS, pickFolder: () => Promise.resolve(picked) };
    const { call, value } = studioServices({ root, host: 'electron', dialogs });
    const refused = await call('queue:set-settings', { redisUrl: redisUrl(), storageDir: typed, localWorker: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toMatch(/The farm storage folder ".*typed" was not chosen.*Choose folder/);
    expect(await value(call('dialog:pick-folder', { purpose: 'farm-storage' }))).toEqual({ path: picked });
    expect((await value(call('queue:set-settings', { redisUrl: redisUrl(), storageDir: picked, localWorker: false }))).storageDir).toBe(picked);
    // A new session (the studio restarted) may keep the saved folder without a dialog.
    const again = studioServices({ root, host: 'electron', dialogs: NO_NATIVE_DIALOGS });
    expect((await again.value(again.call('queue:set-settings', { redisUrl: redisUrl(), storageDir: picked, localWorker: false }))).storageDir).toBe(picked);
  });
});

describe.skipIf(!withRedis)('queue:watch pushes the queue instead of being polled', () => {
  it('pushes the list at once and again when a job changes; jobs:cancel ends the watch; queue:read-output refuses an unfinished job', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-watch-'));
    const pushes: PushOf<'queue:did-change'>[] = [];
    const { call, value } = studioServices({
      root,
      host: 'web',
      onPush: (channel, payload) => {
        if (channel === 'queue:did-change') pushes.push(payload as PushOf<'queue:did-change'>);
      },
    });
    const settings = await value(call('queue:settings', {}));
    await value(call('queue:set-settings', { ...settings, redisUrl: redisUrl(), localWorker: false }));
    const watching = call('queue:watch', { watchId: 'panel-1' });
    await expect.poll(() => pushes.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(pushes[0]).toMatchObject({ watchId: 'panel-1', jobs: [] });
    // Another machine submits (the CLI's submit): the watch hears it from Redis.
    const farmRedis = openRedis(redisUrl(), () => {});
    const farm = new FarmClient(farmRedis);
    const jobId = await farm.submit({ data: { bundleKey: `${'ab'.repeat(32)}.json`, outName: 'watched.mp4', engines: ['builtin'], title: 'Watched' } });
    // No worker runs: the job waits, and its arrival was pushed.
    await expect.poll(() => pushes.at(-1)?.jobs.map((j) => [j.id, j.state]), { timeout: 10_000 }).toEqual([[jobId, 'waiting']]);
    expect(await call('queue:read-output', { jobId })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await value(call('queue:cancel', { jobId }));
    await expect.poll(() => pushes.at(-1)?.jobs.length, { timeout: 10_000 }).toBe(0);
    await value(call('jobs:cancel', { jobId: 'panel-1' }));
    expect(await watching).toEqual({ ok: true, value: {} });
    await farm.close();
    farmRedis.disconnect();
  }, 60_000);
});
