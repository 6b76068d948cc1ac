import { useCallback, useEffect, useState } from 'react';
import type { FarmJobView, FarmWorkerView } from '../../src-shared/farm/farm-job-view';
import { PUSH_CHANNEL } from '../../src-shared/ipc/contract';
import { useStudio } from '../state/studio-context';

/** After a failed watch (Redis unreachable, settings not applied yet), the next try: the slow fallback. */
const RETRY_MS = 5000;

export interface QueueWatch {
  readonly jobs: readonly FarmJobView[];
  readonly workers: readonly FarmWorkerView[];
  readonly error: string | null;
  /** Asks once now (after the panel's own action, so its answer shows before the next push). */
  readonly refresh: () => Promise<void>;
}

/**
 * The render queue as the services push it (queue:watch, queue:did-change: on every job event, and
 * every few seconds for the workers), while `enabled`; a failed watch is tried again every 5 s.
 * Unmounting stops the watch (jobs:cancel with its id).
 */
export function useQueueWatch(enabled: boolean, generation: number): QueueWatch {
  const { studio } = useStudio();
  const [jobs, setJobs] = useState<readonly FarmJobView[]>([]);
  const [workers, setWorkers] = useState<readonly FarmWorkerView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const watchId = `queue-watch-${Math.random().toString(36).slice(2, 10)}-${generation}`;
    let live = true;
    const unsubscribe = studio.on(PUSH_CHANNEL.queueDidChange, (list) => {
      if (list.watchId !== watchId) return;
      setJobs(list.jobs);
      setWorkers(list.workers);
      setError(null);
    });
    void (async () => {
      while (live) {
        const result = await studio.queue.watch({ watchId });
        if (!live) break;
        if (!result.ok) {
          setError(result.error.message);
          await new Promise((done) => window.setTimeout(done, RETRY_MS));
        }
      }
    })();
    return () => {
      live = false;
      unsubscribe();
      void studio.jobs.cancel({ jobId: watchId });
    };
  }, [studio, enabled, generation]);

  const refresh = useCallback(async () => {
    const result = await studio.queue.list({});
    if (result.ok) {
      setJobs(result.value.jobs);
      setWorkers(result.value.workers);
      setError(null);
    } else setError(result.error.message);
  }, [studio]);

  return { jobs, workers, error, refresh };
}
