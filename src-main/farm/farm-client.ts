import { randomBytes } from 'node:crypto';
import type { Job } from 'bullmq';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FarmJobData, FarmProgress, FarmResult } from '../../src-shared/farm/farm-job.js';
import { farmEtaSec, farmJobDataSchema, farmProgressSchema, farmResultSchema } from '../../src-shared/farm/farm-job.js';
import type { FarmJobState, FarmJobView, FarmWorkerView } from '../../src-shared/farm/farm-job-view.js';
import { FARM_JOB_STATES } from '../../src-shared/farm/farm-job-view.js';
import { allQueueNames, queueNameFor } from '../../src-shared/farm/farm-queues.js';
import { StudioError } from '../../src-shared/util/result.js';
import { clearCancel, requestCancel } from './farm-cancel.js';

/** How often a failing job is tried (a worker's death is a stall, counted apart: maxStalledCount). */
export const DEFAULT_ATTEMPTS = 3;

export interface SubmitOptions {
  readonly data: FarmJobData;
  /** BullMQ's priority: 1 runs first, larger later; undefined: in order of submission. */
  readonly priority?: number;
  readonly attempts?: number;
}

/** The farm's queues over one Redis connection: submit, list, cancel, retry, wait. */
export class FarmClient {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly redis: Redis,
    private readonly outputLocation: (name: string) => string = (name) => name,
  ) {}

  async submit(options: SubmitOptions): Promise<string> {
    const data = farmJobDataSchema.parse(options.data);
    const jobId = `job-${randomBytes(6).toString('hex')}`;
    await this.queue(queueNameFor(data.engines)).add('render', data, {
      jobId,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'fixed', delay: 1000 },
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
      removeOnComplete: { count: 5000 },
      removeOnFail: { count: 5000 },
    });
    return jobId;
  }

  /** Every job of every farm queue, newest first. */
  async list(): Promise<FarmJobView[]> {
    const views: FarmJobView[] = [];
    for (const name of allQueueNames()) {
      const jobs = await this.queue(name).getJobs(['active', 'waiting', 'prioritized', 'delayed', 'completed', 'failed'], 0, -1);
      for (const job of jobs) if (job) views.push(await this.view(job as Job));
    }
    return views.sort((a, b) => b.submittedAtMs - a.submittedAtMs);
  }

  async workers(): Promise<FarmWorkerView[]> {
    const byName = new Map<string, string[]>();
    for (const name of allQueueNames()) {
      for (const worker of await this.queue(name).getWorkers()) {
        // BullMQ names a worker's connection "<queue's client name>:w:<worker name>".
        const raw = worker.rawname ?? '';
        const workerName = raw.includes(':w:') ? raw.slice(raw.indexOf(':w:') + 3) : (worker.addr ?? 'worker');
        byName.set(workerName, [...(byName.get(workerName) ?? []), name]);
      }
    }
    return [...byName].map(([name, queues]) => ({ name, queues }));
  }

  async get(jobId: string): Promise<FarmJobView> {
    return this.view(await this.find(jobId));
  }

  /**
   * A job not started yet leaves the queue; a running one is stopped by its worker (its ffmpeg
   * too) and fails as cancelled, no output written. Says which.
   */
  async cancel(jobId: string): Promise<'removed' | 'stopping' | 'already-finished'> {
    const job = await this.find(jobId);
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') return 'already-finished';
    await requestCancel(this.redis, jobId);
    if (state !== 'active') {
      try {
        await job.remove();
        return 'removed';
      } catch {
        // It became active meanwhile: its worker got the request.
      }
    }
    return 'stopping';
  }

  /** A failed (or completed) job runs again, its attempts counted anew. */
  async retry(jobId: string): Promise<void> {
    const job = await this.find(jobId);
    const state = await job.getState();
    if (state !== 'failed' && state !== 'completed') throw new StudioError('invalid-request', `Job ${jobId} is ${state}; only a failed or completed job can be retried.`);
    await clearCancel(this.redis, jobId);
    await job.retry(state);
  }

  /**
   * Follows a job until it completes (its result) or fails (a StudioError with its reason); calls
   * `onProgress` on the way. `signal` stops following (the job itself goes on).
   */
  async waitFor(jobId: string, onProgress: (progress: FarmProgress) => void, signal?: AbortSignal): Promise<FarmResult> {
    const job = await this.find(jobId);
    const events = new QueueEvents(job.queueName, { connection: this.redis.duplicate() });
    try {
      await events.waitUntilReady();
      return await new Promise<FarmResult>((resolve, reject) => {
        const settle = async () => {
          const view = await this.get(jobId).catch(() => null);
          if (view === null) reject(new StudioError('cancelled', `Job ${jobId} was removed from the queue (cancelled before it started).`));
          else if (view.state === 'completed' && view.result) resolve(view.result);
          else if (view.state === 'failed') reject(new StudioError('internal', view.failedReason ?? 'The job failed.'));
        };
        events.on('progress', ({ jobId: id, data }) => {
          const progress = farmProgressSchema.safeParse(data);
          if (id === jobId && progress.success) onProgress(progress.data);
        });
        events.on('completed', ({ jobId: id }) => void (id === jobId && settle()));
        events.on('failed', ({ jobId: id }) => void (id === jobId && settle()));
        events.on('removed', ({ jobId: id }) => void (id === jobId && settle()));
        signal?.addEventListener('abort', () => reject(new StudioError('cancelled', `Stopped waiting; job ${jobId} goes on (aniportrait jobs cancel ${jobId} stops it).`)), { once: true });
        void settle();
      });
    } finally {
      await events.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  private async find(jobId: string): Promise<Job> {
    if (!/^[\w-]{1,64}$/.test(jobId)) throw new StudioError('invalid-request', `"${jobId}" is not a job id (aniportrait jobs list shows them).`);
    for (const name of allQueueNames()) {
      const job = (await this.queue(name).getJob(jobId)) as Job | undefined;
      if (job) return job;
    }
    throw new StudioError('not-found', `No job ${jobId} in the farm's queues (aniportrait jobs list shows them).`);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis });
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async view(snapshot: Job): Promise<FarmJobView> {
    const rawState = await snapshot.getState();
    // The job's fields were read before its state: one that finished in between already has the
    // finished state but not yet its reason or result, so it is read again.
    const finishedSince = (rawState === 'failed' || rawState === 'completed') && snapshot.finishedOn === undefined;
    const job = finishedSince ? (((await this.queue(snapshot.queueName).getJob(String(snapshot.id))) as Job | undefined) ?? snapshot) : snapshot;
    const state: FarmJobState = (FARM_JOB_STATES as readonly string[]).includes(rawState) ? (rawState as FarmJobState) : 'unknown';
    const data = farmJobDataSchema.safeParse(job.data);
    const progress = farmProgressSchema.safeParse(job.progress);
    const result = farmResultSchema.safeParse(job.returnvalue);
    const outName = data.success ? data.data.outName : '?';
    return {
      id: String(job.id),
      state,
      title: data.success ? data.data.title : '(not a render job)',
      outName,
      engines: data.success ? data.data.engines : [],
      priority: job.opts.priority ?? 0,
      progress: progress.success ? progress.data : null,
      etaSec: state === 'active' && progress.success && job.processedOn ? farmEtaSec(progress.data.fraction, job.processedOn, Date.now()) : null,
      attemptsStarted: job.attemptsStarted ?? 0,
      attemptsMade: job.attemptsMade ?? 0,
      maxAttempts: job.opts.attempts ?? 1,
      stalledCount: job.stalledCounter ?? 0,
      failedReason: state === 'failed' ? (job.failedReason ?? null) : null,
      result: state === 'completed' && result.success ? result.data : null,
      submittedAtMs: job.timestamp,
      startedAtMs: job.processedOn ?? null,
      finishedAtMs: job.finishedOn ?? null,
      outputLocation: this.outputLocation(outName),
    };
  }
}
