import { parseArgs } from 'node:util';
import type { FarmJobView } from '../../src-shared/farm/farm-job-view.js';
import { StudioError } from '../../src-shared/util/result.js';
import { FarmClient } from '../farm/farm-client.js';
import { checkReachable, checkRedisUrl, openRedis } from '../farm/farm-redis.js';
import { SharedFolderStorage } from '../farm/shared-folder-storage.js';

export const JOBS_USAGE = `aniportrait jobs --redis URL [list | cancel ID | retry ID] [--json] [--storage DIR]`;

export const JOBS_HELP = `Usage: ${JOBS_USAGE}

  list (default)           every job: state, progress, ETA, attempts, output; and the workers
  cancel ID                a waiting job leaves the queue; a running one is stopped by its worker
                           (its ffmpeg too) and fails as cancelled, no output written
  retry ID                 a failed or completed job runs again
  --json                   list as JSON
  --storage DIR            (list) show outputs as paths in the shared folder
`;

/** `aniportrait jobs`: the farm's jobs, and cancel / retry one. */
export async function jobsCommand(args: string[], log: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { redis: { type: 'string' }, storage: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
  const redisUrl = checkRedisUrl(values.redis);
  const [action = 'list', id, ...extra] = positionals;
  if (extra.length > 0 || !['list', 'cancel', 'retry'].includes(action) || (action !== 'list' && id === undefined)) throw new StudioError('invalid-request', `Usage: ${JOBS_USAGE}`);
  const storage = values.storage === undefined ? null : new SharedFolderStorage(values.storage);
  const redis = openRedis(redisUrl, log);
  const client = new FarmClient(redis, (name) => storage?.outputLocation(name) ?? `outputs/${name}`);
  try {
    await checkReachable(redis, redisUrl);
    if (action === 'cancel') {
      const outcome = await client.cancel(id);
      log(outcome === 'removed' ? `job ${id} removed from the queue (it had not started)` : outcome === 'stopping' ? `job ${id}: its worker is stopping it` : `job ${id} had already finished`);
      return outcome === 'already-finished' ? 1 : 0;
    }
    if (action === 'retry') {
      await client.retry(id);
      log(`job ${id} is queued again`);
      return 0;
    }
    const jobs = await client.list();
    const workers = await client.workers();
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ workers, jobs }, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`${workers.length} worker(s)${workers.map((w) => `\n  ${w.name}: ${w.queues.join(', ')}`).join('')}\n`);
    process.stdout.write(`${jobs.map(formatJob).join('\n')}${jobs.length > 0 ? '\n' : 'no jobs\n'}`);
    return 0;
  } finally {
    await client.close();
    redis.disconnect();
  }
}

function formatJob(job: FarmJobView): string {
  const progress = job.progress ? `${Math.round(job.progress.fraction * 100)}%` : '';
  const eta = job.etaSec !== null && job.state === 'active' ? ` ETA ${job.etaSec} s` : '';
  const attempts = `attempt ${job.attemptsStarted}${job.stalledCount > 0 ? `, ${job.stalledCount} takeover(s)` : ''}${job.state === 'failed' ? ` of at most ${job.maxAttempts}` : ''}`;
  const detail = job.state === 'failed' ? `: ${job.failedReason ?? ''}` : job.state === 'completed' && job.result ? ` -> ${job.outputLocation} (${job.result.frameCount} frames, ${job.result.worker})` : job.progress ? ` on ${job.progress.worker}` : '';
  return `${job.id}  ${job.state.padEnd(11)} ${progress.padStart(4)}${eta}  ${job.title} -> ${job.outName} [${job.engines.join('+')}] (${attempts})${detail}`;
}
