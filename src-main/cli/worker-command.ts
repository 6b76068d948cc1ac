import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseEngineList } from '../../src-shared/farm/farm-queues.js';
import { StudioError } from '../../src-shared/util/result.js';
import { DEFAULT_STALL_SETTINGS, startFarmWorker } from '../farm/farm-worker.js';
import { checkRedisUrl } from '../farm/farm-redis.js';
import { defaultModelsDir } from '../services/model-status.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import { FARM_OPTIONS, FARM_OPTIONS_HELP, storageOf } from './farm-options.js';
import { parseDecimalInteger } from './parse-number.js';

export const WORKER_USAGE = `aniportrait worker --redis URL --storage DIR [--concurrency N] [--engines builtin,aniportrait] [--models DIR]`;

export const WORKER_HELP = `Usage: ${WORKER_USAGE}

Runs render jobs from the farm's queue until stopped (SIGTERM, Ctrl+C: running jobs are stopped,
leave no file and go back to the queue). Takes only jobs whose engines it has. A worker that dies
(SIGKILL, power loss) has its job taken over by another one once the job's lock expires.

${FARM_OPTIONS_HELP}
  --concurrency N          jobs at once per engine set it serves, 1..64 (default 1; one per GPU)
  --engines LIST           the engines this machine runs: builtin, aniportrait (default builtin)
  --models DIR             (aniportrait) the exported models' folder (default as for render)
  --providers LIST         (aniportrait) execution providers to try, in order: cuda,dml,cpu
  --lock-sec N             a job's lock, renewed every N/2 s while it runs (default ${DEFAULT_STALL_SETTINGS.lockSec})
  --stalled-check-sec N    how often to look for jobs of dead workers (default ${DEFAULT_STALL_SETTINGS.stalledCheckSec})
  --max-stalled N          takeovers of one job before it fails (default ${DEFAULT_STALL_SETTINGS.maxStalledCount})
`;

const OPTIONS = {
  ...FARM_OPTIONS,
  concurrency: { type: 'string' },
  engines: { type: 'string' },
  models: { type: 'string' },
  providers: { type: 'string' },
  'lock-sec': { type: 'string' },
  'stalled-check-sec': { type: 'string' },
  'max-stalled': { type: 'string' },
} as const;

/** `aniportrait worker`: serves the farm's queues until `signal` stops it. */
export async function workerCommand(args: string[], log: (line: string) => void, signal: AbortSignal): Promise<void> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const redisUrl = checkRedisUrl(values.redis);
  const engines = parseEngineList(values.engines ?? 'builtin');
  if (typeof engines === 'string') throw new StudioError('invalid-request', engines);
  const providers = values.providers?.split(',').map((p) => p.trim());
  if (providers?.some((p) => p !== 'cuda' && p !== 'dml' && p !== 'cpu')) throw new StudioError('invalid-request', `--providers takes a comma list of cuda, dml, cpu; got ${values.providers}.`);
  const int = (key: 'lock-sec' | 'stalled-check-sec' | 'max-stalled', fallback: number, min: number, max: number) => (values[key] === undefined ? fallback : parseDecimalInteger(values[key], `--${key}`, min, max));
  const handle = await startFarmWorker({
    redisUrl,
    storage: await storageOf(values.storage),
    engines,
    concurrency: values.concurrency === undefined ? 1 : parseDecimalInteger(values.concurrency, '--concurrency', 1, 64),
    modelsDir: values.models ? resolve(values.models) : defaultModelsDir(resolveDataDirs().dataDir),
    ...(providers ? { providers: providers as ('cuda' | 'dml' | 'cpu')[] } : {}),
    stall: {
      lockSec: int('lock-sec', DEFAULT_STALL_SETTINGS.lockSec, 2, 3600),
      stalledCheckSec: int('stalled-check-sec', DEFAULT_STALL_SETTINGS.stalledCheckSec, 1, 3600),
      maxStalledCount: int('max-stalled', DEFAULT_STALL_SETTINGS.maxStalledCount, 0, 100),
    },
    log,
  });
  await new Promise<void>((resolveStop) => {
    if (signal.aborted) resolveStop();
    signal.addEventListener('abort', () => resolveStop(), { once: true });
  });
  log(`worker ${handle.name}: stopping; running jobs go back to the queue`);
  await handle.close();
}
