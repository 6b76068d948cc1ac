import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { allQueueNames, requiredEngines } from '../../src-shared/farm/farm-queues.js';
import type { FarmJobView, FarmWorkerView } from '../../src-shared/farm/farm-job-view.js';
import type { QueueSettings } from '../../src-shared/ipc/contract.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { ENGINES } from '../../src-shared/project/project-schema.js';
import { FarmClient } from '../farm/farm-client.js';
import { checkReachable, openRedis } from '../farm/farm-redis.js';
import type { FarmWorkerHandle } from '../farm/farm-worker.js';
import { DEFAULT_STALL_SETTINGS, startFarmWorker } from '../farm/farm-worker.js';
import { packBundle } from '../farm/pack-bundle.js';
import { SharedFolderStorage } from '../farm/shared-folder-storage.js';
import type { StudioSettingsStore } from '../files/studio-settings-store.js';
import { StudioError } from '../../src-shared/util/result.js';
import { toStudioFsError } from '../util/fs-errors.js';
import type { StudioPipeline } from './studio-pipeline.js';

/** A watch pushes the list again at least this often: workers come and go without a job event. */
export const WATCH_FALLBACK_MS = 5000;
/** A watch ends after this long (the panel watches again), so a window gone without a word costs little. */
export const WATCH_MAX_MS = 10 * 60 * 1000;
/** Job events closer together than this are pushed as one list. */
const WATCH_COALESCE_MS = 150;
/** Largest output queue:read-output sends to the web host's page. */
export const MAX_OUTPUT_READ_BYTES = 1024 * 1024 * 1024;

export interface QueueList {
  readonly jobs: FarmJobView[];
  readonly workers: FarmWorkerView[];
}

interface Connection {
  readonly key: string;
  readonly redis: Redis;
  readonly client: FarmClient;
  readonly storage: SharedFolderStorage;
}

/**
 * The studio's render queue: the farm's client (submit the open project, list, cancel, retry) on
 * the Redis and storage of its settings, and, for the local queue, a farm worker inside the studio.
 * The jobs live in Redis, so the queue outlives the studio.
 */
