import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { outputNameProblem } from '../../src-shared/farm/farm-job.js';
import { requiredEngines } from '../../src-shared/farm/farm-queues.js';
import { StudioError } from '../../src-shared/util/result.js';
import { FarmClient } from '../farm/farm-client.js';
import { checkReachable, checkRedisUrl, openRedis } from '../farm/farm-redis.js';
import { packBundle } from '../farm/pack-bundle.js';
import { FARM_OPTIONS, FARM_OPTIONS_HELP, storageOf } from './farm-options.js';
import { JOB_OPTIONS, RENDER_ONLY_OPTIONS, jobFromArgs } from './job-args.js';
import { parseDecimalInteger } from './parse-number.js';
import { createProgressBar } from './progress-bar.js';

export const SUBMIT_USAGE = `aniportrait submit --redis URL --storage DIR (--project P.aniproj | --image P --audio A) --out NAME.mp4
                 [--priority N] [--attempts N] [--wait] [any render flag but --models and --providers]`;

export const SUBMIT_HELP = `Usage: ${SUBMIT_USAGE}

Queues a render on the farm: the job and its files are copied into the storage (by content, each
file once), and the job id is printed. A worker with the job's engines renders it to
DIR/outputs/NAME.mp4 (replaced only when complete). --wait shows a progress bar and exits as the job
ends: 0 done, 1 failed (its message is the one a local render gives).

${FARM_OPTIONS_HELP}
  --out NAME.mp4           the output's file name in DIR/outputs
  --priority N             1 runs first, larger later, 1..2097152 (default: in order of submission)
  --attempts N             tries of a job that fails for a passing reason, 1..20 (default 3); bad
                           input fails at once, a dead worker's job is taken over (worker --max-stalled)
  --wait                   follow the job to its end
  render flags             as "aniportrait render --help" describes (the workers supply --models, --providers)
`;

const { models: _models, providers: _providers, ...JOB_FLAGS } = JOB_OPTIONS;
const OPTIONS = { ...FARM_OPTIONS, ...JOB_FLAGS, ...RENDER_ONLY_OPTIONS, priority: { type: 'string' }, attempts: { type: 'string' }, wait: { type: 'boolean' } } as const;

/** `aniportrait submit`: a render job onto the farm's queue; returns the exit code (with --wait, the job's). */
export async function submitCommand(args: string[], log: (line: string) => void, signal: AbortSignal): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const redisUrl = checkRedisUrl(values.redis);
  if (values.out === undefined) throw new StudioError('invalid-request', `--out NAME.mp4 is required.\n${SUBMIT_USAGE}`);
  const nameProblem = outputNameProblem(values.out);
  if (nameProblem !== null) throw new StudioError('invalid-request', nameProblem);
  const priority = values.priority === undefined ? undefined : parseDecimalInteger(values.priority, '--priority', 1, 2097152);
  const attempts = values.attempts === undefined ? undefined : parseDecimalInteger(values.attempts, '--attempts', 1, 20);
  const { job } = await jobFromArgs(values, SUBMIT_USAGE, 'render');
  const storage = await storageOf(values.storage);
  const redis = openRedis(redisUrl, log);
  const client = new FarmClient(redis, (name) => storage.outputLocation(name));
  try {
    await checkReachable(redis, redisUrl);
    const project = job.project ? { dir: job.project.dir, name: basename(job.project.dir) } : null;
    const bundleKey = await packBundle(job, storage, project);
    const title = project?.name ?? `${basename(job.photo.path)} + ${basename(job.audio.path)}`;
    const jobId = await client.submit({ data: { bundleKey, outName: values.out, engines: requiredEngines(job.engines), title }, ...(priority !== undefined ? { priority } : {}), ...(attempts !== undefined ? { attempts } : {}) });
    process.stdout.write(`${jobId}\n`);
    if (!values.wait) return 0;
    const bar = createProgressBar('Rendering', process.stderr, '');
    const result = await client.waitFor(jobId, (p) => bar.update(Math.round(p.fraction * 1000), 1000), signal).catch((error: unknown) => {
      if (error instanceof StudioError && error.code !== 'cancelled' && !signal.aborted) {
        log(`\naniportrait submit: job ${jobId} failed: ${error.message}`);
        return null;
      }
      throw error;
    });
    if (result === null) return 1;
    log(`wrote ${storage.outputLocation(result.outName)}: ${result.widthPx}x${result.heightPx}, ${result.frameCount} frames at ${result.fps} fps on ${result.worker}`);
    return 0;
  } finally {
    await client.close();
    redis.disconnect();
  }
}
