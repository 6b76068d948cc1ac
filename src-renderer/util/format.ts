/** `m:ss.mmm` for the timeline and the status bar. */
export function formatTimecode(timeSec: number): string {
  const clampedSec = Math.max(0, timeSec);
  const minutes = Math.floor(clampedSec / 60);
  const seconds = clampedSec - minutes * 60;
  return `${minutes}:${seconds.toFixed(3).padStart(6, '0')}`;
}

/** Local wall-clock time of an ISO timestamp, e.g. for "Restore unsaved changes from …". */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "19:35" (local hours and minutes) of an ISO timestamp: "Unsaved changes (autosaved 19:35)". */
export function formatClockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function formatBytes(byteLength: number): string {
  if (byteLength < 1024) return `${byteLength} B`;
  if (byteLength < 1024 * 1024) return `${(byteLength / 1024).toFixed(1)} KiB`;
  return `${(byteLength / (1024 * 1024)).toFixed(1)} MiB`;
}
