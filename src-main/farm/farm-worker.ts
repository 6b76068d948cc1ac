import { mkdir, readdir, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import type { EngineId } from '../../src-shared/project/project-schema.js';
import { queueNamesServedBy } from '../../src-shared/farm/farm-queues.js';
import { AniPortraitModelSource } from '../pipeline/aniportrait-model-source.js';
import { onCancelRequests } from './farm-cancel.js';
import { checkReachable, openRedis, redactedUrl } from './farm-redis.js';
import type { FarmStorage } from './farm-storage.js';
import { processFarmJob } from './process-farm-job.js';
import { isRunning } from '../util/process-running.js';

/** BullMQ's stalled-job detection, in seconds (BullMQ's defaults: 30, 30, 1). */
export interface StallSettings {
  /** A job's lock lives this long unless its worker renews it (every half of it). */
  readonly lockSec: number;
  /** How often workers look for jobs whose lock expired (their worker died) and requeue them. */
  readonly stalledCheckSec: number;
  /** How often one job may be taken over after a stall before it fails ("stalled more than allowable limit"). */
  readonly maxStalledCount: number;
}

export const DEFAULT_STALL_SETTINGS: StallSettings = { lockSec: 30, stalledCheckSec: 30, maxStalledCount: 1 };

export interface FarmWorkerOptions {
  readonly redisUrl: string;
  readonly storage: FarmStorage;
  readonly engines: readonly EngineId[];
  /** Jobs at once per engine set this worker serves. */
  readonly concurrency: number;
  readonly modelsDir: string;
  readonly providers?: readonly ('cuda' | 'dml' | 'cpu')[];
  readonly stall: StallSettings;
  readonly log: (line: string) => void;
}

export interface FarmWorkerHandle {
  readonly name: string;
  readonly queues: readonly string[];
  /** Stops taking jobs; running ones are aborted (ffmpeg stopped, no file left) and go back to the queue. */
  close(): Promise<void>;
}

/**
 * A farm worker: one BullMQ Worker per queue its engines can serve, jobs processed by
 * processFarmJob, cancel requests from Redis pub/sub, Redis outages ridden out by reconnecting.
 */
export async function startFarmWorker(options: FarmWorkerOptions): Promise<FarmWorkerHandle> {
  const { log } = options;
  const name = `${hostname()}:${process.pid}`;
  const redis = openRedis(options.redisUrl, log);
  await checkReachable(redis, options.redisUrl);
  const subscriber = redis.duplicate();
  const scratchRoot = await ownScratchFolder(log);
  const models = new AniPortraitModelSource(options.modelsDir, options.providers, (warning) => log(`warning: ${warning}`));
  const queues = queueNamesServedBy(options.engines);
  const deps = { storage: options.storage, redis, models, modelsDir: options.modelsDir, workerName: name, scratchRoot };
  const workers = queues.map((queue) => {
    const worker = new Worker(queue, (job, _token, signal) => processFarmJob(job, signal, deps), {
      connection: redis,
      concurrency: options.concurrency,
      name,
      lockDuration: options.stall.lockSec * 1000,
      stalledInterval: options.stall.stalledCheckSec * 1000,
      maxStalledCount: options.stall.maxStalledCount,
    });
    worker.on('active', (job) => log(`job ${job.id} started (attempt ${job.attemptsStarted}, ${job.stalledCounter} takeover(s) after a stalled worker)`));
    worker.on('completed', (job) => log(`job ${job.id} done: ${options.storage.outputLocation(String((job.data as { outName?: string }).outName))}`));
    worker.on('failed', (job, error) => log(`job ${job?.id ?? '?'} failed: ${error.message}`));
    worker.on('stalled', (jobId) => log(`job ${jobId} stalled (its worker stopped answering); back in the queue`));
    worker.on('error', (error) => log(`warning: ${error.message}`));
    return worker;
  });
  await onCancelRequests(subscriber, (jobId) => {
    for (const worker of workers) if (worker.cancelJob(jobId, 'cancel')) log(`job ${jobId}: cancel requested; stopping it`);
  });
  log(`worker ${name} on ${redactedUrl(options.redisUrl)}, storage ${options.storage.description}, engines ${options.engines.join(',')}, ${options.concurrency} job(s) at once per queue (${queues.join(', ')})`);
  return {
    name,
    queues,
    close: async () => {
      for (const worker of workers) worker.cancelAllJobs('shutdown');
      await Promise.all(workers.map((w) => w.close()));
      await models.dispose();
      await rm(scratchRoot, { recursive: true, force: true });
      subscriber.disconnect();
      await redis.quit().catch(() => undefined);
    },
  };
}

/**
 * This process's scratch folder, <temp>/aniportrait-worker/<pid>; the folders of workers of this
 * machine that are gone (killed mid-job: a half video and its lock) are removed first.
 */
async function ownScratchFolder(log: (line: string) => void): Promise<string> {
  const parent = join(tmpdir(), 'aniportrait-worker');
  await mkdir(parent, { recursive: true });
  for (const entry of await readdir(parent)) {
    const pid = Number(entry);
    if (!/^\d+$/.test(entry) || pid === process.pid || isRunning(pid)) continue;
    await rm(join(parent, entry), { recursive: true, force: true });
    log(`removed the scratch folder of worker process ${pid}, which is gone`);
  }
  const own = join(parent, String(process.pid));
  await mkdir(own, { recursive: true });
  return own;
}

