import { StudioError } from '../../src-shared/util/result.js';

/** Long jobs by the caller's jobId, so that jobs:cancel can reach them from any host. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` as job `jobId`; it is cancelled by cancel(jobId) or by the call's own signal. */
  async run<T>(jobId: string, callSignal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(jobId)) throw new StudioError('already-exists', `A job named ${jobId} is already running.`);
    const controller = new AbortController();
    const onCallAbort = () => controller.abort();
    callSignal.addEventListener('abort', onCallAbort, { once: true });
    this.running.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      callSignal.removeEventListener('abort', onCallAbort);
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort();
  }
}