export class QueueService {
  private settings: QueueSettings | null = null;
  private connection: Connection | null = null;
  private worker: { readonly key: string; readonly handle: Promise<FarmWorkerHandle> } | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly store: StudioSettingsStore,
    private readonly pipeline: StudioPipeline,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`render queue: ${line}\n`),
  ) {}

  /** With saved settings that ask for it, the local worker starts with the studio (queued jobs go on). */
  async resume(): Promise<void> {
    if ((await this.readSaved()) === null) return;
    const settings = await this.getSettings();
    if (settings.localWorker) await this.open().then(() => this.ensureWorker(settings), (error: unknown) => this.log(error instanceof Error ? error.message : String(error)));
  }

  /** `<data folder>/farm`: the storage of the local queue, created when first used. */
  get defaultStorageDir(): string {
    return join(this.dataDir, 'farm');
  }

  async getSettings(): Promise<QueueSettings> {
    this.settings ??= (await this.readSaved()) ?? { redisUrl: 'redis://127.0.0.1:6379', storageDir: this.defaultStorageDir, localWorker: true };
    return this.settings;
  }

  /** The storage folder the saved settings name, or null (nothing saved yet). */
  async savedStorageDir(): Promise<string | null> {
    return (await this.readSaved())?.storageDir ?? null;
  }

  /** Saves settings whose storage folder the caller checked (checkStorageFolder), then connects. */
  async setSettings(settings: QueueSettings): Promise<QueueSettings> {
    await this.store.setQueue(settings);
    this.settings = settings;
    await this.open();
    return settings;
  }

  async submit(workDir: string, document: ProjectDocument, outName: string, priority: number | undefined): Promise<string> {
    const { client, storage } = await this.open();
    const job = this.pipeline.job(workDir, document);
    const bundleKey = await packBundle(job, storage, null);
    return client.submit({ data: { bundleKey, outName, engines: requiredEngines(job.engines), title: document.name }, ...(priority !== undefined ? { priority } : {}) });
  }

  async list(): Promise<QueueList> {
    const { client } = await this.open();
    return { jobs: await client.list(), workers: await client.workers() };
  }

  /**
   * Calls `onChange` with the list at once, after every job event of the farm's queues (BullMQ's
   * QueueEvents: added, active, progress, completed, failed, removed, stalled; close ones coalesced)
   * and at least every WATCH_FALLBACK_MS; until `signal` aborts, `onChange` throws (its window is
   * gone) or WATCH_MAX_MS passed.
   */
  async watch(signal: AbortSignal, onChange: (list: QueueList) => void): Promise<void> {
    const { redis } = await this.open();
    const events = allQueueNames().map((name) => new QueueEvents(name, { connection: redis.duplicate() }));
    const stop = new AbortController();
    const stopAll = () => stop.abort();
    signal.addEventListener('abort', stopAll, { once: true });
    const maxTimer = setTimeout(stopAll, WATCH_MAX_MS);
    let pending: NodeJS.Timeout | null = null;
    let sending = Promise.resolve();
    const send = () => {
      sending = sending.then(async () => {
        if (stop.signal.aborted) return;
        try {
          onChange(await this.list());
        } catch (error) {
          this.log(`stopped a queue watch: ${error instanceof Error ? error.message : String(error)}`);
          stopAll();
        }
      });
    };
    const soon = () => {
      pending ??= setTimeout(() => {
        pending = null;
        send();
      }, WATCH_COALESCE_MS);
    };
    const fallback = setInterval(send, WATCH_FALLBACK_MS);
    try {
      for (const queueEvents of events) {
        for (const name of ['added', 'waiting', 'active', 'progress', 'completed', 'failed', 'removed', 'stalled', 'retries-exhausted'] as const) queueEvents.on(name, soon);
      }
      await Promise.all(events.map((e) => e.waitUntilReady()));
      send();
      if (!stop.signal.aborted) await new Promise((done) => stop.signal.addEventListener('abort', done, { once: true }));
    } finally {
      signal.removeEventListener('abort', stopAll);
      clearTimeout(maxTimer);
      clearInterval(fallback);
      if (pending) clearTimeout(pending);
      await Promise.all(events.map((e) => e.close().catch(() => undefined)));
    }
  }

  /**
   * The video of a completed job, read from the storage (the folder the user chose), for hosts
   * whose page cannot open the file itself (the web host: play it in the studio or download it).
   */
  async readOutput(jobId: string): Promise<{ fileName: string; path: string; data: ArrayBuffer }> {
    const { client, storage } = await this.open();
    const job = await client.get(jobId);
    if (job.state !== 'completed') throw new StudioError('invalid-request', `Job ${jobId} is ${job.state}; only a finished job has a video to show.`);
    const path = storage.outputLocation(job.outName);
    const sizeBytes = (await stat(path).catch((error: unknown) => { throw toStudioFsError(error, `the video "${path}"`); })).size;
    if (sizeBytes > MAX_OUTPUT_READ_BYTES) throw new StudioError('too-large', `The video "${path}" is ${Math.round(sizeBytes / 1048576)} MiB, more than the studio sends to the page (${MAX_OUTPUT_READ_BYTES / 1048576} MiB). Open it from the storage folder.`);
    const bytes = await readFile(path).catch((error: unknown) => { throw toStudioFsError(error, `the video "${path}"`); });
    return { fileName: job.outName, path, data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
  }

  async cancel(jobId: string): Promise<'removed' | 'stopping' | 'already-finished'> {
    return (await this.open()).client.cancel(jobId);
  }

  async retry(jobId: string): Promise<void> {
    await (await this.open()).client.retry(jobId);
  }

  /** The connection of the current settings (a new one when they changed), Redis checked; the local worker follows the settings. */
  private async open(): Promise<Connection> {
    const settings = await this.getSettings();
    const key = `${settings.redisUrl}\n${settings.storageDir}`;
    if (this.connection?.key !== key) {
      const old = this.connection;
      this.connection = null;
      if (old) {
        await old.client.close();
        old.redis.disconnect();
      }
      const storage = new SharedFolderStorage(settings.storageDir);
      const redis = openRedis(settings.redisUrl, this.log);
      this.connection = { key, redis, client: new FarmClient(redis, (name) => storage.outputLocation(name)), storage };
    }
    const connection = this.connection;
    if (resolve(settings.storageDir) === resolve(this.defaultStorageDir)) {
      await mkdir(this.defaultStorageDir, { recursive: true }).catch((error: unknown) => { throw toStudioFsError(error, `the farm storage folder "${this.defaultStorageDir}"`); });
    }
    await connection.storage.open();
    await checkReachable(connection.redis, settings.redisUrl, 3000);
    await this.ensureWorker(settings);
    return connection;
  }

  private async ensureWorker(settings: QueueSettings): Promise<void> {
    const key = settings.localWorker ? `${settings.redisUrl}\n${settings.storageDir}` : '';
    if ((this.worker?.key ?? '') === key) return;
    const old = this.worker;
    this.worker = null;
    if (old) await (await old.handle.catch(() => null))?.close();
    if (!settings.localWorker) return;
    const handle = startFarmWorker({
      redisUrl: settings.redisUrl,
      storage: new SharedFolderStorage(settings.storageDir),
      engines: [...ENGINES],
      concurrency: 1,
      modelsDir: this.pipeline.modelsDir,
      stall: DEFAULT_STALL_SETTINGS,
      log: this.log,
    });
    this.worker = { key, handle };
    handle.catch(() => {
      if (this.worker?.handle === handle) this.worker = null;
    });
    await handle;
  }

  private async readSaved(): Promise<QueueSettings | null> {
    return (await this.store.get()).queue ?? null;
  }
}
