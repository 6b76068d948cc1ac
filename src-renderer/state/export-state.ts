/** The export dialog's job. */
export type ExportJobState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running';
      readonly jobId: string;
      readonly outPath: string;
      readonly fraction: number;
      readonly message: string;
      /** While frames are rendered: how many of how many. */
      readonly frames: { readonly done: number; readonly total: number } | null;
    }
  | { readonly status: 'done'; readonly outPath: string; readonly frameCount: number; readonly durationSec: number; readonly warnings: readonly string[] }
  | { readonly status: 'failed'; readonly message: string }
  /** The folder of `outPath` does not exist: the dialog offers to create it. */
  | { readonly status: 'missing-folder'; readonly outPath: string; readonly message: string }
  | { readonly status: 'cancelled' };

/**
 * The one percentage an export shows, in its bar and its text: the frames' share while frames are
 * rendered (frame 27 of 235 is 11 %), else the job's fraction.
 */
export function exportFraction(job: { readonly fraction: number; readonly frames: { readonly done: number; readonly total: number } | null }): number {
  return job.frames === null ? job.fraction : job.frames.done / job.frames.total;
}
