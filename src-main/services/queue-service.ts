import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { requiredEngines } from '../../src-shared/farm/farm-queues.js';
import type { FarmJobView, FarmWorkerView } from '../../src-shared/farm/farm-job-view.js';
import type { QueueSettings } from '../../src-shared/ipc/contract.js';
import { queueSettingsSchema } from '../../src-shared/ipc/contract.js';
import type { ProjectDocument } from '../../src-shared/project/project-schema.js';
import { ENGINES } from '../../src-shared/project/project-schema.js';
import { FarmClient } from '../farm/farm-client.js';
import { checkReachable, openRedis } from '../farm/farm-redis.js';
import type { FarmWorkerHandle } from '../farm/farm-worker.js';
import { DEFAULT_STALL_SETTINGS, startFarmWorker } from '../farm/farm-worker.js';
import { packBundle } from '../farm/pack-bundle.js';
import { SharedFolderStorage } from '../farm/shared-folder-storage.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { StudioPipeline } from './studio-pipeline.js';

const SETTINGS_FILE = 'queue-settings.json';

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
    private readonly pipeline: StudioPipeline,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`render queue: ${line}\n`),
  ) {}

  /** With saved settings that ask for it, the local worker starts with the studio (queued jobs go on). */
  async resume(): Promise<void> {
    if ((await this.readSaved()) === null) return;
    const settings = await this.getSettings();
    if (settings.localWorker) await this.open().then(() => this.ensureWorker(settings), (error: unknown) => this.log(error instanceof Error ? error.message : String(error)));
  }

  async getSettings(): Promise<QueueSettings> {
    this.settings ??= (await this.readSaved()) ?? { redisUrl: 'redis://127.0.0.1:6379', storageDir: join(this.dataDir, 'farm'), localWorker: true };
    return this.settings;
  }

  async setSettings(settings: QueueSettings): Promise<QueueSettings> {
    await writeFileAtomic(join(this.dataDir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`, 'the render queue settings');
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

  async list(): Promise<{ jobs: FarmJobView[]; workers: FarmWorkerView[] }> {
    const { client } = await this.open();
    return { jobs: await client.list(), workers: await client.workers() };
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
    try {
      const parsed = queueSettingsSchema.safeParse(JSON.parse(await readFile(join(this.dataDir, SETTINGS_FILE), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
