/**
 * Synchronous clean-ups that must run however the process ends while they are registered:
 * process.exit(), an uncaught exception, the end of the event loop, or a host that calls
 * runExitCleanups() itself (Electron's will-quit). Encoders register "kill ffmpeg", output locks
 * register "remove my .part and my lock". They run newest first, each at most once.
 * SIGKILL runs nothing; what it leaves behind is proved stale and removed by the next job.
 */
const cleanups = new Set<() => void>();
let installed = false;

export function onExitCleanup(cleanup: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', runExitCleanups);
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function runExitCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending; the next job proves leftovers stale.
    }
  }
}
