import type { Redis } from 'ioredis';

/**
 * Cancelling a running job reaches the worker that runs it through Redis pub/sub: every worker
 * subscribes, the one running the job aborts it (BullMQ's worker.cancelJob: the processor's
 * AbortSignal stops ffmpeg). A mark with a day's expiry also covers a job that starts just after.
 */
const CHANNEL = 'aniportrait-render:cancel';
const markKey = (jobId: string) => `aniportrait-render:cancelled:${jobId}`;
const MARK_TTL_SEC = 24 * 3600;

export async function requestCancel(redis: Redis, jobId: string): Promise<void> {
  await redis.set(markKey(jobId), '1', 'EX', MARK_TTL_SEC);
  await redis.publish(CHANNEL, jobId);
}

export async function isCancelRequested(redis: Redis, jobId: string): Promise<boolean> {
  return (await redis.exists(markKey(jobId))) === 1;
}

/** Forgets a cancel request (a retried job runs again). */
export async function clearCancel(redis: Redis, jobId: string): Promise<void> {
  await redis.del(markKey(jobId));
}

/** Calls `onCancel(jobId)` for every request; `subscriber` must be a connection of its own. */
export async function onCancelRequests(subscriber: Redis, onCancel: (jobId: string) => void): Promise<void> {
  subscriber.on('message', (channel: string, jobId: string) => {
    if (channel === CHANNEL) onCancel(jobId);
  });
  await subscriber.subscribe(CHANNEL);
}
